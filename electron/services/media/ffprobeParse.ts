import type { MediaProbe } from '../../../shared/ipc/contract.ts';
import type { FrameRate } from '../../../shared/model/frameRate.ts';
import { FRAME_RATES } from '../../../shared/model/frameRate.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import type { SniffedType } from './mediaSniff.ts';
import { SUPPORTED_MEDIA_TEXT } from './mediaSniff.ts';

/**
 * Turns what `ffprobe -show_format -show_streams -print_format json` printed into the fields a
 * MediaRef keeps. Pure: the tests feed it real ffprobe output and hand-made edge cases.
 */

interface FfprobeStream {
  readonly codec_type?: string;
  readonly codec_name?: string;
  readonly codec_tag_string?: string;
  readonly width?: number;
  readonly height?: number;
  readonly r_frame_rate?: string;
  readonly avg_frame_rate?: string;
  readonly nb_frames?: string;
  readonly duration?: string;
  readonly disposition?: Readonly<Record<string, number>>;
  readonly tags?: Readonly<Record<string, unknown>>;
  readonly side_data_list?: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

interface FfprobeFormat {
  readonly format_name?: string;
  readonly duration?: string;
  readonly tags?: Readonly<Record<string, unknown>>;
}

export interface ParsedProbe {
  readonly probe: Omit<MediaProbe, 'bytes'>;
  /** Container-level tags (keys lower-cased), where generators leave prompts and workflows. */
  readonly formatTags: Readonly<Record<string, string>>;
}

/** Codecs Chromium's <video> and <img> decode everywhere; anything else could be stored but not shown. */
const PLAYABLE_VIDEO_CODECS = new Set(['h264', 'hevc', 'vp8', 'vp9', 'av1']);
const IMAGE_CODECS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'mjpeg', 'image/webp': 'webp' };

const CODEC_NAMES: Readonly<Record<string, string>> = {
  prores: 'Apple ProRes',
  dnxhd: 'Avid DNxHD/DNxHR',
  mpeg2video: 'MPEG-2',
  mpeg4: 'MPEG-4 Part 2',
  mjpeg: 'Motion JPEG',
  cfhd: 'GoPro CineForm',
  qtrle: 'QuickTime Animation',
  png: 'PNG',
  apng: 'animated PNG',
  rawvideo: 'uncompressed',
};

/** Containers ffprobe must report for each sniffed type (a mismatch means a damaged or disguised file). */
function containerMatches(mime: SniffedType['mime'], formatName: string): boolean {
  const parts = formatName.split(',');
  switch (mime) {
    case 'video/mp4':
    case 'video/quicktime':
      return parts.includes('mov') || parts.includes('mp4');
    case 'video/webm':
      return parts.includes('webm') || parts.includes('matroska');
    case 'image/png':
      return parts.includes('png_pipe') || parts.includes('apng');
    case 'image/jpeg':
      return parts.includes('jpeg_pipe') || parts.includes('mjpeg');
    case 'image/webp':
      return parts.includes('webp_pipe');
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

const MAX_RATE_TERM = 1_000_000;
/** Rates within this relative distance of a standard one are that rate (2997/100 is 29.97 = 30000/1001). */
const SNAP_TOLERANCE = 1e-4;
/** r_frame_rate and avg_frame_rate further apart than this: the clip's frame rate varies. */
export const VFR_TOLERANCE = 1e-3;

/** "24000/1001" → 24000/1001, reduced; null for "0/0", garbage or absurd rates. */
export function parseRational(text: string | undefined): FrameRate | null {
  const match = /^(\d+)\/(\d+)$/.exec(text ?? '');
  if (!match) return null;
  let num = Number(match[1]);
  let den = Number(match[2]);
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num <= 0 || den <= 0) return null;
  const value = num / den;
  if (value < 0.01 || value > 10_000) return null;
  const divisor = gcd(num, den);
  num /= divisor;
  den /= divisor;
  return { num, den };
}

/** The standard rate this one is (24000/1001, 25/1…), else itself kept within the schema's bounds. */
export function normalizeRate(rate: FrameRate): FrameRate {
  const value = rate.num / rate.den;
  const standard = FRAME_RATES.find((o) => Math.abs(o.rate.num / o.rate.den - value) / value < SNAP_TOLERANCE);
  if (standard) return standard.rate;
  if (rate.num <= MAX_RATE_TERM && rate.den <= MAX_RATE_TERM) return rate;
  // Far beyond any real clip's precision: a thousandth of a frame per second.
  const num = Math.round(value * 1000);
  const divisor = gcd(num, 1000);
  return { num: num / divisor, den: 1000 / divisor };
}

function relativeDifference(a: FrameRate, b: FrameRate): number {
  const x = a.num / a.den;
  const y = b.num / b.den;
  return Math.abs(x - y) / Math.max(x, y);
}

function positiveNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

function stringTags(tags: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags ?? {})) if (typeof value === 'string') out[key.toLowerCase()] = value;
  return out;
}

