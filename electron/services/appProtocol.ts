import { APP_HOST, APP_SCHEME } from '../../shared/identity.ts';
import { RENDERER_CSP_HEADER } from '../../shared/security/contentSecurityPolicy.ts';
import type { FileSystem } from './fileSystem.ts';
import { errorCode } from './fileSystem.ts';
import { mimeTypeOf, resolveStaticPath } from './staticFiles.ts';

export interface ProtocolReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Answers an `app://shotcanvas/<path>` request from the built renderer folder. Any other host,
 * a path escaping the folder, or a missing file is refused. HTML carries the CSP header.
 */
export async function appProtocolReply(requestUrl: string, rendererDir: string, fs: FileSystem): Promise<ProtocolReply> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, headers: {}, body: 'Bad URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 404, headers: {}, body: 'Not found' };
  const file = resolveStaticPath(rendererDir, url.pathname);
  if (!file) return { status: 400, headers: {}, body: 'Bad path' };
  try {
    const body = await fs.readFile(file);
    const headers: Record<string, string> = { 'content-type': mimeTypeOf(file), 'x-content-type-options': 'nosniff' };
    if (file.endsWith('.html')) headers['content-security-policy'] = RENDERER_CSP_HEADER;
    return { status: 200, headers, body: new Uint8Array(body as Buffer) };
  } catch (error) {
    const code = errorCode(error);
    return code === 'ENOENT' || code === 'EISDIR' ? { status: 404, headers: {}, body: 'Not found' } : { status: 500, headers: {}, body: 'Read error' };
  }
}
