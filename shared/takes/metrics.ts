import type { SceneId } from '../ids.ts';
import type { SceneRecord } from '../model/scene.ts';
import type { ShotRecord, ShotStatus } from '../model/shot.ts';
import { SHOT_STATUSES } from '../model/shot.ts';
import type { DefectType, TakeRecord } from '../model/take.ts';
import { normalizeModelName } from './retiredModels.ts';

/**
 * The numbers of the metrics view, per project and per scene. Rates whose denominator is zero are
 * null (shown as "—"), never 0 or Infinity. Costs are kept per unit ("USD", "credits"…) and never
 * added across units: a cost per second in a unit only counts the seconds of takes paid in it.
 *
 *   takes generated      takes with media (a planned take has no output yet)
 *   selects              takes that are their shot's selectedTakeId (the circle take)
 *   hit rate             selects / takes generated
 *   takes per select     takes generated / selects
 *   generated seconds    Σ media durationFrames / frameRate over takes generated (stills add 0)
 *   usable seconds       Σ trimmed length (trimOut − trimIn, defaults the whole clip) of selects
 *   cost per gen. second total cost in a unit / generated seconds of takes costed in that unit
 *   cost per usable sec. total cost in a unit / usable seconds of selects costed in that unit
 *   defects per take     defects / takes generated, per model
 */
export interface CostMetrics {
  /** As first written (units differing only in case are one unit). */
  readonly unit: string;
  readonly total: number;
  readonly takes: number;
  readonly generatedSeconds: number;
  readonly usableSeconds: number;
  readonly perGeneratedSecond: number | null;
  readonly perUsableSecond: number | null;
}

export interface ModelDefects {
  /** As first written; "(no model)" for takes without one. */
  readonly model: string;
  readonly takes: number;
  readonly defects: number;
  readonly defectsPerTake: number;
  readonly byType: Readonly<Partial<Record<DefectType, number>>>;
}

export interface TakeMetrics {
  readonly shots: number;
  /** Every take record, planned ones included. */
  readonly takes: number;
  readonly takesGenerated: number;
  readonly selects: number;
  readonly hitRate: number | null;
  readonly takesPerSelect: number | null;
  readonly generatedSeconds: number;
  readonly usableSeconds: number;
  /** By unit, alphabetically. */
  readonly costs: readonly CostMetrics[];
  /** Most defects per take first. */
  readonly defectsByModel: readonly ModelDefects[];
  /** Progress: shots per status. */
  readonly shotStatus: Readonly<Record<ShotStatus, number>>;
}

export interface SceneMetrics {
  /** null: the shots outside every scene. */
  readonly sceneId: SceneId | null;
  readonly label: string;
  readonly metrics: TakeMetrics;
}

export interface ProjectMetrics {
  readonly project: TakeMetrics;
  /** In the order the scenes were given, then "No scene" when some shots have none. */
  readonly scenes: readonly SceneMetrics[];
}

export const NO_MODEL = '(no model)';
export const NO_SCENE = 'No scene';

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** Seconds of a take's whole clip; 0 for stills and planned takes. */
export function generatedSecondsOf(take: TakeRecord): number {
  const media = take.media;
  if (!media?.frameRate) return 0;
  return (media.durationFrames * media.frameRate.den) / media.frameRate.num;
}

/** Seconds between the trim points (the whole clip when untrimmed); 0 for stills and planned takes. */
export function trimmedSecondsOf(take: TakeRecord): number {
  const media = take.media;
  if (!media?.frameRate) return 0;
  const start = Math.min(Math.max(take.trimIn ?? 0, 0), media.durationFrames);
  const end = Math.min(Math.max(take.trimOut ?? media.durationFrames, start), media.durationFrames);
  return ((end - start) * media.frameRate.den) / media.frameRate.num;
}

function emptyStatusCounts(): Record<ShotStatus, number> {
  return Object.fromEntries(SHOT_STATUSES.map((s) => [s, 0])) as Record<ShotStatus, number>;
}

/** Units and model names are grouped ignoring case, spaces and punctuation ("USD" is "usd"). */
export function groupKey(label: string): string {
  return normalizeModelName(label) || label.trim().toLowerCase();
}

/** Groups by a normalized key, keeping the first spelling seen for display. */
class Groups<T> {
  private readonly map = new Map<string, { label: string; value: T }>();
  private readonly make: () => T;
  constructor(make: () => T) {
    this.make = make;
  }
  get(label: string): T {
    const key = groupKey(label);
    let entry = this.map.get(key);
    if (!entry) {
      entry = { label: label.trim(), value: this.make() };
      this.map.set(key, entry);
    }
    return entry.value;
  }
  entries(): Array<{ label: string; value: T }> {
    return [...this.map.values()];
  }
}

