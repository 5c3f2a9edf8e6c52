import { describe, expect, it } from 'vitest';
import { frameRateById } from '../../../shared/model/frameRate.ts';
import { defaultRecordStart, projectSettingsSchema } from '../../../shared/model/projectSettings.ts';
import { framesToTimecode } from '../../../shared/model/timecode.ts';
import { settings } from '../fixtures.ts';

describe('defaultRecordStart', () => {
  it.each([
    ['24', false, 86400],
    ['23.976', false, 86400],
    ['25', false, 90000],
    ['29.97', false, 108000],
    ['29.97', true, 107892],
    ['59.94', true, 215784],
    ['60', false, 216000],
  ] as const)('%s fps (drop-frame %s) starts at frame %i', (id, dropFrame, frames) => {
    expect(defaultRecordStart(frameRateById(id).rate, dropFrame)).toBe(frames);
  });

  it('is the frame labelled 01:00:00:00 in every mode', () => {
    for (const option of [frameRateById('24'), frameRateById('29.97'), frameRateById('59.94')]) {
      for (const dropFrame of option.dropFrameAllowed ? [false, true] : [false]) {
        const label = framesToTimecode(defaultRecordStart(option.rate, dropFrame), { rate: option.rate, dropFrame });
        expect(label).toBe(dropFrame ? '01:00:00;00' : '01:00:00:00');
      }
    }
  });
});

describe('projectSettingsSchema', () => {
  it('accepts valid settings', () => {
    expect(projectSettingsSchema.safeParse(settings()).success).toBe(true);
    expect(projectSettingsSchema.safeParse(settings({ frameRate: { num: 30000, den: 1001 }, dropFrame: true })).success).toBe(true);
  });

  it('refuses drop-frame at a rate that has none', () => {
    const result = projectSettingsSchema.safeParse(settings({ frameRate: { num: 24000, den: 1001 }, dropFrame: true }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['dropFrame']);
  });

  it('refuses out-of-range sizes and unknown keys', () => {
    expect(projectSettingsSchema.safeParse(settings({ width: 8 })).success).toBe(false);
    expect(projectSettingsSchema.safeParse(settings({ height: 1080.5 })).success).toBe(false);
    expect(projectSettingsSchema.safeParse({ ...settings(), extra: 1 }).success).toBe(false);
    expect(projectSettingsSchema.safeParse(settings({ name: '' })).success).toBe(false);
  });
});
