import { imageSize } from 'image-size';
import type { MediaProbe } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode } from '../fileSystem.ts';
import { parseFfprobeOutput } from './ffprobeParse.ts';
import type { SniffedType } from './mediaSniff.ts';
import { SNIFF_BYTES, sniffMediaType } from './mediaSniff.ts';
import type { MediaToolPaths } from './mediaTools.ts';
import { missingToolMessage, resolveMediaTool, runTool } from './mediaTools.ts';

export const PROBE_TIMEOUT_MS = 30_000;
/** ffprobe's JSON: streams and tags, including generator workflows of up to a few MB. */
export const PROBE_MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
/** Enough of a JPEG to reach its EXIF orientation. */
const JPEG_HEADER_BYTES = 512 * 1024;

export interface ProbedFile {
  readonly probe: MediaProbe;
  readonly sniffed: SniffedType;
  /** Container tags, keys lower-cased (generator metadata of videos lives here). */
  readonly formatTags: Readonly<Record<string, string>>;
}

export interface ProbeOptions {
  readonly tools?: MediaToolPaths;
  readonly signal?: AbortSignal;
}

async function readHead(fs: FileSystem, path: string, length: number): Promise<{ head: Uint8Array; size: number; isFile: boolean }> {
  const handle = await fs.open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { head: new Uint8Array(0), size: 0, isFile: false };
    const buffer = Buffer.alloc(Math.min(length, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, bytesRead), size: info.size, isFile: true };
  } finally {
    await handle.close();
  }
}

/** ffprobe's complaint as the reason a file is refused: the usual ones in words, others verbatim. */
function describeFfprobeFailure(stderr: string): string {
  if (/moov atom not found/i.test(stderr)) return 'its index (the "moov" atom) is missing, so it was cut short (a download or render that did not finish?)';
  if (/EBML header parsing failed|End of file/i.test(stderr)) return 'it ends before its header does';
  const line = stderr
    .split('\n')
    .map((l) => l.replace(/^\[[^\]]*\]\s*/, '').trim())
    .find((l) => l !== '');
  return `its content cannot be read (ffprobe: ${(line ?? 'no details').slice(0, 200)})`;
}

/** EXIF orientations 5–8 turn the picture a quarter turn; browsers show it that way (ffprobe does not). */
function jpegIsTurned(head: Uint8Array): boolean {
  try {
    const orientation = imageSize(head).orientation;
    return orientation !== undefined && orientation >= 5 && orientation <= 8;
  } catch {
    return false;
  }
}

/**
 * What a media file is, read from its bytes (the name is never trusted) and ffprobe. Refusals are
 * sentences naming `shownName`: empty file, text or an unknown type, a format takes do not accept,
 * a damaged or cut-short file, no video stream.
 */
export async function probeMediaFile(fs: FileSystem, path: string, shownName: string, options: ProbeOptions = {}): Promise<Result<ProbedFile>> {
  let head: Uint8Array;
  let size: number;
  try {
    const read = await readHead(fs, path, JPEG_HEADER_BYTES);
    if (!read.isFile) return err('INVALID_ARGUMENT', `"${shownName}" is not a file (a folder or a device?). Choose a media file.`, shownName);
    ({ head, size } = read);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return err('NOT_FOUND', `"${shownName}" is not there any more (${path}).`, shownName);
    return err('IO_ERROR', `Could not read "${shownName}": ${error instanceof Error ? error.message : String(error)}`, shownName);
  }
  const sniffed = sniffMediaType(head.subarray(0, SNIFF_BYTES), shownName);
  if (!sniffed.ok) return sniffed;

  const ffprobe = await resolveMediaTool('ffprobe', options.tools);
  if (!ffprobe) return err('NOT_SUPPORTED', missingToolMessage('ffprobe'), 'ffprobe');
  // `file:` keeps a name that looks like a protocol ("concat:…", "http:…") a plain file name.
  const outcome = await runTool(ffprobe, ['-v', 'error', '-hide_banner', '-show_format', '-show_streams', '-print_format', 'json', '-i', `file:${path}`], {
    timeoutMs: PROBE_TIMEOUT_MS,
    maxOutputBytes: PROBE_MAX_OUTPUT_BYTES,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (outcome.cancelled) return err('CANCELLED', `Reading "${shownName}" was cancelled.`, shownName);
  if (outcome.startError) return err('IO_ERROR', `Could not run ffprobe (${ffprobe}) to read "${shownName}": ${outcome.startError}`, shownName);
  if (outcome.timedOut)
    return err('IO_ERROR', `ffprobe took more than ${PROBE_TIMEOUT_MS / 1000} s to read "${shownName}"; the file may be on a slow or stalled disk.`, shownName);
  if (outcome.tooMuchOutput)
    return err('INVALID_ARGUMENT', `"${shownName}" carries more metadata than Shotcanvas reads (over ${PROBE_MAX_OUTPUT_BYTES / 1048576} MB).`, shownName);
  if (outcome.code !== 0) {
    return err(
      'INVALID_ARGUMENT',
      `"${shownName}" looks like a ${sniffed.value.label} but ${describeFfprobeFailure(outcome.stderr)}. The file is damaged or incomplete; export it again.`,
      shownName,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(outcome.stdout);
  } catch {
    return err('INTERNAL', `ffprobe printed something that is not JSON while reading "${shownName}".`, shownName);
  }
  const parsed = parseFfprobeOutput(json, sniffed.value, shownName);
  if (!parsed.ok) return parsed;
  let { probe } = parsed.value;
  if (sniffed.value.mime === 'image/jpeg' && jpegIsTurned(head)) probe = { ...probe, width: probe.height, height: probe.width };
  return ok({ probe: { ...probe, bytes: size }, sniffed: sniffed.value, formatTags: parsed.value.formatTags });
}
