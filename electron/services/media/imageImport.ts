import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { MAX_FRAME_IMAGE_BYTES } from '../../../shared/ipc/contract.ts';
import type { FrameRef } from '../../../shared/model/media.ts';
import { frameRefSchema } from '../../../shared/model/media.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import { writeFileAtomic } from '../atomicWrite.ts';
import type { FreeSpaceProbe } from '../diskSpace.ts';
import { checkFreeSpace, formatBytes, nodeFreeSpace } from '../diskSpace.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode, pathExists } from '../fileSystem.ts';
import { HASH_PREFIX_LENGTH, MEDIA_FOLDER, findSameContent, freeNameIn, serializedPerProject } from './mediaFolder.ts';
import { isRealPathInside } from '../pathSafety.ts';
import { ioError } from '../projectSummary.ts';
import { probeImage } from './imageProbe.ts';
import { mediaFileName, shownFileName } from './mediaFileName.ts';

export { HASH_PREFIX_LENGTH, MEDIA_FOLDER, MAX_FRAME_IMAGE_BYTES };

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

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stored images are small: hashing them whole is simpler than streaming. */
const hashStoredImage = async (fs: FileSystem, path: string) => sha256Hex((await fs.readFile(path)) as Uint8Array);

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
  return serializedPerProject(projectDir, async () => {
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
      existing = await findSameContent(fs, folder, hash, bytes.length, wanted, (path) => hashStoredImage(fs, path));
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
