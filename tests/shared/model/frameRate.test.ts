import { describe, expect, it } from 'vitest';
import {
  FRAME_RATES,
  findFrameRate,
  frameRateById,
  framesToSeconds,
  isDropFrameCapable,
  rateToNumber,
  sameRate,
  secondsToFrames,
  timecodeBase,
} from '../../../shared/model/frameRate.ts';
import type { FrameRateId } from '../../../shared/model/frameRate.ts';
import { frameRateSchema } from '../../../shared/model/frameRate.schema.ts';

describe('frame rates', () => {
  it('lists each supported rate once, with exact rationals', () => {
    const ids = FRAME_RATES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(frameRateById('23.976').rate).toEqual({ num: 24000, den: 1001 });
    expect(frameRateById('29.97').rate).toEqual({ num: 30000, den: 1001 });
    expect(frameRateById('59.94').rate).toEqual({ num: 60000, den: 1001 });
    for (const option of FRAME_RATES) {
      expect(Number.isInteger(option.rate.num) && Number.isInteger(option.rate.den)).toBe(true);
    }
  });

  it('allows drop-frame only at 29.97 and 59.94', () => {
    const capable = FRAME_RATES.filter((r) => isDropFrameCapable(r.rate)).map((r) => r.id);
    expect(capable).toEqual(['29.97', '59.94']);
    expect(isDropFrameCapable({ num: 24000, den: 1001 })).toBe(false);
    expect(isDropFrameCapable({ num: 30, den: 1 })).toBe(false);
  });

  it('compares rates as rationals, not by representation', () => {
    expect(sameRate({ num: 48, den: 2 }, { num: 24, den: 1 })).toBe(true);
    expect(sameRate({ num: 60000, den: 2002 }, { num: 30000, den: 1001 })).toBe(true);
    expect(sameRate({ num: 30, den: 1 }, { num: 30000, den: 1001 })).toBe(false);
    expect(findFrameRate({ num: 120000, den: 4004 })?.id).toBe('29.97');
    expect(findFrameRate({ num: 48, den: 1 })).toBeUndefined();
  });

  it('throws for an unknown rate id (a programming error)', () => {
    expect(() => frameRateById('48' as FrameRateId)).toThrow(/Unknown frame rate/);
  });

  it('uses rounded label bases: 24 for 23.976, 30 for 29.97, 60 for 59.94', () => {
    expect(timecodeBase({ num: 24000, den: 1001 })).toBe(24);
    expect(timecodeBase({ num: 30000, den: 1001 })).toBe(30);
    expect(timecodeBase({ num: 60000, den: 1001 })).toBe(60);
    expect(timecodeBase({ num: 25, den: 1 })).toBe(25);
  });

  it('gives the exact double for OTIO', () => {
    expect(rateToNumber({ num: 24000, den: 1001 })).toBe(23.976023976023978);
    expect(rateToNumber({ num: 25, den: 1 })).toBe(25);
  });

  it('converts seconds to frames once, rounded, without drift', () => {
    const r2997 = { num: 30000, den: 1001 };
    // One real hour at 29.97 is 107,892.1 frames.
    expect(secondsToFrames(3600, r2997)).toBe(107892);
    expect(secondsToFrames(1.001, r2997)).toBe(30);
    expect(secondsToFrames(0.02, { num: 25, den: 1 })).toBe(1);
    expect(framesToSeconds(30, r2997)).toBeCloseTo(1.001, 12);
    expect(framesToSeconds(secondsToFrames(7200, { num: 24, den: 1 }), { num: 24, den: 1 })).toBe(7200);
  });

  it('validates rates at runtime: positive integers only, no extra keys', () => {
    expect(frameRateSchema.safeParse({ num: 24000, den: 1001 }).success).toBe(true);
    expect(frameRateSchema.safeParse({ num: 0, den: 1 }).success).toBe(false);
    expect(frameRateSchema.safeParse({ num: 29.97, den: 1 }).success).toBe(false);
    expect(frameRateSchema.safeParse({ num: '24', den: 1 }).success).toBe(false);
    expect(frameRateSchema.safeParse({ num: 24, den: 1, fps: 24 }).success).toBe(false);
  });
});
