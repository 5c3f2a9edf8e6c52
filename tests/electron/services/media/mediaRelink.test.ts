import { copyFile, mkdir, mkdtemp, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { HASH_CACHE_FILE, MediaHashCache } from '../../../../electron/services/media/mediaHashCache.ts';
import { importMediaFile } from '../../../../electron/services/media/mediaImport.ts';
import { checkMediaFiles, relinkMediaFile } from '../../../../electron/services/media/mediaRelink.ts';
import type { MediaRef } from '../../../../shared/model/take.ts';
import { faultyFs } from '../support/faultyFs.ts';
import { expectErr, expectOk } from '../support/library.ts';
import { snapshotTree, useTempDir } from '../support/tempDir.ts';
import type { Clips } from './support/mediaFixtures.ts';
import { makeClips } from './support/mediaFixtures.ts';

const tmp = useTempDir('shotcanvas-relink-');
let clips: Clips;
let clipsDir: string;
let projectDir: string;
let hashes: MediaHashCache;
let stored: MediaRef;

beforeAll(async () => {
  clipsDir = await mkdtemp(join(tmpdir(), 'shotcanvas-clips-'));
  clips = await makeClips(clipsDir);
}, 60_000);
afterAll(async () => {
  await rm(clipsDir, { recursive: true, force: true });
});
beforeEach(async () => {
  projectDir = join(tmp(), 'Night Shoot');
  await mkdir(projectDir);
  await writeFile(join(projectDir, 'project.json'), '{}');
  hashes = new MediaHashCache(nodeFileSystem);
  const imported = await importMediaFile({
    fs: nodeFileSystem,
    hashes,
    projectDir,
    sourcePath: clips.mp4,
    signal: new AbortController().signal,
    freeSpace: () => Promise.resolve(1e12),
  });
  stored = expectOk(imported).media;
});

const relink = (newSourcePath: string, ref = stored) =>
  relinkMediaFile({ fs: nodeFileSystem, hashes, projectDir, ref, newSourcePath, signal: new AbortController().signal, freeSpace: () => Promise.resolve(1e12) });

describe('checkMediaFiles', () => {
  it('reports ok, missing and changed files', async () => {
    const other = { hash: 'a'.repeat(64), path: `media/${'a'.repeat(16)}/gone.mp4` };
    expect(expectOk(await checkMediaFiles(nodeFileSystem, hashes, projectDir, [stored, other]))).toEqual([
      { hash: stored.hash, path: stored.path, status: 'ok' },
      { hash: other.hash, path: other.path, status: 'missing' },
    ]);
    await writeFile(join(projectDir, stored.path), 'overwritten by someone');
    expect(expectOk(await checkMediaFiles(nodeFileSystem, hashes, projectDir, [stored]))[0]?.status).toBe('changed');
  });

  it('does not rehash a file whose size and mtime are unchanged (the cache survives a restart)', async () => {
    expect(expectOk(await checkMediaFiles(nodeFileSystem, hashes, projectDir, [stored]))[0]?.status).toBe('ok');
    const cacheText = await readFile(join(projectDir, '.cache', HASH_CACHE_FILE), 'utf8');
    expect(cacheText).toContain(stored.path);
    // A fresh cache (new run) whose reads of media files would fail: the size+mtime entry answers.
    const reads: string[] = [];
    const counting = faultyFs({
      open: (async (path: string, flags?: string) => {
        reads.push(String(path));
        const fs = await import('node:fs/promises');
        return fs.open(path, flags);
      }) as typeof nodeFileSystem.open,
    });
    const fresh = new MediaHashCache(counting);
    expect(expectOk(await checkMediaFiles(counting, fresh, projectDir, [stored]))[0]?.status).toBe('ok');
    expect(reads.filter((p) => p.endsWith('.mp4'))).toEqual([]);
    // Touching the file (same size, new mtime) makes it read again.
    const later = new Date(Date.now() + 5000);
    await utimes(join(projectDir, stored.path), later, later);
    expect(expectOk(await checkMediaFiles(counting, fresh, projectDir, [stored]))[0]?.status).toBe('ok');
    expect(reads.filter((p) => p.endsWith('.mp4'))).toHaveLength(1);
  });

  it('refuses a path that escapes the project or does not match the hash', async () => {
    expectErr(await checkMediaFiles(nodeFileSystem, hashes, projectDir, [{ hash: stored.hash, path: 'media/../../etc/passwd' }]), 'INVALID_ARGUMENT');
    expectErr(await checkMediaFiles(nodeFileSystem, hashes, projectDir, [{ hash: stored.hash, path: `media/${'b'.repeat(16)}/x.mp4` }]), 'INVALID_ARGUMENT');
  });
});

describe('relinkMediaFile', () => {
  it('puts a found copy with the recorded hash back in place', async () => {
    await unlink(join(projectDir, stored.path));
    const found = join(tmp(), 'found on the backup drive.mp4');
    await copyFile(clips.mp4, found);
    expect(expectOk(await relink(found))).toEqual({ hash: stored.hash, path: stored.path, bytes: stored.bytes, alreadyInPlace: false });
    expect(await readFile(join(projectDir, stored.path))).toEqual(await readFile(clips.mp4));
    expect(expectOk(await checkMediaFiles(nodeFileSystem, hashes, projectDir, [stored]))[0]?.status).toBe('ok');
  });

  it('restores the hash folder too when it was removed', async () => {
    await rm(join(projectDir, 'media', stored.hash.slice(0, 16)), { recursive: true });
    expectOk(await relink(clips.mp4));
    expect(await readFile(join(projectDir, stored.path))).toEqual(await readFile(clips.mp4));
  });

  it('replaces a changed file with the right bytes', async () => {
    await writeFile(join(projectDir, stored.path), 'damaged');
    expectOk(await relink(clips.mp4));
    expect(await readFile(join(projectDir, stored.path))).toEqual(await readFile(clips.mp4));
  });

  it('refuses a file with other bytes: a clear error, and nothing in the project changes', async () => {
    await unlink(join(projectDir, stored.path));
    const before = await snapshotTree(projectDir);
    const error = expectErr(await relink(clips.mov25), 'CONFLICT', 'is not the missing file', 'Nothing was changed');
    expect(error.message).toContain(stored.hash.slice(0, 12));
    const after = await snapshotTree(projectDir);
    expect(Object.keys(after).filter((k) => !k.startsWith('.cache'))).toEqual(Object.keys(before).filter((k) => !k.startsWith('.cache')));
  });

  it('says when the file is already in place, without copying', async () => {
    expect(expectOk(await relink(clips.mov25))).toMatchObject({ alreadyInPlace: true });
  });

  it('refuses a target path outside the media folder pattern', async () => {
    expectErr(await relink(clips.mp4, { ...stored, path: '../outside.mp4' }), 'INVALID_ARGUMENT');
  });
});
