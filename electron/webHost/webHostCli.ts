import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { err } from '../../shared/result.ts';
import { nodeFileSystem } from '../services/fileSystem.ts';
import type { MediaUploadInput } from '../services/media/mediaService.ts';
import { createServices } from '../services/serviceContainer.ts';
import { moveToWorkspaceTrash } from '../services/workspaceTrash.ts';
import type { WebHost } from './webHostServer.ts';
import { startWebHost } from './webHostServer.ts';

const HELP = `Usage: npm run web -- [options]

Serves the Shotcanvas app to a browser on 127.0.0.1, with the same services the desktop app uses.

Options:
  --port N          port to listen on (default: the port used last time, else a random free one)
  --workspace DIR   folder that holds your projects (default: ~/Shotcanvas)
  --data-dir DIR    folder for web-host settings (default: <workspace>/.shotcanvas-web)
  --renderer DIR    built renderer to serve (default: .vite/renderer/main_window)
  -h, --help        show this help
`;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function rememberedPort(file: string): Promise<number> {
  try {
    const port = Number((await readFile(file, 'utf8')).trim());
    return Number.isInteger(port) && port > 1024 && port < 65536 ? port : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      workspace: { type: 'string' },
      'data-dir': { type: 'string' },
      renderer: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const workspaceDir = resolve(values.workspace ?? join(homedir(), 'Shotcanvas'));
  const userDataDir = resolve(values['data-dir'] ?? join(workspaceDir, '.shotcanvas-web'));
  const rendererDir = resolve(values.renderer ?? join(repoRoot, '.vite', 'renderer', 'main_window'));
  await mkdir(workspaceDir, { recursive: true });
  await mkdir(userDataDir, { recursive: true });

  const portFile = join(userDataDir, 'last-port');
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) {
    process.stderr.write(`--port must be a number between 0 and 65535, not "${values.port}"\n`);
    process.exitCode = 2;
    return;
  }
  // The browser keys IndexedDB by origin (including the port), so reusing last run's port keeps
  // the working copy; the project folder remains the truth either way.
  const requested = values.port !== undefined ? Number(values.port) : await rememberedPort(portFile);

  // Events go to the browser over server-sent events once the server is up.
  let host: WebHost | undefined;
  const log = (message: string, error?: unknown) =>
    process.stderr.write(`[web host] ${message}${error ? `: ${error instanceof Error ? error.stack : String(error)}` : ''}\n`);
  const services = createServices({
    fs: nodeFileSystem,
    userDataDir,
    defaultWorkspaceDir: workspaceDir,
    trash: async (folder) => moveToWorkspaceTrash(nodeFileSystem, (await services.settings.get()).workspaceDir, folder, new Date()),
    now: () => new Date(),
    confineToWorkspace: true,
    emit: (event, payload) => host?.emit(event, payload),
    log,
    host: {
      kind: 'web',
      platform: process.platform,
      showOpenDialog: () => Promise.resolve(err('NOT_SUPPORTED', 'The web host has no native dialogs; the app shows its own folder picker.')),
      showSaveDialog: () => Promise.resolve(err('NOT_SUPPORTED', 'The web host has no native dialogs; bundles are written to the project folder.')),
      openExternal: () => Promise.resolve(),
      browseRoot: async () => (await services.settings.get()).workspaceDir,
    },
  });
  // Media are served only from projects open right now; uploads stream into the media import.
  const mediaDir = (projectId: string) => services.projects.dirOf(projectId);
  const uploadMedia = (input: MediaUploadInput) => services.media.acceptUpload(input);
  // The web host is always confined to the workspace it was started with.
  await services.settings.update({ workspaceDir });

  try {
    host = await startWebHost({ api: services.api, fs: nodeFileSystem, rendererDir, port: requested, log, mediaDir, uploadMedia });
  } catch (error) {
    if (values.port === undefined && requested !== 0) {
      host = await startWebHost({ api: services.api, fs: nodeFileSystem, rendererDir, port: 0, log, mediaDir, uploadMedia });
    } else {
      process.stderr.write(`Could not listen on 127.0.0.1:${requested}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
      return;
    }
  }
  await writeFile(portFile, String(host.port)).catch(() => undefined);
  process.stdout.write(`Shotcanvas web host serving ${workspaceDir}\nOpen: ${host.url}\n`);
  const running = host;
  const stop = () => {
    // Fold open projects' journals into project.json before leaving.
    void services.projects
      .closeAll()
      .then(() => running.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Shotcanvas web host failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
