import { imageSize } from 'image-size';
import { join } from 'node:path';
import type { MediaPoster, MediaProbe, ScrubStrip } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import { tempPathFor, writeFileAtomic } from '../atomicWrite.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode } from '../fileSystem.ts';
import { renameWithRetry } from './mediaFolder.ts';
import { CACHE_FOLDER, THUMBS_FOLDER, ensureFolderInside } from './mediaPaths.ts';
import type { MediaToolPaths } from './mediaTools.ts';
import { limitConcurrency, missingToolMessage, resolveMediaTool, runTool } from './mediaTools.ts';

/**
 * Poster frames and scrub strips, made with ffmpeg on demand and cached in
 * `<project>/.cache/thumbs/<sha256>/` (a cache: never backed up or bundled, safe to delete).
 * Media are content-addressed, so a cached image never goes stale. One generation per file at a
 * time (single flight), and at most two ffmpeg processes at once.
 */
export const POSTER_WIDTH = 480;
export const STRIP_TILE_WIDTH = 160;
export const STRIP_TILES = 16;
export const POSTER_FILE = 'poster.jpg';
export const STRIP_FILE = 'strip.jpg';
export const STRIP_INDEX_FILE = 'strip.json';
const FFMPEG_TIMEOUT_MS = 120_000;
const FFMPEG_MAX_OUTPUT_BYTES = 1024 * 1024;

export interface ThumbnailDeps {
  readonly fs: FileSystem;
  readonly tools?: MediaToolPaths;
  readonly maxConcurrent?: number;
}

/** The media file a thumbnail is made from; `probe` runs only when the cache has nothing. */
export interface ThumbnailSource {
  readonly projectDir: string;
  readonly hash: string;
  /** Absolute path of the stored media file (already checked to lie inside the project). */
  readonly file: string;
  readonly shownName: string;
  readonly probe: () => Promise<Result<MediaProbe>>;
}

function cachePath(hash: string, file: string): string {
  return `${CACHE_FOLDER}/${THUMBS_FOLDER}/${hash}/${file}`;
}

/** Seconds at which accurate seeking (-ss before -i) yields exactly frame `frame` as the first frame. */
function seekSecondsFor(frame: number, probe: MediaProbe): number {
  if (frame <= 0 || !probe.frameRate) return 0;
  // Frames before the seek point are dropped: half a frame early lands on `frame`, not `frame - 1`.
  return ((frame - 0.5) * probe.frameRate.den) / probe.frameRate.num;
}

/** Evenly spaced frames: the middle of each of `count` equal parts of the clip. */
export function stripFrames(durationFrames: number, count = STRIP_TILES): number[] {
  const n = Math.max(1, Math.min(count, durationFrames));
  return Array.from({ length: n }, (_, i) => Math.min(durationFrames - 1, Math.floor(((i + 0.5) * durationFrames) / n)));
}

async function jpegSize(fs: FileSystem, path: string): Promise<{ width: number; height: number } | null> {
  try {
    const size = imageSize((await fs.readFile(path)) as Uint8Array);
    return size.type === 'jpg' && size.width > 0 && size.height > 0 ? { width: size.width, height: size.height } : null;
  } catch {
    return null;
  }
}

function isStripIndex(value: unknown): value is { tileWidth: number; tileHeight: number; frames: number[] } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isInteger(v['tileWidth']) &&
    Number.isInteger(v['tileHeight']) &&
    Array.isArray(v['frames']) &&
    v['frames'].length > 0 &&
    v['frames'].every((f) => Number.isInteger(f) && (f as number) >= 0)
  );
}

export class Thumbnails {
  private readonly deps: ThumbnailDeps;
  private readonly inFlight = new Map<string, Promise<Result<unknown>>>();
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;

  constructor(deps: ThumbnailDeps) {
    this.deps = deps;
    this.limit = limitConcurrency(deps.maxConcurrent ?? 2);
  }

  /** A poster JPEG (at most POSTER_WIDTH wide), from a tenth into a video or the image itself. */
  poster(source: ThumbnailSource): Promise<Result<MediaPoster>> {
    return this.singleFlight(`${source.projectDir}\0${source.hash}\0poster`, () => this.makePoster(source));
  }

  /** Up to STRIP_TILES thumbnails STRIP_TILE_WIDTH wide, side by side in one JPEG, with their frame numbers. */
  scrubStrip(source: ThumbnailSource): Promise<Result<ScrubStrip>> {
    return this.singleFlight(`${source.projectDir}\0${source.hash}\0strip`, () => this.makeStrip(source));
  }

