import { join } from 'node:path';
import { MEDIA_PATH_PATTERN } from '../../../shared/model/media.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import type { FileSystem } from '../fileSystem.ts';
import { isRealPathInside } from '../pathSafety.ts';
import { HASH_PREFIX_LENGTH } from './mediaFolder.ts';

/**
 * Paths inside a project that media code touches: stored media (`media/…`) and the cache
 * (`.cache/…`: thumbnails and known hashes; never backed up or bundled, safe to delete).
 */
export const CACHE_FOLDER = '.cache';
export const THUMBS_FOLDER = 'thumbs';

/**
 * The absolute path of a stored media file named by the renderer, after checking the path's
 * shape (`media/<16 hex>/<name>`, the folder named by `hash`) and that, with links resolved, it
 * stays inside the project folder.
 */
export async function resolveStoredMedia(fs: FileSystem, projectDir: string, hash: string, path: string): Promise<Result<string>> {
  const parts = path.split('/');
  if (!MEDIA_PATH_PATTERN.test(path) || parts.some((p) => p === '.' || p === '..') || parts[1] !== hash.slice(0, HASH_PREFIX_LENGTH)) {
    return err('INVALID_ARGUMENT', `${path.slice(0, 300)} is not a media path of this project (media/<first 16 hex of the hash>/<name>).`, 'path');
  }
  const file = join(projectDir, ...parts);
  if (!(await isRealPathInside(fs, projectDir, file))) {
    return err('FORBIDDEN', `${path} leads outside the project folder (a link?); it is not used.`, path);
  }
  return ok(file);
}

/**
 * Creates `<projectDir>/<parts…>` if needed and returns it, or null when any of it is (or leads
 * through) a link out of the project: cache writes must never land outside the project folder.
 */
export async function ensureFolderInside(fs: FileSystem, projectDir: string, parts: readonly string[]): Promise<string | null> {
  const folder = join(projectDir, ...parts);
  if (!(await isRealPathInside(fs, projectDir, folder))) return null;
  await fs.mkdir(folder, { recursive: true });
  return (await isRealPathInside(fs, projectDir, folder)) ? folder : null;
}
