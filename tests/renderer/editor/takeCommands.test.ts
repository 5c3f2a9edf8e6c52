import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { History } from '../../../renderer/editor/history.ts';
import {
  addDefect,
  addTakes,
  deleteTake,
  removeDefect,
  setSelectedTake,
  updateDefect,
  updateJudgement,
  updateRecipe,
  updateTake,
} from '../../../renderer/editor/takeCommands.ts';
import { TakePanelState } from '../../../renderer/editor/takePanelState.ts';
import type { TakeId } from '../../../shared/ids.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import type { TakeRecord } from '../../../shared/model/take.ts';
import { settings, shot } from '../../shared/fixtures.ts';
import { defect, fullRecipe, media, take } from '../../shared/takes/takeFixtures.ts';

function setup() {
  const s = shot({ title: 'Ferry' });
  const t1 = take(s.id, { number: 1, media: media() });
  const t2 = take(s.id, { number: 2, recipe: fullRecipe() });
  const store = new DocumentStore(settings(), 0, [s, t1, t2]);
  const history = new History(store);
  const get = (id: string) => store.get(id) as TakeRecord;
  return { s, t1, t2, store, history, get };
}

describe('take commands', () => {
  it('adds several takes in one undoable step', () => {
    const { s, store, history } = setup();
    addTakes(store, [take(s.id, { number: 3 }), take(s.id, { number: 4 })]);
    expect(store.takesOf(s.id).map((t) => t.number)).toEqual([1, 2, 3, 4]);
    history.undo();
    expect(store.takesOf(s.id).map((t) => t.number)).toEqual([1, 2]);
  });

  it('edits a recipe field, keeping the others, as one step each', () => {
    const { t2, store, history, get } = setup();
    updateRecipe(store, t2.id, { seed: '42' });
    updateRecipe(store, t2.id, { prompt: 'Fog lifts' });
    expect(get(t2.id).recipe).toMatchObject({ seed: '42', prompt: 'Fog lifts', model: 'Wan2.2-I2V-A14B' });
    history.undo();
    expect(get(t2.id).recipe).toMatchObject({ seed: '42', prompt: fullRecipe().prompt });
  });

  it('judges: verdict, score and defects, each undoable', () => {
    const { t1, store, history, get } = setup();
    updateJudgement(store, t1.id, { verdict: 'select', score: 4 });
    const flicker = defect('flicker');
    addDefect(store, t1.id, flicker);
    updateDefect(store, t1.id, flicker.id, { startFrame: 4, endFrame: 6, severity: 'critical' });
    expect(get(t1.id).judgement).toMatchObject({
      verdict: 'select',
      score: 4,
      defects: [{ type: 'flicker', startFrame: 4, endFrame: 6, severity: 'critical' }],
    });
    history.undo();
    expect(get(t1.id).judgement.defects[0]).toMatchObject({ startFrame: null, severity: 'major' });
    removeDefect(store, t1.id, flicker.id);
    expect(get(t1.id).judgement.defects).toEqual([]);
  });

  it('trims', () => {
    const { t1, store, get } = setup();
    updateTake(store, t1.id, { trimIn: 3, trimOut: 14 });
    expect([get(t1.id).trimIn, get(t1.id).trimOut]).toEqual([3, 14]);
  });

  it('circles a take of the shot only, and un-circles with null', () => {
    const { s, t1, store } = setup();
    setSelectedTake(store, s.id, t1.id);
    expect(store.getShot(s.id)!.selectedTakeId).toBe(t1.id);
    const other = shot();
    const foreign = take(other.id);
    addTakes(store, [foreign]);
    setSelectedTake(store, s.id, foreign.id);
    expect(store.getShot(s.id)!.selectedTakeId).toBe(t1.id);
    setSelectedTake(store, s.id, null);
    expect(store.getShot(s.id)!.selectedTakeId).toBeNull();
  });

  it('deletes a take (un-circling it) in one step that undo brings back whole', () => {
    const { s, t1, store, history } = setup();
    setSelectedTake(store, s.id, t1.id);
    expect(deleteTake(store, t1.id)).toBe(true);
    expect(store.get(t1.id)).toBeUndefined();
    expect((store.get(s.id) as ShotRecord).selectedTakeId).toBeNull();
    history.undo();
    expect(store.get(t1.id)).toBeDefined();
    expect((store.get(s.id) as ShotRecord).selectedTakeId).toBe(t1.id);
    expect(deleteTake(store, s.id)).toBe(false);
  });
});

describe('TakePanelState', () => {
  it('opens the take chosen last, else the circle take, else the newest', () => {
    const { s, t1, t2, store } = setup();
    const panel = new TakePanelState();
    const takes = store.takesOf(s.id);
    expect(panel.openTake(s, takes)?.id).toBe(t2.id);
    expect(panel.openTake({ ...s, selectedTakeId: t1.id as TakeId }, takes)?.id).toBe(t1.id);
    panel.open(s.id, t2.id);
    expect(panel.openTake({ ...s, selectedTakeId: t1.id as TakeId }, takes)?.id).toBe(t2.id);
    // A deleted choice falls back.
    expect(panel.openTake({ ...s, selectedTakeId: t1.id as TakeId }, [t1])?.id).toBe(t1.id);
    expect(panel.openTake(s, [])).toBeNull();
  });

  it('tells subscribers about tab and take changes, not about no-ops', () => {
    const panel = new TakePanelState();
    let calls = 0;
    const off = panel.subscribe(() => (calls += 1));
    panel.setTab('takes');
    panel.setTab('takes');
    panel.open('shot', 'take');
    panel.open('shot', 'take');
    off();
    panel.setTab('shot');
    expect(calls).toBe(2);
    expect(panel.tab).toBe('shot');
  });
});
