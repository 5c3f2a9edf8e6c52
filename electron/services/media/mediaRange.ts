import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode } from '../fileSystem.ts';
import { mimeTypeOf } from '../staticFiles.ts';

/**
 * Serving a media file with HTTP Range support, for both hosts (the web host's /media route and
 * the desktop media scheme): a <video> element seeks by asking for byte ranges and expects 206.
 */
const VIDEO_TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.qt': 'video/quicktime',
  '.webm': 'video/webm',
};

/** The Content-Type of a project media or cache file: videos by extension, else as static files. */
export function mediaContentType(path: string): string {
  return VIDEO_TYPES[extname(path).toLowerCase()] ?? mimeTypeOf(path);
}

export type ByteRange = { readonly start: number; readonly end: number };

/**
 * The one range a `Range` header asks for within `size` bytes (`end` inclusive): null to send
 * the whole file (no header, a malformed one, or several ranges, which servers may ignore), or
 * 'unsatisfiable' (416) when it starts past the end.
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  const match = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    // bytes=-N: the last N bytes.
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}

export interface MediaReply {
  readonly status: 200 | 206 | 404 | 416;
  readonly headers: Record<string, string>;
  /** The bytes to send; null for 404/416 and HEAD. Closing it (or reading to the end) closes the file. */
  readonly body: Readable | null;
}

/**
 * Opens `file` (already resolved and checked by the caller) and answers a GET or HEAD with the
 * whole file (200) or the requested range (206). Missing files and folders are 404.
 */
export async function openMediaReply(fs: FileSystem, file: string, rangeHeader: string | null | undefined, head = false): Promise<MediaReply> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return { status: 404, headers: {}, body: null };
    throw error;
  }
  let size: number;
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return { status: 404, headers: {}, body: null };
    }
    size = info.size;
  } catch (error) {
    await handle.close();
    throw error;
  }
  const headers: Record<string, string> = { 'content-type': mediaContentType(file), 'accept-ranges': 'bytes' };
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    await handle.close();
    return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` }, body: null };
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers['content-length'] = String(Math.max(0, end - start + 1));
  if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  const status = range ? 206 : 200;
  if (head || size === 0) {
    await handle.close();
    return { status, headers, body: null };
  }
  // The handle is the file that was checked; streaming keeps large videos out of memory.
  return { status, headers, body: handle.createReadStream({ start, end }) };
}
