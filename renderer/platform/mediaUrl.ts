import { MEDIA_SCHEME } from '../../shared/identity.ts';
import { hostKind } from './mainBridge.ts';

/** Each segment encoded once: names with spaces, `#`, `?` or `%` reach the resolver intact. */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * The URL a project media file (a FrameRef's `path`) is shown from: the restricted media scheme
 * on the desktop, the web host's cookie-guarded `/media/` route in a browser. Both serve files of
 * open projects only.
 */
export function mediaUrl(projectId: string, path: string, kind: 'desktop' | 'web' = hostKind()): string {
  const rest = `${encodeURIComponent(projectId)}/${encodePath(path)}`;
  return kind === 'desktop' ? `${MEDIA_SCHEME}://project/${rest}` : `/media/${rest}`;
}
