import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recipe } from '../../../shared/model/take.ts';
import { MAX_PROMPT_CHARS, emptyRecipe, emptyRecipeParams } from '../../../shared/model/take.ts';
import { parseRecipeJson, recipeToJson } from '../../../shared/takes/recipeJson.ts';
import { fullRecipe, hash } from './takeFixtures.ts';

const message = (text: string) => {
  const result = parseRecipeJson(text);
  if (result.ok) throw new Error('expected the recipe to be refused');
  return result.error;
};
const value = (text: string) => {
  const result = parseRecipeJson(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const rich = (): Recipe =>
  fullRecipe({
    params: { ...fullRecipe().params, camera: { zoom: 2, pan: -3 }, extra: { sampler: 'euler', denoise: 0.8, tiled: true } },
    inputs: [{ role: 'init-frame', hash: hash('c3'), path: `media/${hash('c3').slice(0, 16)}/plate.png`, name: 'plate.png' }],
    cost: { amount: 0.4, unit: 'USD' },
    generationSeconds: 95.5,
    annotations: [{ kind: 'arrow', from: [0.1, 0.2], to: [0.5, 0.2] }],
    rawMetadata: '{"prompt":"{}"}',
  });

describe('recipeToJson', () => {
  it('round-trips through parseRecipeJson exactly', () => {
    for (const recipe of [emptyRecipe(), fullRecipe(), rich()]) expect(value(recipeToJson(recipe))).toEqual(recipe);
  });

  it('writes keys in a fixed order (dictionaries sorted), indented, whatever order the object had', () => {
    const recipe = rich();
    const shuffled = { ...recipe, params: { ...recipe.params, extra: { tiled: true, denoise: 0.8, sampler: 'euler' }, camera: { zoom: 2, pan: -3 } } };
    const text = recipeToJson(shuffled);
    expect(text).toBe(recipeToJson(recipe));
    expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(emptyRecipe()));
    expect(Object.keys((JSON.parse(text) as { params: object }).params)).toEqual(Object.keys(emptyRecipeParams()));
    expect(text.indexOf('"denoise"')).toBeLessThan(text.indexOf('"sampler"'));
    expect(text.indexOf('"pan"')).toBeLessThan(text.indexOf('"zoom"'));
    expect(text).toContain('\n  "provider": "wan-2-local",');
  });

  it('keeps a 64-bit seed exact because it is written as a string', () => {
    const recipe = fullRecipe({ seed: '18446744073709551615' });
    expect(recipeToJson(recipe)).toContain('"seed": "18446744073709551615"');
    expect(value(recipeToJson(recipe)).seed).toBe('18446744073709551615');
  });
});

describe('parseRecipeJson', () => {
  it('fills what a partial recipe leaves out from emptyRecipe()', () => {
    expect(value('{"prompt": "Wide harbour at dawn", "seed": "42"}')).toEqual({ ...emptyRecipe(), prompt: 'Wide harbour at dawn', seed: '42' });
    expect(value('{"params": {"steps": 30}}')).toEqual({ ...emptyRecipe(), params: { ...emptyRecipeParams(), steps: 30 } });
    expect(value('{}')).toEqual(emptyRecipe());
  });

  it('accepts a seed written as a whole JSON number up to 2^53 and stores it as digits', () => {
    expect(value('{"seed": 42}').seed).toBe('42');
    expect(value('{"seed": 9007199254740991}').seed).toBe('9007199254740991');
    expect(value('{"seed": null}').seed).toBeNull();
  });

  it('refuses a JSON number seed above 2^53, telling to write it as a string with its exact digits', () => {
    const error = message('{"seed": 18446744073709551615}');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.where).toBe('seed');
    expect(error.message).toContain('write it as a string');
    expect(error.message).toContain('"seed": "18446744073709551615"');
    expect(message('{"seed": 9007199254740993}').message).toContain('9007199254740993');
    expect(message('{"seed": 1e20}').message).toContain('write it as a string');
  });

  it('refuses seeds that are not 64-bit whole numbers, naming the field', () => {
    expect(message('{"seed": -1}').message).toMatch(/seed: must be a whole number/);
    expect(message('{"seed": 1.5}').message).toMatch(/seed: must be a whole number/);
    expect(message('{"seed": "18446744073709551616"}').message).toMatch(/seed: must fit in 64 bits/);
    expect(message('{"seed": "0x10"}').message).toMatch(/^The recipe has a problem: seed:/);
  });

  it('names each wrong field by its path in words', () => {
    expect(message('{"params": {"steps": 2.5}}').message).toBe('The recipe has a problem: params.steps: expected a whole number.');
    expect(message('{"params": {"steps": "20"}}').message).toContain('params.steps: expected a number');
    expect(message('{"nonDeterministic": "yes"}').message).toContain('nonDeterministic: expected true or false');
    expect(message('{"params": {"extra": {"lora": [1]}}}').message).toContain('params.extra.lora: expected text, a number or true/false');
    expect(message('{"inputs": [{"role": "plate", "hash": "x", "path": "y", "name": "p"}]}').message).toMatch(
      /inputs\[0\]\.role: expected one of "init-frame"/,
    );
    expect(message('{"cost": {"amount": -2, "unit": "USD"}}').message).toContain('cost.amount: must be at least 0');
    expect(message('{"params": null}').message).toContain('params: expected an object');
    expect(message('{"params": {"steps": 2.5}}').where).toBe('params.steps');
  });

  it('refuses unknown keys anywhere, naming each', () => {
    const error = message('{"prompt": "x", "sampler": "euler", "params": {"cfg": 7}}');
    expect(error.message).toContain('sampler: unknown field');
    expect(error.message).toContain('params.cfg: unknown field');
    expect(error.message).toMatch(/^The recipe has 2 problems/);
  });

  it('refuses prompts above the maximum length', () => {
    const text = JSON.stringify({ prompt: 'x'.repeat(MAX_PROMPT_CHARS + 1) });
    expect(message(text).message).toContain(`prompt: is longer than ${MAX_PROMPT_CHARS} characters`);
    expect(value(JSON.stringify({ prompt: 'x'.repeat(MAX_PROMPT_CHARS) })).prompt).toHaveLength(MAX_PROMPT_CHARS);
  });

  it('refuses text that is not a JSON object, and reserved keys, without throwing', () => {
    expect(message('{"prompt": "x",}').message).toMatch(/^The recipe is not valid JSON \(/);
    expect(message('').message).toMatch(/not valid JSON/);
    expect(message('[1, 2]').message).toMatch(/must be a JSON object/);
    expect(message('"a prompt"').message).toMatch(/must be a JSON object/);
    expect(message('{"__proto__": {"polluted": true}}').message).toMatch(/reserved key/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('lists at most five problems and says how many more there are', () => {
    const bad = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`unknown${i}`, 1]));
    const error = message(JSON.stringify(bad));
    expect(error.message).toMatch(/^The recipe has 8 problems: /);
    expect(error.message).toContain('(and 3 more)');
  });

  it('keeps large integers in params.extra exact, as digit strings', () => {
    expect(value('{"params": {"extra": {"refiner_seed": 18446744073709551615}}}').params.extra).toEqual({ refiner_seed: '18446744073709551615' });
  });

  it('never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ params: v, seed: v })),
        ),
        (text) => {
          const result = parseRecipeJson(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});