  private singleFlight<T>(key: string, make: () => Promise<Result<T>>): Promise<Result<T>> {
    const running = this.inFlight.get(key) as Promise<Result<T>> | undefined;
    if (running) return running;
    const started = make().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  private async folderFor(source: ThumbnailSource): Promise<Result<string>> {
    try {
      const folder = await ensureFolderInside(this.deps.fs, source.projectDir, [CACHE_FOLDER, THUMBS_FOLDER, source.hash]);
      if (folder) return ok(folder);
      return err(
        'FORBIDDEN',
        `${join(source.projectDir, CACHE_FOLDER)} leads outside the project folder (a link?); thumbnails are not written there.`,
        CACHE_FOLDER,
      );
    } catch (error) {
      return err(
        'IO_ERROR',
        `Could not create the thumbnail cache in ${source.projectDir}: ${error instanceof Error ? error.message : String(error)}`,
        CACHE_FOLDER,
      );
    }
  }

  /** Runs ffmpeg writing to a temp file beside `target`, then renames it into place. */
  private async runFfmpeg(source: ThumbnailSource, args: readonly string[], target: string, what: string): Promise<Result<null>> {
    const ffmpeg = await resolveMediaTool('ffmpeg', this.deps.tools);
    if (!ffmpeg) return err('NOT_SUPPORTED', missingToolMessage('ffmpeg'), 'ffmpeg');
    const temp = tempPathFor(target);
    const outcome = await this.limit(() =>
      runTool(ffmpeg, ['-v', 'error', '-nostdin', '-y', ...args, '-f', 'mjpeg', `file:${temp}`], {
        timeoutMs: FFMPEG_TIMEOUT_MS,
        maxOutputBytes: FFMPEG_MAX_OUTPUT_BYTES,
      }),
    );
    try {
      const written = await this.deps.fs.stat(temp).catch(() => null);
      if (outcome.code !== 0 || !written || written.size === 0) {
        const detail =
          outcome.startError ?? (outcome.timedOut ? 'it took too long' : outcome.stderr.trim().split('\n').pop()?.slice(0, 200) || 'no image came out');
        return err('IO_ERROR', `Could not make the ${what} of "${source.shownName}" (ffmpeg: ${detail}).`, source.shownName);
      }
      await renameWithRetry(this.deps.fs, temp, target);
      return ok(null);
    } finally {
      await this.deps.fs.unlink(temp).catch(() => undefined);
    }
  }

  private async makePoster(source: ThumbnailSource): Promise<Result<MediaPoster>> {
    const folder = await this.folderFor(source);
    if (!folder.ok) return folder;
    const target = join(folder.value, POSTER_FILE);
    const cached = await jpegSize(this.deps.fs, target);
    if (cached) return ok({ path: cachePath(source.hash, POSTER_FILE), ...cached });
    const probe = await source.probe();
    if (!probe.ok) return probe;
    const scale = ['-vf', `scale=w='min(${POSTER_WIDTH},iw)':h=-2`, '-q:v', '3'];
    const input = ['-i', `file:${source.file}`, '-an', '-frames:v', '1'];
    const at = probe.value.kind === 'video' ? seekSecondsFor(Math.floor(probe.value.durationFrames / 10), probe.value) : 0;
    let made = await this.runFfmpeg(source, [...(at > 0 ? ['-ss', at.toFixed(6)] : []), ...input, ...scale], target, 'poster frame');
    // A clip whose stated length is longer than its frames: fall back to the first frame.
    if (!made.ok && at > 0) made = await this.runFfmpeg(source, [...input, ...scale], target, 'poster frame');
    if (!made.ok) return made;
    const size = await jpegSize(this.deps.fs, target);
    if (!size) return err('IO_ERROR', `The poster frame of "${source.shownName}" came out unreadable.`, source.shownName);
    return ok({ path: cachePath(source.hash, POSTER_FILE), ...size });
  }

  private async makeStrip(source: ThumbnailSource): Promise<Result<ScrubStrip>> {
    const folder = await this.folderFor(source);
    if (!folder.ok) return folder;
    const target = join(folder.value, STRIP_FILE);
    const indexPath = join(folder.value, STRIP_INDEX_FILE);
    const strip = (index: { tileWidth: number; tileHeight: number; frames: number[] }): ScrubStrip => ({
      path: cachePath(source.hash, STRIP_FILE),
      tileWidth: index.tileWidth,
      tileHeight: index.tileHeight,
      frames: index.frames,
    });
    try {
      const index: unknown = JSON.parse(await this.deps.fs.readFile(indexPath, 'utf8'));
      // The index is written after the sprite: when it is there and valid, so is the sprite.
      if (isStripIndex(index) && (await jpegSize(this.deps.fs, target))) return ok(strip(index));
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' && !(error instanceof SyntaxError)) {
        return err(
          'IO_ERROR',
          `Could not read the cached scrub strip of "${source.shownName}": ${error instanceof Error ? error.message : String(error)}`,
          indexPath,
        );
      }
    }
    const probe = await source.probe();
    if (!probe.ok) return probe;
    if (probe.value.kind !== 'video')
      return err('NOT_SUPPORTED', `"${source.shownName}" is a still image: it has no scrub strip (use its poster).`, source.shownName);
    const frames = stripFrames(probe.value.durationFrames);
    const inputs = frames.flatMap((frame) => {
      const at = seekSecondsFor(frame, probe.value);
      return [...(at > 0 ? ['-ss', at.toFixed(6)] : []), '-i', `file:${source.file}`];
    });
    const scaled = frames.map((_, i) => `[${i}:v]scale=${STRIP_TILE_WIDTH}:-2,setsar=1[t${i}]`);
    const joined = frames.length === 1 ? '[t0]null[out]' : `${frames.map((_, i) => `[t${i}]`).join('')}hstack=inputs=${frames.length}[out]`;
    const made = await this.runFfmpeg(
      source,
      [...inputs, '-filter_complex', [...scaled, joined].join(';'), '-map', '[out]', '-frames:v', '1', '-q:v', '4'],
      target,
      'scrub strip',
    );
    if (!made.ok) return made;
    const size = await jpegSize(this.deps.fs, target);
    if (!size) return err('IO_ERROR', `The scrub strip of "${source.shownName}" came out unreadable.`, source.shownName);
    const index = { tileWidth: Math.round(size.width / frames.length), tileHeight: size.height, frames };
    try {
      await writeFileAtomic(indexPath, `${JSON.stringify({ version: 1, ...index })}\n`, { fs: this.deps.fs });
    } catch {
      // The strip is still good for this answer; it is only remade next time.
    }
    return ok(strip(index));
  }
}
