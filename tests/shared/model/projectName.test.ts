import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_NAME_LENGTH, validateProjectName } from '../../../shared/model/projectName.ts';

function rejected(name: unknown): string {
  const result = validateProjectName(name);
  if (result.ok) throw new Error(`expected ${JSON.stringify(name)} to be rejected, got ${result.value}`);
  expect(result.error.code).toBe('INVALID_ARGUMENT');
  expect(result.error.where).toBe('name');
  return result.error.message;
}

describe('validateProjectName', () => {
  it.each(['/', '\\', ':', '*', '?', '"', '<', '>', '|'])('rejects the folder-name character %s and names it', (ch) => {
    expect(rejected(`Act ${ch} One`)).toContain(`"${ch}"`);
  });

  it.each(['CON', 'con', 'nul.txt', 'NUL', 'PRN', 'AUX', 'COM1', 'com9', 'LPT9', 'lpt1.tar.gz', 'COM¹'])('rejects the Windows device name %s', (name) => {
    expect(rejected(name)).toMatch(/reserved device name/);
  });

  it.each(['CONSOLE', 'Conan', 'nullable', 'COM10', 'LPT', 'com'])('accepts %s, which only looks like a device name', (name) => {
    expect(validateProjectName(name)).toEqual({ ok: true, value: name });
  });

  it('rejects a trailing dot but trims trailing spaces', () => {
    expect(rejected('Draft.')).toMatch(/end with a dot/);
    expect(validateProjectName('  Draft  ')).toEqual({ ok: true, value: 'Draft' });
  });

  it.each(['a\u0000b', 'tab\there', 'line\nbreak', 'del\u007f'])('rejects control characters in %j', (name) => {
    expect(rejected(name)).toMatch(/control characters/);
  });

  it.each(['.', '..', ' .. '])('rejects %j', (name) => {
    expect(rejected(name)).toMatch(/cannot be used/);
  });

  it('rejects empty, blank and non-text names', () => {
    expect(rejected('')).toMatch(/name/);
    expect(rejected('   ')).toMatch(/name/);
    expect(rejected(42)).toMatch(/text/);
    expect(rejected(null)).toMatch(/text/);
  });

  it('enforces the length limit after normalisation', () => {
    expect(validateProjectName('x'.repeat(MAX_PROJECT_NAME_LENGTH)).ok).toBe(true);
    expect(rejected('x'.repeat(MAX_PROJECT_NAME_LENGTH + 1))).toContain(String(MAX_PROJECT_NAME_LENGTH + 1));
    // 120 decomposed "é" are 240 code units but 120 after NFC.
    expect(validateProjectName('e\u0301'.repeat(MAX_PROJECT_NAME_LENGTH)).ok).toBe(true);
  });

  it('normalises to NFC so the same name is one folder on every OS', () => {
    const result = validateProjectName('E\u0301te\u0301');
    expect(result).toEqual({ ok: true, value: 'Été' });
    if (result.ok) expect(result.value).toBe(result.value.normalize('NFC'));
  });

  it.each(['Été – Teaser', 'Spot 30s (v2)', 'Short_film-2024', '東京 ナイト', 'Ünïcödé ✨', 'a.b', '.hidden'])('accepts %j', (name) => {
    expect(validateProjectName(name)).toEqual({ ok: true, value: name });
  });
});