/** The metrics of some shots and their takes (takes of other shots are ignored). */
export function metricsFor(shots: readonly ShotRecord[], takes: readonly TakeRecord[]): TakeMetrics {
  const shotById = new Map(shots.map((s) => [s.id as string, s]));
  const shotStatus = emptyStatusCounts();
  for (const shot of shots) shotStatus[shot.status] += 1;
  let count = 0;
  let generated = 0;
  let selects = 0;
  let generatedSeconds = 0;
  let usableSeconds = 0;
  const costs = new Groups(() => ({ total: 0, takes: 0, generatedSeconds: 0, usableSeconds: 0 }));
  const models = new Groups(() => ({ takes: 0, defects: 0, byType: {} as Partial<Record<DefectType, number>> }));
  for (const take of takes) {
    const shot = shotById.get(take.shotId);
    if (!shot) continue;
    count += 1;
    const isSelect = shot.selectedTakeId === take.id;
    const seconds = generatedSecondsOf(take);
    const usable = isSelect ? trimmedSecondsOf(take) : 0;
    if (isSelect) selects += 1;
    usableSeconds += usable;
    if (take.media) {
      generated += 1;
      generatedSeconds += seconds;
      const model = models.get(take.recipe.model.trim() === '' ? NO_MODEL : take.recipe.model);
      model.takes += 1;
      model.defects += take.judgement.defects.length;
      for (const defect of take.judgement.defects) model.byType[defect.type] = (model.byType[defect.type] ?? 0) + 1;
    }
    const cost = take.recipe.cost;
    if (cost && cost.unit.trim() !== '') {
      const unit = costs.get(cost.unit);
      unit.total += cost.amount;
      unit.takes += 1;
      unit.generatedSeconds += seconds;
      unit.usableSeconds += usable;
    }
  }
  return {
    shots: shots.length,
    takes: count,
    takesGenerated: generated,
    selects,
    hitRate: ratio(selects, generated),
    takesPerSelect: ratio(generated, selects),
    generatedSeconds,
    usableSeconds,
    costs: costs
      .entries()
      .map(({ label, value }) => ({
        unit: label,
        ...value,
        perGeneratedSecond: ratio(value.total, value.generatedSeconds),
        perUsableSecond: ratio(value.total, value.usableSeconds),
      }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
    defectsByModel: models
      .entries()
      .map(({ label, value }) => ({ model: label, ...value, defectsPerTake: value.defects / value.takes }))
      .sort((a, b) => b.defectsPerTake - a.defectsPerTake || a.model.localeCompare(b.model)),
    shotStatus,
  };
}

export function sceneLabel(scene: SceneRecord): string {
  const number = scene.number.trim();
  const title = scene.title.trim();
  if (number && title) return `SC ${number} · ${title}`;
  return number ? `SC ${number}` : title || 'Untitled scene';
}

/** Project-wide and per-scene metrics. A shot whose scene no longer exists counts as outside every scene. */
export function projectMetrics(shots: readonly ShotRecord[], takes: readonly TakeRecord[], scenes: readonly SceneRecord[]): ProjectMetrics {
  const sceneIds = new Set<string>(scenes.map((s) => s.id));
  const shotsByScene = new Map<string | null, ShotRecord[]>();
  for (const shot of shots) {
    const key = shot.sceneId !== null && sceneIds.has(shot.sceneId) ? shot.sceneId : null;
    (shotsByScene.get(key) ?? shotsByScene.set(key, []).get(key)!).push(shot);
  }
  const takesByShot = new Map<string, TakeRecord[]>();
  for (const take of takes) (takesByShot.get(take.shotId) ?? takesByShot.set(take.shotId, []).get(take.shotId)!).push(take);
  const forShots = (list: readonly ShotRecord[]) =>
    metricsFor(
      list,
      list.flatMap((s) => takesByShot.get(s.id) ?? []),
    );
  const perScene: SceneMetrics[] = scenes.map((scene) => ({
    sceneId: scene.id,
    label: sceneLabel(scene),
    metrics: forShots(shotsByScene.get(scene.id) ?? []),
  }));
  const outside = shotsByScene.get(null);
  if (outside) perScene.push({ sceneId: null, label: NO_SCENE, metrics: forShots(outside) });
  return { project: metricsFor(shots, takes), scenes: perScene };
}

/** A rate or ratio for display: "—" when there is nothing to divide by. */
export function formatMetric(value: number | null, decimals = 2): string {
  return value === null ? '—' : String(Number(value.toFixed(decimals)));
}
