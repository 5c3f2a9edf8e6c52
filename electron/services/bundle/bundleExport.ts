import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import { isTempFileName, tempPathFor } from '../atomicWrite.ts';
import type { FreeSpaceProbe } from '../diskSpace.ts';
import { checkFreeSpace, nodeFreeSpace } from '../diskSpace.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode, nodeFileSystem } from '../fileSystem.ts';
import { isPathInside } from '../pathSafety.ts';
import { buildProjectFile, readProjectFile, serializeProjectFile } from '../projectFolder.ts';
import type { BundleManifestEntry } from './bundleFormat.ts';
import { BUNDLE_LIMITS, BUNDLE_PROJECT_FILE, MANIFEST_NAME, buildManifest, checkEntryName, findNameClash } from './bundleFormat.ts';
import { BundleFailure, MeterStream, hashFile, sha256Of, toFailure } from './bundleStreams.ts';
import { listMediaFiles } from './mediaWalk.ts';
import type { MediaFile } from './mediaWalk.ts';

export type BundleProgress = (done: number, total: number, phase: string) => void;

export interface ExportBundleOptions {
  readonly fs?: FileSystem;
  readonly projectDir: string;
  /** Where the `.shotcanvas` file goes; an existing file there is replaced only on success. */
  readonly targetPath: string;
  readonly signal: AbortSignal;
  readonly onProgress?: BundleProgress;
  readonly freeSpace?: FreeSpaceProbe;
  readonly now?: () => Date;
}

export interface ExportBundleResult {
  readonly path: string;
  /** Size of the written bundle. */
  readonly bytes: number;
  /** Entries in the bundle: manifest, project.json and every media file. */
  readonly entries: number;
}

interface HashedMedia extends MediaFile {
  readonly sha256: string;
}

/**
 * Writes the project (project.json + media/) as one zip. Two streaming passes over the media:
 * the first hashes every file so the manifest (the first entry) can list them; the second
 * copies them into the zip, re-hashing to prove nothing changed in between. The zip goes to a
 * `.sctmp` file next to the target and is renamed into place only when complete.
 */
export async function exportProjectBundle(options: ExportBundleOptions): Promise<Result<ExportBundleResult>> {
  const fs = options.fs ?? nodeFileSystem;
  const projectDir = resolve(options.projectDir);
  const target = resolve(options.targetPath);
  const cancelled = `Exporting ${basename(projectDir)} was cancelled; no bundle was written.`;
  if (options.signal.aborted) return err('CANCELLED', cancelled);
  if (isPathInside(projectDir, target) && !isPathInside(join(projectDir, 'exports'), target)) {
    return err('INVALID_ARGUMENT', `Save the bundle outside the project folder (or in its exports/ folder), not at ${target}.`, target);
  }
  let temp: string | null = null;
  try {
    return ok(await runExport(fs, projectDir, target, options, (path) => (temp = path)));
  } catch (error) {
    if (temp !== null) await fs.rm(temp, { force: true }).catch(() => undefined);
    const failure = toFailure(error, options.signal, cancelled, (detail) => `Could not export ${projectDir} to ${target}: ${detail}`, target);
    return { ok: false, error: failure.error };
  }
}

