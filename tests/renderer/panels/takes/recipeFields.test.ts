import { describe, expect, it } from 'vitest';
import {
  checkKey,
  formatResolution,
  parseExtraValue,
  parseOptionalNumber,
  parseResolution,
  parseSeed,
  randomSeed,
} from '../../../../renderer/panels/takes/recipeFields.ts';

describe('parseOptionalNumber', () => {
  it('reads numbers (a comma as decimal point), empty as null', () => {
    expect(parseOptionalNumber('', { min: 0, max: 10 })).toEqual({ ok: true, value: null });
    expect(parseOptionalNumber(' 7.5 ', { min: 0, max: 10 })).toEqual({ ok: true, value: 7.5 });
    expect(parseOptionalNumber('2,5', { min: 0, max: 10 })).toEqual({ ok: true, value: 2.5 });
    expect(parseOptionalNumber('-3', { min: -10, max: 10 })).toEqual({ ok: true, value: -3 });
  });

  it('refuses text, fractions where whole numbers are needed, and values out of range', () => {
    expect(parseOptionalNumber('fast', { min: 0, max: 10 })).toEqual({ ok: false, problem: 'Type a number' });
    expect(parseOptionalNumber('12', { min: 0, max: 10 })).toEqual({ ok: false, problem: 'Between 0 and 10' });
    expect(parseOptionalNumber('2.5', { integer: true, min: 0, max: 10 })).toEqual({ ok: false, problem: 'Whole numbers only' });
    expect(parseOptionalNumber('Infinity', { min: 0, max: 10 }).ok).toBe(false);
  });
});

describe('parseSeed', () => {
  it('keeps 64-bit seeds exactly, as digits', () => {
    expect(parseSeed('18446744073709551615')).toEqual({ ok: true, value: '18446744073709551615' });
    expect(parseSeed('0042')).toEqual({ ok: true, value: '42' });
    expect(parseSeed('')).toEqual({ ok: true, value: null });
  });

  it('refuses what is not a seed', () => {
    expect(parseSeed('18446744073709551616').ok).toBe(false);
    expect(parseSeed('-1').ok).toBe(false);
    expect(parseSeed('12a').ok).toBe(false);
    expect(parseSeed('1.5').ok).toBe(false);
  });

  it('rolls random 32-bit seeds', () => {
    expect(randomSeed(() => 0)).toBe('0');
    expect(randomSeed(() => 0.999999999999)).toBe('4294967295');
    for (let i = 0; i < 50; i += 1) {
      const seed = Number(randomSeed());
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    }
  });
});

describe('parseResolution', () => {
  it('reads width × height in the usual spellings', () => {
    for (const text of ['1280x720', '1280 × 720', '1280*720', '1280X720'])
      expect(parseResolution(text)).toEqual({ ok: true, value: { width: 1280, height: 720 } });
    expect(parseResolution('')).toEqual({ ok: true, value: { width: null, height: null } });
    expect(formatResolution(1280, 720)).toBe('1280x720');
    expect(formatResolution(null, 720)).toBe('');
  });

  it('refuses anything else', () => {
    expect(parseResolution('720p').ok).toBe(false);
    expect(parseResolution('0x720').ok).toBe(false);
    expect(parseResolution('70000x720').ok).toBe(false);
  });
});

describe('free parameters', () => {
  it('types values as booleans, plain numbers or text', () => {
    expect(parseExtraValue('true')).toBe(true);
    expect(parseExtraValue('false')).toBe(false);
    expect(parseExtraValue('0.5')).toBe(0.5);
    expect(parseExtraValue('-12')).toBe(-12);
    // Leading zeros, exponents and words stay text: they would not print back the same.
    expect(parseExtraValue('007')).toBe('007');
    expect(parseExtraValue('1e3')).toBe('1e3');
    expect(parseExtraValue('euler_a')).toBe('euler_a');
  });

  it('checks names', () => {
    expect(checkKey('sampler', [])).toBeNull();
    expect(checkKey('  ', [])).toBe('Name it first');
    expect(checkKey('sampler', ['sampler'])).toBe('Already there');
    expect(checkKey('__proto__', [])).toBe('Reserved name');
  });
});
