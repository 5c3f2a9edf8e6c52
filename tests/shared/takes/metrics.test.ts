import { describe, expect, it } from 'vitest';
import type { SceneId, TakeId } from '../../../shared/ids.ts';
import type { Recipe, TakeRecord } from '../../../shared/model/take.ts';
import { defectsByModelToCsv, metricsToCsv } from '../../../shared/takes/metricsCsv.ts';
import { NO_SCENE, formatMetric, generatedSecondsOf, metricsFor, projectMetrics, trimmedSecondsOf } from '../../../shared/takes/metrics.ts';
import { scene, shot } from '../fixtures.ts';
import { defect, fullRecipe, media, still, take } from './takeFixtures.ts';

/**
 * A small project with hand-computed numbers:
 *   scene 1 — shot A (approved): A1 5 s, 0.50 USD, 3 defects; A2 10 s, 1.00 USD, select trimmed 24..168 = 6 s
 *             shot B (in review): B1 96 frames at 23.976 = 4.004 s, 10 credits, 1 defect, select; B2 planned
 *   scene 2 — shot C (planned): C1 a still, 0.02 USD, 1 defect, no select
 *   no scene — shot D (idea): no takes
 */
const recipe = (model: string, cost: Recipe['cost']): Recipe => fullRecipe({ model, cost });
function fixture() {
  const s1 = scene({ number: '1', title: 'EXT. HARBOUR' });
  // No number, and a title a spreadsheet would take for a formula.
  const s2 = scene({ number: '', title: '=INT. FERRY' });
  const a = shot({ sceneId: s1.id as SceneId, status: 'approved' });
  const b = shot({ sceneId: s1.id as SceneId, status: 'in-review' });
  const c = shot({ sceneId: s2.id as SceneId, status: 'planned' });
  const d = shot({ status: 'idea' });
  const a1 = take(a.id, {
    number: 1,
    recipe: recipe('veo-3.1-generate-001', { amount: 0.5, unit: 'USD' }),
    judgement: { ...take(a.id).judgement, defects: [defect('flicker'), defect('flicker'), defect('morphing')] },
  });
  const a2 = take(a.id, {
    number: 2,
    media: media({ durationFrames: 240 }),
    trimIn: 24,
    trimOut: 168,
    recipe: recipe('veo-3.1-generate-001', { amount: 1, unit: 'USD' }),
  });
  const b1 = take(b.id, {
    media: media({ durationFrames: 96, frameRate: { num: 24000, den: 1001 } }),
    recipe: recipe('Kling-v2-1', { amount: 10, unit: 'credits' }),
    judgement: { ...take(b.id).judgement, defects: [defect('identity-drift')] },
  });
  const b2 = take(b.id, { number: 2, media: null, recipe: recipe('kling-v2-1', null) });
  const c1 = take(c.id, {
    media: still(),
    recipe: recipe('', { amount: 0.02, unit: 'usd' }),
    judgement: { ...take(c.id).judgement, defects: [defect('artifacts')] },
  });
  const shots = [{ ...a, selectedTakeId: a2.id }, { ...b, selectedTakeId: b1.id }, c, d];
  return { scenes: [s1, s2], shots, takes: [a1, a2, b1, b2, c1] };
}

describe('take seconds', () => {
  it('generated seconds are the whole clip at its exact rate; trimmed seconds are out − in; stills and planned takes are 0', () => {
    expect(generatedSecondsOf(take(shot().id, { media: media({ durationFrames: 96, frameRate: { num: 24000, den: 1001 } }) }))).toBeCloseTo(4.004, 12);
    expect(trimmedSecondsOf(take(shot().id, { trimIn: 24, trimOut: 48 }))).toBe(1);
    expect(trimmedSecondsOf(take(shot().id, { trimIn: 24, trimOut: null }))).toBe(4);
    expect(trimmedSecondsOf(take(shot().id, { trimIn: 100, trimOut: 500 }))).toBeCloseTo(20 / 24, 12);
    expect(generatedSecondsOf(take(shot().id, { media: still() }))).toBe(0);
    expect(trimmedSecondsOf(take(shot().id, { media: null }))).toBe(0);
  });
});

