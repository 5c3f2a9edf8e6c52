import { describe, expect, it } from 'vitest';
import type { Recipe, RecipeInput } from '../../../shared/model/take.ts';
import { diffRecipes } from '../../../shared/takes/recipeDiff.ts';
import { fullRecipe, hash } from './takeFixtures.ts';

const input = (role: RecipeInput['role'], h: string, name: string): RecipeInput => ({
  role,
  hash: hash(h),
  path: `media/${hash(h).slice(0, 16)}/${name}`,
  name,
});
const withParams = (patch: Partial<Recipe['params']>, base: Recipe = fullRecipe()): Recipe => ({ ...base, params: { ...base.params, ...patch } });

describe('diffRecipes', () => {
  it('finds nothing between equal recipes, and ignores raw metadata', () => {
    expect(diffRecipes(fullRecipe(), fullRecipe())).toEqual([]);
    expect(diffRecipes(fullRecipe({ rawMetadata: '{"a":1}' }), fullRecipe({ rawMetadata: null }))).toEqual([]);
  });

  it('lists each differing field with a label and one value per recipe, in field order', () => {
    const a = fullRecipe();
    const b = fullRecipe({ seed: '99', prompt: 'Push-in, fog lifting faster' });
    const c = withParams({ steps: 30 }, fullRecipe({ seed: '99' }));
    expect(diffRecipes(a, b, c)).toEqual([
      { path: 'prompt', label: 'Prompt', values: [a.prompt, 'Push-in, fog lifting faster', a.prompt] },
      { path: 'seed', label: 'Seed', values: ['1234567890', '99', '99'] },
      { path: 'params.steps', label: 'Steps', values: [40, 40, 30] },
    ]);
  });

  it('compares camera and extra keys one by one; a key a recipe lacks is null there', () => {
    const a = withParams({ camera: { pan: 2, zoom: 1 }, extra: { sampler: 'euler', denoise: 1 } });
    const b = withParams({ camera: { pan: 2, tilt: -1 }, extra: { sampler: 'dpmpp_2m', denoise: 1 } });
    expect(diffRecipes(a, b)).toEqual([
      { path: 'params.camera.tilt', label: 'Camera: tilt', values: [null, -1] },
      { path: 'params.camera.zoom', label: 'Camera: zoom', values: [1, null] },
      { path: 'params.extra.sampler', label: 'sampler', values: ['euler', 'dpmpp_2m'] },
    ]);
  });

  it('compares inputs by role and content hash, not by name or order', () => {
    const plate = input('init-frame', 'c3', 'plate.png');
    const renamed = { ...plate, name: 'plate copy.png' };
    const refA = input('reference', 'd4', 'lea.png');
    const refB = input('reference', 'e5', 'lea_2.png');
    expect(diffRecipes(fullRecipe({ inputs: [plate, refA, refB] }), fullRecipe({ inputs: [refB, renamed, refA] }))).toEqual([]);
    expect(diffRecipes(fullRecipe({ inputs: [plate, refA] }), fullRecipe({ inputs: [plate, refB] }), fullRecipe({ inputs: [plate] }))).toEqual([
      { path: 'inputs.reference', label: 'Reference', values: [`lea.png (${hash('d4').slice(0, 8)})`, `lea_2.png (${hash('e5').slice(0, 8)})`, null] },
    ]);
  });

  it('takes up to four recipes', () => {
    const recipes = ['1', '2', '3', '4'].map((seed) => fullRecipe({ seed }));
    expect(diffRecipes(recipes[0]!, recipes[1]!, recipes[2]!, recipes[3]!)).toEqual([{ path: 'seed', label: 'Seed', values: ['1', '2', '3', '4'] }]);
  });

  it('shows cost, generation time and the non-deterministic flag', () => {
    const a = fullRecipe({ cost: { amount: 0.5, unit: 'USD' }, generationSeconds: 60 });
    const b = fullRecipe({ cost: null, generationSeconds: 60, nonDeterministic: true });
    expect(diffRecipes(a, b)).toEqual([
      { path: 'cost', label: 'Cost', values: ['0.5 USD', null] },
      { path: 'nonDeterministic', label: 'Non-deterministic', values: [false, true] },
    ]);
  });

  it('tells motion annotations apart by count, and by a letter when the count is the same', () => {
    const one = fullRecipe({ annotations: [{ kind: 'arrow' }] });
    const other = fullRecipe({ annotations: [{ kind: 'brush' }] });
    const none = fullRecipe();
    expect(diffRecipes(one, none)).toEqual([{ path: 'annotations', label: 'Motion annotations', values: ['1 annotation', '0 annotations'] }]);
    expect(diffRecipes(one, other, none)).toEqual([
      { path: 'annotations', label: 'Motion annotations', values: ['1 annotation (version A)', '1 annotation (version B)', '0 annotations'] },
    ]);
  });
});