async function runExport(
  fs: FileSystem,
  projectDir: string,
  target: string,
  options: ExportBundleOptions,
  tempCreated: (path: string) => void,
): Promise<ExportBundleResult> {
  const { signal } = options;
  const read = await readProjectFile(fs, projectDir);
  if (!read.ok) throw new BundleFailure(read.error.code, `Cannot export this project: ${read.error.message}`, read.error.where);
  // Rebuilt rather than copied: a file readProjectFile migrated from an older schema needs the
  // content hash of its migrated data (the copy on disk may also be replaced meanwhile by a save).
  const file = buildProjectFile(read.value.projectId, read.value.revision, read.value.data, new Date(read.value.savedAt));
  const projectJson = Buffer.from(serializeProjectFile(file), 'utf8');

  const media = await listMediaFiles(fs, projectDir, isTempFileName);
  checkExportable(media, projectJson.length);
  const mediaBytes = media.reduce((sum, m) => sum + m.size, 0);
  const space = await checkFreeSpace(dirname(target), projectJson.length + mediaBytes, options.freeSpace ?? nodeFreeSpace);
  if (!space.ok) throw new BundleFailure(space.error.code, space.error.message, space.error.where);

  const total = 2 * mediaBytes + projectJson.length;
  let done = 0;
  const progress = (bytes: number, phase: string) => {
    done += bytes;
    options.onProgress?.(done, total, phase);
  };
  progress(0, 'hashing');
  const hashed: HashedMedia[] = [];
  for (const m of media) {
    const { size, sha256 } = await hashFile(fs, m.path, signal, (bytes) => progress(bytes, 'hashing'));
    if (size !== m.size) throw changed(m);
    hashed.push({ ...m, sha256 });
  }

  const now = (options.now ?? (() => new Date()))();
  const entries: BundleManifestEntry[] = [
    { path: BUNDLE_PROJECT_FILE, size: projectJson.length, sha256: sha256Of(projectJson) },
    ...hashed.map((m) => ({ path: m.name, size: m.size, sha256: m.sha256 })),
  ];
  const manifest = Buffer.from(`${JSON.stringify(buildManifest(file.projectId, file.data.settings.name, now, entries), null, 1)}\n`, 'utf8');

  const temp = tempPathFor(target);
  const handle = await fs.open(temp, 'wx');
  tempCreated(temp);
  let written: number;
  try {
    written = await writeZip(fs, handle, { manifest, projectJson, media: hashed, now, signal, onBytes: (bytes) => progress(bytes, 'writing') });
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (signal.aborted) throw new BundleFailure('CANCELLED', 'Cancelled.');
  options.onProgress?.(total, total, 'finishing');
  await renameWithRetry(fs, temp, target);
  return { path: target, bytes: written, entries: entries.length + 1 };
}

interface ZipInput {
  readonly manifest: Buffer;
  readonly projectJson: Buffer;
  readonly media: readonly HashedMedia[];
  readonly now: Date;
  readonly signal: AbortSignal;
  readonly onBytes: (bytes: number) => void;
}

/** Streams the zip into `handle` (fsynced at the end); returns the bytes written. */
async function writeZip(fs: FileSystem, handle: FileHandle, input: ZipInput): Promise<number> {
  const { now, signal } = input;
  const zip = new yazl.ZipFile();
  // yazl may write to its output after a failure destroyed the pipeline; never let that throw.
  zip.outputStream.on('error', () => undefined);
  // Media streams in flight; on failure they are destroyed so their file handles close.
  const open = new Set<Readable>();
  // A failure inside yazl (a media stream that errs) aborts the output pipeline through this.
  const stop = new AbortController();
  let zipError: unknown = null;
  const fail = (error: unknown) => {
    zipError ??= error;
    stop.abort();
  };
  zip.on('error', fail);
  zip.addBuffer(input.manifest, MANIFEST_NAME, { compress: true, mtime: now });
  zip.addBuffer(input.projectJson, BUNDLE_PROJECT_FILE, { compress: true, mtime: now });
  input.onBytes(input.projectJson.length);
  for (const m of input.media) {
    // Media are already compressed (video, images): store them, deflating would only cost time.
    zip.addReadStreamLazy(m.name, { size: m.size, compress: false, mtime: now }, (callback) => {
      if (stop.signal.aborted || signal.aborted) {
        callback(new BundleFailure('CANCELLED', 'Cancelled.'), undefined as unknown as Readable);
        return;
      }
      mediaStream(fs, m, signal, input.onBytes, fail, open).then(
        (stream) => callback(null, stream),
        (error: unknown) => callback(error, undefined as unknown as Readable),
      );
    });
  }
  zip.end();

  let written = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      written += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    // flush: fsync before the stream closes the handle, so the renamed bundle is complete on disk.
    await pipeline(zip.outputStream, counter, handle.createWriteStream({ flush: true }), { signal: AbortSignal.any([signal, stop.signal]) });
    if (zipError !== null) throw zipError;
  } catch (error) {
    for (const stream of open) stream.destroy();
    throw zipError ?? error;
  }
  return written;
}

function checkExportable(media: readonly MediaFile[], projectJsonBytes: number): void {
  for (const m of media) {
    const name = checkEntryName(m.name);
    if (!name.ok) throw new BundleFailure('INVALID_ARGUMENT', `Cannot export this project: ${name.error.message} Rename ${m.path} and try again.`, m.path);
    if (m.size > BUNDLE_LIMITS.maxEntryBytes) {
      throw new BundleFailure(
        'INVALID_ARGUMENT',
        `Cannot export this project: ${m.path} is larger than the ${BUNDLE_LIMITS.maxEntryBytes / 2 ** 30} GiB a bundle entry may hold.`,
        m.path,
      );
    }
  }
  const clash = findNameClash([MANIFEST_NAME, BUNDLE_PROJECT_FILE, ...media.map((m) => m.name)]);
  if (clash) {
    throw new BundleFailure(
      'INVALID_ARGUMENT',
      `Cannot export this project: "${clash.first}" and "${clash.second}" would become the same file on Windows and macOS. Rename one of them and try again.`,
      clash.second,
    );
  }
  if (media.length + 2 > BUNDLE_LIMITS.maxEntries) {
    throw new BundleFailure(
      'INVALID_ARGUMENT',
      `Cannot export this project: it has ${media.length} media files, more than a bundle may hold (${BUNDLE_LIMITS.maxEntries - 2}).`,
    );
  }
  const total = media.reduce((sum, m) => sum + m.size, projectJsonBytes);
  if (total > BUNDLE_LIMITS.maxTotalBytes) {
    throw new BundleFailure(
      'INVALID_ARGUMENT',
      `Cannot export this project: its files add up to more than the ${BUNDLE_LIMITS.maxTotalBytes / 2 ** 30} GiB a bundle may hold.`,
    );
  }
}

/** The second read of a media file, checked against the first pass's size and hash. */
async function mediaStream(
  fs: FileSystem,
  m: HashedMedia,
  signal: AbortSignal,
  onBytes: (bytes: number) => void,
  onError: (error: unknown) => void,
  open: Set<Readable>,
): Promise<Readable> {
  const handle = await fs.open(m.path, 'r');
  const meter = new MeterStream({
    maxBytes: m.size,
    tooLarge: () => changed(m).message,
    signal,
    onBytes,
    expect: { size: m.size, sha256: m.sha256, mismatch: () => changed(m) },
  });
  // yazl pipes the meter on without listening for its errors: report them to the export.
  meter.on('error', onError);
  const source = handle.createReadStream();
  open.add(source);
  source.once('close', () => open.delete(source));
  source.on('error', (error) => meter.destroy(error));
  return source.pipe(meter);
}

function changed(m: MediaFile): BundleFailure {
  return new BundleFailure('CONFLICT', `${m.path} changed while the bundle was being written; export again.`, m.path);
}

const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);

async function renameWithRetry(fs: FileSystem, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      if (attempt >= 5 || !TRANSIENT.has(errorCode(error) ?? '')) throw error;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}
