import { basename, dirname, join, resolve } from 'node:path';
import type { MediaCheck, MediaLocation, RelinkedMedia } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import type { FreeSpaceProbe } from '../diskSpace.ts';
import { checkFreeSpace, nodeFreeSpace } from '../diskSpace.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode, pathExists } from '../fileSystem.ts';
import { isRealPathInside } from '../pathSafety.ts';
import { ioError } from '../projectSummary.ts';
import { shownFileName } from './mediaFileName.ts';
import { MEDIA_FOLDER, removeIfEmpty, renameWithRetry, serializedPerProject, syncFolder } from './mediaFolder.ts';
import type { MediaHashCache } from './mediaHashCache.ts';
import { resolveStoredMedia } from './mediaPaths.ts';
import { COPY_CHUNK_BYTES, discardStaged, stageMedia } from './mediaStaging.ts';

/**
 * Missing media: finding out which references no longer match a file (checkMedia), and putting a
 * found copy back in place, only when its bytes are exactly the recorded ones (relinkMedia).
 */

/** The state of each reference: ok, missing (no regular file there) or changed (other bytes). */
export async function checkMediaFiles(
  fs: FileSystem,
  hashes: MediaHashCache,
  projectDir: string,
  refs: readonly MediaLocation[],
): Promise<Result<MediaCheck[]>> {
  const out: MediaCheck[] = [];
  for (const ref of refs) {
    const file = await resolveStoredMedia(fs, projectDir, ref.hash, ref.path);
    if (!file.ok) return file;
    let status: MediaCheck['status'];
    try {
      const info = await fs.lstat(file.value);
      status = !info.isFile() ? 'missing' : (await hashes.hashOf(projectDir, file.value)) === ref.hash ? 'ok' : 'changed';
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return ioError('check', file.value, error);
      status = 'missing';
    }
    out.push({ hash: ref.hash, path: ref.path, status });
  }
  await hashes.save(projectDir);
  return ok(out);
}

export interface RelinkInput {
  readonly fs: FileSystem;
  readonly hashes: MediaHashCache;
  readonly projectDir: string;
  readonly ref: MediaLocation;
  readonly newSourcePath: string;
  readonly signal: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  readonly freeSpace?: FreeSpaceProbe;
}

/**
 * Copies `newSourcePath` to the reference's path (`media/<prefix>/<name>`), hashing it on the
 * way; only if the sha256 is the recorded one is it renamed into place (replacing a changed file
 * there). Otherwise the copy is dropped, a clear error says so, and nothing in the project changes.
 */
export async function relinkMediaFile(input: RelinkInput): Promise<Result<RelinkedMedia>> {
  const { fs, hashes, ref, signal } = input;
  const projectDir = resolve(input.projectDir);
  const sourcePath = resolve(input.newSourcePath);
  const shown = shownFileName(basename(sourcePath));
  const target = await resolveStoredMedia(fs, projectDir, ref.hash, ref.path);
  if (!target.ok) return target;
  try {
    const current = await fs.lstat(target.value);
    if (current.isFile() && (await hashes.hashOf(projectDir, target.value, signal)) === ref.hash) {
      return ok({ hash: ref.hash, path: ref.path, bytes: current.size, alreadyInPlace: true });
    }
  } catch (error) {
    if (signal.aborted) return err('CANCELLED', `Relinking ${ref.path} was cancelled; nothing was changed.`, ref.path);
    if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') return ioError('check', target.value, error);
  }

  let handle;
  try {
    handle = await fs.open(sourcePath, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return err('NOT_FOUND', `"${shown}" is not there (${sourcePath}). Choose the file again.`, sourcePath);
    return ioError(`read "${shown}" at`, sourcePath, error);
  }
  let streaming = false;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return err('INVALID_ARGUMENT', `"${shown}" is not a file. Choose the missing media file.`, sourcePath);
    const space = await checkFreeSpace(projectDir, info.size, input.freeSpace ?? nodeFreeSpace);
    if (!space.ok) return err(space.error.code, `Could not relink ${ref.path}. ${space.error.message}`, space.error.where);
    let done = 0;
    streaming = true;
    const staged = await stageMedia({
      fs,
      projectDir,
      source: handle.createReadStream({ start: 0, highWaterMark: COPY_CHUNK_BYTES }),
      expectedBytes: info.size,
      shownName: shown,
      signal,
      onBytes: (bytes) => {
        done += bytes;
        input.onProgress?.(done, info.size);
      },
    });
    if (!staged.ok) return staged.error.code === 'CANCELLED' ? err('CANCELLED', `Relinking ${ref.path} was cancelled; nothing was changed.`, ref.path) : staged;
    if (staged.value.hash !== ref.hash) {
      await discardStaged(fs, staged.value);
      return err(
        'CONFLICT',
        `"${shown}" is not the missing file: its content differs (sha256 ${staged.value.hash.slice(0, 12)}… instead of ${ref.hash.slice(0, 12)}…). Nothing was changed; choose the original file.`,
        sourcePath,
      );
    }
    return await serializedPerProject(projectDir, async () => {
      const folder = dirname(target.value);
      let createdFolder = false;
      try {
        if (!(await isRealPathInside(fs, projectDir, folder))) {
          await fs.unlink(staged.value.tempPath).catch(() => undefined);
          return err('FORBIDDEN', `${folder} leads outside the project folder (a link?); nothing was changed.`, folder);
        }
        if (!(await pathExists(fs, folder))) {
          await fs.mkdir(folder);
          createdFolder = true;
        }
        await renameWithRetry(fs, staged.value.tempPath, target.value);
        await syncFolder(fs, folder);
        await hashes.remember(projectDir, target.value, ref.hash).catch(() => undefined);
        await hashes.save(projectDir);
        return ok({ hash: ref.hash, path: ref.path, bytes: staged.value.bytes, alreadyInPlace: false });
      } catch (error) {
        await fs.unlink(staged.value.tempPath).catch(() => undefined);
        if (createdFolder) await removeIfEmpty(fs, folder);
        if (staged.value.createdMediaDir) await removeIfEmpty(fs, join(projectDir, MEDIA_FOLDER));
        return ioError(`put "${shown}" back at`, target.value, error);
      }
    });
  } catch (error) {
    return ioError(`read "${shown}" at`, sourcePath, error);
  } finally {
    if (!streaming) await handle.close().catch(() => undefined);
  }
}
