import { inflateSync } from 'node:zlib';
import exifReader from 'exif-reader';
import { decode as decodeTextChunk } from 'png-chunk-text';
import extractPngChunks from 'png-chunks-extract';
import type { GeneratorMetadata } from '../../../shared/ipc/contract.ts';
import { MAX_METADATA_ENTRY_CHARS } from '../../../shared/ipc/contract.ts';
import type { FileSystem } from '../fileSystem.ts';
import type { SniffedType } from './mediaSniff.ts';

/**
 * Raw generator metadata (ComfyUI's prompt/workflow JSON, A1111's parameters, an XMP packet, a
 * video's comment tag) read from a media file and returned as text, uninterpreted. Reading it
 * never fails an import: whatever cannot be read becomes a warning.
 */

/** PNGs larger than this are not read whole for their text chunks (a warning says so). */
export const MAX_PNG_SCAN_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 100;
/** Container tags generators write prompts and workflows into. */
const VIDEO_TAGS = ['comment', 'description', 'prompt', 'workflow'];

class Collector {
  readonly entries: Record<string, string> = {};
  readonly warnings: string[] = [];

  add(name: string, text: string): void {
    if (Object.keys(this.entries).length >= MAX_ENTRIES) {
      if (!this.warnings.some((w) => w.startsWith('More than'))) this.warnings.push(`More than ${MAX_ENTRIES} metadata entries; the rest were skipped.`);
      return;
    }
    let base = name.trim().slice(0, 100) || 'unnamed';
    // "__proto__" and friends as plain keys would be odd on the renderer's side.
    if (base === '__proto__' || base === 'constructor' || base === 'prototype') base = `${base}_`;
    let key = base;
    for (let n = 2; Object.hasOwn(this.entries, key); n += 1) key = `${base} (${n})`;
    let value = text;
    if (value.length > MAX_METADATA_ENTRY_CHARS) {
      value = value.slice(0, MAX_METADATA_ENTRY_CHARS);
      this.warnings.push(`The "${key}" entry is larger than ${MAX_METADATA_ENTRY_CHARS / 1_000_000} MB; only its start was kept.`);
    } else if (/^\s*[[{]/.test(value)) {
      try {
        JSON.parse(value);
      } catch (error) {
        this.warnings.push(
          `The "${key}" entry looks like JSON but is not valid (${error instanceof Error ? error.message : String(error)}); it is kept as raw text.`,
        );
      }
    }
    this.entries[key] = value;
  }

  result(): GeneratorMetadata {
    return { entries: this.entries, warnings: this.warnings };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Inflates at most a little over the entry cap: a zip bomb in a zTXt chunk stops there. */
function inflateCapped(data: Uint8Array): Buffer {
  return inflateSync(data, { maxOutputLength: MAX_METADATA_ENTRY_CHARS * 4 + 16 });
}

/** zTXt: keyword, NUL, compression method (0 = zlib), compressed Latin-1 text. */
function decodeZtxt(data: Uint8Array): { keyword: string; text: string } {
  const nul = data.indexOf(0);
  if (nul < 1) throw new Error('no keyword');
  return { keyword: Buffer.from(data.subarray(0, nul)).toString('latin1'), text: inflateCapped(data.subarray(nul + 2)).toString('latin1') };
}

/** iTXt: keyword, NUL, compressed flag, method, language tag, NUL, translated keyword, NUL, UTF-8 text. */
function decodeItxt(data: Uint8Array): { keyword: string; text: string } {
  const nul = data.indexOf(0);
  if (nul < 1 || data.length < nul + 3) throw new Error('no keyword');
  const compressed = data[nul + 1] === 1;
  const languageEnd = data.indexOf(0, nul + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) throw new Error('cut short');
  const body = data.subarray(translatedEnd + 1);
  return {
    keyword: Buffer.from(data.subarray(0, nul)).toString('latin1'),
    text: (compressed ? inflateCapped(body) : Buffer.from(body)).toString('utf8'),
  };
}

/**
 * Before handing the file to png-chunks-extract: every chunk length must fit in what is left, or a
 * damaged length field would make it allocate gigabytes.
 */
function pngChunkLengthsFit(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    if (at + 12 + length > bytes.length) return false;
    if (String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === 'IEND') return true;
    at += 12 + length;
  }
  return false;
}

async function readPngText(fs: FileSystem, path: string, size: number, out: Collector): Promise<void> {
  if (size > MAX_PNG_SCAN_BYTES) {
    out.warnings.push(`The PNG is larger than ${MAX_PNG_SCAN_BYTES / 1048576} MB; its text chunks were not read.`);
    return;
  }
  const bytes = (await fs.readFile(path)) as Uint8Array;
  if (!pngChunkLengthsFit(bytes)) {
    out.warnings.push('The PNG is damaged or cut short (a chunk runs past its end); its text chunks were not read.');
    return;
  }
  let chunks: Array<{ name: string; data: Uint8Array }>;
  try {
    chunks = extractPngChunks(bytes);
  } catch (error) {
    out.warnings.push(`The PNG's chunks could not be read (${describe(error)}); no metadata was taken from it.`);
    return;
  }
  for (const chunk of chunks) {
    if (chunk.name !== 'tEXt' && chunk.name !== 'zTXt' && chunk.name !== 'iTXt') continue;
    try {
      const { keyword, text } = chunk.name === 'tEXt' ? decodeTextChunk(chunk.data) : chunk.name === 'zTXt' ? decodeZtxt(chunk.data) : decodeItxt(chunk.data);
      out.add(keyword, text);
    } catch (error) {
      out.warnings.push(`A ${chunk.name} chunk could not be read (${describe(error)}); it was skipped.`);
    }
  }
}

/** EXIF strings (ComfyUI puts "Prompt:{…}" / "Workflow:{…}" into Make, Model and ImageDescription). */
function addExifStrings(tiff: Buffer, out: Collector): void {
  const exif = exifReader(tiff);
  for (const group of ['Image', 'Photo'] as const) {
    for (const [tag, value] of Object.entries(exif[group] ?? {})) {
      if (typeof value === 'string' && value.trim() !== '') out.add(`EXIF ${tag}`, value.replace(/\0+$/, ''));
    }
  }
}

/** WebP is RIFF: 12-byte header, then chunks (FourCC, little-endian size, data, pad to even). */
async function readWebpChunks(fs: FileSystem, path: string, size: number, out: Collector): Promise<void> {
  const handle = await fs.open(path, 'r');
  try {
    const header = Buffer.alloc(8);
    for (let at = 12; at + 8 <= size;) {
      await handle.read(header, 0, 8, at);
      const fourcc = header.toString('latin1', 0, 4);
      const length = header.readUInt32LE(4);
      if (at + 8 + length > size) {
        out.warnings.push(`The WebP's ${fourcc.trim()} chunk runs past the end of the file; the rest was not read.`);
        return;
      }
      if (fourcc === 'XMP ' || fourcc === 'EXIF') {
        if (length > MAX_METADATA_ENTRY_CHARS * 2) {
          out.warnings.push(`The WebP's ${fourcc.trim()} chunk is larger than ${MAX_METADATA_ENTRY_CHARS / 1_000_000} MB; it was skipped.`);
        } else {
          const data = Buffer.alloc(length);
          await handle.read(data, 0, length, at + 8);
          if (fourcc === 'XMP ') out.add('XMP', data.toString('utf8'));
          else {
            try {
              // Some writers keep the JPEG-style "Exif\0\0" prefix before the TIFF header.
              addExifStrings(data.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? data.subarray(6) : data, out);
            } catch (error) {
              out.warnings.push(`The WebP's EXIF chunk could not be read (${describe(error)}); it was skipped.`);
            }
          }
        }
      }
      at += 8 + length + (length % 2);
    }
  } finally {
    await handle.close();
  }
}

/** Generator metadata of a probed file: PNG text chunks, WebP XMP/EXIF, video container tags. */
export async function readGeneratorMetadata(
  fs: FileSystem,
  path: string,
  type: SniffedType,
  size: number,
  formatTags: Readonly<Record<string, string>>,
): Promise<GeneratorMetadata> {
  const out = new Collector();
  try {
    if (type.mime === 'image/png') await readPngText(fs, path, size, out);
    else if (type.mime === 'image/webp') await readWebpChunks(fs, path, size, out);
    else if (type.kind === 'video') for (const tag of VIDEO_TAGS) if (formatTags[tag] !== undefined) out.add(tag, formatTags[tag]);
  } catch (error) {
    out.warnings.push(`The file's metadata could not be read (${describe(error)}).`);
  }
  return out.result();
}
