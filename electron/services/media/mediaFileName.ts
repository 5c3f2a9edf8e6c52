import type { ImageMimeType } from '../../../shared/model/media.ts';
import type { TakeMediaMime } from '../../../shared/model/take.ts';

/** Extensions each type may carry; the first is the one a name gets when it has none that fits. */
export const IMAGE_EXTENSIONS: Readonly<Record<ImageMimeType, readonly string[]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
};

/** Extensions of the media types takes accept (videos and stills). */
export const MEDIA_EXTENSIONS: Readonly<Record<ImageMimeType | TakeMediaMime, readonly string[]>> = {
  ...IMAGE_EXTENSIONS,
  'video/mp4': ['mp4', 'm4v'],
  'video/quicktime': ['mov', 'qt'],
  'video/webm': ['webm'],
};

/** Extensions of media of some type: a wrong one is replaced, anything else is kept and the right one appended. */
const MEDIA_LIKE_EXTENSIONS = new Set([
  ...Object.values(MEDIA_EXTENSIONS).flat(),
  ...['bmp', 'tif', 'tiff', 'heic', 'heif', 'avif', 'psd', 'svg', 'ico'],
  ...['mkv', 'avi', 'wmv', 'flv', 'mpg', 'mpeg', 'ts', 'mts', 'm2ts', '3gp', 'mxf'],
]);

/**
 * UTF-8 bytes a stored name may use. File systems allow 255, but Windows paths are still often
 * limited to 260 characters in total, and the name sits inside `<project>/media/<16 hex>/`.
 */
export const MAX_NAME_BYTES = 120;

/** Windows refuses these as file names, with any extension (`CON.png`, `com1.jpg`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

// eslint-disable-next-line no-control-regex -- control characters are what names must not hold
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Invisible and direction-override characters, which can disguise a name's real extension. */
const INVISIBLE_CHARACTERS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Half of a surrogate pair (a name cut in the middle of an emoji): not encodable as a file name. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Refused in names by Windows (and `/` everywhere). */
const FORBIDDEN_CHARACTERS = /[<>:"/\\|?*]/g;

const encoder = new TextEncoder();

function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Cuts at a code point boundary so that the result is at most `maxBytes` in UTF-8. */
function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (used + size > maxBytes) break;
    out += char;
    used += size;
  }
  return out;
}

/** Windows drops trailing dots and spaces; leading dots would hide the file on macOS and Linux. */
function trimEnds(text: string): string {
  return text.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
}

/** The last path segment of a name as the user gave it, cleaned of what a message must not show. */
export function baseNameOf(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '').replace(CONTROL_CHARACTERS, '').replace(INVISIBLE_CHARACTERS, '').replace(LONE_SURROGATES, '');
}

/** A short, printable form of the user's file name for error messages. */
export function shownFileName(fileName: string): string {
  const base = baseNameOf(fileName).trim();
  if (base === '') return 'the file';
  const chars = [...base];
  return chars.length > 80 ? `${chars.slice(0, 77).join('')}…` : base;
}

/**
 * The name a media file is stored under: the user's base name, safe on Windows, macOS and
 * Linux (no folders, no `..`, no reserved names or characters, no trailing dots), carrying an
 * extension that matches its real type so editors and the media route agree on what it is.
 */
export function mediaFileName(originalName: string, mime: ImageMimeType | TakeMediaMime): string {
  const allowed = MEDIA_EXTENSIONS[mime];
  const base = trimEnds(baseNameOf(originalName).normalize('NFC').replace(FORBIDDEN_CHARACTERS, '_'));
  const dot = base.lastIndexOf('.');
  const currentExtension = dot > 0 ? base.slice(dot + 1) : '';
  let stem = base;
  let extension = allowed[0]!;
  if (allowed.includes(currentExtension.toLowerCase())) {
    stem = base.slice(0, dot);
    extension = currentExtension;
  } else if (MEDIA_LIKE_EXTENSIONS.has(currentExtension.toLowerCase())) {
    // `photo.png` that holds a JPEG becomes `photo.jpg` (a `.mp4` holding a MOV, `.mov`): the extension must not lie.
    stem = base.slice(0, dot);
  }
  stem = trimEnds(stem);
  const firstPart = stem.split('.')[0] ?? '';
  if (WINDOWS_RESERVED.test(firstPart.trim())) stem = `_${stem}`;
  stem = trimEnds(truncateUtf8(stem, MAX_NAME_BYTES - 1 - utf8Length(extension)));
  if (stem === '') stem = mime.startsWith('video/') ? 'clip' : 'frame';
  return `${stem}.${extension}`;
}
