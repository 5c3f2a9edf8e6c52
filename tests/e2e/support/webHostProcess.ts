import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface WebHostProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

/** Starts `electron/webHost/webHostCli.ts` as its own process and waits for the URL it prints. */
export function startWebHostProcess(options: { workspace: string; dataDir: string; port?: number }): Promise<WebHostProcess> {
  const args = ['electron/webHost/webHostCli.ts', '--workspace', options.workspace, '--data-dir', options.dataDir, '--port', String(options.port ?? 0)];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The web host did not print its URL within 20 s. Output:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolvePromise({
        url: match[1]!,
        port: Number(match[2]),
        child,
        stop: (signal = 'SIGTERM') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited with code ${code} before it was ready. Output:\n${output}`));
    });
  });
}
