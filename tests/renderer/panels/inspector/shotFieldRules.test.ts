import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../../renderer/editor/documentStore.ts';
import {
  MAX_TAGS,
  addTags,
  fieldKeyProblem,
  parseNumberOverride,
  readDetailOptions,
  removeField,
  renameField,
  setFieldValue,
} from '../../../../renderer/panels/inspector/shotFieldRules.ts';
import { shotRecordSchema } from '../../../../shared/model/shot.ts';
import { settings, shot } from '../../../shared/fixtures.ts';

describe('addTags', () => {
  it('trims, splits on commas, skips empty and duplicate tags (ignoring case and accents)', () => {
    expect(addTags(['Night'], ' rain ,, night, Été ,ete,  two   words ').tags).toEqual(['Night', 'rain', 'Été', 'two words']);
  });

  it('refuses tags over 100 characters and past 200 tags, saying why', () => {
    const long = addTags([], `ok, ${'x'.repeat(101)}`);
    expect(long.tags).toEqual(['ok']);
    expect(long.problem).toMatch(/at most 100 characters/);
    const full = addTags(
      Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`),
      'one more',
    );
    expect(full.tags).toHaveLength(MAX_TAGS);
    expect(full.problem).toMatch(/at most 200 tags/);
  });

  it('always produces tags the schema accepts', () => {
    const { tags } = addTags([], `a, ${'b'.repeat(100)}, ${'c'.repeat(150)}`);
    expect(shotRecordSchema.safeParse(shot({ tags })).success).toBe(true);
  });
});

describe('user-defined fields', () => {
  it('refuses empty, long, reserved and duplicate names', () => {
    expect(fieldKeyProblem('  ', [])).toMatch(/name/);
    expect(fieldKeyProblem('x'.repeat(101), [])).toMatch(/100/);
    for (const key of ['__proto__', 'constructor', 'prototype']) expect(fieldKeyProblem(key, [])).toMatch(/reserved/);
    expect(fieldKeyProblem('location', ['Location'])).toMatch(/already/);
    expect(fieldKeyProblem(' VFX ', ['Location'])).toBeNull();
  });

  it('renames in place, sets, adds and removes values without touching the others', () => {
    const fields = { Location: 'Kitchen', VFX: 'none', Cast: 'Ana' };
    expect(Object.entries(renameField(fields, 'VFX', ' Effects '))).toEqual([
      ['Location', 'Kitchen'],
      ['Effects', 'none'],
      ['Cast', 'Ana'],
    ]);
    expect(setFieldValue(fields, 'VFX', 'sky replacement')).toEqual({ Location: 'Kitchen', VFX: 'sky replacement', Cast: 'Ana' });
    expect(Object.keys(setFieldValue(fields, 'Props', 'mug'))).toEqual(['Location', 'VFX', 'Cast', 'Props']);
    expect(removeField(fields, 'VFX')).toEqual({ Location: 'Kitchen', Cast: 'Ana' });
    expect(fields).toEqual({ Location: 'Kitchen', VFX: 'none', Cast: 'Ana' });
  });
});

describe('parseNumberOverride', () => {
  it('stores null for empty text and the trimmed number otherwise, up to 20 characters', () => {
    expect(parseNumberOverride('   ')).toEqual({ value: null, problem: null });
    expect(parseNumberOverride(' 12A ')).toEqual({ value: '12A', problem: null });
    expect(parseNumberOverride('x'.repeat(21)).problem).toMatch(/20/);
  });
});

describe('readDetailOptions', () => {
  it('lists tags and field names used anywhere, once each', () => {
    const store = new DocumentStore(settings(), 0, [
      shot({ tags: ['night'], customFields: { Location: 'a' } }),
      shot({ tags: ['Night', 'day'], customFields: { location: 'b', VFX: 'c' } }),
    ]);
    const options = readDetailOptions(store);
    expect(options.tags).toEqual(['day', 'night']);
    expect(options.fieldKeys).toEqual(['Location', 'VFX']);
    expect(options.scenes).toEqual([]);
  });
});
