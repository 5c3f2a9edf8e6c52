import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../../renderer/editor/documentStore.ts';
import {
  EMPTY_FORM,
  NO_SCENE,
  describeForm,
  isEmptyForm,
  mattersToQuery,
  readQueryOptions,
  runTakeQuery,
  toTakeFilter,
  toggleIn,
} from '../../../../renderer/panels/takeQuery/takeQueryModel.ts';
import type { SceneId } from '../../../../shared/ids.ts';
import type { ShotRecord } from '../../../../shared/model/shot.ts';
import type { Defect } from '../../../../shared/model/take.ts';
import { VERDICTS } from '../../../../shared/model/take.ts';
import { scene, settings, shot } from '../../../shared/fixtures.ts';
import { take } from '../compare/takeFixtures.ts';

const drift: Defect = { id: '5b1f0c1e-0d7a-4c55-8a0b-9a3f5f1e2d11', type: 'identity-drift', severity: 'major', startFrame: 3, endFrame: 9, note: '' };
const flicker: Defect = { ...drift, id: '5b1f0c1e-0d7a-4c55-8a0b-9a3f5f1e2d12', type: 'flicker' };

function project() {
  const sc = scene({ number: '12', title: 'Kitchen' });
  const a = shot({ title: 'Wide', sceneId: sc.id as SceneId, status: 'in-review' });
  const b = shot({ title: 'Close', sceneId: sc.id as SceneId, status: 'approved' });
  const c = shot({ title: 'Outside', status: 'planned' });
  const takes = [
    take(b.id, {
      number: 1,
      createdAt: 1,
      recipe: { model: 'Kling v2.1', provider: 'Kling' },
      judgement: { verdict: 'reject', score: 2, defects: [drift, flicker] },
    }),
    take(a.id, { number: 2, createdAt: 2, recipe: { model: 'kling-v2.1', provider: 'Kling' }, judgement: { verdict: 'reject', score: 1, defects: [drift] } }),
    take(a.id, { number: 1, recipe: { model: 'gen-4', provider: 'Runway' }, judgement: { verdict: 'select', score: 5 } }),
    take(c.id, { number: 1, recipe: { model: 'gen-4', provider: 'Runway' }, judgement: { verdict: 'reject', score: 2, defects: [flicker] } }),
    take(c.id, { number: 2, media: null }),
  ];
  const store = new DocumentStore(settings(), 0, [sc, a, b, c, ...takes]);
  return { store, sc, a, b, c, takes };
}

describe('take query view model', () => {
  it('finds "rejected takes with identity drift on model X" and lists them by cut order and take number', () => {
    const { store, a, b, takes } = project();
    const form = { ...EMPTY_FORM, verdicts: ['reject' as const], defectTypes: ['identity-drift' as const], model: 'KLING v2.1' };
    const answer = runTakeQuery(store, form);
    expect(answer.shotIds).toEqual([a.id, b.id]);
    expect(answer.rows.map((r) => [r.shotNumber, r.takeNumber, r.verdict, r.score, r.defects])).toEqual([
      ['12A', 2, 'reject', 1, ['identity-drift']],
      ['12B', 1, 'reject', 2, ['identity-drift', 'flicker']],
    ]);
    expect(answer.rows[0]!.takeId).toBe(takes[1]!.id);
  });

  it('filters by score range, shot status, scene and "outside scenes"', () => {
    const { store, a, c } = project();
    expect(runTakeQuery(store, { ...EMPTY_FORM, scoreMin: 4 }).rows.map((r) => r.shotId)).toEqual([a.id]);
    expect(runTakeQuery(store, { ...EMPTY_FORM, shotStatuses: ['planned'] }).shotIds).toEqual([c.id]);
    expect(runTakeQuery(store, { ...EMPTY_FORM, scene: NO_SCENE }).rows).toHaveLength(2);
    expect(runTakeQuery(store, { ...EMPTY_FORM, verdicts: ['none'] }).rows.map((r) => r.takeNumber)).toEqual([2]);
    expect(runTakeQuery(store, { ...EMPTY_FORM, provider: 'Sora' })).toEqual({ rows: [], shotIds: [] });
  });

  it('marks the circle take in the results', () => {
    const { store, a, takes } = project();
    store.transact((tx) => tx.update<ShotRecord>(a.id, { selectedTakeId: takes[2]!.id }));
    const rows = runTakeQuery(store, { ...EMPTY_FORM, shotStatuses: ['in-review'] }).rows;
    expect(rows.map((r) => [r.takeNumber, r.circle])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('turns the form into the shared filter', () => {
    expect(isEmptyForm(EMPTY_FORM)).toBe(true);
    expect(toTakeFilter({ ...EMPTY_FORM, scene: NO_SCENE }).sceneIds).toEqual([null]);
    expect(toTakeFilter({ ...EMPTY_FORM, scene: 'abc', model: 'm' })).toMatchObject({ sceneIds: ['abc'], models: ['m'], providers: [] });
    expect(isEmptyForm({ ...EMPTY_FORM, scoreMax: 3 })).toBe(false);
  });

  it('lists models and providers in use once (first spelling) and the defect types that occur', () => {
    const { store, sc } = project();
    const options = readQueryOptions(store);
    expect(options.models).toEqual(['gen-4', 'Kling v2.1']);
    expect(options.providers).toEqual(['Kling', 'Runway']);
    expect(options.defectTypes).toEqual(['flicker', 'identity-drift']);
    expect(options.scenes.map((s) => s.id)).toEqual([sc.id]);
  });

  it('describes the query in words and toggles chips in taxonomy order', () => {
    const { sc } = project();
    expect(
      describeForm(
        {
          ...EMPTY_FORM,
          verdicts: ['reject', 'none'],
          defectTypes: ['identity-drift'],
          model: 'gen-4',
          scoreMin: 1,
          scoreMax: 2,
          shotStatuses: ['in-review'],
          scene: sc.id,
        },
        [sc],
      ),
    ).toBe('Reject or Not judged · Identity drift · model gen-4 · score 1–2 · shot in review · scene 12 · Kitchen');
    expect(describeForm(EMPTY_FORM, [])).toBe('');
    expect(toggleIn(['reject'], 'select', VERDICTS)).toEqual(['select', 'reject']);
    expect(toggleIn(['reject', 'select'], 'reject', VERDICTS)).toEqual(['select']);
  });

  it('re-runs only for changes that can alter the answer', () => {
    const { a, takes } = project();
    expect(mattersToQuery({ id: a.id, before: a, after: { ...a, x: 500 } })).toBe(false);
    expect(mattersToQuery({ id: a.id, before: a, after: { ...a, status: 'locked' } })).toBe(true);
    const t = takes[0]!;
    expect(mattersToQuery({ id: t.id, before: t, after: { ...t, judgement: { ...t.judgement, verdict: 'select' } } })).toBe(true);
    expect(mattersToQuery({ id: t.id, before: null, after: t })).toBe(true);
  });
});
