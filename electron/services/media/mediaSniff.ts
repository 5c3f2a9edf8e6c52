import type { TakeMediaMime } from '../../../shared/model/take.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';

/** How many leading bytes `sniffMediaType` looks at. */
export const SNIFF_BYTES = 4096;

export interface SniffedType {
  readonly mime: TakeMediaMime;
  readonly kind: 'video' | 'image';
  /** For messages: "MP4 video", "PNG image"… */
  readonly label: string;
}

export const SUPPORTED_MEDIA_TEXT = 'Shotcanvas takes MP4, MOV and WebM videos and PNG, JPEG and WebP images';

function ascii(b: Uint8Array, start: number, end: number): string {
  if (b.length < end) return '';
  return String.fromCharCode(...b.subarray(start, end));
}

function startsWith(b: Uint8Array, prefix: readonly number[]): boolean {
  return b.length >= prefix.length && prefix.every((v, i) => b[i] === v);
}

function contains(b: Uint8Array, text: string): boolean {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(text, 0, 'latin1');
}

/** ISO base media brands that are something other than a playable MP4 video. */
const OTHER_ISO_BRANDS: ReadonlyArray<{ readonly label: string; readonly brands: readonly string[] }> = [
  { label: 'HEIC/HEIF image', brands: ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'] },
  { label: 'AVIF image', brands: ['avif', 'avis'] },
  { label: '3GP video', brands: ['3gp4', '3gp5', '3gp6', '3gp7', '3ge6', '3ge7', '3gg6', '3g2a', '3g2b', '3g2c'] },
  { label: 'M4A/AAC audio file', brands: ['M4A ', 'M4B ', 'M4P '] },
  { label: 'Canon raw (CR3) photo', brands: ['crx '] },
  { label: 'JPEG 2000 image', brands: ['jp2 ', 'jpx '] },
];

/** Atoms an old QuickTime file (without `ftyp`) starts with. */
const QUICKTIME_FIRST_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** Formats people drop that takes do not accept: named, so the refusal can say what the file is. */
const UNSUPPORTED: ReadonlyArray<{ readonly label: string; readonly test: (b: Uint8Array) => boolean }> = [
  { label: 'GIF image', test: (b) => ['GIF87a', 'GIF89a'].includes(ascii(b, 0, 6)) },
  { label: 'AVI video', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'AVI ' },
  { label: 'WAV audio file', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE' },
  { label: 'MPEG transport stream', test: (b) => b[0] === 0x47 && b.length > 188 && b[188] === 0x47 },
  { label: 'MPEG program stream', test: (b) => startsWith(b, [0x00, 0x00, 0x01, 0xba]) },
  { label: 'Flash video (FLV)', test: (b) => ascii(b, 0, 3) === 'FLV' },
  { label: 'Ogg file', test: (b) => ascii(b, 0, 4) === 'OggS' },
  { label: 'FLAC audio file', test: (b) => ascii(b, 0, 4) === 'fLaC' },
  { label: 'MP3 audio file', test: (b) => ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0 && ((b[1] ?? 0) & 0x06) !== 0) },
  { label: 'BMP image', test: (b) => ascii(b, 0, 2) === 'BM' && b.length >= 26 && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0 },
  { label: 'TIFF image', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { label: 'Photoshop (PSD) file', test: (b) => ascii(b, 0, 4) === '8BPS' },
  { label: 'PDF document', test: (b) => ascii(b, 0, 5) === '%PDF-' },
  { label: 'ZIP archive', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
];

/** No NUL byte and valid UTF-8 in the first bytes: a text file (JSON, a note, an HTML error page…). */
function looksLikeText(b: Uint8Array): boolean {
  if (b.includes(0)) return false;
  try {
    // A multi-byte character cut at the end of the sample is fine; drop up to 3 trailing bytes.
    new TextDecoder('utf-8', { fatal: true }).decode(b.length >= SNIFF_BYTES ? b.subarray(0, b.length - 3) : b);
    return true;
  } catch {
    return false;
  }
}

function refuse(shownName: string, what: string): Result<SniffedType> {
  return err(
    'NOT_SUPPORTED',
    `"${shownName}" is ${what}, whatever its name says. ${SUPPORTED_MEDIA_TEXT}: convert it to one of these and try again.`,
    shownName,
  );
}

/**
 * What a file really is, from its first bytes (the file name's extension is never trusted), or a
 * sentence naming `shownName` that says why takes cannot use it.
 */
export function sniffMediaType(head: Uint8Array, shownName: string): Result<SniffedType> {
  if (head.length === 0) return err('INVALID_ARGUMENT', `"${shownName}" is empty (0 bytes), so it holds no video or image. Choose another file.`, shownName);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ok({ mime: 'image/png', kind: 'image', label: 'PNG image' });
  if (startsWith(head, [0xff, 0xd8, 0xff])) return ok({ mime: 'image/jpeg', kind: 'image', label: 'JPEG image' });
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return ok({ mime: 'image/webp', kind: 'image', label: 'WebP image' });
  const box = ascii(head, 4, 8);
  if (box === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (brand === 'qt  ') return ok({ mime: 'video/quicktime', kind: 'video', label: 'QuickTime (MOV) video' });
    const other = OTHER_ISO_BRANDS.find((o) => o.brands.includes(brand));
    if (other) return refuse(shownName, `a ${other.label}`);
    return ok({ mime: 'video/mp4', kind: 'video', label: 'MP4 video' });
  }
  if (QUICKTIME_FIRST_ATOMS.has(box)) return ok({ mime: 'video/quicktime', kind: 'video', label: 'QuickTime (MOV) video' });
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: the DocType element says whether this is WebM or general Matroska.
    if (contains(head.subarray(0, 64), 'webm')) return ok({ mime: 'video/webm', kind: 'video', label: 'WebM video' });
    return refuse(shownName, 'a Matroska (MKV) video');
  }
  const other = UNSUPPORTED.find((u) => u.test(head));
  if (other) return refuse(shownName, `a ${other.label}`);
  if (looksLikeText(head))
    return err('INVALID_ARGUMENT', `"${shownName}" is a text file, not a video or an image, whatever its name says. Choose a media file.`, shownName);
  return err(
    'INVALID_ARGUMENT',
    `"${shownName}" is not a video or an image Shotcanvas knows (its content is not MP4, MOV, WebM, PNG, JPEG or WebP). Choose a media file.`,
    shownName,
  );
}
