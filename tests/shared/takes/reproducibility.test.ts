import { describe, expect, it } from 'vitest';
import type { Recipe } from '../../../shared/model/take.ts';
import { emptyRecipe } from '../../../shared/model/take.ts';
import type { ReproducibilityContext } from '../../../shared/takes/reproducibility.ts';
import { isEmptyRecipe, localIsoDate, missingFields, reproducibility } from '../../../shared/takes/reproducibility.ts';
import { shot } from '../fixtures.ts';
import { fullRecipe, hash, take } from './takeFixtures.ts';

const SHOT = shot().id;
const ctx = (overrides: Partial<ReproducibilityContext> = {}): ReproducibilityContext => ({
  missingHashes: new Set(),
  retiredModels: [{ provider: 'OpenAI', model: 'sora-2', retiredOn: '2026-09-24', note: 'Shut down with the Videos API.' }],
  today: '2026-11-25',
  ...overrides,
});
const plate = { role: 'init-frame' as const, hash: hash('c3'), path: `media/${hash('c3').slice(0, 16)}/plate.png`, name: 'plate.png' };
const sora = (overrides: Partial<Recipe> = {}) =>
  fullRecipe({ provider: 'openai-sora-2', model: 'sora-2', modelVersion: '2025-10-06', nonDeterministic: true, ...overrides });
const status = (recipe: Recipe, context = ctx()) => reproducibility(take(SHOT, { recipe }), context);

describe('reproducibility', () => {
  it('a complete recipe with its inputs present is re-runnable, and says why', () => {
    const result = status(fullRecipe({ inputs: [plate] }));
    expect(result.status).toBe('re-runnable');
    expect(result.reasons).toEqual(['Re-runnable: model, version, seed, prompt and inputs are all recorded.']);
  });

  it('imported media with an empty recipe is unknown (nothing recorded, nothing claimed)', () => {
    expect(reproducibility(take(SHOT, { recipe: emptyRecipe() }), ctx())).toEqual({
      status: 'unknown',
      reasons: ['No recipe was recorded for this media: paste or type it to make the take re-runnable.'],
    });
    expect(reproducibility(take(SHOT, { recipe: { ...emptyRecipe(), rawMetadata: '{"prompt":"{"}' } }), ctx()).reasons[0]).toMatch(
      /generator metadata that could not be read/,
    );
    expect(reproducibility(take(SHOT, { recipe: emptyRecipe(), media: null }), ctx()).reasons[0]).toMatch(/^No recipe yet/);
  });

  it('incomplete lists what is missing, in a fixed order', () => {
    const result = status(fullRecipe({ seed: null, modelVersion: '' }));
    expect(result).toEqual({ status: 'incomplete', reasons: ['Missing: model version, seed.'] });
    expect(missingFields({ ...emptyRecipe(), negativePrompt: 'x' })).toEqual(['provider', 'model', 'model version', 'seed', 'prompt']);
  });

  it('a prompt is not needed when the recipe has inputs (image-to-video)', () => {
    expect(status(fullRecipe({ prompt: '', inputs: [plate] })).status).toBe('re-runnable');
    expect(missingFields(fullRecipe({ prompt: '  ' }))).toEqual(['prompt']);
  });

  it("a preset's required parameters count: local generators need steps and guidance", () => {
    const recipe = fullRecipe({ params: { ...fullRecipe().params, steps: null, guidance: null } });
    expect(status(recipe)).toEqual({ status: 'incomplete', reasons: ['Missing: steps, guidance.'] });
    // Free-text providers do not say what they need; only the common fields are checked.
    expect(status({ ...recipe, provider: 'Studio farm' }).status).toBe('re-runnable');
  });

  it('non-deterministic when flagged: it beats incomplete, and a missing seed is then not listed', () => {
    const result = status(fullRecipe({ nonDeterministic: true, seed: null, modelVersion: '' }));
    expect(result.status).toBe('non-deterministic');
    expect(result.reasons).toEqual(['Non-deterministic: the same recipe gives a different result each time.', 'Missing: model version.']);
  });

  it('input-missing beats non-deterministic and incomplete, and names the files', () => {
    const result = status(fullRecipe({ inputs: [plate], nonDeterministic: true, seed: null, model: '' }), ctx({ missingHashes: new Set([hash('c3')]) }));
    expect(result.status).toBe('input-missing');
    expect(result.reasons[0]).toBe('Input missing: init frame "plate.png" (relink the file to use this recipe).');
    expect(result.reasons).toHaveLength(3);
  });

  it('model-retired beats everything else, with the date and the note', () => {
    const result = status(sora({ inputs: [plate], seed: null }), ctx({ missingHashes: new Set([hash('c3')]) }));
    expect(result.status).toBe('model-retired');
    expect(result.reasons[0]).toBe('Model retired: sora-2 2025-10-06 was switched off on 2026-09-24. Shut down with the Videos API.');
    expect(result.reasons.slice(1).map((r) => r.split(':')[0])).toEqual(['Input missing', 'Non-deterministic']);
  });

  it('a model retired after today still runs; the tooltip says when it goes', () => {
    const result = status(sora(), ctx({ today: '2026-09-23' }));
    expect(result.status).toBe('non-deterministic');
    expect(result.reasons).toContain('sora-2 2025-10-06 is due to be retired on 2026-09-24.');
    expect(status(sora(), ctx({ today: '2026-09-24' })).status).toBe('model-retired');
  });

  it('the retired list is the project’s: an empty list retires nothing', () => {
    expect(status(sora(), ctx({ retiredModels: [] })).status).toBe('non-deterministic');
  });

  it('isEmptyRecipe ignores raw metadata, cost and annotations but not any generation field', () => {
    expect(isEmptyRecipe({ ...emptyRecipe(), rawMetadata: 'x', cost: { amount: 1, unit: 'USD' }, annotations: [1] })).toBe(true);
    expect(isEmptyRecipe({ ...emptyRecipe(), seed: '1' })).toBe(false);
    expect(isEmptyRecipe({ ...emptyRecipe(), params: { ...emptyRecipe().params, extra: { sampler: 'euler' } } })).toBe(false);
  });

  it('localIsoDate writes the local calendar day', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
