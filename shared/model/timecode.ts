import type { FrameRate } from './frameRate.ts';
import { isDropFrameCapable, timecodeBase } from './frameRate.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';

/**
 * Timecode strings exist only at import/export edges; inside the app time is integer frames.
 *
 * Drop-frame skips the frame *labels* ;00 and ;01 (;00–;03 at 59.94) at the start of every minute
 * except minutes divisible by ten. No frames are dropped, so one DF hour at 29.97 holds 107,892
 * frames and its labels run 00:00:00;00 … 00:59:59;29.
 */
export interface TimecodeFormat {
  readonly rate: FrameRate;
  readonly dropFrame: boolean;
}

interface DropFrameConstants {
  readonly base: number;
  readonly dropPerMinute: number;
  readonly framesPerMinute: number;
  readonly framesPerTenMinutes: number;
}

function dropFrameConstants(base: number): DropFrameConstants {
  const dropPerMinute = base / 15; // 2 at 29.97, 4 at 59.94
  const framesPerMinute = base * 60 - dropPerMinute;
  const framesPerTenMinutes = base * 600 - dropPerMinute * 9;
  return { base, dropPerMinute, framesPerMinute, framesPerTenMinutes };
}

function checkFormat(format: TimecodeFormat): void {
  if (format.dropFrame && !isDropFrameCapable(format.rate)) {
    throw new Error(`Drop-frame timecode exists only at 29.97 and 59.94 fps, not ${format.rate.num}/${format.rate.den}`);
  }
}

/** Frames in 24 hours of timecode labels at this format (the range a timecode can name). */
export function framesPerDay(format: TimecodeFormat): number {
  checkFormat(format);
  const base = timecodeBase(format.rate);
  if (!format.dropFrame) return base * 86400;
  return dropFrameConstants(base).framesPerTenMinutes * 6 * 24;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Frame count → `HH:MM:SS:FF` (`HH:MM:SS;FF` in drop-frame). Throws on a negative, fractional or
 * ≥ 24 h count: those are programming errors at the export edge, not labels to wrap silently.
 */
export function framesToTimecode(frames: number, format: TimecodeFormat): string {
  if (!Number.isSafeInteger(frames) || frames < 0 || frames >= framesPerDay(format)) {
    throw new RangeError(`Frame count ${frames} is outside 0 … 24 h of timecode`);
  }
  const base = timecodeBase(format.rate);
  let label = frames;
  if (format.dropFrame) {
    const c = dropFrameConstants(base);
    const tens = Math.floor(frames / c.framesPerTenMinutes);
    const rem = frames % c.framesPerTenMinutes;
    label += c.dropPerMinute * 9 * tens;
    if (rem > c.dropPerMinute) {
      label += c.dropPerMinute * Math.floor((rem - c.dropPerMinute) / c.framesPerMinute);
    }
  }
  const ff = label % base;
  const totalSeconds = Math.floor(label / base);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  return `${pad2(hh)}:${pad2(mm)}:${pad2(ss)}${format.dropFrame ? ';' : ':'}${pad2(ff)}`;
}

export interface ParsedTimecode {
  readonly frames: number;
  /** True when the separator said the other mode (`:` under drop-frame or `;` under non-drop). */
  readonly separatorMismatch: boolean;
}

const TIMECODE_PATTERN = /^(\d{2}):(\d{2}):(\d{2})([:;.,])(\d{2,3})$/;

/**
 * `HH:MM:SS:FF` / `HH:MM:SS;FF` → frames, counted in the given format (the caller's FCM or project
 * setting wins over the separator, which is reported as a mismatch for a warning).
 */
export function parseTimecode(text: string, format: TimecodeFormat): Result<ParsedTimecode> {
  checkFormat(format);
  const match = TIMECODE_PATTERN.exec(text.trim());
  if (!match) {
    return err('INVALID_ARGUMENT', `"${text.slice(0, 40)}" is not a timecode; expected HH:MM:SS:FF`);
  }
  const [, h, m, s, sep, f] = match;
  const hh = Number(h);
  const mm = Number(m);
  const ss = Number(s);
  const ff = Number(f);
  const base = timecodeBase(format.rate);
  if (hh > 23 || mm > 59 || ss > 59) {
    return err('INVALID_ARGUMENT', `Timecode ${text} has hours above 23 or minutes/seconds above 59`);
  }
  if (ff >= base) {
    return err('INVALID_ARGUMENT', `Timecode ${text} has frame ${ff}, but ${base} fps labels run 00–${pad2(base - 1)}`);
  }
  const dropSeparator = sep === ';' || sep === ',';
  const separatorMismatch = dropSeparator !== format.dropFrame;
  if (!format.dropFrame) {
    return ok({ frames: (hh * 3600 + mm * 60 + ss) * base + ff, separatorMismatch });
  }
  const c = dropFrameConstants(base);
  if (ss === 0 && ff < c.dropPerMinute && mm % 10 !== 0) {
    return err('INVALID_ARGUMENT', `Timecode ${text} does not exist in drop-frame: labels ;00–;${pad2(c.dropPerMinute - 1)} are skipped at minute ${mm}`);
  }
  const totalMinutes = hh * 60 + mm;
  const frames = (hh * 3600 + mm * 60 + ss) * base + ff - c.dropPerMinute * (totalMinutes - Math.floor(totalMinutes / 10));
  return ok({ frames, separatorMismatch });
}
