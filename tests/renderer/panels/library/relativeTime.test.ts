import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../../../../renderer/panels/library/relativeTime.ts';

const NOW = Date.UTC(2024, 4, 15, 12, 0, 0);
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it.each([
    [0, 'just now'],
    [44 * SEC, 'just now'],
    [45 * SEC, '1 min ago'],
    [5 * MIN, '5 min ago'],
    [59 * MIN, '59 min ago'],
    [60 * MIN, '1 h ago'],
    [3 * HOUR, '3 h ago'],
    [23 * HOUR, '23 h ago'],
    [24 * HOUR, 'yesterday'],
    [35 * HOUR, 'yesterday'],
    [3 * DAY, '3 days ago'],
    [6 * DAY, '6 days ago'],
  ])('%i ms ago → %s', (ms, text) => {
    expect(formatRelativeTime(ago(ms), NOW)).toBe(text);
  });

  it('shows the date from a week on', () => {
    expect(formatRelativeTime(ago(7 * DAY), NOW)).toBe('2024-05-08');
    expect(formatRelativeTime('2023-01-02T03:04:05.000Z', NOW)).toBe('2023-01-02');
  });

  it('treats a time in the future (clock skew) as just now', () => {
    expect(formatRelativeTime(new Date(NOW + HOUR).toISOString(), NOW)).toBe('just now');
  });

  it('returns an empty string for text that is not a date', () => {
    expect(formatRelativeTime('', NOW)).toBe('');
    expect(formatRelativeTime('yesterday', NOW)).toBe('');
  });
});
