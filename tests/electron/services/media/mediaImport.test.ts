import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import type { FileSystem } from '../../../../electron/services/fileSystem.ts';
import { MediaHashCache } from '../../../../electron/services/media/mediaHashCache.ts';
import type { ImportPhase, MediaImportInput } from '../../../../electron/services/media/mediaImport.ts';
import { importMediaFile } from '../../../../electron/services/media/mediaImport.ts';
import { STALE_STAGING_MS, sweepStaleStaging } from '../../../../electron/services/media/mediaStaging.ts';
import { mediaRefSchema } from '../../../../shared/model/take.ts';
import { faultyFs, flakyRename, openWithFailingHandle } from '../support/faultyFs.ts';
import { expectErr, expectOk } from '../support/library.ts';
import { namesIn, snapshotTree, useTempDir } from '../support/tempDir.ts';
import type { Clips } from './support/mediaFixtures.ts';
import { COMFY_PROMPT, makeClips } from './support/mediaFixtures.ts';

const tmp = useTempDir('shotcanvas-media-import-');
let clips: Clips;
let clipsDir: string;
let projectDir: string;

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
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const plenty = () => Promise.resolve(1e12);

function importFrom(sourcePath: string, extra: Partial<MediaImportInput> = {}) {
  const progress: Array<{ done: number; total: number; phase: ImportPhase }> = [];
  const result = importMediaFile({
    fs: nodeFileSystem,
    hashes: new MediaHashCache(extra.fs ?? nodeFileSystem),
    projectDir,
    sourcePath,
    signal: new AbortController().signal,
    freeSpace: plenty,
    onProgress: (done, total, phase) => progress.push({ done, total, phase }),
    ...extra,
  });
  return { result, progress };
}

/** A file that starts like an MP4 (so the sniff passes) followed by `megabytes` of random bytes. */
async function bigMp4Like(megabytes: number): Promise<string> {
  const path = join(tmp(), 'big render.mp4');
  const head = (await readFile(clips.mp4)).subarray(0, 64);
  await writeFile(path, Buffer.concat([head, randomBytes(megabytes * 1024 * 1024)]));
  return path;
}

/** Everything under the project except the cache (hashes may be remembered there). */
async function projectTree(): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await snapshotTree(projectDir)).filter(([path]) => !path.startsWith('.cache')));
}

