import { describe, expect, it } from 'vitest';
import type { TakeId } from '../../../shared/ids.ts';
import { isUuid } from '../../../shared/ids.ts';
import { emptyRecipe, takeRecordSchema } from '../../../shared/model/take.ts';
import type { LineageNode } from '../../../shared/takes/takeFactory.ts';
import { createTakeFromMedia, forkTake, intentFor, lineageTree, newTakeFromRecipe, nextTakeNumber } from '../../../shared/takes/takeFactory.ts';
import { FIXED_NOW, shot } from '../fixtures.ts';
import { defect, fullRecipe, media, take } from './takeFixtures.ts';

const SHOT = shot({ description: 'Establishing shot. Fog lifting off the water.' });
const valid = (t: unknown) => expect(takeRecordSchema.safeParse(t).success).toBe(true);

describe('making takes', () => {
  it('createTakeFromMedia: the next number of its shot, the media, an empty recipe by default, intent from the shot', () => {
    const siblings = [take(SHOT.id, { number: 1 }), take(SHOT.id, { number: 4 }), take(shot().id, { number: 9 })];
    const t = createTakeFromMedia(SHOT, media(), null, FIXED_NOW, siblings);
    valid(t);
    expect(isUuid(t.id)).toBe(true);
    expect(t).toMatchObject({
      kind: 'take',
      shotId: SHOT.id,
      number: 5,
      parentTakeId: null,
      media: media(),
      trimIn: null,
      trimOut: null,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      rev: 0,
    });
    expect(t.recipe).toEqual(emptyRecipe());
    expect(t.judgement).toEqual({ intent: 'Establishing shot. Fog lifting off the water.', observation: '', defects: [], score: null, verdict: null });
    expect(createTakeFromMedia(SHOT, media(), fullRecipe(), FIXED_NOW, [], 'b3a1c2d4-0000-4000-8000-000000000001' as TakeId).id).toBe(
      'b3a1c2d4-0000-4000-8000-000000000001',
    );
  });

  it('newTakeFromRecipe: a planned take, no media, intent from description and prompt', () => {
    const t = newTakeFromRecipe(SHOT, fullRecipe(), FIXED_NOW);
    valid(t);
    expect(t).toMatchObject({ number: 1, media: null, recipe: fullRecipe() });
    expect(t.judgement.intent).toBe('Establishing shot. Fog lifting off the water.\n\nPrompt: Slow push-in on the ferry as the fog lifts');
  });

  it('intentFor leaves out what is empty and stays within the judgement limit', () => {
    expect(intentFor(shot(), emptyRecipe())).toBe('');
    expect(intentFor(shot(), fullRecipe({ prompt: ' wide ' }))).toBe('Prompt: wide');
    expect(intentFor(shot({ description: 'x'.repeat(30_000) }), emptyRecipe())).toHaveLength(20_000);
  });

  it('nextTakeNumber is one more than the highest, 1 for the first', () => {
    expect(nextTakeNumber([])).toBe(1);
    expect(nextTakeNumber([take(SHOT.id, { number: 3 }), take(SHOT.id, { number: 2 })])).toBe(4);
  });
});

describe('forkTake', () => {
  const parent = take(SHOT.id, {
    number: 2,
    recipe: fullRecipe({ cost: { amount: 1, unit: 'USD' }, generationSeconds: 80, rawMetadata: '{"prompt":"…"}', annotations: [{ kind: 'arrow' }] }),
    judgement: { intent: 'Ferry enters left, fog lifts', observation: 'Ferry morphs', defects: [defect('morphing')], score: 2, verdict: 'regenerate' },
    trimIn: 3,
    trimOut: 50,
    label: 'fog v2',
  });

  it('copies the recipe with the changes, links the parent, resets the judgement keeping the intent', () => {
    const siblings = [parent, take(SHOT.id, { number: 7 })];
    const fork = forkTake(parent, { seed: '77', params: { steps: 50 } }, siblings, FIXED_NOW + 1);
    valid(fork);
    expect(fork).toMatchObject({
      shotId: SHOT.id,
      parentTakeId: parent.id,
      number: 8,
      media: null,
      trimIn: null,
      trimOut: null,
      label: '',
      createdAt: FIXED_NOW + 1,
    });
    expect(fork.recipe).toEqual({
      ...parent.recipe,
      seed: '77',
      params: { ...parent.recipe.params, steps: 50 },
      cost: null,
      generationSeconds: null,
      rawMetadata: null,
    });
    expect(fork.judgement).toEqual({ intent: 'Ferry enters left, fog lifts', observation: '', defects: [], score: null, verdict: null });
    expect(fork.id).not.toBe(parent.id);
  });

  it('edits the prompt and counts the parent even when siblings omit it', () => {
    const fork = forkTake(parent, { prompt: 'Static wide, fog lifting', negativePrompt: '' }, []);
    expect(fork.number).toBe(3);
    expect(fork.recipe).toMatchObject({ prompt: 'Static wide, fog lifting', negativePrompt: '', seed: parent.recipe.seed });
  });
});

describe('lineageTree', () => {
  const shape = (nodes: readonly LineageNode[]): unknown[] => nodes.map((n) => [n.take.number, shape(n.children)]);

  it('puts each take under its parent, children by number', () => {
    const t1 = take(SHOT.id, { number: 1 });
    const t2 = take(SHOT.id, { number: 2, parentTakeId: t1.id });
    const t4 = take(SHOT.id, { number: 4, parentTakeId: t1.id });
    const t3 = take(SHOT.id, { number: 3, parentTakeId: t2.id });
    const t5 = take(SHOT.id, { number: 5 });
    expect(shape(lineageTree([t4, t3, t5, t2, t1]))).toEqual([
      [
        1,
        [
          [2, [[3, []]]],
          [4, []],
        ],
      ],
      [5, []],
    ]);
  });

  it('a take whose parent is gone is a root', () => {
    const orphan = take(SHOT.id, { number: 3, parentTakeId: 'a1b2c3d4-0000-4000-8000-00000000dead' as TakeId });
    expect(shape(lineageTree([orphan, take(SHOT.id, { number: 1 })]))).toEqual([
      [1, []],
      [3, []],
    ]);
  });

  it('breaks a cycle at its lowest number, so every take appears exactly once', () => {
    const a = take(SHOT.id, { number: 2 });
    const b = take(SHOT.id, { number: 3, parentTakeId: a.id });
    const c = take(SHOT.id, { number: 4, parentTakeId: b.id });
    const cyclic = [{ ...a, parentTakeId: c.id }, b, c];
    expect(shape(lineageTree(cyclic))).toEqual([[2, [[3, [[4, []]]]]]]);
    const self = { ...take(SHOT.id, { number: 1 }) };
    expect(shape(lineageTree([{ ...self, parentTakeId: self.id }]))).toEqual([[1, []]]);
  });

  it('an empty list is an empty forest', () => {
    expect(lineageTree([])).toEqual([]);
  });
});
