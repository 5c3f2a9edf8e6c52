import type { FrameRate } from './frameRate.ts';
import { timecodeBase } from './frameRate.ts';

/**
 * A compact duration for cards and lists, counted in timecode labels ("4s 12f", "1m 03s 00f"):
 * frame-exact, unlike seconds with decimals.
 */
export function formatDurationShort(frames: number, rate: FrameRate): string {
  const base = timecodeBase(rate);
  const f = frames % base;
  const totalSeconds = Math.floor(frames / base);
  const s = totalSeconds % 60;
  const m = Math.floor(totalSeconds / 60);
  const ff = String(f).padStart(2, '0');
  if (m === 0) return `${s}s ${ff}f`;
  return `${m}m ${String(s).padStart(2, '0')}s ${ff}f`;
}
