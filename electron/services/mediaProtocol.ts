import { join } from 'node:path';
import { MEDIA_SCHEME } from '../../shared/identity.ts';
import { isUuid } from '../../shared/ids.ts';
import type { FileSystem } from './fileSystem.ts';
import { mediaContentType } from './media/mediaRange.ts';
import { isRealPathInside } from './pathSafety.ts';

/** Media files are content-addressed (a changed image gets a new path): cache them for good. */
export const MEDIA_CACHE_CONTROL = 'private, max-age=31536000, immutable';

/**
 * Only stored media and cached thumbnails are served; project.json, journals and backups are not
 * the page's business.
 */
function isServedPath(parts: readonly string[]): boolean {
  return parts[0] === 'media' || (parts[0] === '.cache' && parts[1] === 'thumbs');
}

/**
 * Resolves `shotcanvas-media://project/<projectId>/<path inside the project>` to a file, but only
 * inside a project folder that is open right now, and only under `media/` or `.cache/thumbs/`.
 * The path is decoded once and checked after resolving symlinks, so `%2e%2e%2f` or a link
 * pointing out of the folder cannot escape.
 */
export async function resolveMediaRequest(
  requestUrl: string,
  openProjectDir: (projectId: string) => string | undefined,
  fs: FileSystem,
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${MEDIA_SCHEME}:` || url.host !== 'project') return null;
  const [, projectId, ...rest] = url.pathname.split('/');
  if (!isUuid(projectId) || rest.length === 0) return null;
  const root = openProjectDir(projectId);
  if (!root) return null;
  let relative: string;
  try {
    relative = rest.map((part) => decodeURIComponent(part)).join('/');
  } catch {
    return null;
  }
  const parts = relative.split(/[\\/]/);
  if (relative.includes('\0') || parts.some((p) => p === '..' || p === '') || !isServedPath(parts)) return null;
  const file = join(root, relative);
  return (await isRealPathInside(fs, root, file)) ? file : null;
}

/**
 * Headers of a desktop media-scheme reply. The renderer (app://shotcanvas, or the dev server)
 * fetches thumbnails with fetch(), which is a cross-origin request to this scheme: only our own
 * origin gets an Access-Control-Allow-Origin, so no other page can read project media.
 */
export function mediaReplyHeaders(file: string, requestOrigin: string | null, isTrustedOrigin: (origin: string) => boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': mediaContentType(file),
    'cache-control': MEDIA_CACHE_CONTROL,
    'x-content-type-options': 'nosniff',
    vary: 'Origin',
  };
  if (requestOrigin && isTrustedOrigin(requestOrigin)) headers['access-control-allow-origin'] = requestOrigin;
  return headers;
}
