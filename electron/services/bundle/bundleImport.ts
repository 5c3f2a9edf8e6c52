import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import type { ProjectId } from '../../../shared/ids.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import type { FreeSpaceProbe } from '../diskSpace.ts';
import { checkFreeSpace, nodeFreeSpace } from '../diskSpace.ts';
import type { FileSystem } from '../fileSystem.ts';
import { nodeFileSystem } from '../fileSystem.ts';
import { isPathInside } from '../pathSafety.ts';
import type { BundleLimits, BundleManifest, BundleManifestEntry } from './bundleFormat.ts';
import { MANIFEST_NAME, bundleLimits, parseManifest } from './bundleFormat.ts';
import type { BundleProgress } from './bundleExport.ts';
import { BundleFailure, MeterStream, describeError, sink, toFailure } from './bundleStreams.ts';
import { checkNoClash, checkZipEntry, matchManifest, refusal, zipRefusal } from './importChecks.ts';
import { IMPORT_STAGING_PREFIX, IMPORT_STAGING_SUFFIX, finishImport } from './importFinish.ts';
import type { OpenedZip } from './zipReader.ts';
import { openEntryStream, openZip } from './zipReader.ts';

export interface ImportBundleOptions {
  readonly fs?: FileSystem;
  readonly bundlePath: string;
  /** The folder the new project folder is created in; it must exist. */
  readonly parentDir: string;
  /** The new project's name; defaults to the name stored in the bundle. */
  readonly name?: string;
  readonly signal: AbortSignal;
  readonly onProgress?: BundleProgress;
  /** Caps on entry count and sizes; the defaults are BUNDLE_LIMITS. */
  readonly limits?: Partial<BundleLimits>;
  readonly freeSpace?: FreeSpaceProbe;
  readonly now: () => Date;
}

export interface ImportBundleResult {
  readonly projectDir: string;
  readonly projectId: ProjectId;
  readonly name: string;
}

export { IMPORT_STAGING_PREFIX, IMPORT_STAGING_SUFFIX, sweepImportStaging } from './importFinish.ts';

/**
 * Imports a `.shotcanvas` bundle as a new project in `parentDir`. Everything about the archive is
 * checked before a byte is written (names, types, sizes, ratios, manifest); the data is then
 * extracted into a fresh hidden staging folder while sizes and hashes are checked as bytes
 * stream, and the folder is renamed into place only when complete. On any failure or cancel the
 * staging folder is removed: parentDir is left as it was. Never throws.
 */
