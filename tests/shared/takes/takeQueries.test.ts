import { describe, expect, it } from 'vitest';
import type { SceneId } from '../../../shared/ids.ts';
import type { Judgement } from '../../../shared/model/take.ts';
import { emptyJudgement } from '../../../shared/model/take.ts';
import { isEmptyFilter, queryTakes } from '../../../shared/takes/takeQueries.ts';
import { scene, shot } from '../fixtures.ts';
import { defect, fullRecipe, take } from './takeFixtures.ts';

const judged = (overrides: Partial<Judgement>): Judgement => ({ ...emptyJudgement('x'), ...overrides });

function fixture() {
  const sc = scene();
  const a = shot({ status: 'in-review', sceneId: sc.id as SceneId });
  const b = shot({ status: 'approved' });
  const rejectedDrift = take(a.id, {
    recipe: fullRecipe({ model: 'Kling v2.1', provider: 'kling-2' }),
    judgement: judged({ verdict: 'reject', score: 2, defects: [defect('identity-drift')] }),
  });
  const heldFlicker = take(a.id, {
    number: 2,
    recipe: fullRecipe({ model: 'kling-v2-1', provider: 'kling-2' }),
    judgement: judged({ verdict: 'hold', score: 4, defects: [defect('flicker')] }),
  });
  const selected = take(b.id, {
    recipe: fullRecipe({ model: 'veo-3.1-generate-001', provider: 'google-veo-3' }),
    judgement: judged({ verdict: 'select', score: 5 }),
  });
  const unjudged = take(b.id, { number: 2, recipe: fullRecipe({ model: 'veo-3.1-generate-001', provider: 'Google Vertex' }) });
  const orphan = take(shot().id, { judgement: judged({ verdict: 'reject' }) });
  return { sc, a, b, takes: [rejectedDrift, heldFlicker, selected, unjudged, orphan], rejectedDrift, heldFlicker, selected, unjudged, orphan };
}

const ids = (set: ReadonlySet<string>) => [...set].sort();

describe('queryTakes', () => {
  it('an empty filter matches every take; shot ids only of shots that exist', () => {
    const f = fixture();
    const result = queryTakes(f.takes, [f.a, f.b], {});
    expect(result.takeIds.size).toBe(5);
    expect(ids(result.shotIds)).toEqual(ids(new Set([f.a.id, f.b.id])));
    expect(isEmptyFilter({})).toBe(true);
    expect(isEmptyFilter({ verdicts: [], scoreMin: null })).toBe(true);
    expect(isEmptyFilter({ scoreMin: 1 })).toBe(false);
  });

  it('"rejected takes with identity drift on model X": criteria narrow together; models compare loosely', () => {
    const f = fixture();
    const result = queryTakes(f.takes, [f.a, f.b], { verdicts: ['reject'], defectTypes: ['identity-drift'], models: ['KLING-V2.1'] });
    expect([...result.takeIds]).toEqual([f.rejectedDrift.id]);
    expect([...result.shotIds]).toEqual([f.a.id]);
  });

  it('verdict "none" matches takes not judged yet; several values of one criterion widen it', () => {
    const f = fixture();
    expect([...queryTakes(f.takes, [f.a, f.b], { verdicts: ['none'] }).takeIds]).toEqual([f.unjudged.id]);
    expect(queryTakes(f.takes, [f.a, f.b], { verdicts: ['select', 'hold'] }).takeIds).toEqual(new Set([f.selected.id, f.heldFlicker.id]));
    expect(queryTakes(f.takes, [f.a, f.b], { defectTypes: ['flicker', 'identity-drift'] }).takeIds).toEqual(new Set([f.rejectedDrift.id, f.heldFlicker.id]));
  });

  it('filters by provider (preset id or free text) and by score range, where unscored takes never match', () => {
    const f = fixture();
    expect(queryTakes(f.takes, [f.a, f.b], { providers: ['google-veo-3'] }).takeIds).toEqual(new Set([f.selected.id]));
    expect(queryTakes(f.takes, [f.a, f.b], { providers: ['google vertex'] }).takeIds).toEqual(new Set([f.unjudged.id]));
    expect(queryTakes(f.takes, [f.a, f.b], { scoreMin: 4 }).takeIds).toEqual(new Set([f.heldFlicker.id, f.selected.id]));
    expect(queryTakes(f.takes, [f.a, f.b], { scoreMin: 2, scoreMax: 4 }).takeIds).toEqual(new Set([f.rejectedDrift.id, f.heldFlicker.id]));
    expect(queryTakes(f.takes, [f.a, f.b], { scoreMax: 1 }).takeIds.size).toBe(0);
  });

  it('filters by shot status and by scene (null = no scene); takes of missing shots never match those', () => {
    const f = fixture();
    expect(queryTakes(f.takes, [f.a, f.b], { shotStatuses: ['approved'] }).takeIds).toEqual(new Set([f.selected.id, f.unjudged.id]));
    expect(queryTakes(f.takes, [f.a, f.b], { sceneIds: [f.sc.id] }).shotIds).toEqual(new Set([f.a.id]));
    expect(queryTakes(f.takes, [f.a, f.b], { sceneIds: [null] }).takeIds).toEqual(new Set([f.selected.id, f.unjudged.id]));
    expect(queryTakes(f.takes, [f.a, f.b], { verdicts: ['reject'], shotStatuses: ['in-review', 'approved'] }).takeIds).toEqual(new Set([f.rejectedDrift.id]));
  });
});
