import { crc32 } from 'node:zlib';
import { imageSize } from 'image-size';
import type { ImageMimeType } from '../../../shared/model/media.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';

/** The largest side a frame may have (FrameRef's schema caps width and height at this). */
export const MAX_IMAGE_SIDE = 65_535;

export interface ImageInfo {
  readonly mime: ImageMimeType;
  /** As displayed: a JPEG whose EXIF says "rotate 90°" has its sides swapped, like the browser shows it. */
  readonly width: number;
  readonly height: number;
}

const SUPPORTED_TEXT = 'Shotcanvas takes PNG, JPEG, WebP and GIF images';

function ascii(bytes: Uint8Array, start: number, end: number): string {
  if (bytes.length < end) return '';
  return String.fromCharCode(...bytes.subarray(start, end));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Magic bytes decide the type; the file name's extension is never trusted. */
const SUPPORTED: ReadonlyArray<{ readonly mime: ImageMimeType; readonly sizeType: string; readonly label: string; readonly test: (b: Uint8Array) => boolean }> =
  [
    { mime: 'image/png', sizeType: 'png', label: 'PNG', test: (b) => startsWith(b, PNG_SIGNATURE) },
    { mime: 'image/jpeg', sizeType: 'jpg', label: 'JPEG', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
    { mime: 'image/gif', sizeType: 'gif', label: 'GIF', test: (b) => ['GIF87a', 'GIF89a'].includes(ascii(b, 0, 6)) },
    { mime: 'image/webp', sizeType: 'webp', label: 'WebP', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  ];

/** Image formats people drop that frames do not take: named, so the refusal can say what the file is. */
const UNSUPPORTED: ReadonlyArray<{ readonly label: string; readonly test: (b: Uint8Array) => boolean }> = [
  { label: 'BMP', test: (b) => ascii(b, 0, 2) === 'BM' && b.length >= 26 && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0 },
  { label: 'TIFF', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { label: 'HEIC/HEIF', test: (b) => ascii(b, 4, 8) === 'ftyp' && ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(ascii(b, 8, 12)) },
  { label: 'AVIF', test: (b) => ascii(b, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(b, 8, 12)) },
  { label: 'Photoshop (PSD)', test: (b) => ascii(b, 0, 4) === '8BPS' },
  { label: 'SVG', test: (b) => /^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(new TextDecoder().decode(b.subarray(0, 1024))) },
];

/**
 * Structural checks image-size does not make, so that a file cut short or damaged in its header
 * is refused here rather than stored and shown as a broken frame. Returns what is wrong, or null.
 */
function headerProblem(label: string, b: Uint8Array): string | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (label === 'PNG') {
    // Signature (8), then the IHDR chunk: length 13, type, 13 bytes of data, CRC over type + data.
    if (b.length < 33) return 'it ends right after the PNG signature, before the image header';
    if (view.getUint32(8) !== 13 || ascii(b, 12, 16) !== 'IHDR') return 'its PNG image header (IHDR) is missing';
    if (crc32(b.subarray(12, 29)) !== view.getUint32(29)) return 'its PNG image header fails its checksum';
    return null;
  }
  if (label === 'WebP') {
    if (b.length < 30) return 'it ends inside the WebP header';
    // The RIFF size counts everything after the first 8 bytes; less data than that means a cut file.
    if (view.getUint32(4, true) + 8 > b.length) return 'it is shorter than its WebP header says (the file is cut short)';
    return null;
  }
  if (label === 'GIF') return b.length < 13 ? 'it ends inside the GIF header' : null;
  return null;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Finds what an image really is (from its bytes) and its displayed size, or says in a sentence
 * naming `shownName` why it cannot be a frame. Reads headers only; pixels are not decoded here.
 */
export function probeImage(bytes: Uint8Array, shownName: string): Result<ImageInfo> {
  const where = shownName;
  const kind = SUPPORTED.find((s) => s.test(bytes));
  if (!kind) {
    const other = UNSUPPORTED.find((u) => u.test(bytes));
    if (other) return err('NOT_SUPPORTED', `"${shownName}" is a ${other.label} image. ${SUPPORTED_TEXT}: convert it to one of these and try again.`, where);
    return err(
      'INVALID_ARGUMENT',
      `"${shownName}" is not an image (its content is not PNG, JPEG, WebP or GIF, whatever its name says). Choose an image file.`,
      where,
    );
  }
  const problem = headerProblem(kind.label, bytes);
  const damaged = (why: string) =>
    err<ImageInfo>(
      'INVALID_ARGUMENT',
      `"${shownName}" looks like a ${kind.label} image but ${why}. The file is damaged or incomplete; export it again.`,
      where,
    );
  if (problem) return damaged(problem);
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch (error) {
    return damaged(`its header cannot be read (${describeError(error)})`);
  }
  if (size.type !== kind.sizeType) return damaged(`its header reads as ${String(size.type)}`);
  let { width, height } = size;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    return damaged(`its header gives no usable size (${String(width)} × ${String(height)})`);
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return err(
      'NOT_SUPPORTED',
      `"${shownName}" is ${width} × ${height} pixels; frames can be at most ${MAX_IMAGE_SIDE} pixels on a side. Scale it down and try again.`,
      where,
    );
  }
  // EXIF orientations 5–8 turn the picture a quarter turn; the browser shows it that way.
  if (kind.mime === 'image/jpeg' && size.orientation !== undefined && size.orientation >= 5 && size.orientation <= 8) [width, height] = [height, width];
  return ok({ mime: kind.mime, width, height });
}
