import { describe, expect, it } from 'vitest';
import { assert, assertNever, err, isResult, ok } from '../../shared/result.ts';

describe('Result', () => {
  it('builds ok and err values, leaving out an absent location', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err('NOT_FOUND', 'Missing.')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Missing.' } });
    const missing = err('NOT_FOUND', 'Missing.');
    expect(!missing.ok && 'where' in missing.error).toBe(false);
    expect(err('IO_ERROR', 'Could not write.', '/tmp/a')).toEqual({ ok: false, error: { code: 'IO_ERROR', message: 'Could not write.', where: '/tmp/a' } });
  });

  it('recognises results that crossed IPC as plain objects', () => {
    expect(isResult(JSON.parse(JSON.stringify(ok(null))))).toBe(true);
    expect(isResult({ ok: true, value: undefined })).toBe(true);
    expect(isResult(JSON.parse(JSON.stringify(err('CONFLICT', 'x'))))).toBe(true);
  });

  it.each([
    null,
    undefined,
    'ok',
    42,
    {},
    { ok: true },
    { ok: 'true', value: 1 },
    { ok: false },
    { ok: false, error: null },
    { ok: false, error: 'boom' },
    { ok: false, error: { code: 'X' } },
    { ok: false, error: { message: 'm' } },
    { ok: false, error: { code: 1, message: 'm' } },
  ])('rejects %j', (value) => {
    expect(isResult(value)).toBe(false);
  });

  it('assert throws only for a falsy condition', () => {
    expect(() => assert(1, 'one')).not.toThrow();
    expect(() => assert(0, 'zero is falsy')).toThrow('Assertion failed: zero is falsy');
  });

  it('assertNever names the unexpected value', () => {
    expect(() => assertNever('x' as never, 'kind')).toThrow('Unexpected kind: "x"');
  });
});
