import type { FrameRate } from '../../../shared/model/frameRate.ts';
import type { TakeRecord } from '../../../shared/model/take.ts';

/**
 * The shared transport of the compare view. Time is counted in whole frames of one master rate;
 * each pane maps a master frame to a frame of its own media at that media's exact rational rate,
 * inside its trim. Nothing here touches the DOM, so the arithmetic is tested on its own.
 */

/** What a pane plays: a trimmed range of a video (frames at `rate`) or a still held for the whole length. */
export interface PaneClip {
  /** Null for a still image (or a take without media): it shows one picture at every frame. */
  readonly rate: FrameRate | null;
  /** First frame shown (0-based, in media frames). */
  readonly trimIn: number;
  /** One past the last frame shown. */
  readonly trimOut: number;
}

export function clipOf(take: Pick<TakeRecord, 'media' | 'trimIn' | 'trimOut'>): PaneClip {
  const media = take.media;
  if (!media || media.kind !== 'video' || !media.frameRate) return { rate: null, trimIn: 0, trimOut: 1 };
  const total = Math.max(1, media.durationFrames);
  const trimIn = Math.min(Math.max(0, take.trimIn ?? 0), total - 1);
  const trimOut = Math.max(trimIn + 1, Math.min(total, take.trimOut ?? total));
  return { rate: media.frameRate, trimIn, trimOut };
}

export function clipFrames(clip: PaneClip): number {
  return clip.trimOut - clip.trimIn;
}

function compareRates(a: FrameRate, b: FrameRate): number {
  return a.num * b.den - b.num * a.den;
}

/**
 * The rate the transport counts in: the highest rate among the videos, so a frame step moves the
 * finest clip by exactly one of its frames (clips at lower rates hold where a step falls inside
 * one of their frames). Without any video, the project's timeline rate.
 */
export function masterRate(clips: readonly PaneClip[], fallback: FrameRate): FrameRate {
  let best: FrameRate | null = null;
  for (const clip of clips) if (clip.rate && (!best || compareRates(clip.rate, best) > 0)) best = clip.rate;
  return best ?? fallback;
}

/** floor(a / b) for non-negative safe integers, exact even where the float quotient rounds up. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/** ceil(a / b) for non-negative safe integers. */
function ceilDiv(a: number, b: number): number {
  const q = floorDiv(a, b);
  return q * b === a ? q : q + 1;
}

/** Master frames a clip lasts: the master frame where its last frame ends, rounded up. Stills last one frame. */
export function clipLengthInMaster(clip: PaneClip, master: FrameRate): number {
  if (!clip.rate) return 1;
  // frames / rate seconds, in master frames: frames · rate.den · master.num / (rate.num · master.den)
  return Math.max(1, ceilDiv(clipFrames(clip) * clip.rate.den * master.num, clip.rate.num * master.den));
}

/** The transport's length in master frames: the longest clip (shorter ones hold their last frame). */
export function masterLength(clips: readonly PaneClip[], master: FrameRate): number {
  let length = 1;
  for (const clip of clips) length = Math.max(length, clipLengthInMaster(clip, master));
  return length;
}

/**
 * The media frame a pane shows at a master frame: the frame whose time span contains the master
 * frame's start, clamped to the trim (after its end a clip holds its last frame).
 */
export function paneFrame(masterFrame: number, master: FrameRate, clip: PaneClip): number {
  if (!clip.rate) return clip.trimIn;
  const f = Math.max(0, Math.round(masterFrame));
  const offset = floorDiv(f * master.den * clip.rate.num, master.num * clip.rate.den);
  return Math.min(clip.trimIn + offset, clip.trimOut - 1);
}

/** The master frame at a master time in seconds (the wall clock while playing). */
export function masterFrameAtSeconds(seconds: number, master: FrameRate): number {
  // A hair of tolerance absorbs float error at exact frame starts.
  return Math.max(0, Math.floor((seconds * master.num) / master.den + 1e-6));
}

export function masterSeconds(masterFrame: number, master: FrameRate): number {
  return (masterFrame * master.den) / master.num;
}

/** Clamps a master frame into the transport. */
export function clampFrame(frame: number, length: number): number {
  return Math.min(Math.max(0, Math.round(frame)), Math.max(0, length - 1));
}
