import type { ProjectId } from '../../shared/ids.ts';
import { MAX_FRAME_IMAGE_BYTES } from '../../shared/ipc/contract.ts';
import type { FrameRef } from '../../shared/model/media.ts';
import type { Result } from '../../shared/result.ts';
import { err } from '../../shared/result.ts';
import { callMain } from './mainBridge.ts';

const IMAGE_EXTENSIONS = /\.(png|jpe?g|jpe|jfif|webp|gif)$/i;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/**
 * A quick filter for drops: by MIME type or extension. Main decides for real from the bytes, so
 * a mislabelled file passes here and is refused there with a message naming it.
 */
export function isImageFile(file: Pick<File, 'name' | 'type'>): boolean {
  return IMAGE_TYPES.has(file.type.toLowerCase()) || IMAGE_EXTENSIONS.test(file.name);
}

/** Bytes per chunk handed to String.fromCharCode (spread arguments must stay well under the stack limit). */
const CHUNK_BYTES = 0x8000;

/** Base64 of `bytes`, built chunk by chunk so a 64 MB image neither blows the stack nor copies quadratically. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // A multiple of 3, so that every chunk but the last encodes without padding and parts concatenate.
  const step = CHUNK_BYTES - (CHUNK_BYTES % 3);
  for (let at = 0; at < bytes.length; at += step) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(at, at + step))));
  }
  return parts.join('');
}

export interface ImportTarget {
  readonly projectId: ProjectId;
  readonly clientId: string;
}

/** Main takes names up to 255 characters: longer ones keep their start and their extension. */
export function clampFileName(name: string): string {
  if (name === '') return 'frame';
  if (name.length <= 255) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, 255 - extension.length) + extension;
}

function sizeText(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;
}

/**
 * Sends an image file (dropped or picked) to main, which stores it in the project's media folder
 * and answers with the FrameRef a shot keeps. Too-large files are refused before being read.
 */
export async function importImageFile(file: File, ids: ImportTarget): Promise<Result<FrameRef>> {
  if (file.size > MAX_FRAME_IMAGE_BYTES) {
    const limit = sizeText(MAX_FRAME_IMAGE_BYTES);
    const size = sizeText(file.size) === limit ? `over ${limit}` : sizeText(file.size);
    return err('INVALID_ARGUMENT', `"${file.name}" is ${size}; storyboard frames can be at most ${limit}. Save a smaller version and try again.`, file.name);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return err(
      'IO_ERROR',
      `Could not read "${file.name}": ${error instanceof Error ? error.message : String(error)}. Check that the file is still there.`,
      file.name,
    );
  }
  return callMain('importFrameImage', {
    projectId: ids.projectId,
    clientId: ids.clientId,
    fileName: clampFileName(file.name),
    dataBase64: bytesToBase64(bytes),
  });
}