describe('projectMetrics', () => {
  it('computes every project figure of the fixture', () => {
    const { scenes, shots, takes } = fixture();
    const m = projectMetrics(shots, takes, scenes).project;
    expect(m).toMatchObject({ shots: 4, takes: 5, takesGenerated: 4, selects: 2, hitRate: 0.5, takesPerSelect: 2 });
    expect(m.generatedSeconds).toBeCloseTo(19.004, 10);
    expect(m.usableSeconds).toBeCloseTo(10.004, 10);
    expect(m.shotStatus).toEqual({ idea: 1, planned: 1, generating: 0, 'in-review': 1, approved: 1, locked: 0, omitted: 0 });
  });

  it('keeps costs per unit (case-insensitive), each divided only by the seconds of takes paid in it', () => {
    const { scenes, shots, takes } = fixture();
    const [credits, usd] = projectMetrics(shots, takes, scenes).project.costs;
    expect(credits).toMatchObject({ unit: 'credits', total: 10, takes: 1 });
    expect(credits!.perGeneratedSecond).toBeCloseTo(10 / 4.004, 10);
    expect(credits!.perUsableSecond).toBeCloseTo(10 / 4.004, 10);
    expect(usd).toMatchObject({ unit: 'USD', takes: 3, generatedSeconds: 15, usableSeconds: 6 });
    expect(usd!.total).toBeCloseTo(1.52, 12);
    expect(usd!.perGeneratedSecond).toBeCloseTo(1.52 / 15, 12);
    expect(usd!.perUsableSecond).toBeCloseTo(1.52 / 6, 12);
  });

  it('counts defects per generated take for each model, most first; planned takes do not dilute it', () => {
    const { scenes, shots, takes } = fixture();
    expect(projectMetrics(shots, takes, scenes).project.defectsByModel).toEqual([
      { model: 'veo-3.1-generate-001', takes: 2, defects: 3, defectsPerTake: 1.5, byType: { flicker: 2, morphing: 1 } },
      { model: '(no model)', takes: 1, defects: 1, defectsPerTake: 1, byType: { artifacts: 1 } },
      { model: 'Kling-v2-1', takes: 1, defects: 1, defectsPerTake: 1, byType: { 'identity-drift': 1 } },
    ]);
  });

  it('splits by scene, in the given order, with the shots outside every scene last', () => {
    const { scenes, shots, takes } = fixture();
    const [one, two, none] = projectMetrics(shots, takes, scenes).scenes;
    expect(one).toMatchObject({ sceneId: scenes[0]!.id, label: 'SC 1 · EXT. HARBOUR' });
    expect(one!.metrics).toMatchObject({ shots: 2, takes: 4, takesGenerated: 3, selects: 2, takesPerSelect: 1.5 });
    expect(one!.metrics.hitRate).toBeCloseTo(2 / 3, 12);
    expect(one!.metrics.costs.find((c) => c.unit === 'USD')).toMatchObject({ total: 1.5, perGeneratedSecond: 0.1, perUsableSecond: 0.25 });
    expect(one!.metrics.shotStatus).toMatchObject({ approved: 1, 'in-review': 1, planned: 0 });
    // No selects: takes per select has nothing to divide by; a still has no seconds to price.
    expect(two!.metrics).toMatchObject({ takesGenerated: 1, selects: 0, hitRate: 0, takesPerSelect: null, generatedSeconds: 0 });
    expect(two!.metrics.costs).toEqual([
      { unit: 'usd', total: 0.02, takes: 1, generatedSeconds: 0, usableSeconds: 0, perGeneratedSecond: null, perUsableSecond: null },
    ]);
    expect(none).toMatchObject({ sceneId: null, label: NO_SCENE });
    expect(none!.metrics).toMatchObject({
      shots: 1,
      takes: 0,
      takesGenerated: 0,
      selects: 0,
      hitRate: null,
      takesPerSelect: null,
      costs: [],
      defectsByModel: [],
    });
  });

  it('a shot whose scene is gone counts as outside every scene; a project with no shots has only null rates', () => {
    const orphan = shot({ sceneId: shot().id as unknown as SceneId });
    expect(projectMetrics([orphan], [], []).scenes.map((s) => s.label)).toEqual([NO_SCENE]);
    const empty = projectMetrics([], [], []);
    expect(empty.scenes).toEqual([]);
    expect(empty.project).toMatchObject({ shots: 0, takes: 0, hitRate: null, takesPerSelect: null, generatedSeconds: 0, usableSeconds: 0 });
  });

  it('ignores takes whose shot is not given, and a selectedTakeId that names a take of another shot', () => {
    const a = shot();
    const b = shot();
    const bTake = take(b.id);
    const m = metricsFor([{ ...a, selectedTakeId: bTake.id as TakeId }], [bTake, take(a.id)]);
    expect(m).toMatchObject({ takes: 1, selects: 0 });
  });
});