export async function importProjectBundle(options: ImportBundleOptions): Promise<Result<ImportBundleResult>> {
  let staging: string | null = null;
  let zip: OpenedZip | null = null;
  const fs = options?.fs ?? nodeFileSystem;
  const signal = options?.signal ?? new AbortController().signal;
  const bundlePath = resolve(typeof options?.bundlePath === 'string' ? options.bundlePath : '');
  const cancelled = `Importing ${bundlePath} was cancelled; nothing was imported.`;
  try {
    if (signal.aborted) return err('CANCELLED', cancelled);
    const parentDir = resolve(options.parentDir);
    const limits = bundleLimits(options.limits);
    const info = await fs.stat(parentDir).catch(() => null);
    if (!info?.isDirectory()) return err('NOT_FOUND', `Cannot import ${bundlePath}: the folder ${parentDir} does not exist.`, parentDir);

    zip = await openBundle(fs, bundlePath, limits);
    const manifest = await readManifest(zip, bundlePath, limits, signal);
    const plan = matchManifest(bundlePath, manifest, zip.entries, limits);
    const total = plan.reduce((sum, p) => sum + p.expected.size, 0);
    const space = await checkFreeSpace(parentDir, total, options.freeSpace ?? nodeFreeSpace);
    if (!space.ok) return space;
    if (signal.aborted) return err('CANCELLED', cancelled);

    staging = join(parentDir, `${IMPORT_STAGING_PREFIX}${randomBytes(8).toString('hex')}${IMPORT_STAGING_SUFFIX}`);
    await fs.mkdir(staging);
    let done = 0;
    options.onProgress?.(0, total, 'extracting');
    for (const { entry, expected } of plan) {
      if (signal.aborted) throw new BundleFailure('CANCELLED', cancelled);
      await extractEntry(fs, zip.zip, entry, expected, { staging, bundlePath, signal }, (bytes) => {
        done += bytes;
        options.onProgress?.(done, total, 'extracting');
      });
    }
    await zip.close();
    zip = null;
    if (signal.aborted) throw new BundleFailure('CANCELLED', cancelled);
    options.onProgress?.(total, total, 'finishing');
    const finished = await finishImport({ fs, bundlePath, parentDir, staging, requestedName: options.name, bundleName: manifest.name, now: options.now });
    staging = null;
    return ok(finished);
  } catch (error) {
    const failure = toFailure(error, signal, cancelled, (detail) => `Could not import ${bundlePath}: ${detail}`, bundlePath);
    return { ok: false, error: failure.error };
  } finally {
    await zip?.close().catch(() => undefined);
    if (staging !== null) await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function openBundle(fs: FileSystem, bundlePath: string, limits: BundleLimits): Promise<OpenedZip> {
  const totals = { bytes: 0 };
  let opened: OpenedZip;
  try {
    opened = await openZip(fs, bundlePath, {
      onCount: (count) => {
        if (count > limits.maxEntries) throw refusal(bundlePath, `it has ${count} entries, more than the ${limits.maxEntries} a bundle may hold`);
      },
      onEntry: (entry) => {
        const problem = checkZipEntry(entry, limits, totals);
        if (problem !== null) throw refusal(bundlePath, problem, entry.fileName);
      },
    });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
    if (code === 'ENOENT') throw new BundleFailure('NOT_FOUND', `Cannot import ${bundlePath}: the file does not exist.`, bundlePath);
    if (code === 'EISDIR') throw refusal(bundlePath, 'it is a folder, not a bundle file');
    if (typeof code === 'string' && code.startsWith('E')) throw error;
    throw zipRefusal(bundlePath, error);
  }
  try {
    checkNoClash(
      bundlePath,
      opened.entries.map((e) => e.fileName),
    );
    if (!opened.entries.some((e) => e.fileName === MANIFEST_NAME)) {
      throw refusal(bundlePath, `it is not a Shotcanvas bundle (it has no ${MANIFEST_NAME})`, MANIFEST_NAME);
    }
    return opened;
  } catch (error) {
    await opened.close();
    throw error;
  }
}

async function readManifest(zip: OpenedZip, bundlePath: string, limits: BundleLimits, signal: AbortSignal): Promise<BundleManifest> {
  const entry = zip.entries.find((e) => e.fileName === MANIFEST_NAME)!;
  const chunks: Buffer[] = [];
  const meter = new MeterStream({
    maxBytes: Math.min(entry.uncompressedSize, limits.maxJsonBytes),
    tooLarge: () => `Cannot import ${bundlePath}: ${MANIFEST_NAME} is larger than its header says. Nothing was imported.`,
    signal,
  });
  try {
    await pipeline(await openEntryStream(zip.zip, entry), meter, sink(chunks), { signal });
  } catch (error) {
    throw streamFailure(bundlePath, MANIFEST_NAME, error, signal);
  }
  const parsed = parseManifest(Buffer.concat(chunks).toString('utf8'), bundlePath);
  if (!parsed.ok) throw new BundleFailure(parsed.error.code, parsed.error.message, MANIFEST_NAME);
  return parsed.value;
}

interface ExtractContext {
  readonly staging: string;
  readonly bundlePath: string;
  readonly signal: AbortSignal;
}

async function extractEntry(
  fs: FileSystem,
  zip: ZipFile,
  entry: Entry,
  expected: BundleManifestEntry,
  ctx: ExtractContext,
  onBytes: (bytes: number) => void,
): Promise<void> {
  const name = entry.fileName;
  const target = join(ctx.staging, ...name.split('/'));
  // checkEntryName already guarantees this; a second, independent check costs nothing.
  if (!isPathInside(ctx.staging, target) || target === ctx.staging)
    throw refusal(ctx.bundlePath, `the entry ${JSON.stringify(name)} points outside its folder`, name);
  await fs.mkdir(dirname(target), { recursive: true });
  // 'wx': never open (or follow) something that is already there.
  const handle = await fs.open(target, 'wx');
  const meter = new MeterStream({
    maxBytes: expected.size,
    tooLarge: (seen) =>
      `Cannot import ${ctx.bundlePath}: the entry "${name}" expands to more than the ${expected.size} bytes it declares (at least ${seen}); it looks like a decompression bomb. Nothing was imported.`,
    signal: ctx.signal,
    onBytes,
    expect: {
      size: expected.size,
      sha256: expected.sha256,
      mismatch: (size) =>
        refusal(
          ctx.bundlePath,
          size !== expected.size
            ? `the entry "${name}" holds ${size} bytes, not the ${expected.size} its manifest lists (the file is damaged)`
            : `the entry "${name}" does not match its checksum in the manifest (the file is damaged or was altered)`,
          name,
        ),
    },
  });
  try {
    // flush: fsync before the stream closes the handle, so a finished import survives a power cut.
    await pipeline(await openEntryStream(zip, entry), meter, handle.createWriteStream({ flush: true }), { signal: ctx.signal });
  } catch (error) {
    throw streamFailure(ctx.bundlePath, name, error, ctx.signal);
  } finally {
    // Already closed by the stream in the normal case; this covers a stream that never started.
    await handle.close().catch(() => undefined);
  }
}

/** Errors while streaming an entry: ours pass through, file-system ones stay I/O, the rest mean a damaged entry. */
function streamFailure(bundlePath: string, name: string, error: unknown, signal: AbortSignal): unknown {
  if (error instanceof BundleFailure || signal.aborted) return error;
  if (typeof error === 'object' && error !== null && 'syscall' in error) return error;
  return refusal(bundlePath, `the entry "${name}" is damaged (${describeError(error).slice(0, 300)})`, name);
}
