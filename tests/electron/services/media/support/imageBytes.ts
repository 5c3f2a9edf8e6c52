import { crc32, deflateSync } from 'node:zlib';

/**
 * Real, tiny image files built in memory, so the import tests need no binary fixtures: a PNG that
 * any decoder opens, and JPEG / WebP / GIF headers that image-size reads.
 */

function u32be(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}

function u16be(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(value);
  return b;
}

function u16le(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
}

function u24le(value: number): Buffer {
  return Buffer.from([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff]);
}

/** One PNG chunk: length, type, data, CRC-32 over type + data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), typeAndData, u32be(crc32(typeAndData))]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The 13 bytes of an IHDR: 8-bit RGB, no interlace. */
function ihdr(width: number, height: number): Buffer {
  return Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 2, 0, 0, 0])]);
}

/** A complete, decodable RGB PNG filled with one colour (`seed` varies the colour, and so the bytes). */
export function pngBytes(width: number, height: number, seed = 0): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x += 1) row.set([(seed * 37) & 0xff, (seed * 91 + x) & 0xff, 200], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr(width, height)), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Just the signature and an IHDR claiming `width` × `height` (valid checksum): enough for a header probe. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr(width, height)), pngChunk('IEND', Buffer.alloc(0))]);
}

function jpegSegment(marker: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);
}

/** An APP1 EXIF block (big-endian TIFF) holding only the Orientation tag. */
function exifOrientation(orientation: number): Buffer {
  const entry = Buffer.concat([u16be(0x0112), u16be(3), u32be(1), u16be(orientation), Buffer.alloc(2)]);
  const tiff = Buffer.concat([Buffer.from('MM\0*', 'latin1'), u32be(8), u16be(1), entry, u32be(0)]);
  return jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

/** SOI, APP0 (JFIF) or APP1 (EXIF orientation), a baseline SOF0 with the size, EOI: a JPEG's header. */
export function jpegBytes(width: number, height: number, orientation?: number): Buffer {
  const app = orientation === undefined ? jpegSegment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])) : exifOrientation(orientation);
  const components = Buffer.from([1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const sof = jpegSegment(0xc0, Buffer.concat([Buffer.from([8]), u16be(height), u16be(width), Buffer.from([3]), components]));
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app, sof, Buffer.from([0xff, 0xd9])]);
}

/** A WebP with an extended (VP8X) header giving the canvas size; `riffSize` lets a test lie about the length. */
export function webpBytes(width: number, height: number, riffSize?: number): Buffer {
  const vp8x = Buffer.concat([Buffer.from('VP8X', 'latin1'), Buffer.from([10, 0, 0, 0]), Buffer.alloc(4), u24le(width - 1), u24le(height - 1)]);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), vp8x]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(riffSize ?? body.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]);
}

/** A GIF89a header (logical screen descriptor) and trailer. */
export function gifBytes(width: number, height: number): Buffer {
  return Buffer.concat([Buffer.from('GIF89a', 'latin1'), u16le(width), u16le(height), Buffer.from([0, 0, 0]), Buffer.from(';', 'latin1')]);
}