describe('formatMetric and CSV', () => {
  it('shows a missing rate as "—" and rounds the rest', () => {
    expect(formatMetric(null)).toBe('—');
    expect(formatMetric(2 / 3)).toBe('0.67');
    expect(formatMetric(1.5, 0)).toBe('2');
  });

  it('writes one row per scope, a cost column group per unit, blanks for missing rates and escaped formulas', () => {
    const { scenes, shots, takes } = fixture();
    const lines = metricsToCsv(projectMetrics(shots, takes, scenes)).split('\r\n');
    expect(lines[0]).toBe(
      'scope,shots,takes,takes generated,selects,hit rate,takes per select,generated seconds,usable seconds,' +
        'cost (credits),cost per generated second (credits),cost per usable second (credits),' +
        'cost (USD),cost per generated second (USD),cost per usable second (USD),' +
        'shots idea,shots planned,shots generating,shots in-review,shots approved,shots locked,shots omitted',
    );
    expect(lines[1]).toBe('Project,4,5,4,2,0.5,2,19.004,10.004,10,2.4975,2.4975,1.52,0.1013,0.2533,1,1,0,1,1,0,0');
    expect(lines[2]).toBe('SC 1 · EXT. HARBOUR,2,4,3,2,0.6667,1.5,19.004,10.004,10,2.4975,2.4975,1.5,0.1,0.25,0,0,0,1,1,0,0');
    // The scene label starts with "=": escaped so a spreadsheet does not run it. Its cost was
    // written "usd": the same unit as "USD".
    expect(lines[3]).toBe(`"'=INT. FERRY",1,1,1,0,0,,0,0,0,,,0.02,,,0,1,0,0,0,0,0`);
    expect(lines[4]).toBe('No scene,1,0,0,0,,,0,0,0,,,0,,,1,0,0,0,0,0,0');
    expect(lines).toHaveLength(5);
  });

  it('writes defect frequency by model with a count per defect type', () => {
    const { scenes, shots, takes } = fixture();
    const lines = defectsByModelToCsv(projectMetrics(shots, takes, scenes)).split('\r\n');
    expect(lines[0]).toBe(
      'model,takes generated,defects,defects per take,flicker,temporal-inconsistency,identity-drift,morphing,wrong-motion,wrong-camera-move,artifacts,prompt-ignored,framing,other',
    );
    expect(lines[1]).toBe('veo-3.1-generate-001,2,3,1.5,2,0,0,1,0,0,0,0,0,0');
    expect(lines).toHaveLength(4);
  });
});

// Keeps the fixture honest: every take is valid for the schema.
it('the metrics fixture is made of valid takes', async () => {
  const { takeRecordSchema } = await import('../../../shared/model/take.ts');
  for (const t of fixture().takes as TakeRecord[]) expect(takeRecordSchema.safeParse(t).success).toBe(true);
});
