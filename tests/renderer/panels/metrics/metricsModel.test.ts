import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../../renderer/editor/documentStore.ts';
import {
  OUTSIDE_SCOPE,
  PROJECT_SCOPE,
  csvFileName,
  defectRows,
  formatCostPerSecond,
  formatPercent,
  formatSeconds,
  hitRateBars,
  kpis,
  mattersToMetrics,
  progressRows,
  readMetrics,
  scopeOptions,
  scoped,
} from '../../../../renderer/panels/metrics/metricsModel.ts';
import type { SceneId } from '../../../../shared/ids.ts';
import type { Defect } from '../../../../shared/model/take.ts';
import { scene, settings, shot } from '../../../shared/fixtures.ts';
import { take, video } from '../compare/takeFixtures.ts';

const drift: Defect = { id: '5b1f0c1e-0d7a-4c55-8a0b-9a3f5f1e2d11', type: 'identity-drift', severity: 'major', startFrame: null, endFrame: null, note: '' };

function project() {
  const sc = scene({ number: '1', title: 'Harbour' });
  const a = shot({ sceneId: sc.id as SceneId, status: 'approved' });
  const b = shot({ sceneId: sc.id as SceneId, status: 'in-review' });
  const c = shot({ status: 'planned' });
  const cost = { amount: 2, unit: 'USD' };
  const t1 = take(a.id, { number: 1, media: video(48), recipe: { model: 'kling-v2.1', cost }, judgement: { defects: [drift] } });
  const t2 = take(a.id, { number: 2, media: video(96), trimIn: 24, trimOut: 72, recipe: { model: 'kling-v2.1', cost } });
  const t3 = take(b.id, { number: 1, media: video(48), recipe: { model: 'gen-4', cost } });
  const t4 = take(c.id, { number: 1, media: null });
  const selected = { ...a, selectedTakeId: t2.id };
  const store = new DocumentStore(settings(), 0, [sc, selected, b, c, t1, t2, t3, t4]);
  return { store, sc, a, b, c, t1, t2 };
}

describe('metrics view model', () => {
  it('scopes to the project, a scene or the shots outside scenes', () => {
    const { store, sc } = project();
    const metrics = readMetrics(store);
    expect(scopeOptions(metrics)).toEqual([
      { value: PROJECT_SCOPE, label: 'Whole project' },
      { value: sc.id, label: 'SC 1 · Harbour' },
      { value: OUTSIDE_SCOPE, label: 'No scene' },
    ]);
    expect(scoped(metrics, PROJECT_SCOPE).metrics.takesGenerated).toBe(3);
    expect(scoped(metrics, sc.id).scenes).toHaveLength(1);
    expect(scoped(metrics, OUTSIDE_SCOPE).metrics.takes).toBe(1);
    expect(scoped(metrics, 'deleted-scene').label).toBe('Whole project');
  });

  it('headline numbers: hit rate, takes per select, seconds and cost per second per unit', () => {
    const { store } = project();
    const byId = Object.fromEntries(kpis(readMetrics(store).project).map((k) => [k.id, k]));
    expect(byId['hit-rate']).toMatchObject({ values: ['33.3%'], detail: '1 select of 3 generated' });
    expect(byId['takes-per-select']!.values).toEqual(['3']);
    // 48 + 96 + 48 frames at 24 fps = 8 s generated; the select's trim is 48 frames = 2 s usable.
    expect(byId['seconds']!.values).toEqual(['2 s / 8 s']);
    expect(byId['cost-generated']!.values).toEqual(['0.750 USD/s']);
    expect(byId['cost-usable']!.values).toEqual(['3.00 USD/s']);
    expect(byId['cost-usable']!.detail).toBe('6 USD over 2 s');
  });

  it('says "—" rather than dividing by zero', () => {
    const store = new DocumentStore(settings(), 0, [shot()]);
    const byId = Object.fromEntries(kpis(readMetrics(store).project).map((k) => [k.id, k]));
    expect(byId['hit-rate']).toMatchObject({ values: ['—'], detail: 'No generated takes yet' });
    expect(byId['cost-generated']).toMatchObject({ values: ['—'], detail: 'No take has a cost yet' });
  });

  it('chart rows: status counts per scene, hit rate per scene, defects per model', () => {
    const { store, sc } = project();
    const metrics = readMetrics(store);
    const progress = progressRows(metrics.scenes);
    expect(progress.map((r) => [r.key, r.values['approved'], r.values['in-review'], r.values['planned']])).toEqual([
      [sc.id, 1, 1, 0],
      [OUTSIDE_SCOPE, 0, 0, 1],
    ]);
    expect(hitRateBars(metrics.scenes).map((b) => [b.value, b.display])).toEqual([
      [1 / 3, '33.3% (1/3)'],
      [null, '—'],
    ]);
    expect(defectRows(metrics.project)).toEqual([{ key: 'kling-v2.1', label: 'kling-v2.1', values: { 'identity-drift': 1 } }]);
  });

  it('formats numbers and names the CSV file', () => {
    expect(formatPercent(0.4)).toBe('40%');
    expect(formatPercent(null)).toBe('—');
    expect(formatSeconds(75.2)).toBe('1 min 15 s');
    expect(formatSeconds(4.25)).toBe('4.3 s');
    expect(formatCostPerSecond(0.0421, 'credits')).toBe('0.042 credits/s');
    expect(formatCostPerSecond(120, 'credits')).toBe('120 credits/s');
    expect(csvFileName('Harbour: Teaser/v2', new Date(2026, 10, 25, 9, 5))).toBe('Harbour Teaser v2 metrics 2026-11-25 0905.csv');
  });

  it('recomputes for judgement and circle-take changes, not for card moves', () => {
    const { a, t1 } = project();
    expect(mattersToMetrics({ id: a.id, before: a, after: { ...a, x: 10, y: 20 } })).toBe(false);
    expect(mattersToMetrics({ id: a.id, before: a, after: { ...a, selectedTakeId: t1.id } })).toBe(true);
    expect(mattersToMetrics({ id: t1.id, before: t1, after: { ...t1, judgement: { ...t1.judgement, score: 3 } } })).toBe(true);
  });
});