describe('importMediaFile: stores a clip', () => {
  it('streams an MP4 into media/<16 hex>/<name>, probes it and returns a valid MediaRef', async () => {
    const bytes = await readFile(clips.mp4);
    const hash = sha256(bytes);
    const { result, progress } = importFrom(clips.mp4);
    const imported = expectOk(await result);
    expect(imported.deduplicated).toBe(false);
    expect(imported.media).toEqual({
      hash,
      path: `media/${hash.slice(0, 16)}/shot01_t1.mp4`,
      name: 'shot01_t1.mp4',
      kind: 'video',
      mime: 'video/mp4',
      bytes: bytes.length,
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      codec: 'h264',
      width: 320,
      height: 180,
      frameRate: { num: 24000, den: 1001 },
      durationFrames: 24,
      startTimecode: '01:00:10:00',
      variableFrameRate: false,
    });
    expect(mediaRefSchema.safeParse(imported.media).success).toBe(true);
    expect(imported.metadata).toEqual({ entries: {}, warnings: [] });
    expect(new Uint8Array(await readFile(join(projectDir, imported.media.path)))).toEqual(new Uint8Array(bytes));
    // No temp file left in media/ or its hash folder.
    expect(await namesIn(join(projectDir, 'media'))).toEqual([hash.slice(0, 16)]);
    expect(await namesIn(join(projectDir, 'media', hash.slice(0, 16)))).toEqual(['shot01_t1.mp4']);
    expect(progress.at(-1)?.phase).toBe('placing');
    expect(progress.filter((p) => p.phase === 'copying').at(-1)).toEqual({ done: bytes.length, total: bytes.length, phase: 'copying' });
  });

  it('returns the generator metadata of the file (a MOV comment, PNG text chunks)', async () => {
    expect(expectOk(await importFrom(clips.mov25).result).metadata.entries).toEqual({ comment: COMFY_PROMPT });
    const png = expectOk(await importFrom(clips.png).result);
    expect(png.media).toMatchObject({ kind: 'image', mime: 'image/png', frameRate: null, durationFrames: 1 });
    expect(Object.keys(png.metadata.entries)).toEqual(['prompt', 'workflow']);
  });

  it('stores under the given file name, sanitized, with the extension of the real type', async () => {
    const mov = expectOk(await importFrom(clips.mov25, { fileName: 'C:\\Renders\\final?.mp4' }).result);
    expect(mov.media.name).toBe('final_.mov');
    expect(mov.media.mime).toBe('video/quicktime');
  });

  it('stores the same bytes once: again, and under another name, it returns the first file', async () => {
    const first = expectOk(await importFrom(clips.mp4).result);
    const again = expectOk(await importFrom(clips.mp4).result);
    const renamed = join(tmp(), 'copy with another name.mp4');
    await copyFile(clips.mp4, renamed);
    const other = expectOk(await importFrom(renamed).result);
    expect(again).toMatchObject({ deduplicated: true, media: first.media });
    expect(other).toMatchObject({ deduplicated: true, media: first.media });
    const folder = join(projectDir, 'media', first.media.hash.slice(0, 16));
    expect(await namesIn(folder)).toEqual(['shot01_t1.mp4']);
    expect(await namesIn(join(projectDir, 'media'))).toEqual([first.media.hash.slice(0, 16)]);
  });

  it('keeps two different files with the same name, each in its own hash folder', async () => {
    const a = expectOk(await importFrom(clips.mp4, { fileName: 'take.mp4' }).result);
    const b = expectOk(await importFrom(clips.vfr, { fileName: 'take.mp4' }).result);
    expect(a.media.hash).not.toBe(b.media.hash);
    expect(a.media.name).toBe('take.mp4');
    expect(b.media.name).toBe('take.mp4');
    expect((await namesIn(join(projectDir, 'media'))).sort()).toEqual([a.media.hash.slice(0, 16), b.media.hash.slice(0, 16)].sort());
  });
});

