import { describe, expect, it } from 'vitest';
import {
  clampFrame,
  frameAtTime,
  markDefectIn,
  markDefectOut,
  markIn,
  markOut,
  packLanes,
  rangeLabel,
  rateLabel,
  shuttle,
  startFrameOf,
  timecodeAt,
  timeForFrame,
  trimRange,
} from '../../../../renderer/panels/takes/playerMath.ts';
import { media, still } from '../../../shared/takes/takeFixtures.ts';

const NTSC_FILM = { num: 24000, den: 1001 };

describe('frames and time at the media rate', () => {
  it('seeks to the middle of a frame and reads every frame back exactly at 23.976', () => {
    for (let frame = 0; frame < 2000; frame += 1) expect(frameAtTime(timeForFrame(frame, NTSC_FILM), NTSC_FILM, 5000)).toBe(frame);
  });

  it('reads the start of a frame as that frame, despite float error in currentTime', () => {
    // Frame 3 at 24000/1001 starts at 0.125125 s; players report it a hair early.
    expect(frameAtTime(0.12512499, NTSC_FILM, 24)).toBe(3);
    expect(frameAtTime(0.125, NTSC_FILM, 24)).toBe(2);
  });

  it('clamps to the clip', () => {
    expect(frameAtTime(99, NTSC_FILM, 24)).toBe(23);
    expect(clampFrame(-4, 24)).toBe(0);
    expect(clampFrame(Number.NaN, 24)).toBe(0);
    expect(clampFrame(3.6, 24)).toBe(4);
  });
});

describe('timecode of a frame', () => {
  it('counts from the embedded start timecode at the clip rate', () => {
    const clip = media({ frameRate: NTSC_FILM, startTimecode: '01:00:10:00' });
    expect(startFrameOf(clip)).toBe((3600 + 10) * 24);
    expect(timecodeAt(clip, 0)).toBe('01:00:10:00');
    expect(timecodeAt(clip, 23)).toBe('01:00:10:23');
    expect(timecodeAt(clip, 24)).toBe('01:00:11:00');
  });

  it('uses drop-frame labels when the clip says so at 29.97', () => {
    const clip = media({ frameRate: { num: 30000, den: 1001 }, startTimecode: '00:00:59;29' });
    expect(timecodeAt(clip, 1)).toBe('00:01:00;02');
  });

  it('starts at zero without a start timecode, and for stills', () => {
    expect(timecodeAt(media({ startTimecode: null }), 25)).toBe('00:00:01:01');
    expect(timecodeAt(still(), 0)).toBe('00:00:00:00');
  });

  it('wraps past midnight rather than throwing', () => {
    const clip = media({ frameRate: { num: 24, den: 1 }, startTimecode: '23:59:59:23' });
    expect(timecodeAt(clip, 1)).toBe('00:00:00:00');
  });
});

describe('J/K/L shuttle', () => {
  it('L plays, then doubles up to 8×; J does the same backwards; K stops', () => {
    expect(shuttle(0, 'l')).toBe(1);
    expect(shuttle(1, 'l')).toBe(2);
    expect(shuttle(4, 'l')).toBe(8);
    expect(shuttle(8, 'l')).toBe(8);
    expect(shuttle(0, 'j')).toBe(-1);
    expect(shuttle(-2, 'j')).toBe(-4);
    expect(shuttle(-8, 'j')).toBe(-8);
    expect(shuttle(4, 'k')).toBe(0);
  });

  it('switches direction at normal speed', () => {
    expect(shuttle(4, 'j')).toBe(-1);
    expect(shuttle(-4, 'l')).toBe(1);
  });
});

describe('trim with I and O', () => {
  const none = { trimIn: null, trimOut: null };

  it('is the whole clip until marked', () => {
    expect(trimRange(none, 24)).toEqual({ start: 0, end: 24 });
  });

  it('O is inclusive of the frame on screen (out is stored exclusive)', () => {
    const withIn = markIn(none, 3, 24);
    expect(withIn).toEqual({ trimIn: 3, trimOut: null });
    expect(markOut(withIn, 13, 24)).toEqual({ trimIn: 3, trimOut: 14 });
    expect(trimRange({ trimIn: 3, trimOut: 14 }, 24)).toEqual({ start: 3, end: 14 });
  });

  it('clears the other end when a mark crosses it', () => {
    expect(markIn({ trimIn: 2, trimOut: 10 }, 12, 24)).toEqual({ trimIn: 12, trimOut: null });
    expect(markOut({ trimIn: 12, trimOut: null }, 5, 24)).toEqual({ trimIn: null, trimOut: 6 });
    // In and out on the same frame: a one-frame trim.
    expect(markOut({ trimIn: 7, trimOut: null }, 7, 24)).toEqual({ trimIn: 7, trimOut: 8 });
  });

  it('keeps marks inside the clip', () => {
    expect(markOut(none, 500, 24)).toEqual({ trimIn: null, trimOut: 24 });
    expect(trimRange({ trimIn: 30, trimOut: 40 }, 24)).toEqual({ start: 23, end: 24 });
  });
});

describe('defect ranges with I and O', () => {
  it('sets either end and keeps the range in order', () => {
    expect(markDefectIn({ startFrame: null, endFrame: null }, 4)).toEqual({ startFrame: 4, endFrame: 4 });
    expect(markDefectOut({ startFrame: 4, endFrame: 4 }, 9)).toEqual({ startFrame: 4, endFrame: 9 });
    expect(markDefectIn({ startFrame: 4, endFrame: 9 }, 12)).toEqual({ startFrame: 12, endFrame: 12 });
    expect(markDefectOut({ startFrame: 12, endFrame: 12 }, 2)).toEqual({ startFrame: 2, endFrame: 2 });
  });

  it('says what range it is', () => {
    expect(rangeLabel({ startFrame: null, endFrame: null })).toBe('Whole take');
    expect(rangeLabel({ startFrame: 5, endFrame: 5 })).toBe('Frame 5');
    expect(rangeLabel({ startFrame: 4, endFrame: 6 })).toBe('Frames 4–6');
  });
});

describe('packLanes', () => {
  it('stacks overlapping ranges and reuses a lane once it is free', () => {
    expect(packLanes([])).toEqual([]);
    expect(
      packLanes([
        { start: 0, end: 10 },
        { start: 5, end: 8 },
        { start: 11, end: 12 },
        { start: 9, end: 20 },
      ]),
    ).toEqual([0, 1, 0, 1]);
  });
});

describe('rateLabel', () => {
  it('prints exact rates the way editors say them', () => {
    expect(rateLabel(NTSC_FILM)).toBe('23.976');
    expect(rateLabel({ num: 30000, den: 1001 })).toBe('29.97');
    expect(rateLabel({ num: 25, den: 1 })).toBe('25');
  });
});
