import { join } from 'node:path';
import { isTempFileName } from '../atomicWrite.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode } from '../fileSystem.ts';

/**
 * The project's media folder: `media/<first 16 hex of the sha256>/<original name>`. Helpers the
 * frame-image import and the streaming media import share.
 */
export const MEDIA_FOLDER = 'media';
/** Hex digits of the sha256 that name a media subfolder (64 bits: collisions are not a concern). */
export const HASH_PREFIX_LENGTH = 16;

/**
 * Media writes run one at a time per project: the dedupe check and the clean-up after a failure
 * (which removes folders this import created) must not interleave with another import into the
 * same tree. Long copies happen outside this lock; only the short placing step holds it.
 */
const queues = new Map<string, Promise<unknown>>();

export function serializedPerProject<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

/** The sha256 of a stored file (the caller may answer from a size+mtime cache). */
export type HashOfFile = (path: string, size: number) => Promise<string>;

/**
 * A file already in `folder` with exactly these bytes (the same media imported before, maybe under
 * another name), preferring `preferredName`. Regular files only; temp files and links are ignored.
 */
export async function findSameContent(
  fs: FileSystem,
  folder: string,
  hash: string,
  size: number,
  preferredName: string,
  hashOf: HashOfFile,
): Promise<string | null> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return null;
    throw error;
  }
  const names = entries
    .filter((e) => e.isFile() && !isTempFileName(e.name) && e.name.length <= 255 && !/[\\\0]/.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a === preferredName ? -1 : b === preferredName ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const path = join(folder, name);
    const info = await fs.lstat(path);
    if (!info.isFile() || info.size !== size) continue;
    if ((await hashOf(path, info.size)) === hash) return name;
  }
  return null;
}

/**
 * `name`, or `name (2).ext`, `name (3).ext`… whichever no entry of `folder` takes, comparing as
 * case-insensitive, normalizing disks (and bundle export) do: `Frame.png` and `frame.png` clash.
 */
export async function freeNameIn(fs: FileSystem, folder: string, name: string): Promise<string> {
  const key = (n: string) => n.normalize('NFC').toLowerCase();
  const taken = new Set((await fs.readdir(folder)).map(key));
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  const extension = name.slice(dot);
  for (let n = 1; n < 1000; n += 1) {
    const candidate = n === 1 ? name : `${stem} (${n})${extension}`;
    if (!taken.has(key(candidate))) return candidate;
  }
  throw new Error(`${folder} holds too many files named like ${name}`);
}

/** Removes `dir` if it exists and is empty (a folder an import created and then did not use). */
export async function removeIfEmpty(fs: FileSystem, dir: string): Promise<void> {
  try {
    if ((await fs.readdir(dir)).length === 0) await fs.rm(dir, { recursive: true, force: true });
  } catch {
    // Gone already, or unreadable: nothing this clean-up can do.
  }
}

/** Makes a rename into `folder` durable (the new directory entry reaches the disk). */
export async function syncFolder(fs: FileSystem, folder: string): Promise<void> {
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

const TRANSIENT_RENAME_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** Windows scanners hold new files for a moment; a rename refused then succeeds shortly after. */
export async function renameWithRetry(fs: FileSystem, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      if (attempt >= 5 || !TRANSIENT_RENAME_CODES.has(errorCode(error) ?? '')) throw error;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}