/** "01:00:10:00" or "00:59:59;28" (drop frame), else null. */
export function normalizeTimecode(text: string | undefined): string | null {
  const match = /^(\d{2}):(\d{2}):(\d{2})([:;.,])(\d{2})$/.exec((text ?? '').trim());
  if (!match) return null;
  const separator = match[4] === ':' ? ':' : ';';
  return `${match[1]}:${match[2]}:${match[3]}${separator}${match[5]}`;
}

/** Quarter turns from the display matrix or the legacy `rotate` tag: a portrait phone clip is taller than wide. */
function isQuarterTurn(stream: FfprobeStream): boolean {
  const fromSideData = stream.side_data_list?.find((d) => typeof d['rotation'] === 'number')?.['rotation'];
  const rotation = typeof fromSideData === 'number' ? fromSideData : Number(stream.tags?.['rotate'] ?? 0);
  return Math.abs(Math.round(rotation / 90)) % 2 === 1;
}

function describeCodec(codec: string): string {
  const name = CODEC_NAMES[codec];
  return name ? `the ${name} codec (${codec})` : `the ${codec} codec`;
}

/**
 * Checks ffprobe's description against what the bytes said the file is and the formats takes
 * accept, and reads the take-relevant fields. Errors are sentences naming `shownName`.
 */
export function parseFfprobeOutput(output: unknown, sniffed: SniffedType, shownName: string): Result<ParsedProbe> {
  const damaged = (why: string) =>
    err<ParsedProbe>(
      'INVALID_ARGUMENT',
      `"${shownName}" looks like a ${sniffed.label} but ${why}. The file is damaged or incomplete; export it again.`,
      shownName,
    );
  if (typeof output !== 'object' || output === null) return damaged('its description could not be read');
  const { streams = [], format = {} } = output as { streams?: FfprobeStream[]; format?: FfprobeFormat };
  const formatName = format.format_name ?? '';
  if (!containerMatches(sniffed.mime, formatName)) return damaged(`its content reads as "${formatName || 'nothing known'}"`);
  const formatTags = stringTags(format.tags);

  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.['attached_pic'] !== 1);
  if (!video) {
    const kinds = [...new Set(streams.map((s) => s.codec_type).filter((k) => k !== undefined))];
    return err(
      'INVALID_ARGUMENT',
      `"${shownName}" has no video stream${kinds.length > 0 ? ` (only ${kinds.join(' and ')})` : ''}, so there is nothing to show. Choose a video or an image.`,
      shownName,
    );
  }
  const codec = video.codec_name ?? '';
  const accepted = sniffed.kind === 'image' ? IMAGE_CODECS[sniffed.mime] === codec : PLAYABLE_VIDEO_CODECS.has(codec);
  if (!accepted) {
    return err(
      'NOT_SUPPORTED',
      `"${shownName}" is a ${sniffed.label} using ${describeCodec(codec || 'unknown')}, which Shotcanvas cannot play. ${SUPPORTED_MEDIA_TEXT}, with H.264, H.265, VP8, VP9 or AV1 video: export it that way and try again.`,
      shownName,
    );
  }
  let width = video.width ?? 0;
  let height = video.height ?? 0;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) return damaged('it gives no usable picture size');
  if (width > 65_535 || height > 65_535) {
    return err('NOT_SUPPORTED', `"${shownName}" is ${width} × ${height} pixels; Shotcanvas takes at most 65535 pixels on a side.`, shownName);
  }
  if (isQuarterTurn(video)) [width, height] = [height, width];

  const common = { kind: sniffed.kind, mime: sniffed.mime, container: formatName.slice(0, 200), codec: codec.slice(0, 100), width, height };
  if (sniffed.kind === 'image') {
    return ok({ probe: { ...common, frameRate: null, durationFrames: 1, startTimecode: null, variableFrameRate: false }, formatTags });
  }

  const real = parseRational(video.r_frame_rate);
  const average = parseRational(video.avg_frame_rate);
  if (!real && !average) return damaged('it states no frame rate');
  const variableFrameRate = real !== null && average !== null && relativeDifference(real, average) > VFR_TOLERANCE;
  // A variable-rate clip is numbered at its average rate, so frames × rate still gives its length.
  const frameRate = normalizeRate(variableFrameRate ? average! : (real ?? average)!);

  const counted = Number(video.nb_frames);
  const seconds = positiveNumber(video.duration) ?? positiveNumber(format.duration);
  const durationFrames = Number.isSafeInteger(counted) && counted > 0 ? counted : seconds !== null ? Math.round((seconds * frameRate.num) / frameRate.den) : 0;
  if (durationFrames < 1) return damaged('its length cannot be read');
  if (durationFrames > 100_000_000) return damaged(`it claims ${durationFrames} frames`);

  // The video track's own tag, else a QuickTime timecode (tmcd) track, else the container's tag.
  const timecodeTracks = streams.filter((s) => s.codec_tag_string === 'tmcd');
  const startTimecode =
    [video, ...timecodeTracks].map((s) => normalizeTimecode(stringTags(s.tags)['timecode'])).find((t) => t !== null) ??
    normalizeTimecode(formatTags['timecode']);

  return ok({ probe: { ...common, frameRate, durationFrames, startTimecode, variableFrameRate }, formatTags });
}
