import { deriveShotNumbers } from '../../../shared/model/numbering.ts';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import type { ShotStatus } from '../../../shared/model/shot.ts';
import type { DefectType, TakeRecord, Verdict } from '../../../shared/model/take.ts';
import { DEFECT_TYPES } from '../../../shared/model/take.ts';
import type { TakeFilter } from '../../../shared/takes/takeQueries.ts';
import { isEmptyFilter, queryTakes } from '../../../shared/takes/takeQueries.ts';
import { normalizeModelName } from '../../../shared/takes/retiredModels.ts';
import type { DocumentStore, RecordChange } from '../../editor/documentStore.ts';
import { sceneLabel, scenesInOrder } from '../common/sceneLabels.ts';
import { changedFields, kindOf } from '../common/useDocumentValue.ts';
import { DEFECT_LABELS } from '../takes/takeLabels.ts';
import { VERDICT_LABELS } from '../../canvas/canvasTheme.ts';
import { STATUS_LABELS } from '../../canvas/canvasTheme.ts';

/** Scene choice of the filter: any scene, shots outside every scene, or one scene. */
export const NO_SCENE = '__none__';

/** What the panel's controls hold; turned into a TakeFilter by toTakeFilter. */
export interface TakeQueryForm {
  readonly verdicts: readonly (Verdict | 'none')[];
  readonly defectTypes: readonly DefectType[];
  /** A model name as spelled in some take ('' = any). */
  readonly model: string;
  readonly provider: string;
  readonly scoreMin: number | null;
  readonly scoreMax: number | null;
  readonly shotStatuses: readonly ShotStatus[];
  /** '' any, NO_SCENE, or a scene id. */
  readonly scene: string;
}

export const EMPTY_FORM: TakeQueryForm = {
  verdicts: [],
  defectTypes: [],
  model: '',
  provider: '',
  scoreMin: null,
  scoreMax: null,
  shotStatuses: [],
  scene: '',
};

export function toTakeFilter(form: TakeQueryForm): TakeFilter {
  return {
    verdicts: form.verdicts,
    defectTypes: form.defectTypes,
    models: form.model ? [form.model] : [],
    providers: form.provider ? [form.provider] : [],
    scoreMin: form.scoreMin,
    scoreMax: form.scoreMax,
    shotStatuses: form.shotStatuses,
    sceneIds: form.scene === '' ? [] : [form.scene === NO_SCENE ? null : form.scene],
  };
}

export function isEmptyForm(form: TakeQueryForm): boolean {
  return isEmptyFilter(toTakeFilter(form));
}

/** Adds or removes `value`, keeping the order of `all` (chips toggle). */
export function toggleIn<T>(list: readonly T[], value: T, all: readonly T[]): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : all.filter((v) => v === value || list.includes(v));
}

export interface QueryOptions {
  /** Model names in use (first spelling of each normalized name), sorted. */
  readonly models: readonly string[];
  readonly providers: readonly string[];
  /** Defect types that occur on some take, in taxonomy order. */
  readonly defectTypes: readonly DefectType[];
  readonly scenes: readonly SceneRecord[];
}

