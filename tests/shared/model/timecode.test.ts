import { describe, expect, it } from 'vitest';
import type { FrameRate } from '../../../shared/model/frameRate.ts';
import type { TimecodeFormat } from '../../../shared/model/timecode.ts';
import { framesPerDay, framesToTimecode, parseTimecode } from '../../../shared/model/timecode.ts';

const R2997: FrameRate = { num: 30000, den: 1001 };
const R5994: FrameRate = { num: 60000, den: 1001 };
const R23976: FrameRate = { num: 24000, den: 1001 };
const rate = (num: number): FrameRate => ({ num, den: 1 });

const DF2997: TimecodeFormat = { rate: R2997, dropFrame: true };
const NDF2997: TimecodeFormat = { rate: R2997, dropFrame: false };
const DF5994: TimecodeFormat = { rate: R5994, dropFrame: true };
const NDF23976: TimecodeFormat = { rate: R23976, dropFrame: false };

function parsedFrames(text: string, format: TimecodeFormat): number {
  const result = parseTimecode(text, format);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error.message}`);
  return result.value.frames;
}

// INTERCHANGE.md §1: the vectors every timecode implementation must pass.
const VECTORS: ReadonlyArray<readonly [string, TimecodeFormat, number, string]> = [
  ['29.97 DF', DF2997, 1799, '00:00:59;29'],
  ['29.97 DF', DF2997, 1800, '00:01:00;02'],
  ['29.97 DF', DF2997, 17981, '00:09:59;29'],
  ['29.97 DF', DF2997, 17982, '00:10:00;00'],
  ['29.97 DF', DF2997, 107892, '01:00:00;00'],
  ['29.97 NDF', NDF2997, 108000, '01:00:00:00'],
  ['59.94 DF', DF5994, 3599, '00:00:59;59'],
  ['59.94 DF', DF5994, 3600, '00:01:00;04'],
  ['59.94 DF', DF5994, 35964, '00:10:00;00'],
  ['59.94 DF', DF5994, 215784, '01:00:00;00'],
  ['23.976 NDF', NDF23976, 86400, '01:00:00:00'],
];

describe('timecode reference vectors', () => {
  it.each(VECTORS)('%s: frame %i formats as %s', (_name, format, frames, label) => {
    expect(framesToTimecode(frames, format)).toBe(label);
  });

  it.each(VECTORS)('%s: frame %i parses back from %s', (_name, format, frames, label) => {
    const result = parseTimecode(label, format);
    expect(result).toEqual({ ok: true, value: { frames, separatorMismatch: false } });
  });
});

/**
 * Walks every frame of 24 h: parse(format(f)) must be f and labels must strictly increase. Returns
 * the first failure instead of calling expect per frame, which would take minutes.
 */
function exhaustiveFailure(format: TimecodeFormat): string | null {
  const total = framesPerDay(format);
  let previous = '';
  for (let f = 0; f < total; f += 1) {
    const label = framesToTimecode(f, format);
    if (label <= previous) return `label ${label} at frame ${f} does not follow ${previous}`;
    const parsed = parseTimecode(label, format);
    if (!parsed.ok || parsed.value.frames !== f) return `frame ${f} → ${label} → ${JSON.stringify(parsed)}`;
    previous = label;
  }
  return null;
}

describe('exhaustive 24 h round trip', () => {
  it('29.97 drop-frame: every frame round-trips and labels increase', () => {
    expect(framesPerDay(DF2997)).toBe(2_589_408);
    expect(exhaustiveFailure(DF2997)).toBeNull();
  });

  it('59.94 drop-frame: every frame round-trips and labels increase', () => {
    expect(framesPerDay(DF5994)).toBe(5_178_816);
    expect(exhaustiveFailure(DF5994)).toBeNull();
  });

  it('the last frame of the day is 23:59:59;29 / 23:59:59;59', () => {
    expect(framesToTimecode(framesPerDay(DF2997) - 1, DF2997)).toBe('23:59:59;29');
    expect(framesToTimecode(framesPerDay(DF5994) - 1, DF5994)).toBe('23:59:59;59');
  });
});

describe('non-drop rates', () => {
  const cases: ReadonlyArray<readonly [number, number, string]> = [
    [24, 24 * 3600 + 23, '01:00:00:23'],
    [25, 25 * 61 + 24, '00:01:01:24'],
    [30, 30 * 3600 * 10 + 1, '10:00:00:01'],
    [50, 50 * 86400 - 1, '23:59:59:49'],
    [60, 60 * 600 + 59, '00:10:00:59'],
  ];
  it.each(cases)('%i fps: frame %i ↔ %s', (fps, frames, label) => {
    const format: TimecodeFormat = { rate: rate(fps), dropFrame: false };
    expect(framesToTimecode(frames, format)).toBe(label);
    expect(parsedFrames(label, format)).toBe(frames);
  });

  it.each([24, 25, 30, 50, 60])('%i fps: sampled frames round-trip', (fps) => {
    const format: TimecodeFormat = { rate: rate(fps), dropFrame: false };
    const total = framesPerDay(format);
    for (let f = 0; f < total; f += 7919) {
      expect(parsedFrames(framesToTimecode(f, format), format)).toBe(f);
    }
  });

  it('framesPerDay is base × 86400 for non-drop, including 23.976 (24 labels per second)', () => {
    expect(framesPerDay({ rate: rate(25), dropFrame: false })).toBe(2_160_000);
    expect(framesPerDay(NDF23976)).toBe(2_073_600);
    expect(framesPerDay(NDF2997)).toBe(2_592_000);
  });
});

describe('parseTimecode rejects labels that do not exist', () => {
  it.each([
    ['00:01:00;00', DF2997],
    ['00:01:00;01', DF2997],
    ['00:59:00;01', DF2997],
    ['00:01:00;03', DF5994],
    ['00:01:00;00', DF5994],
  ] as const)('%s is skipped in drop-frame', (label, format) => {
    const result = parseTimecode(label, format);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_ARGUMENT');
      expect(result.error.message).toContain('does not exist in drop-frame');
    }
  });

  it('accepts the labels of every tenth minute and the first label after the skip', () => {
    expect(parsedFrames('00:10:00;00', DF2997)).toBe(17982);
    expect(parsedFrames('00:10:00;01', DF2997)).toBe(17983);
    expect(parsedFrames('00:00:00;00', DF2997)).toBe(0);
    expect(parsedFrames('00:01:00;04', DF5994)).toBe(3600);
    expect(parsedFrames('00:10:00;00', DF5994)).toBe(35964);
  });

  it('rejects a frame field at or above the label base', () => {
    expect(parseTimecode('00:00:00:24', { rate: rate(24), dropFrame: false }).ok).toBe(false);
    expect(parseTimecode('00:00:00:23', { rate: rate(24), dropFrame: false }).ok).toBe(true);
    expect(parseTimecode('00:00:00:24', NDF23976).ok).toBe(false);
    expect(parseTimecode('00:00:00;30', DF2997).ok).toBe(false);
    expect(parseTimecode('00:00:00;60', DF5994).ok).toBe(false);
    expect(parsedFrames('00:00:00;59', DF5994)).toBe(59);
  });

  it.each(['24:00:00:00', '00:60:00:00', '00:00:60:00', '1:00:00:00', '01:00:00', 'abc', '', '01-00-00-00'])(
    'rejects malformed or out-of-range text %j',
    (text) => {
      const result = parseTimecode(text, { rate: rate(25), dropFrame: false });
      expect(result.ok).toBe(false);
    },
  );

  it('tolerates surrounding whitespace', () => {
    expect(parsedFrames('  01:00:00:00\n', { rate: rate(25), dropFrame: false })).toBe(90000);
  });
});

describe('separator mismatch', () => {
  it('flags ";" under non-drop and ":" under drop-frame, but counts in the given format', () => {
    const ndf = parseTimecode('01:00:00;00', NDF2997);
    expect(ndf).toEqual({ ok: true, value: { frames: 108000, separatorMismatch: true } });
    const df = parseTimecode('01:00:00:00', DF2997);
    expect(df).toEqual({ ok: true, value: { frames: 107892, separatorMismatch: true } });
  });

  it('treats "," as a drop-frame separator and "." as non-drop', () => {
    expect(parseTimecode('00:10:00,00', DF2997)).toEqual({ ok: true, value: { frames: 17982, separatorMismatch: false } });
    expect(parseTimecode('00:00:01.00', NDF2997)).toEqual({ ok: true, value: { frames: 30, separatorMismatch: false } });
    expect(parseTimecode('00:00:01.00', DF2997)).toEqual({ ok: true, value: { frames: 30, separatorMismatch: true } });
  });
});

describe('invalid formats and ranges', () => {
  it.each([R23976, rate(25), rate(24), rate(30), rate(60)])('drop-frame at %o throws', (r) => {
    const format: TimecodeFormat = { rate: r, dropFrame: true };
    expect(() => framesToTimecode(0, format)).toThrow(/Drop-frame/);
    expect(() => parseTimecode('00:00:00;00', format)).toThrow(/Drop-frame/);
    expect(() => framesPerDay(format)).toThrow(/Drop-frame/);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('framesToTimecode(%d) throws a RangeError', (frames) => {
    expect(() => framesToTimecode(frames, DF2997)).toThrow(RangeError);
  });

  it('framesToTimecode rejects exactly 24 h and accepts the frame before', () => {
    const format: TimecodeFormat = { rate: rate(24), dropFrame: false };
    expect(() => framesToTimecode(framesPerDay(format), format)).toThrow(RangeError);
    expect(framesToTimecode(framesPerDay(format) - 1, format)).toBe('23:59:59:23');
    expect(() => framesToTimecode(framesPerDay(DF2997), DF2997)).toThrow(RangeError);
  });

  it('uses ";" only for drop-frame output', () => {
    expect(framesToTimecode(0, DF2997)).toBe('00:00:00;00');
    expect(framesToTimecode(0, NDF2997)).toBe('00:00:00:00');
  });
});
