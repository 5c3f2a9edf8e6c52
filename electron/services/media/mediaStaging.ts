import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import { TEMP_SUFFIX } from '../atomicWrite.ts';
import { MeterStream } from '../bundle/bundleStreams.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode, pathExists } from '../fileSystem.ts';
import { isRealPathInside } from '../pathSafety.ts';
import { MEDIA_FOLDER, removeIfEmpty, serializedPerProject } from './mediaFolder.ts';

/**
 * The first half of every media import (a file by path, a browser upload, a relink): the bytes
 * are streamed into a temp file inside the project's media folder (same disk, so placing it is a
 * rename) and hashed on the way. Never holds the file in memory.
 */
export interface StagedMedia {
  readonly projectDir: string;
  readonly tempPath: string;
  /** sha256 hex of the bytes. */
  readonly hash: string;
  readonly bytes: number;
  /** media/ did not exist before this import made it (removed again if the import fails). */
  readonly createdMediaDir: boolean;
}

export interface StageInput {
  readonly fs: FileSystem;
  readonly projectDir: string;
  readonly source: Readable;
  /** Exactly this many bytes must arrive (a file's size, an upload's Content-Length). */
  readonly expectedBytes: number;
  /** For messages: the user's file name. */
  readonly shownName: string;
  readonly signal: AbortSignal;
  readonly onBytes?: (bytes: number) => void;
  /** What to call a source that sent more or fewer bytes than expected. */
  readonly sizeMismatch?: (received: number) => string;
}

/** Read size while copying: large enough for disk throughput, small enough for smooth progress. */
export const COPY_CHUNK_BYTES = 1024 * 1024;

type WriteHandle = Awaited<ReturnType<FileSystem['open']>>;

/**
 * Writes each chunk through the handle itself (not a file stream that would close it), so the
 * copy can be fsync'd before it is closed and renamed.
 */
function handleSink(handle: WriteHandle): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const writeAll = async () => {
        for (let at = 0; at < chunk.length;) at += (await handle.write(chunk, at, chunk.length - at)).bytesWritten;
      };
      writeAll().then(() => callback(), callback);
    },
  });
}

const STAGING_PREFIX = '.import-';
/** A staged file untouched for this long belongs to an import that died with its process. */
export const STALE_STAGING_MS = 60 * 60 * 1000;

function stagingName(): string {
  return `${STAGING_PREFIX}${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`;
}

/**
 * Removes staged copies a crash left in media/ (a killed import of a 5 GB clip leaves 5 GB).
 * Only old ones: a copy in flight is written to continuously, so its mtime stays fresh.
 */
export async function sweepStaleStaging(fs: FileSystem, projectDir: string, now = Date.now()): Promise<number> {
  const mediaDir = join(projectDir, MEDIA_FOLDER);
  let names: string[];
  try {
    names = await fs.readdir(mediaDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(STAGING_PREFIX) || !name.endsWith(TEMP_SUFFIX)) continue;
    try {
      const info = await fs.lstat(join(mediaDir, name));
      if (!info.isFile() || now - info.mtimeMs < STALE_STAGING_MS) continue;
      await fs.unlink(join(mediaDir, name));
      removed += 1;
    } catch {
      // Gone already (another sweep) or not ours to remove.
    }
  }
  return removed;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Removes a staged temp file and, when this import made it and nothing else uses it, media/. */
export async function discardStaged(fs: FileSystem, staged: Pick<StagedMedia, 'projectDir' | 'tempPath' | 'createdMediaDir'>): Promise<void> {
  await fs.unlink(staged.tempPath).catch(() => undefined);
  if (staged.createdMediaDir) {
    // Under the project's media lock, so a concurrent import's placing step never sees media/ vanish.
    await serializedPerProject(staged.projectDir, () => removeIfEmpty(fs, join(staged.projectDir, MEDIA_FOLDER)));
  }
}

/**
 * Streams `source` into `<project>/media/.import-<random>.sctmp`, hashing it. On any failure,
 * cancellation included, the temp file (and a media/ folder this call created) is removed.
 */
export async function stageMedia(input: StageInput): Promise<Result<StagedMedia>> {
  const { fs, projectDir, shownName, signal } = input;
  const mediaDir = join(projectDir, MEDIA_FOLDER);
  const fail = <T>(code: Parameters<typeof err>[0], message: string): Result<T> => err(code, message, shownName);
  let createdMediaDir: boolean;
  try {
    // A media/ that is a link out of the project is refused before anything is written through it.
    if (!(await isRealPathInside(fs, projectDir, mediaDir))) {
      input.source.destroy();
      return fail('FORBIDDEN', `${mediaDir} leads outside the project folder (a link?), so "${shownName}" was not imported. Replace it with a real folder.`);
    }
    createdMediaDir = !(await pathExists(fs, mediaDir));
    await fs.mkdir(mediaDir, { recursive: true });
  } catch (error) {
    input.source.destroy();
    return fail('IO_ERROR', `Could not prepare ${mediaDir} for "${shownName}": ${describe(error)}`);
  }
  const tempPath = join(mediaDir, stagingName());
  const staged = { projectDir, tempPath, createdMediaDir };
  const meter = new MeterStream({
    maxBytes: input.expectedBytes,
    tooLarge: (seen) => input.sizeMismatch?.(seen) ?? `"${shownName}" grew while it was being copied; try again once it is complete.`,
    signal,
    ...(input.onBytes ? { onBytes: input.onBytes } : {}),
  });
  try {
    const handle = await fs.open(tempPath, 'wx');
    try {
      await pipeline(input.source, meter, handleSink(handle), { signal });
      await handle.sync();
    } finally {
      await handle.close().catch(() => undefined);
    }
    if (meter.bytes !== input.expectedBytes) {
      await discardStaged(fs, staged);
      return fail(
        'CONFLICT',
        input.sizeMismatch?.(meter.bytes) ??
          `"${shownName}" changed while it was being copied (${meter.bytes} bytes instead of ${input.expectedBytes}); try again.`,
      );
    }
    return ok({ ...staged, hash: meter.digest(), bytes: meter.bytes });
  } catch (error) {
    input.source.destroy();
    await discardStaged(fs, staged);
    if (signal.aborted) return fail('CANCELLED', `Importing "${shownName}" was cancelled; nothing was kept.`);
    const failure = (error as { error?: { code?: string; message?: string } }).error;
    if (failure?.message && failure.code === 'INVALID_ARGUMENT') return fail('CONFLICT', failure.message);
    if (errorCode(error) === 'ENOSPC')
      return fail('NO_SPACE', `The disk filled up while "${shownName}" was being copied; nothing was kept. Free some space and try again.`);
    return fail('IO_ERROR', `Could not copy "${shownName}" into the project: ${describe(error)}. Nothing was kept.`);
  }
}