function distinctNames(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const raw of values) {
    const value = raw.trim();
    const key = normalizeModelName(value);
    if (key !== '' && !seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
}

/** What the filter menus list; read again only when takes or scenes change. */
export function readQueryOptions(store: DocumentStore): QueryOptions {
  const takes = store.ofKind('take');
  const used = new Set<DefectType>();
  for (const take of takes) for (const d of take.judgement.defects) used.add(d.type);
  return {
    models: distinctNames(takes.map((t) => t.recipe.model)),
    providers: distinctNames(takes.map((t) => t.recipe.provider)),
    defectTypes: DEFECT_TYPES.filter((t) => used.has(t)),
    scenes: scenesInOrder(store.ofKind('scene')),
  };
}

export function mattersToQueryOptions(change: RecordChange): boolean {
  const kind = kindOf(change);
  if (kind === 'take') return changedFields(change, ['recipe', 'judgement']);
  if (kind === 'scene') return changedFields(change, ['number', 'title']);
  return false;
}

/** Whether a change can alter which takes match or how a result row reads. */
export function mattersToQuery(change: RecordChange): boolean {
  const kind = kindOf(change);
  if (kind === 'take') return changedFields(change, ['recipe', 'judgement', 'number', 'label', 'shotId']);
  if (kind === 'shot') return changedFields(change, ['status', 'sceneId', 'order', 'numberOverride', 'title', 'selectedTakeId']);
  if (kind === 'scene') return changedFields(change, ['number']);
  return false;
}

export interface TakeResultRow {
  readonly takeId: string;
  readonly shotId: string;
  readonly shotNumber: string;
  readonly shotTitle: string;
  readonly takeNumber: number;
  readonly verdict: Verdict | null;
  readonly score: number | null;
  readonly model: string;
  readonly defects: readonly DefectType[];
  /** The shot's circle take. */
  readonly circle: boolean;
}

export interface TakeQueryAnswer {
  readonly rows: readonly TakeResultRow[];
  /** Matching shots in cut order (what the canvas highlights). */
  readonly shotIds: readonly string[];
}

/** Runs the filter over the project: result rows by cut order and take number, and the shots to highlight. */
export function runTakeQuery(store: DocumentStore, form: TakeQueryForm): TakeQueryAnswer {
  const shots = store.shots();
  const result = queryTakes(store.ofKind('take'), shots, toTakeFilter(form));
  if (result.takeIds.size === 0) return { rows: [], shotIds: [] };
  const numbers = deriveShotNumbers(shots, store.ofKind('scene'));
  const rows: TakeResultRow[] = [];
  const shotIds: string[] = [];
  for (const shot of shots) {
    if (!result.shotIds.has(shot.id)) continue;
    shotIds.push(shot.id);
    for (const take of store.takesOf(shot.id)) {
      if (!result.takeIds.has(take.id)) continue;
      rows.push(resultRow(take, shot.id, numbers.get(shot.id) ?? '', shot.title, shot.selectedTakeId === take.id));
    }
  }
  return { rows, shotIds };
}

function resultRow(take: TakeRecord, shotId: string, shotNumber: string, shotTitle: string, circle: boolean): TakeResultRow {
  const defects: DefectType[] = [];
  for (const d of take.judgement.defects) if (!defects.includes(d.type)) defects.push(d.type);
  return {
    takeId: take.id,
    shotId,
    shotNumber,
    shotTitle,
    takeNumber: take.number,
    verdict: take.judgement.verdict,
    score: take.judgement.score,
    model: take.recipe.model.trim(),
    defects,
    circle,
  };
}

/** The query in words, e.g. "Reject · Identity drift · kling-v2.1": the panel's summary and the notice. */
export function describeForm(form: TakeQueryForm, scenes: readonly SceneRecord[]): string {
  const parts: string[] = [];
  if (form.verdicts.length > 0) parts.push(form.verdicts.map((v) => (v === 'none' ? 'Not judged' : VERDICT_LABELS[v])).join(' or '));
  if (form.defectTypes.length > 0) parts.push(form.defectTypes.map((d) => DEFECT_LABELS[d]).join(' or '));
  if (form.model) parts.push(`model ${form.model}`);
  if (form.provider) parts.push(`provider ${form.provider}`);
  if (form.scoreMin !== null || form.scoreMax !== null) {
    const min = form.scoreMin ?? 1;
    const max = form.scoreMax ?? 5;
    parts.push(min === max ? `score ${min}` : `score ${min}–${max}`);
  }
  if (form.shotStatuses.length > 0) parts.push(`shot ${form.shotStatuses.map((s) => STATUS_LABELS[s].toLowerCase()).join(' or ')}`);
  if (form.scene === NO_SCENE) parts.push('outside scenes');
  else if (form.scene) {
    const scene = scenes.find((s) => s.id === form.scene);
    parts.push(scene ? `scene ${sceneLabel(scene)}` : 'a deleted scene');
  }
  return parts.join(' · ');
}
