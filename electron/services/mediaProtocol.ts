import { join } from 'node:path';
import { MEDIA_SCHEME } from '../../shared/identity.ts';
import { isUuid } from '../../shared/ids.ts';
import type { FileSystem } from './fileSystem.ts';
import { isRealPathInside } from './pathSafety.ts';
import { mimeTypeOf } from './staticFiles.ts';

/** Media files are content-addressed (a changed image gets a new path): cache them for good. */
export const MEDIA_CACHE_CONTROL = 'private, max-age=31536000, immutable';

/**
 * Resolves `shotcanvas-media://project/<projectId>/<path inside the project>` to a file, but only
 * inside a project folder that is open right now. The path is decoded once and checked after
 * resolving symlinks, so `%2e%2e%2f` or a link pointing out of the folder cannot escape.
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
  if (relative.includes('\0') || relative.split(/[\\/]/).some((p) => p === '..' || p === '')) return null;
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
    'content-type': mimeTypeOf(file),
    'cache-control': MEDIA_CACHE_CONTROL,
    'x-content-type-options': 'nosniff',
    vary: 'Origin',
  };
  if (requestOrigin && isTrustedOrigin(requestOrigin)) headers['access-control-allow-origin'] = requestOrigin;
  return headers;
}