describe('importMediaFile: refusals and failures leave nothing behind', () => {
  it.each([
    ['a text file named .mov', 'textMov', 'INVALID_ARGUMENT', 'text file'],
    ['a zero-byte file', 'emptyMov', 'INVALID_ARGUMENT', 'empty (0 bytes)'],
    ['an MP4 cut short', 'truncatedMp4', 'INVALID_ARGUMENT', 'moov'],
    ['a codec takes cannot play', 'prores', 'NOT_SUPPORTED', 'ProRes'],
    ['a file without video', 'audioOnly', 'INVALID_ARGUMENT', 'no video stream'],
    ['a Matroska file', 'mkv', 'NOT_SUPPORTED', 'Matroska'],
  ] as const)('refuses %s, and the project folder is as before', async (_what, key, code, text) => {
    const before = await projectTree();
    expectErr(await importFrom(clips[key]).result, code, text);
    expect(await projectTree()).toEqual(before);
  });

  it('refuses when the disk cannot take the file plus the safety margin, before copying', async () => {
    const before = await projectTree();
    expectErr(await importFrom(clips.mp4, { freeSpace: () => Promise.resolve(1024) }).result, 'NO_SPACE', 'Not enough free disk space');
    expect(await projectTree()).toEqual(before);
  });

  it('says when the source is gone', async () => {
    expectErr(await importFrom(join(tmp(), 'gone.mp4')).result, 'NOT_FOUND', 'not there any more');
  });

  it('cancelled mid-copy: CANCELLED, no temp file, no media folder', async () => {
    const source = await bigMp4Like(48);
    const before = await projectTree();
    const controller = new AbortController();
    let copyingEvents = 0;
    const result = await importMediaFile({
      fs: nodeFileSystem,
      hashes: new MediaHashCache(nodeFileSystem),
      projectDir,
      sourcePath: source,
      signal: controller.signal,
      freeSpace: plenty,
      onProgress: (done, total, phase) => {
        if (phase !== 'copying') return;
        copyingEvents += 1;
        // Well into the copy, but far from its end: the file is streamed, so there are many steps.
        if (done > 4 * 1024 * 1024 && done < total) controller.abort();
      },
    });
    expectErr(result, 'CANCELLED', 'nothing was kept');
    expect(copyingEvents).toBeGreaterThan(3);
    expect(await projectTree()).toEqual(before);
    expect(await namesIn(projectDir)).toEqual(['project.json']);
  });

  it('cancelled mid-copy into an existing media folder: only the earlier files remain', async () => {
    const earlier = expectOk(await importFrom(clips.png).result);
    const before = await projectTree();
    const controller = new AbortController();
    const result = await importMediaFile({
      fs: nodeFileSystem,
      hashes: new MediaHashCache(nodeFileSystem),
      projectDir,
      sourcePath: await bigMp4Like(24),
      signal: controller.signal,
      freeSpace: plenty,
      onProgress: (done) => {
        if (done > 1024 * 1024) controller.abort();
      },
    });
    expectErr(result, 'CANCELLED');
    expect(await projectTree()).toEqual(before);
    expect(await namesIn(join(projectDir, 'media'))).toEqual([earlier.media.hash.slice(0, 16)]);
  });

  it('cancelled while probing (after the copy): nothing is kept', async () => {
    const controller = new AbortController();
    const before = await projectTree();
    const result = await importMediaFile({
      fs: nodeFileSystem,
      hashes: new MediaHashCache(nodeFileSystem),
      projectDir,
      sourcePath: clips.mov25,
      signal: controller.signal,
      freeSpace: plenty,
      onProgress: (_done, _total, phase) => {
        if (phase === 'probing') controller.abort();
      },
    });
    expectErr(result, 'CANCELLED');
    expect(await projectTree()).toEqual(before);
  });

  it('a disk error while writing the copy removes the temp file and the media folder it made', async () => {
    const fs: FileSystem = faultyFs({ open: openWithFailingHandle('sync', 'EIO', (path) => path.endsWith('.sctmp')) });
    const before = await projectTree();
    expectErr(await importFrom(clips.mp4, { fs }).result, 'IO_ERROR', 'Nothing was kept');
    expect(await projectTree()).toEqual(before);
  });

  it('a rename that keeps failing removes the temp file and the folders it made', async () => {
    const { rename } = flakyRename('EXDEV', 100, (from) => from.endsWith('.sctmp'));
    const before = await projectTree();
    expectErr(await importFrom(clips.mp4, { fs: faultyFs({ rename }) }).result, 'IO_ERROR');
    expect(await projectTree()).toEqual(before);
  });

  it('refuses a media folder that is a link out of the project, writing nothing there', async () => {
    const outside = join(tmp(), 'outside');
    await mkdir(outside);
    await symlink(outside, join(projectDir, 'media'));
    expectErr(await importFrom(clips.mp4).result, 'FORBIDDEN', 'outside the project folder');
    expect(await namesIn(outside)).toEqual([]);
  });
});

describe('sweepStaleStaging', () => {
  it('removes copies a crashed import left in media/, but not fresh ones or other files', async () => {
    const media = join(projectDir, 'media');
    await mkdir(media);
    const old = new Date(Date.now() - STALE_STAGING_MS - 60_000);
    await writeFile(join(media, '.import-0123456789abcdef.sctmp'), 'half a clip');
    await utimes(join(media, '.import-0123456789abcdef.sctmp'), old, old);
    await writeFile(join(media, '.import-fedcba9876543210.sctmp'), 'being written now');
    await writeFile(join(media, 'keep.sctmp'), 'not an import');
    expect(await sweepStaleStaging(nodeFileSystem, projectDir)).toBe(1);
    expect(await namesIn(media)).toEqual(['.import-fedcba9876543210.sctmp', 'keep.sctmp']);
  });
});
