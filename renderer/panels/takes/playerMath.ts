import type { FrameRate } from '../../../shared/model/frameRate.ts';
import { isDropFrameCapable } from '../../../shared/model/frameRate.ts';
import type { TimecodeFormat } from '../../../shared/model/timecode.ts';
import { framesPerDay, framesToTimecode, parseTimecode } from '../../../shared/model/timecode.ts';
import type { Defect, MediaRef, TakeRecord } from '../../../shared/model/take.ts';

/**
 * Frame arithmetic of the take player. A take's frames are counted at its media's own exact
 * rational rate (a 23.976 clip in a 25 fps project still steps 1001/24000 s per frame); the
 * browser's `currentTime` is only the transport.
 */

/** Stills have no rate; they show as one frame at this rate so the same code paths work. */
export const STILL_RATE: FrameRate = { num: 24, den: 1 };

export function mediaRate(media: Pick<MediaRef, 'frameRate'>): FrameRate {
  return media.frameRate ?? STILL_RATE;
}

/**
 * The frame showing at `seconds`. A small epsilon absorbs the float error of `currentTime`
 * (frame 3 at 24000/1001 is 0.125125 s, which can come back as 0.12512499…).
 */
export function frameAtTime(seconds: number, rate: FrameRate, durationFrames: number): number {
  const frame = Math.floor((seconds * rate.num) / rate.den + 1e-3);
  return clampFrame(frame, durationFrames);
}

/** Where to seek to show `frame`: its middle, so decoders that round either way land on it. */
export function timeForFrame(frame: number, rate: FrameRate): number {
  return ((frame + 0.5) * rate.den) / rate.num;
}

export function clampFrame(frame: number, durationFrames: number): number {
  if (!Number.isFinite(frame)) return 0;
  return Math.max(0, Math.min(Math.max(0, durationFrames - 1), Math.round(frame)));
}

/** Timecode format of a media file: its rate, drop-frame when its start timecode says so and the rate allows it. */
export function mediaTimecodeFormat(media: Pick<MediaRef, 'frameRate' | 'startTimecode'>): TimecodeFormat {
  const rate = mediaRate(media);
  return { rate, dropFrame: (media.startTimecode?.includes(';') ?? false) && isDropFrameCapable(rate) };
}

/** The frame count of the media's embedded start timecode (0 when it has none or it cannot be read). */
export function startFrameOf(media: Pick<MediaRef, 'frameRate' | 'startTimecode'>): number {
  if (!media.startTimecode) return 0;
  const parsed = parseTimecode(media.startTimecode, mediaTimecodeFormat(media));
  return parsed.ok ? parsed.value.frames : 0;
}

/** `HH:MM:SS:FF` of a frame of the media, counted from its embedded start timecode. */
export function timecodeAt(media: Pick<MediaRef, 'frameRate' | 'startTimecode'>, frame: number): string {
  const format = mediaTimecodeFormat(media);
  const day = framesPerDay(format);
  const label = (((startFrameOf(media) + frame) % day) + day) % day;
  return framesToTimecode(label, format);
}

/** J/K/L shuttle speeds: each further press of J or L doubles the speed, up to 8×. */
export const SHUTTLE_MAX = 8;

export function shuttle(current: number, key: 'j' | 'k' | 'l'): number {
  if (key === 'k') return 0;
  if (key === 'l') return current <= 0 ? 1 : Math.min(SHUTTLE_MAX, current * 2);
  return current >= 0 ? -1 : Math.max(-SHUTTLE_MAX, current * 2);
}

export interface FrameRange {
  /** First frame, inclusive. */
  readonly start: number;
  /** Last frame, exclusive. */
  readonly end: number;
}

/** The part of the media the take uses: its trim, or the whole clip. */
export function trimRange(take: Pick<TakeRecord, 'trimIn' | 'trimOut'>, durationFrames: number): FrameRange {
  const start = clampFrame(take.trimIn ?? 0, durationFrames);
  const end = Math.min(durationFrames, Math.max(start + 1, take.trimOut ?? durationFrames));
  return { start, end };
}

export type TrimPatch = Pick<TakeRecord, 'trimIn' | 'trimOut'>;

/**
 * I at `frame`: the trim starts there. An out point at or before it no longer makes sense and is
 * cleared (the take then runs to the end of the clip), as NLEs do.
 */
export function markIn(take: TrimPatch, frame: number, durationFrames: number): TrimPatch {
  const at = clampFrame(frame, durationFrames);
  const out = take.trimOut !== null && take.trimOut <= at ? null : take.trimOut;
  return { trimIn: at, trimOut: out };
}

/** O at `frame`: the trim ends after it (out is exclusive). An in point after it is cleared. */
export function markOut(take: TrimPatch, frame: number, durationFrames: number): TrimPatch {
  const out = clampFrame(frame, durationFrames) + 1;
  const trimIn = take.trimIn !== null && take.trimIn >= out ? null : take.trimIn;
  return { trimIn, trimOut: out };
}

export type DefectRange = Pick<Defect, 'startFrame' | 'endFrame'>;

/** I while a defect is armed: its range starts at `frame` (both ends inclusive). */
export function markDefectIn(defect: DefectRange, frame: number): DefectRange {
  const end = defect.endFrame === null || defect.endFrame < frame ? frame : defect.endFrame;
  return { startFrame: frame, endFrame: end };
}

/** O while a defect is armed: its range ends at `frame`. */
export function markDefectOut(defect: DefectRange, frame: number): DefectRange {
  const start = defect.startFrame === null || defect.startFrame > frame ? frame : defect.startFrame;
  return { startFrame: start, endFrame: frame };
}

/** "0–23" style label of a defect range (1-based frames read oddly next to timecode, so frames stay 0-based). */
export function rangeLabel(range: DefectRange): string {
  if (range.startFrame === null || range.endFrame === null) return 'Whole take';
  return range.startFrame === range.endFrame ? `Frame ${range.startFrame}` : `Frames ${range.startFrame}–${range.endFrame}`;
}

/** Exact frames per second as a short label: "23.976", "25", "29.97". */
export function rateLabel(rate: FrameRate): string {
  const value = rate.num / rate.den;
  return Number.isInteger(value) ? String(value) : value.toFixed(3).replace(/0+$/, '');
}

/**
 * Lanes for ranges drawn as bands (defects on the timeline): each range goes to the first lane
 * where it overlaps nothing, so overlapping defects stack instead of hiding each other.
 */
export function packLanes(ranges: ReadonlyArray<{ readonly start: number; readonly end: number }>): number[] {
  const order = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => a.start - b.start || a.end - b.end);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(ranges.length).fill(0);
  for (const r of order) {
    let lane = laneEnds.findIndex((end) => end < r.start);
    if (lane === -1) lane = laneEnds.push(r.end) - 1;
    else laneEnds[lane] = r.end;
    lanes[r.i] = lane;
  }
  return lanes;
}
