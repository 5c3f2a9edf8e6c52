import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../../renderer/editor/documentStore.ts';
import { History } from '../../../../renderer/editor/history.ts';
import {
  modelLabel,
  recentTakesOfSelection,
  recipeDiffRows,
  resolveCompareTakes,
  selectTake,
  takeTitle,
} from '../../../../renderer/panels/compare/compareModel.ts';
import type { ShotRecord } from '../../../../shared/model/shot.ts';
import type { TakeRecord } from '../../../../shared/model/take.ts';
import { emptyRecipe } from '../../../../shared/model/take.ts';
import { settings, shot } from '../../../shared/fixtures.ts';
import { take } from './takeFixtures.ts';

function storeWith(shots: ShotRecord[], takes: TakeRecord[]) {
  return new DocumentStore(settings(), 0, [...shots, ...takes]);
}

describe('choosing the takes to compare', () => {
  it('keeps existing takes once each, at most four, by cut order and take number', () => {
    const s1 = shot();
    const s2 = shot();
    const takes = [take(s2.id, { number: 1 }), take(s1.id, { number: 2 }), take(s1.id, { number: 1 }), take(s1.id, { number: 3 }), take(s1.id, { number: 4 })];
    const store = storeWith([s1, s2], takes);
    const [t21, t12, t11, t13, t14] = takes.map((t) => t.id);
    expect(resolveCompareTakes(store, [t21!, t12!, t12!, 'gone', t11!])).toEqual({ ok: true, takeIds: [t11, t12, t21] });
    const five = resolveCompareTakes(store, [t21!, t12!, t11!, t13!, t14!]);
    expect(five.ok && five.takeIds).toEqual([t11, t12, t13, t21]);
    expect(resolveCompareTakes(store, [t11!]).ok).toBe(false);
  });

  it('on the selection: the most recent takes of the one selected shot, with media first, oldest first', () => {
    const s = shot();
    const lonely = shot();
    const takes = [1, 2, 3, 4, 5].map((n) => take(s.id, { number: n }));
    const planned = take(s.id, { number: 6, media: null });
    const store = storeWith([s, lonely], [...takes, planned, take(lonely.id)]);
    const choice = recentTakesOfSelection(store, [s.id]);
    expect(choice.ok && choice.takeIds).toEqual(takes.slice(1).map((t) => t.id));
    expect(recentTakesOfSelection(store, [])).toMatchObject({ ok: false, message: expect.stringContaining('Select a shot') });
    expect(recentTakesOfSelection(store, [s.id, lonely.id])).toMatchObject({ ok: false, message: expect.stringContaining('one shot') });
    expect(recentTakesOfSelection(store, [lonely.id], new Map([[lonely.id, '3B']]))).toEqual({
      ok: false,
      message: 'Shot 3B has one take: add another take to compare.',
    });
  });

  it('falls back to planned takes when fewer than two have media', () => {
    const s = shot();
    const takes = [take(s.id, { number: 1, media: null }), take(s.id, { number: 2 })];
    const choice = recentTakesOfSelection(storeWith([s], takes), [s.id]);
    expect(choice.ok && choice.takeIds).toEqual(takes.map((t) => t.id));
  });
});

describe('selecting a take from the compare view', () => {
  it('sets the circle take and the verdict in one undoable step', () => {
    const s = shot();
    const [a, b] = [take(s.id, { number: 1, judgement: { verdict: 'hold' } }), take(s.id, { number: 2, judgement: { verdict: 'reject', score: 2 } })];
    const store = storeWith([s], [a!, b!]);
    const history = new History(store);
    expect(selectTake(store, b!.id)).toBe(true);
    expect(store.getShot(s.id)!.selectedTakeId).toBe(b!.id);
    const after = store.get(b!.id) as TakeRecord;
    expect(after.judgement.verdict).toBe('select');
    expect(after.judgement.score).toBe(2);
    expect(selectTake(store, b!.id)).toBe(false);
    history.undo();
    expect(store.getShot(s.id)!.selectedTakeId).toBeNull();
    expect((store.get(b!.id) as TakeRecord).judgement.verdict).toBe('reject');
    expect(history.canUndo).toBe(false);
  });

  it('refuses in a read-only project and for unknown takes', () => {
    const s = shot();
    const t = take(s.id);
    const store = storeWith([s], [t]);
    expect(selectTake(store, 'nope')).toBe(false);
    store.setReadOnly('made by a newer version');
    expect(selectTake(store, t.id)).toBe(false);
  });
});

describe('recipe diff rows', () => {
  it('lists only differing fields, one cell per take, marking cells unlike the first take', () => {
    const base = { ...emptyRecipe(), provider: 'Kling', model: 'kling-v2.1', prompt: 'A lighthouse at dusk', seed: '42' };
    const takes = [
      take('s', { recipe: base }),
      take('s', { recipe: { ...base, seed: '43' } }),
      take('s', { recipe: { ...base, seed: '42', params: { ...base.params, steps: 30 } } }),
    ];
    const rows = recipeDiffRows(takes);
    expect(rows.map((r) => r.label)).toEqual(['Seed', 'Steps']);
    expect(rows[0]!.cells).toEqual([
      { text: '42', differs: false, empty: false },
      { text: '43', differs: true, empty: false },
      { text: '42', differs: false, empty: false },
    ]);
    expect(rows[1]!.cells.map((c) => [c.text, c.differs, c.empty])).toEqual([
      ['—', false, true],
      ['—', false, true],
      ['30', true, false],
    ]);
    expect(recipeDiffRows([takes[0]!, takes[0]!])).toEqual([]);
    expect(recipeDiffRows([takes[0]!])).toEqual([]);
  });

  it('names takes and models for pane labels', () => {
    expect(takeTitle({ number: 3, label: '' })).toBe('T3');
    expect(takeTitle({ number: 3, label: ' warmer ' })).toBe('T3 · warmer');
    expect(modelLabel(take('s', { recipe: { model: 'gen-4', modelVersion: 'turbo', provider: 'Runway' } }))).toBe('gen-4 turbo · Runway');
    expect(modelLabel(take('s', { recipe: { provider: 'ComfyUI' } }))).toBe('ComfyUI');
    expect(modelLabel(take('s'))).toBe('');
  });
});
