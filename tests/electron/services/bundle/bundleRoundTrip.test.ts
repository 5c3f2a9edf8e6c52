import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { mkdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import type { ExportBundleOptions } from '../../../../electron/services/bundle/bundleExport.ts';
import { exportProjectBundle } from '../../../../electron/services/bundle/bundleExport.ts';
import { sweepImportStaging } from '../../../../electron/services/bundle/bundleImport.ts';
import type { FileSystem } from '../../../../electron/services/fileSystem.ts';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../../electron/services/projectFolder.ts';
import { faultyFs, fsError } from '../support/faultyFs.ts';
import { namesIn, snapshotTree, useTempDir } from '../support/tempDir.ts';
import { makeProject, now, plentyOfSpace, runImport } from './support/bundleFixtures.ts';

const tmp = useTempDir('shotcanvas-bundle-');
const MB = 1024 * 1024;

function exportTo(projectDir: string, targetPath: string, options: Partial<ExportBundleOptions> = {}) {
  return exportProjectBundle({ projectDir, targetPath, signal: new AbortController().signal, freeSpace: plentyOfSpace, now, ...options });
}

async function sampleProject(root: string) {
  const projectDir = join(root, 'projects', 'Night Shoot');
  const media = {
    'ab/clip one.mp4': randomBytes(1000),
    'cd/ef/still.png': randomBytes(3000),
    'big.mov': randomBytes(5 * MB),
    'ünïcode é.txt': Buffer.from('x'),
  };
  const file = await makeProject(projectDir, media);
  // None of these may travel: backups, exports, the thumbnail/hash cache, temp files, links, stray files outside media/.
  await writeFile(join(projectDir, '.backups', 'old.json'), '{}');
  await mkdir(join(projectDir, '.cache', 'thumbs', 'a'.repeat(64)), { recursive: true });
  await writeFile(join(projectDir, '.cache', 'thumbs', 'a'.repeat(64), 'poster.jpg'), randomBytes(100));
  await writeFile(join(projectDir, '.cache', 'media-hashes.json'), '{}');
  await writeFile(join(projectDir, 'exports', 'cut.edl'), 'TITLE: cut');
  await writeFile(join(projectDir, 'media', 'ab', '.x.bin.123-abcd.sctmp'), 'half written');
  await writeFile(join(projectDir, 'notes.txt'), 'stray');
  await writeFile(join(root, 'secret.txt'), 'outside the project');
  await symlink(join(root, 'secret.txt'), join(projectDir, 'media', 'link.png'));
  await mkdir(join(root, 'out'), { recursive: true });
  return { projectDir, file, media };
}

function zipListing(path: string): Promise<Array<{ name: string; method: number }>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: Array<{ name: string; method: number }> = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push({ name: entry.fileName, method: entry.compressionMethod });
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('project bundles: export then import', () => {
  it('round-trips data and media byte for byte, with a new project id', async () => {
    const root = tmp();
    const { projectDir, file, media } = await sampleProject(root);
    const target = join(root, 'out', 'Night Shoot.shotcanvas');
    const progress: Array<[number, number, string]> = [];
    const exported = await exportTo(projectDir, target, { onProgress: (d, t, p) => progress.push([d, t, p]) });
    expect(exported.ok, exported.ok ? '' : exported.error.message).toBe(true);
    if (!exported.ok) return;
    expect(exported.value).toEqual({ path: target, bytes: (await stat(target)).size, entries: 6 });
    expect(await namesIn(join(root, 'out'))).toEqual(['Night Shoot.shotcanvas']);

    const listing = await zipListing(target);
    expect(listing[0]).toEqual({ name: 'shotcanvas-bundle.json', method: 8 });
    expect(listing[1]).toEqual({ name: 'project.json', method: 8 });
    expect(listing.slice(2).map((e) => e.name)).toEqual(['media/ab/clip one.mp4', 'media/big.mov', 'media/cd/ef/still.png', 'media/ünïcode é.txt']);
    expect(listing.slice(2).every((e) => e.method === 0)).toBe(true);

    // Progress: in bytes, never going back, ending at the total.
    const total = progress[0]![1];
    expect(total).toBeGreaterThan(2 * 5 * MB);
    expect(progress.every(([, t]) => t === total)).toBe(true);
    for (let i = 1; i < progress.length; i += 1) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    expect(progress.at(-1)![0]).toBe(total);
    expect(new Set(progress.map(([, , p]) => p))).toEqual(new Set(['hashing', 'writing', 'finishing']));

    const parentDir = join(root, 'imported');
    await mkdir(parentDir);
    const importProgress: number[] = [];
    const imported = await runImport(target, parentDir, { onProgress: (d) => importProgress.push(d) });
    expect(imported.ok, imported.ok ? '' : imported.error.message).toBe(true);
    if (!imported.ok) return;
    const dir = join(parentDir, 'Night Shoot');
    expect(imported.value).toEqual({ projectDir: dir, projectId: expect.any(String), name: 'Night Shoot' });
    expect(imported.value.projectId).not.toBe(file.projectId);
    for (let i = 1; i < importProgress.length; i += 1) expect(importProgress[i]!).toBeGreaterThanOrEqual(importProgress[i - 1]!);

    const read = await readProjectFile(nodeFileSystem, dir);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.projectId).toBe(imported.value.projectId);
    expect(read.value.revision).toBe(0);
    expect(read.value.data).toEqual(file.data);
    expect(await namesIn(parentDir)).toEqual(['Night Shoot']);
    expect(await namesIn(dir)).toEqual(['.backups', 'exports', 'media', 'project.json']);
    expect(await namesIn(join(dir, 'exports'))).toEqual([]);
    expect(await namesIn(join(dir, '.backups'))).toEqual([]);
    const copied = await snapshotTree(join(dir, 'media'));
    expect(Object.keys(copied).filter((k) => copied[k] !== 'dir')).toEqual(Object.keys(media).sort((a, b) => a.localeCompare(b)));
    for (const [rel, bytes] of Object.entries(media)) expect((await readFile(join(dir, 'media', rel))).equals(bytes)).toBe(true);
  });

  it('imports again as "Name (2)", or under a requested name, and refuses an invalid one', async () => {
    const root = tmp();
    const { projectDir } = await sampleProject(root);
    const target = join(root, 'out', 'b.shotcanvas');
    expect((await exportTo(projectDir, target)).ok).toBe(true);
    const parentDir = join(root, 'projects');
    const second = await runImport(target, parentDir);
    expect(second.ok && second.value.name).toBe('Night Shoot (2)');
    const third = await runImport(target, parentDir);
    expect(third.ok && third.value.name).toBe('Night Shoot (3)');
    const named = await runImport(target, parentDir, { name: '  Reshoot ' });
    expect(named.ok && named.value).toMatchObject({ name: 'Reshoot', projectDir: join(parentDir, 'Reshoot') });
    const read = await readProjectFile(nodeFileSystem, join(parentDir, 'Reshoot'));
    expect(read.ok && read.value.data.settings.name).toBe('Reshoot');

    const before = await snapshotTree(root);
    const bad = await runImport(target, parentDir, { name: 'a/b' });
    expect(bad.ok || bad.error.code).toBe('INVALID_ARGUMENT');
    expect(await snapshotTree(root)).toEqual(before);
  });

  it('cancelling an export (hashing or writing) leaves no temp file and no bundle', async () => {
    const root = tmp();
    const { projectDir } = await sampleProject(root);
    const target = join(root, 'out', 'c.shotcanvas');
    // Hashing covers the first half of the byte total, writing the second.
    for (const [phase, at] of [
      ['hashing', 0.25],
      ['writing', 0.75],
    ] as const) {
      const controller = new AbortController();
      let seenAtAbort: string[] = [];
      const result = await exportTo(projectDir, target, {
        signal: controller.signal,
        onProgress: (done, total, p) => {
          if (p !== phase || done <= total * at || controller.signal.aborted) return;
          seenAtAbort = readdirSync(join(root, 'out'));
          controller.abort();
        },
      });
      expect(result.ok || result.error.code).toBe('CANCELLED');
      // The writing phase really was cut off mid-file: its temp file existed.
      expect(seenAtAbort.some((n) => n.endsWith('.sctmp'))).toBe(phase === 'writing');
      expect(await namesIn(join(root, 'out'))).toEqual([]);
    }
    const early = await exportTo(projectDir, target, { signal: AbortSignal.abort() });
    expect(early.ok || early.error.code).toBe('CANCELLED');
  });

  it('cancelling an import leaves the parent folder as it was', async () => {
    const root = tmp();
    const { projectDir } = await sampleProject(root);
    const target = join(root, 'out', 'd.shotcanvas');
    expect((await exportTo(projectDir, target)).ok).toBe(true);
    const before = await snapshotTree(root);
    const controller = new AbortController();
    let calls = 0;
    let staged: string[] = [];
    const result = await runImport(target, join(root, 'projects'), {
      signal: controller.signal,
      onProgress: (done) => {
        calls += 1;
        if (done === 0 || controller.signal.aborted) return;
        staged = readdirSync(join(root, 'projects'));
        controller.abort();
      },
    });
    expect(result.ok || result.error.code).toBe('CANCELLED');
    expect(calls).toBeGreaterThan(1);
    expect(staged.some((n) => /^\.import-[0-9a-f]+\.sctmp-dir$/.test(n))).toBe(true);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it('refuses to start when the disk is too full, writing nothing', async () => {
    const root = tmp();
    const { projectDir } = await sampleProject(root);
    const target = join(root, 'out', 'e.shotcanvas');
    const tiny = () => Promise.resolve(1000);
    const before = await snapshotTree(root);
    const refusedExport = await exportTo(projectDir, target, { freeSpace: tiny });
    expect(refusedExport.ok || refusedExport.error).toMatchObject({ code: 'NO_SPACE', message: expect.stringMatching(/Not enough free disk space/) });
    expect(await snapshotTree(root)).toEqual(before);

    expect((await exportTo(projectDir, target)).ok).toBe(true);
    const beforeImport = await snapshotTree(root);
    const refusedImport = await runImport(target, join(root, 'projects'), { freeSpace: tiny });
    expect(refusedImport.ok || refusedImport.error.code).toBe('NO_SPACE');
    expect(await snapshotTree(root)).toEqual(beforeImport);
  });

  it('refuses to export an invalid project or one whose media names would clash', async () => {
    const root = tmp();
    const { projectDir } = await sampleProject(root);
    const target = join(root, 'out', 'f.shotcanvas');
    await writeFile(join(projectDir, 'media', 'Big.mov'), 'same name as big.mov on Windows and macOS');
    if ((await namesIn(join(projectDir, 'media'))).includes('big.mov')) {
      const clash = await exportTo(projectDir, target);
      expect(clash.ok || clash.error.message).toMatch(/"media\/Big.mov" and "media\/big.mov" would become the same file/);
    }
    await writeFile(join(projectDir, 'project.json'), '{ not json');
    const invalid = await exportTo(projectDir, target);
    expect(invalid.ok || invalid.error).toMatchObject({ code: 'INVALID_PROJECT_FILE', message: expect.stringMatching(/Cannot export this project/) });
    const inside = await exportTo(projectDir, join(projectDir, 'media', 'x.shotcanvas'));
    expect(inside.ok || inside.error.code).toBe('INVALID_ARGUMENT');
    expect(await namesIn(join(root, 'out'))).toEqual([]);
  });

  it('fails cleanly when a media file cannot be read or changes between the two passes', async () => {
    const root = tmp();
    const { projectDir } = await sampleProject(root);
    const target = join(root, 'out', 'g.shotcanvas');
    const still = join(projectDir, 'media', 'cd', 'ef', 'still.png');
    const opensOf = (path: string) => {
      let count = 0;
      return (async (p: string, flags?: string) => {
        if (p === path && (count += 1) === 2) return onSecondOpen(p, flags);
        return nodeFs.open(p, flags);
      }) as FileSystem['open'];
    };
    let onSecondOpen: (p: string, flags?: string) => Promise<nodeFs.FileHandle> = () => Promise.reject(fsError('EIO', 'open', still));
    const unreadable = await exportTo(projectDir, target, { fs: faultyFs({ open: opensOf(still) }) });
    expect(unreadable.ok || unreadable.error).toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/EIO/) });
    expect(await namesIn(join(root, 'out'))).toEqual([]);

    onSecondOpen = async (p, flags) => {
      await writeFile(p, randomBytes(3000)); // same size, other bytes
      return nodeFs.open(p, flags);
    };
    const changed = await exportTo(projectDir, target, { fs: faultyFs({ open: opensOf(still) }) });
    expect(changed.ok || changed.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/still\.png changed while the bundle was being written/),
    });
    expect(await namesIn(join(root, 'out'))).toEqual([]);
  });

  it('an import that fails while extracting (disk full) leaves the parent folder as it was', async () => {
    const root = tmp();
    const { projectDir } = await sampleProject(root);
    const target = join(root, 'out', 'h.shotcanvas');
    expect((await exportTo(projectDir, target)).ok).toBe(true);
    const before = await snapshotTree(root);
    const full = faultyFs({
      open: (async (p: string, flags?: string) => {
        if (p.endsWith('big.mov') && flags === 'wx') throw fsError('ENOSPC', 'open', p);
        return nodeFs.open(p, flags);
      }) as FileSystem['open'],
    });
    const result = await runImport(target, join(root, 'projects'), { fs: full });
    expect(result.ok || result.error).toMatchObject({ code: 'NO_SPACE', message: expect.stringMatching(/disk is full/) });
    expect(await snapshotTree(root)).toEqual(before);
  });

  it('reports a missing bundle or parent folder', async () => {
    const root = tmp();
    await mkdir(join(root, 'projects'));
    const missing = await runImport(join(root, 'nope.shotcanvas'), join(root, 'projects'));
    expect(missing.ok || missing.error.code).toBe('NOT_FOUND');
    const noParent = await runImport(join(root, 'nope.shotcanvas'), join(root, 'absent'));
    expect(noParent.ok || noParent.error.code).toBe('NOT_FOUND');
    expect(await namesIn(join(root, 'projects'))).toEqual([]);
  });
});

describe('sweepImportStaging', () => {
  it('removes only old staging folders a crashed import left behind', async () => {
    const root = tmp();
    const old = join(root, '.import-0123abcd.sctmp-dir');
    const fresh = join(root, '.import-89ef.sctmp-dir');
    for (const dir of [old, fresh, join(root, 'Project'), join(root, '.import-notours')]) await mkdir(join(dir, 'media'), { recursive: true });
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await utimes(old, dayAgo, dayAgo);
    expect(await sweepImportStaging(nodeFileSystem, root, new Date())).toBe(1);
    expect(await namesIn(root)).toEqual(['.import-89ef.sctmp-dir', '.import-notours', 'Project']);
    expect(await sweepImportStaging(nodeFileSystem, join(root, 'missing'), new Date())).toBe(0);
  });
});
