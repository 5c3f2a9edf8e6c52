import { describe, expect, it } from 'vitest';
import type { RetiredModel } from '../../../shared/takes/retiredModels.ts';
import {
  DEFAULT_RETIRED_MODELS,
  RETIRED_MODELS_FORMAT_4,
  normalizeModelName,
  retiredEntryFor,
  retiredModelSchema,
  retiredModelsSchema,
} from '../../../shared/takes/retiredModels.ts';

const entry = (overrides: Partial<RetiredModel> = {}): RetiredModel => ({ provider: 'Runway', model: 'gen2', retiredOn: '2025-01-15', note: '', ...overrides });

describe('retired model list schema', () => {
  it('accepts the defaults, and an entry with or without a version', () => {
    expect(retiredModelsSchema.safeParse(DEFAULT_RETIRED_MODELS).success).toBe(true);
    expect(retiredModelSchema.safeParse(entry()).success).toBe(true);
    expect(retiredModelSchema.safeParse(entry({ version: '2024-03' })).success).toBe(true);
  });

  it.each([
    ['an impossible date', { retiredOn: '2025-02-30' }],
    ['a date in another format', { retiredOn: '15/01/2025' }],
    ['an empty model', { model: '' }],
    ['an empty provider', { provider: '' }],
    ['a long note', { note: 'x'.repeat(2001) }],
  ])('refuses %s', (_what, overrides) => {
    expect(retiredModelSchema.safeParse({ ...entry(), ...overrides }).success).toBe(false);
  });

  it('refuses unknown keys', () => {
    expect(retiredModelSchema.safeParse({ ...entry(), url: 'https://example.com' }).success).toBe(false);
  });

  it('every default is dated in the past of this build and says why; the format-4 list is frozen', () => {
    for (const e of DEFAULT_RETIRED_MODELS) {
      expect(e.retiredOn <= '2026-11-25', e.model).toBe(true);
      expect(e.note.length, e.model).toBeGreaterThan(10);
    }
    expect(Object.isFrozen(RETIRED_MODELS_FORMAT_4)).toBe(true);
  });
});

describe('retiredEntryFor', () => {
  const list = [entry(), entry({ provider: 'Google', model: 'veo-3.0-generate-001' }), entry({ provider: 'Luma AI', model: 'dream machine', version: '1.6' })];

  it('matches the model ignoring case, spaces and punctuation', () => {
    expect(normalizeModelName(' Veo 3.0 Generate_001 ')).toBe('veo30generate001');
    expect(retiredEntryFor(list, 'Google', 'Veo-3.0-Generate-001', '')).toBe(list[1]);
    expect(retiredEntryFor(list, 'Runway', 'Gen 2', '')).toBe(list[0]);
    expect(retiredEntryFor(list, 'Runway', 'gen3', '')).toBeNull();
  });

  it('matches the provider loosely (either name contains the other), or on the model alone when none is written', () => {
    expect(retiredEntryFor(list, 'Google Vertex AI', 'veo-3.0-generate-001', '')).toBe(list[1]);
    expect(retiredEntryFor(list, 'google', 'veo-3.0-generate-001', '')).toBe(list[1]);
    expect(retiredEntryFor(list, '', 'veo-3.0-generate-001', '')).toBe(list[1]);
    expect(retiredEntryFor(list, 'Fal', 'veo-3.0-generate-001', '')).toBeNull();
  });

  it('an entry with a version retires only that version', () => {
    expect(retiredEntryFor(list, 'Luma AI', 'Dream Machine', '1.6')).toBe(list[2]);
    expect(retiredEntryFor(list, 'Luma AI', 'Dream Machine', '1.5')).toBeNull();
    expect(retiredEntryFor(list, 'Luma AI', 'Dream Machine', '')).toBeNull();
  });

  it('an empty model matches nothing', () => {
    expect(retiredEntryFor([entry({ model: '—' })], 'Runway', '', '')).toBeNull();
  });
});
