import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import type { ProjectId } from '../../shared/ids.ts';
import { AppSettingsStore } from '../../electron/services/appSettings.ts';
import { isTempFileName } from '../../electron/services/atomicWrite.ts';
import { nodeFileSystem } from '../../electron/services/fileSystem.ts';
import { OpenProjects } from '../../electron/services/openProjects.ts';
import { OwnerPings } from '../../electron/services/ownerPings.ts';
import { buildProjectFile, checkProjectFileText, writeProjectFile } from '../../electron/services/projectFolder.ts';
import { RecentProjects } from '../../electron/services/recentProjects.ts';
import { WorkspacePaths } from '../../electron/services/workspacePaths.ts';
import { CRASH_SETTINGS, documentAt } from './changeScript.ts';

/**
 * Kills a process that is saving a project with SIGKILL at random moments, then checks what a
 * restart finds: project.json always parses and holds exactly the previous or the new revision
 * (never a torn mix), the next start sweeps every temp file, and no acknowledged revision is lost.
 */
export interface CrashReport {
  readonly kills: number;
  /** project.json files that did not parse, failed their hash, or held an unexpected document. */
  readonly torn: number;
  readonly tempFilesLeftAfterSweep: number;
  /** Acknowledged revisions missing after the restart (must be 0). */
  readonly revisionsLost: number;
}

const childScript = resolve(import.meta.dirname, 'crashWriterChild.ts');

function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/** Key order differs between freshly made records and parsed ones; compare canonically. */
function sameDocument(a: { shots: readonly unknown[] }, revision: number): boolean {
  return canonicalJson(a.shots) === canonicalJson(documentAt(revision).shots);
}

/** Runs the child until a random moment after it is ready, kills it, returns the last ack. */
function runAndKill(dir: string, mode: 'full' | 'journal', delayMs: number): Promise<{ lastAck: number; startedAt: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [childScript, dir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let startedAt = -1;
    let buffer = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const [word, value] = line.split(' ');
        if (word === 'ack') lastAck = Number(value);
        if (word === 'ready') {
          startedAt = Number(value);
          lastAck = startedAt;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`crash writer exited by itself (code ${code}): ${output}`));
      resolvePromise({ lastAck, startedAt, output });
    });
  });
}

async function tempFilesIn(dir: string): Promise<number> {
  const names = [...(await readdir(dir)), ...(await readdir(join(dir, '.backups')).catch(() => [] as string[]))];
  return names.filter(isTempFileName).length;
}

export async function runCrashTest(options: { kills: number; seed?: number; log?: (line: string) => void }): Promise<CrashReport> {
  const root = await mkdtemp(join(tmpdir(), 'shotcanvas-crash-'));
  const dir = join(root, 'Crash Test');
  const random = rng(options.seed ?? 20261125);
  const log = options.log ?? (() => undefined);
  let torn = 0;
  let tempLeft = 0;
  let lost = 0;
  let tempFilesSeen = 0;
  try {
    await mkdir(join(dir, '.backups'), { recursive: true });
    const projectId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b' as ProjectId;
    await writeProjectFile(nodeFileSystem, dir, buildProjectFile(projectId, 0, { ...documentAt(0), settings: CRASH_SETTINGS, tombstones: [] }, new Date()));
    const settings = new AppSettingsStore(nodeFileSystem, join(root, 'user'), root);
    const projects = new OpenProjects({
      fs: nodeFileSystem,
      paths: new WorkspacePaths(nodeFileSystem, settings, false),
      recent: new RecentProjects(nodeFileSystem, join(root, 'user')),
      now: () => new Date(),
      owners: new OwnerPings(() => undefined),
      announceTakeover: () => undefined,
      log: () => undefined,
    });
    for (let kill = 1; kill <= options.kills; kill += 1) {
      const mode = kill % 2 === 0 ? 'journal' : 'full';
      const { lastAck } = await runAndKill(dir, mode, 5 + Math.floor(random() * 150));

      // What the crash left on disk: project.json must be whole and hold a real revision.
      const text = await readFile(join(dir, 'project.json'), 'utf8');
      const checked = checkProjectFileText(text, 'project.json');
      if (!checked.ok) {
        torn += 1;
        log(`kill ${kill} (${mode}): project.json is torn: ${checked.error.message}`);
        continue;
      }
      const onDisk = checked.value.file;
      const allowed = mode === 'full' ? [lastAck, lastAck + 1] : null;
      if ((allowed && !allowed.includes(onDisk.revision)) || onDisk.revision > lastAck + 1 || !sameDocument(onDisk.data, onDisk.revision)) {
        torn += 1;
        log(`kill ${kill} (${mode}): project.json holds revision ${onDisk.revision} (last ack ${lastAck}) or a mixed document`);
      }

      // The next start: sweep, validate, replay the journal.
      const leftByCrash = await tempFilesIn(dir);
      if (leftByCrash > 0) tempFilesSeen += 1;
      const opened = await projects.openProject(dir, 'crash-test');
      if (!opened.ok) {
        torn += 1;
        log(`kill ${kill} (${mode}): reopening failed: ${opened.error.message}`);
        continue;
      }
      const recovered = opened.value.file.revision;
      if (recovered < lastAck) lost += lastAck - recovered;
      if (!sameDocument(opened.value.file.data, recovered)) {
        torn += 1;
        log(`kill ${kill} (${mode}): the reopened document is not revision ${recovered}`);
      }
      tempLeft += await tempFilesIn(dir);
      await projects.close({ projectId: opened.value.file.projectId, clientId: 'crash-test' });
      log(`kill ${kill} (${mode}): last ack ${lastAck}, on disk ${onDisk.revision}, recovered ${recovered}, temp files left by the kill ${leftByCrash}`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  log(`kills that left a temp file behind (killed mid-write): ${tempFilesSeen}`);
  return { kills: options.kills, torn, tempFilesLeftAfterSweep: tempLeft, revisionsLost: lost };
}
