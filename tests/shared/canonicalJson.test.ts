import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonicalJson.ts';

describe('canonicalJson', () => {
  it('does not depend on key insertion order', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('sorts keys at every depth and keeps array order', () => {
    const value = { z: [{ y: 1, x: [3, 1, 2] }], a: { d: null, c: 'ü"\n' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"ü\\"\\n","d":null},"z":[{"x":[3,1,2],"y":1}]}');
  });

  it('writes no whitespace and the same scalars as JSON', () => {
    expect(canonicalJson([true, false, null, 0, -1.5, 1e21, 'x'])).toBe('[true,false,null,0,-1.5,1e+21,"x"]');
    expect(canonicalJson(-0)).toBe('0');
  });

  it('rejects numbers JSON cannot represent', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: [Number.POSITIVE_INFINITY] })).toThrow(/not a JSON number/);
  });

  it('rejects undefined, functions, symbols and bigints as values', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson([Symbol('s')])).toThrow(/symbol/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
  });

  it('omits object properties whose value is undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ a: undefined })).toBe('{}');
  });

  it('keeps an own __proto__ key as data', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":1}'))).toBe('{"__proto__":{"x":1},"a":1}');
  });

  it('agrees with JSON.parse: parsing the output gives an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is a fixed point: canonicalJson(JSON.parse(canonicalJson(x))) === canonicalJson(x)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });

  it('gives the same text for any key permutation', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 }), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
      }),
    );
  });
});
