import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileSystem } from './fileSystem.ts';
import { errorCode, nodeFileSystem } from './fileSystem.ts';

/** Suffix of in-flight temp files; anything carrying it after a crash is garbage to sweep. */
export const TEMP_SUFFIX = '.sctmp';

/**
 * Windows antivirus, indexers and Dropbox hold files briefly; rename then fails with EPERM/EBUSY/
 * EACCES and succeeds moments later. Anything else (ENOSPC, EROFS…) is a real failure.
 */
const TRANSIENT_CODES = new Set(['EPERM', 'EBUSY', 'EACCES', 'EAGAIN']);

export interface AtomicWriteOptions {
  readonly fs?: FileSystem;
  readonly retries?: number;
  readonly retryDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isTempFileName(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

async function withRetry<T>(operation: () => Promise<T>, options: AtomicWriteOptions): Promise<T> {
  const retries = options.retries ?? 6;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const code = errorCode(error);
      if (attempt >= retries || code === undefined || !TRANSIENT_CODES.has(code)) throw error;
      // Back off 50, 100, 200 … ms: long enough for a scanner to let go, short enough to feel instant.
      await sleep((options.retryDelayMs ?? 50) * 2 ** attempt);
    }
  }
}

/**
 * Replace `target` so that a reader (or a crash at any instant) sees either the old bytes or the
 * new bytes, never a mix: write a temp file in the same folder, fsync it, rename it over the
 * target, then fsync the folder so the rename itself is durable.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFileSystem;
  const temp = tempPathFor(target);
  try {
    await withRetry(async () => {
      const handle = await fs.open(temp, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }, options);
    await withRetry(() => fs.rename(temp, target), options);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(fs, dirname(target));
}

async function syncFolder(fs: FileSystem, folder: string): Promise<void> {
  // Windows cannot open folders for fsync; elsewhere it makes the new directory entry durable.
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems (network mounts) refuse a folder fsync; the data itself is already synced.
  }
}

/** Remove temp files a crash left behind in `folder`. Returns how many were removed. */
export async function sweepTempFiles(folder: string, fs: FileSystem = nodeFileSystem): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    if (!isTempFileName(name)) continue;
    try {
      await fs.unlink(join(folder, name));
      removed += 1;
    } catch {
      // Count only what really went: a folder named *.sctmp is not ours and unlink refuses it.
    }
  }
  return removed;
}
