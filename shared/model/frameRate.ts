/**
 * Frame rates are exact rationals. 29.97 is not 30000/1001 as a float, and accumulating floats
 * loses frames over a feature-length cut, so rates are never stored as decimals.
 */
export interface FrameRate {
  readonly num: number;
  readonly den: number;
}

export interface FrameRateOption {
  readonly id: FrameRateId;
  readonly rate: FrameRate;
  readonly label: string;
  /** Only 29.97 and 59.94 have a drop-frame timecode mode. */
  readonly dropFrameAllowed: boolean;
}

export type FrameRateId = '23.976' | '24' | '25' | '29.97' | '30' | '50' | '59.94' | '60';

export const FRAME_RATES: readonly FrameRateOption[] = [
  { id: '23.976', rate: { num: 24000, den: 1001 }, label: '23.976 fps', dropFrameAllowed: false },
  { id: '24', rate: { num: 24, den: 1 }, label: '24 fps', dropFrameAllowed: false },
  { id: '25', rate: { num: 25, den: 1 }, label: '25 fps', dropFrameAllowed: false },
  { id: '29.97', rate: { num: 30000, den: 1001 }, label: '29.97 fps', dropFrameAllowed: true },
  { id: '30', rate: { num: 30, den: 1 }, label: '30 fps', dropFrameAllowed: false },
  { id: '50', rate: { num: 50, den: 1 }, label: '50 fps', dropFrameAllowed: false },
  { id: '59.94', rate: { num: 60000, den: 1001 }, label: '59.94 fps', dropFrameAllowed: true },
  { id: '60', rate: { num: 60, den: 1 }, label: '60 fps', dropFrameAllowed: false },
];

export function sameRate(a: FrameRate, b: FrameRate): boolean {
  return a.num * b.den === b.num * a.den;
}

export function findFrameRate(rate: FrameRate): FrameRateOption | undefined {
  return FRAME_RATES.find((option) => sameRate(option.rate, rate));
}

export function frameRateById(id: FrameRateId): FrameRateOption {
  const option = FRAME_RATES.find((o) => o.id === id);
  if (!option) throw new Error(`Unknown frame rate id ${id}`);
  return option;
}

/** Timecode labels per second: 24 for 23.976, 30 for 29.97, 60 for 59.94. */
export function timecodeBase(rate: FrameRate): number {
  return Math.round(rate.num / rate.den);
}

export function isDropFrameCapable(rate: FrameRate): boolean {
  return findFrameRate(rate)?.dropFrameAllowed === true;
}

/** The exact double OTIO and players expect, e.g. 24000/1001 = 23.976023976023978. */
export function rateToNumber(rate: FrameRate): number {
  return rate.num / rate.den;
}

/** Seconds to frames, converted once and rounded (never accumulate floats). */
export function secondsToFrames(seconds: number, rate: FrameRate): number {
  return Math.round((seconds * rate.num) / rate.den);
}

export function framesToSeconds(frames: number, rate: FrameRate): number {
  return (frames * rate.den) / rate.num;
}
