import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { MAX_FRAME_IMAGE_BYTES } from '../../../shared/ipc/contract.ts';
import type { FrameRef } from '../../../shared/model/media.ts';
import { frameRefSchema } from '../../../shared/model/media.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import { isTempFileName, writeFileAtomic } from '../atomicWrite.ts';
import type { FreeSpaceProbe } from '../diskSpace.ts';
import { checkFreeSpace, formatBytes, nodeFreeSpace } from '../diskSpace.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode, pathExists } from '../fileSystem.ts';
import { isRealPathInside } from '../pathSafety.ts';
import { ioError } from '../projectSummary.ts';
import { probeImage } from './imageProbe.ts';
import { mediaFileName, shownFileName } from './mediaFileName.ts';

export const MEDIA_FOLDER = 'media';
/** Hex digits of the sha256 that name a media subfolder (64 bits: collisions are not a concern). */
export const HASH_PREFIX_LENGTH = 16;
export { MAX_FRAME_IMAGE_BYTES };

export interface ImageImportInput {
  readonly fs: FileSystem;
  /** An existing project folder. */
  readonly projectDir: string;
  /** The name the file had on the user's disk; only its sanitized base name is used. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly freeSpace?: FreeSpaceProbe;
  /** Defaults to MAX_FRAME_IMAGE_BYTES; tests lower it. */
  readonly maxBytes?: number;
}

/**
 * Imports run one at a time per project: the dedupe check and the clean-up after a failure (which
 * removes folders this import created) must not interleave with another import into the same tree.
 */
const queues = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A file already in `folder` with exactly these bytes (the same image imported before, maybe under
 * another name), preferring `preferredName`. Regular files only; temp files and links are ignored.
 */
async function findSameContent(fs: FileSystem, folder: string, hash: string, size: number, preferredName: string): Promise<string | null> {
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
    if (sha256Hex((await fs.readFile(path)) as Uint8Array) === hash) return name;
  }
  return null;
}

/**
 * `name`, or `name (2).ext`, `name (3).ext`… whichever no entry of `folder` takes, comparing as
 * case-insensitive, normalizing disks (and bundle export) do: `Frame.png` and `frame.png` clash.
 */
async function freeNameIn(fs: FileSystem, folder: string, name: string): Promise<string> {
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

/**
 * Copies an image into `<project>/media/<first 16 hex of its sha256>/<sanitized original name>`
 * and returns the FrameRef that points at it. The type comes from the bytes, never the name. The
 * same bytes imported again (under any name) reuse the stored file. Nothing is left behind on
 * failure: a folder this call created is removed, and the file itself is written atomically.
 */
export async function importImageBytes(input: ImageImportInput): Promise<Result<FrameRef>> {
  const { fs, bytes } = input;
  const shown = shownFileName(input.fileName);
  const maxBytes = input.maxBytes ?? MAX_FRAME_IMAGE_BYTES;
  if (bytes.length === 0) return err('INVALID_ARGUMENT', `"${shown}" is empty (0 bytes), so it holds no image. Choose another file.`, shown);
  if (bytes.length > maxBytes) {
    const size = formatBytes(bytes.length) === formatBytes(maxBytes) ? `over ${formatBytes(maxBytes)}` : formatBytes(bytes.length);
    return err(
      'INVALID_ARGUMENT',
      `"${shown}" is ${size}; storyboard frames can be at most ${formatBytes(maxBytes)}. Save a smaller version and try again.`,
      shown,
    );
  }
  const probed = probeImage(bytes, shown);
  if (!probed.ok) return probed;
  const hash = sha256Hex(bytes);
  const prefix = hash.slice(0, HASH_PREFIX_LENGTH);
  const projectDir = resolve(input.projectDir);
  return serialized(projectDir, async () => {
    try {
      const info = await fs.stat(projectDir);
      if (!info.isDirectory()) return err('NOT_FOUND', `The project folder ${projectDir} is not a folder any more.`, projectDir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT')
        return err('NOT_FOUND', `The project folder ${projectDir} is gone, so "${shown}" was not imported. Reopen the project.`, projectDir);
      return ioError(`import "${shown}" into the project folder`, projectDir, error);
    }
    const mediaDir = join(projectDir, MEDIA_FOLDER);
    const folder = join(mediaDir, prefix);
    const wanted = mediaFileName(input.fileName, probed.value.mime);
    const frameAt = (name: string): Result<FrameRef> => {
      const frame = { hash, path: `${MEDIA_FOLDER}/${prefix}/${name}`, ...probed.value };
      const checked = frameRefSchema.safeParse(frame);
      return checked.success ? ok(frame) : err('INTERNAL', `Stored "${shown}" as ${frame.path}, which is not a valid media path.`, frame.path);
    };
    let existing: string | null;
    try {
      // Before reading or creating anything: a media/ that is a link out of the project is refused.
      if (!(await isRealPathInside(fs, projectDir, folder))) {
        return err(
          'FORBIDDEN',
          `${mediaDir} leads outside the project folder (a link?), so "${shown}" was not imported. Replace it with a real folder.`,
          mediaDir,
        );
      }
      existing = await findSameContent(fs, folder, hash, bytes.length, wanted);
    } catch (error) {
      return ioError(`look for an earlier copy of "${shown}" in`, folder, error);
    }
    if (existing !== null) return frameAt(existing);

    const space = await checkFreeSpace(projectDir, bytes.length, input.freeSpace ?? nodeFreeSpace);
    if (!space.ok) return err(space.error.code, `Could not import "${shown}". ${space.error.message}`, space.error.where);

    // Folders this import creates, outermost first: removed again if anything below fails.
    const created: string[] = [];
    const undo = async () => {
      for (const dir of created.reverse()) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    };
    try {
      for (const dir of [mediaDir, folder]) {
        if (await pathExists(fs, dir)) continue;
        created.push(dir);
        await fs.mkdir(dir);
      }
      const name = await freeNameIn(fs, folder, wanted);
      const frame = frameAt(name);
      if (frame.ok) await writeFileAtomic(join(folder, name), bytes, { fs });
      else await undo();
      return frame;
    } catch (error) {
      await undo();
      return ioError(`save "${shown}" into`, folder, error);
    }
  });
}
