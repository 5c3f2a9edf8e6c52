import { describe, expect, it } from 'vitest';
import {
  clipLengthInMaster,
  clipOf,
  clampFrame,
  masterFrameAtSeconds,
  masterLength,
  masterRate,
  paneFrame,
} from '../../../../renderer/panels/compare/transport.ts';
import { take, video } from './takeFixtures.ts';

const R24 = { num: 24, den: 1 };
const R2398 = { num: 24000, den: 1001 };
const R2997 = { num: 30000, den: 1001 };
const R25 = { num: 25, den: 1 };

describe('compare transport arithmetic', () => {
  it('reads a clip from a take: trim respected and clamped, stills and planned takes hold one frame', () => {
    expect(clipOf(take('s', { media: video(100, R24), trimIn: 10, trimOut: 40 }))).toEqual({ rate: R24, trimIn: 10, trimOut: 40 });
    expect(clipOf(take('s', { media: video(100, R24) }))).toEqual({ rate: R24, trimIn: 0, trimOut: 100 });
    expect(clipOf(take('s', { media: video(30, R24), trimIn: 50, trimOut: 500 }))).toEqual({ rate: R24, trimIn: 29, trimOut: 30 });
    expect(clipOf(take('s', { media: null }))).toEqual({ rate: null, trimIn: 0, trimOut: 1 });
    const still = { ...video(1, R24), kind: 'image' as const, mime: 'image/png' as const, frameRate: null };
    expect(clipOf(take('s', { media: still })).rate).toBeNull();
  });

  it('counts in the highest rate among the videos, else the project rate', () => {
    const clips = [clipOf(take('s', { media: video(48, R24) })), clipOf(take('s', { media: video(60, R2997) }))];
    expect(masterRate(clips, R25)).toEqual(R2997);
    expect(masterRate([clipOf(take('s', { media: null }))], R25)).toEqual(R25);
    // 24000/1001 is below 24: exact rational comparison, not rounded labels.
    expect(masterRate([clipOf(take('s', { media: video(10, R2398) })), clipOf(take('s', { media: video(10, R24) }))], R25)).toEqual(R24);
  });

  it('is as long as the longest clip, in master frames (rounded up)', () => {
    const a = clipOf(take('s', { media: video(48, R24) }));
    const b = clipOf(take('s', { media: video(100, R24), trimIn: 20, trimOut: 80 }));
    expect(masterLength([a, b], R24)).toBe(60);
    // 48 frames at 24 fps = 2 s = 59.94 frames at 29.97: 60 master frames.
    expect(clipLengthInMaster(a, R2997)).toBe(60);
    expect(masterLength([clipOf(take('s', { media: null }))], R24)).toBe(1);
  });

  it('maps a master frame to each clip’s own frame at its exact rate, inside its trim', () => {
    const same = clipOf(take('s', { media: video(100, R24), trimIn: 10, trimOut: 40 }));
    expect(paneFrame(0, R24, same)).toBe(10);
    expect(paneFrame(5, R24, same)).toBe(15);
    // After its trim out a clip holds its last frame.
    expect(paneFrame(100, R24, same)).toBe(39);

    // A 24 fps clip under a 29.97 master: master frame n starts at n·1001/30000 s.
    const slow = clipOf(take('s', { media: video(48, R24) }));
    for (let n = 0; n < 60; n += 1) {
      const expected = Math.min(47, Math.floor((n * 1001 * 24) / 30000));
      expect(paneFrame(n, R2997, slow)).toBe(expected);
    }
    // Exactly one second in: frame 24 of a 24 fps clip (30 master frames at 30 fps).
    expect(paneFrame(30, { num: 30, den: 1 }, slow)).toBe(24);
  });

  it('stays exact far into long clips at NTSC rates (no float drift)', () => {
    const clip = clipOf(take('s', { media: video(10_000_000, R2398) }));
    // Master 23.976 = clip rate: identity at any frame.
    for (const n of [0, 1, 999_999, 5_000_001, 9_999_999]) expect(paneFrame(n, R2398, clip)).toBe(n);
    const ntsc = clipOf(take('s', { media: video(10_000_000, R2997) }));
    // 59.94 master over a 29.97 clip: exactly every other frame.
    for (const n of [0, 1, 2, 3, 1_999_999, 2_000_000, 19_999_998]) expect(paneFrame(n, { num: 60000, den: 1001 }, ntsc)).toBe(Math.floor(n / 2));
  });

  it('turns elapsed seconds into master frames and clamps positions', () => {
    expect(masterFrameAtSeconds(1, R24)).toBe(24);
    expect(masterFrameAtSeconds((3 * 1001) / 30000, R2997)).toBe(3);
    expect(clampFrame(-5, 10)).toBe(0);
    expect(clampFrame(12, 10)).toBe(9);
    expect(clampFrame(4.4, 10)).toBe(4);
  });
});
