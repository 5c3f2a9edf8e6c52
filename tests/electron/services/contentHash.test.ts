import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../../../electron/services/contentHash.ts';

describe('contentHashOf', () => {
  it('is sha256 of the canonical JSON, as sha256:<64 hex>', () => {
    const expected = createHash('sha256').update('{"a":1,"b":[true,null,"x"]}').digest('hex');
    expect(contentHashOf({ b: [true, null, 'x'], a: 1 })).toBe(`sha256:${expected}`);
    expect(contentHashOf({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('does not depend on key order, nested included', () => {
    expect(contentHashOf({ a: 1, b: { c: 2, d: 3 } })).toBe(contentHashOf({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('changes when any value changes, including array order', () => {
    const base = contentHashOf({ title: 'Shot 1', list: [1, 2] });
    expect(contentHashOf({ title: 'Shot 2', list: [1, 2] })).not.toBe(base);
    expect(contentHashOf({ title: 'Shot 1', list: [2, 1] })).not.toBe(base);
    expect(contentHashOf({ title: 'Shot 1', list: [1, 2], extra: null })).not.toBe(base);
  });

  it('refuses values that are not JSON data', () => {
    expect(() => contentHashOf({ a: Number.NaN })).toThrow(/not a JSON number/);
    expect(() => contentHashOf({ a: () => 1 })).toThrow(/not JSON data/);
  });
});
