import { describe, expect, it } from 'vitest';
import { formatDurationShort } from '../../../shared/model/duration.ts';

const fps24 = { num: 24, den: 1 };
const fps2997 = { num: 30000, den: 1001 };

describe('formatDurationShort', () => {
  it('shows seconds and frames under a minute', () => {
    expect(formatDurationShort(0, fps24)).toBe('0s 00f');
    expect(formatDurationShort(108, fps24)).toBe('4s 12f');
    expect(formatDurationShort(24 * 59 + 23, fps24)).toBe('59s 23f');
  });

  it('adds zero-padded seconds from one minute on', () => {
    expect(formatDurationShort(24 * 60, fps24)).toBe('1m 00s 00f');
    expect(formatDurationShort(24 * 63 + 5, fps24)).toBe('1m 03s 05f');
    expect(formatDurationShort(24 * 3600, fps24)).toBe('60m 00s 00f');
  });

  it('counts 29.97 in 30 labels per second', () => {
    expect(formatDurationShort(30, fps2997)).toBe('1s 00f');
    expect(formatDurationShort(29, fps2997)).toBe('0s 29f');
  });
});
