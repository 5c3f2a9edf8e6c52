import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { MediaHashCache } from '../../../../electron/services/media/mediaHashCache.ts';
import { importMediaFile } from '../../../../electron/services/media/mediaImport.ts';
import { probeMediaFile } from '../../../../electron/services/media/mediaProbe.ts';
import type { ThumbnailSource } from '../../../../electron/services/media/thumbnails.ts';
import { STRIP_TILES, Thumbnails, stripFrames } from '../../../../electron/services/media/thumbnails.ts';
import type { MediaRef } from '../../../../shared/model/take.ts';
import { ok } from '../../../../shared/result.ts';
import { expectErr, expectOk } from '../support/library.ts';
import { namesIn, useTempDir } from '../support/tempDir.ts';
import type { Clips } from './support/mediaFixtures.ts';
import { makeClips } from './support/mediaFixtures.ts';

const tmp = useTempDir('shotcanvas-thumbs-');
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
});

async function store(path: string): Promise<MediaRef> {
  const result = await importMediaFile({
    fs: nodeFileSystem,
    hashes: new MediaHashCache(nodeFileSystem),
    projectDir,
    sourcePath: path,
    signal: new AbortController().signal,
    freeSpace: () => Promise.resolve(1e12),
  });
  return expectOk(result).media;
}

function sourceOf(media: MediaRef, probes: { count: number } = { count: 0 }): ThumbnailSource {
  const file = join(projectDir, media.path);
  return {
    projectDir,
    hash: media.hash,
    file,
    shownName: media.name,
    probe: async () => {
      probes.count += 1;
      const probed = await probeMediaFile(nodeFileSystem, file, media.name);
      return probed.ok ? ok(probed.value.probe) : probed;
    },
  };
}

const jpegAt = async (path: string) => imageSize(await readFile(join(projectDir, path)));

describe('stripFrames', () => {
  it('takes the middle frame of equal parts, never past the end', () => {
    expect(stripFrames(24, 4)).toEqual([3, 9, 15, 21]);
    expect(stripFrames(3, 16)).toEqual([0, 1, 2]);
    expect(stripFrames(1)).toEqual([0]);
    expect(stripFrames(100_000)).toHaveLength(STRIP_TILES);
  });
});

describe('Thumbnails', () => {
  it('makes a poster JPEG of a video in .cache/thumbs/<hash>/, at most 480 wide, once', async () => {
    const media = await store(clips.mov25);
    const thumbs = new Thumbnails({ fs: nodeFileSystem });
    const probes = { count: 0 };
    const poster = expectOk(await thumbs.poster(sourceOf(media, probes)));
    expect(poster).toEqual({ path: `.cache/thumbs/${media.hash}/poster.jpg`, width: 320, height: 180 });
    expect(await jpegAt(poster.path)).toMatchObject({ type: 'jpg', width: 320, height: 180 });
    const made = (await stat(join(projectDir, poster.path))).mtimeMs;
    // Cached: no probe, no ffmpeg, the same file.
    expect(expectOk(await thumbs.poster(sourceOf(media, probes)))).toEqual(poster);
    expect(probes.count).toBe(1);
    expect((await stat(join(projectDir, poster.path))).mtimeMs).toBe(made);
    expect(await namesIn(join(projectDir, '.cache', 'thumbs', media.hash))).toEqual(['poster.jpg']);
  });

  it('makes posters of stills too (PNG, WebP)', async () => {
    const thumbs = new Thumbnails({ fs: nodeFileSystem });
    for (const path of [clips.png, clips.webp]) {
      const media = await store(path);
      expect(expectOk(await thumbs.poster(sourceOf(media)))).toMatchObject({ width: 64, height: 48 });
    }
  });

  it('answers concurrent requests for one file with one generation (single flight)', async () => {
    const media = await store(clips.mp4);
    const thumbs = new Thumbnails({ fs: nodeFileSystem });
    const probes = { count: 0 };
    const results = await Promise.all(Array.from({ length: 5 }, () => thumbs.poster(sourceOf(media, probes))));
    expect(probes.count).toBe(1);
    for (const r of results) expect(expectOk(r).path).toBe(`.cache/thumbs/${media.hash}/poster.jpg`);
  });

  it('makes a scrub strip: one sprite of 160-wide tiles and the frame each shows', async () => {
    const media = await store(clips.mov25);
    const thumbs = new Thumbnails({ fs: nodeFileSystem });
    const strip = expectOk(await thumbs.scrubStrip(sourceOf(media)));
    expect(strip).toEqual({ path: `.cache/thumbs/${media.hash}/strip.jpg`, tileWidth: 160, tileHeight: 90, frames: stripFrames(50) });
    expect(await jpegAt(strip.path)).toMatchObject({ width: 160 * STRIP_TILES, height: 90 });
    const probes = { count: 0 };
    expect(expectOk(await thumbs.scrubStrip(sourceOf(media, probes)))).toEqual(strip);
    expect(probes.count).toBe(0);
    expect(JSON.parse(await readFile(join(projectDir, '.cache', 'thumbs', media.hash, 'strip.json'), 'utf8'))).toMatchObject({ frames: strip.frames });
  });

  it('has no scrub strip for a still image', async () => {
    const media = await store(clips.jpg);
    expectErr(await new Thumbnails({ fs: nodeFileSystem }).scrubStrip(sourceOf(media)), 'NOT_SUPPORTED', 'still image');
  });

  it('regenerates a damaged cached poster', async () => {
    const media = await store(clips.mp4);
    const folder = join(projectDir, '.cache', 'thumbs', media.hash);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'poster.jpg'), 'not a jpeg');
    expect(expectOk(await new Thumbnails({ fs: nodeFileSystem }).poster(sourceOf(media))).width).toBe(320);
  });

  it('never writes through a .cache that links out of the project', async () => {
    const media = await store(clips.mp4);
    const outside = join(tmp(), 'outside');
    await mkdir(outside);
    // The import remembered its hash in .cache/; swap the folder for a link out of the project.
    await rm(join(projectDir, '.cache'), { recursive: true, force: true });
    await symlink(outside, join(projectDir, '.cache'));
    expectErr(await new Thumbnails({ fs: nodeFileSystem }).poster(sourceOf(media)), 'FORBIDDEN');
    expect(await namesIn(outside)).toEqual([]);
  });

  it('says when ffmpeg is not there', async () => {
    const media = await store(clips.mp4);
    const thumbs = new Thumbnails({ fs: nodeFileSystem, tools: { ffmpeg: join(tmp(), 'no-ffmpeg-here') } });
    expectErr(await thumbs.poster(sourceOf(media)), 'NOT_SUPPORTED', 'apt-get install -y ffmpeg');
  });
});
