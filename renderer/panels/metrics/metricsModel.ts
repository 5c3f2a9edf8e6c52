import type { ShotStatus } from '../../../shared/model/shot.ts';
import { SHOT_STATUSES } from '../../../shared/model/shot.ts';
import type { DefectType } from '../../../shared/model/take.ts';
import { DEFECT_TYPES } from '../../../shared/model/take.ts';
import type { CostMetrics, ProjectMetrics, SceneMetrics, TakeMetrics } from '../../../shared/takes/metrics.ts';
import { projectMetrics } from '../../../shared/takes/metrics.ts';
import type { DocumentStore, RecordChange } from '../../editor/documentStore.ts';
import { STATUS_COLORS, STATUS_LABELS } from '../../canvas/canvasTheme.ts';
import { scenesInOrder } from '../common/sceneLabels.ts';
import { changedFields, kindOf } from '../common/useDocumentValue.ts';
import { DEFECT_LABELS } from '../takes/takeLabels.ts';
import type { BarDatum, StackRow, StackSeries } from './charts.tsx';

/** The scope picker: the whole project, one scene (its id), or the shots outside every scene. */
export const PROJECT_SCOPE = 'project';
export const OUTSIDE_SCOPE = 'outside';

export function readMetrics(store: DocumentStore): ProjectMetrics {
  return projectMetrics(store.shots(), store.ofKind('take'), scenesInOrder(store.ofKind('scene')));
}

/** Whether a change can move a number of the metrics view (a card drag cannot). */
export function mattersToMetrics(change: RecordChange): boolean {
  const kind = kindOf(change);
  if (kind === 'take') return changedFields(change, ['media', 'trimIn', 'trimOut', 'recipe', 'judgement', 'shotId']);
  if (kind === 'shot') return changedFields(change, ['status', 'sceneId', 'selectedTakeId', 'order']);
  if (kind === 'scene') return changedFields(change, ['number', 'title']);
  return false;
}

export interface ScopeOption {
  readonly value: string;
  readonly label: string;
}

export function scopeOptions(metrics: ProjectMetrics): ScopeOption[] {
  return [{ value: PROJECT_SCOPE, label: 'Whole project' }, ...metrics.scenes.map((s) => ({ value: s.sceneId ?? OUTSIDE_SCOPE, label: s.label }))];
}

export interface Scoped {
  readonly label: string;
  readonly metrics: TakeMetrics;
  /** The scenes the per-scene charts show: all of them for the project, the picked one otherwise. */
  readonly scenes: readonly SceneMetrics[];
}

/** The numbers for the picked scope; an unknown scope (a deleted scene) falls back to the project. */
export function scoped(metrics: ProjectMetrics, scope: string): Scoped {
  if (scope !== PROJECT_SCOPE) {
    const scene = metrics.scenes.find((s) => (s.sceneId ?? OUTSIDE_SCOPE) === scope);
    if (scene) return { label: scene.label, metrics: scene.metrics, scenes: [scene] };
  }
  return { label: 'Whole project', metrics: metrics.project, scenes: metrics.scenes };
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 1000) / 10}%`;
}

export function formatRatio(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 100) / 100);
}

export function formatSeconds(seconds: number): string {
  if (seconds === 0) return '0 s';
  if (seconds < 60) return `${Math.round(seconds * 10) / 10} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds - m * 60);
  return `${m} min ${String(s).padStart(2, '0')} s`;
}

/** "0.42 USD/s"; small amounts keep enough digits to tell apart. */
export function formatCostPerSecond(value: number | null, unit: string): string {
  if (value === null) return '—';
  const digits = value >= 100 ? 0 : value >= 1 ? 2 : 3;
  return `${value.toFixed(digits)} ${unit}/s`;
}

export function formatAmount(value: number, unit: string): string {
  return `${Number(value.toFixed(2))} ${unit}`;
}

export interface Kpi {
  readonly id: string;
  readonly label: string;
  /** One line per cost unit for costs (units are never added together); one line otherwise. */
  readonly values: readonly string[];
  readonly detail: string;
}

function costKpi(id: 'generated' | 'usable', costs: readonly CostMetrics[]): Kpi {
  const label = id === 'generated' ? 'Cost per generated second' : 'Cost per usable second';
  if (costs.length === 0) return { id: `cost-${id}`, label, values: ['—'], detail: 'No take has a cost yet' };
  const values = costs.map((c) => formatCostPerSecond(id === 'generated' ? c.perGeneratedSecond : c.perUsableSecond, c.unit));
  const detail = costs
    .map((c) => `${formatAmount(c.total, c.unit)} over ${formatSeconds(id === 'generated' ? c.generatedSeconds : c.usableSeconds)}`)
    .join(' · ');
  return { id: `cost-${id}`, label, values, detail };
}

/** The headline numbers of a scope. */
export function kpis(m: TakeMetrics): Kpi[] {
  return [
    {
      id: 'hit-rate',
      label: 'Hit rate',
      values: [formatPercent(m.hitRate)],
      detail: m.takesGenerated === 0 ? 'No generated takes yet' : `${m.selects} ${m.selects === 1 ? 'select' : 'selects'} of ${m.takesGenerated} generated`,
    },
    {
      id: 'takes-per-select',
      label: 'Takes per select',
      values: [formatRatio(m.takesPerSelect)],
      detail: m.selects === 0 ? 'No circle take yet' : `${m.takesGenerated} takes for ${m.selects} ${m.selects === 1 ? 'select' : 'selects'}`,
    },
    {
      id: 'seconds',
      label: 'Usable / generated',
      values: [`${formatSeconds(m.usableSeconds)} / ${formatSeconds(m.generatedSeconds)}`],
      detail: m.generatedSeconds > 0 ? `${formatPercent(m.usableSeconds / m.generatedSeconds)} of generated footage is in selects` : 'No footage yet',
    },
    costKpi('generated', m.costs),
    costKpi('usable', m.costs),
  ];
}

export const STATUS_SERIES: readonly StackSeries[] = SHOT_STATUSES.map((s: ShotStatus) => ({ key: s, label: STATUS_LABELS[s], color: STATUS_COLORS[s] }));

/** Progress by scene: shots per status, one stacked bar per scene. */
export function progressRows(scenes: readonly SceneMetrics[]): StackRow[] {
  return scenes.map((s) => ({ key: s.sceneId ?? OUTSIDE_SCOPE, label: s.label, values: { ...s.metrics.shotStatus } }));
}

/** Hit rate per scene (scenes without generated takes show "—"). */
export function hitRateBars(scenes: readonly SceneMetrics[]): BarDatum[] {
  return scenes.map((s) => ({
    key: s.sceneId ?? OUTSIDE_SCOPE,
    label: s.label,
    value: s.metrics.hitRate,
    display: s.metrics.hitRate === null ? '—' : `${formatPercent(s.metrics.hitRate)} (${s.metrics.selects}/${s.metrics.takesGenerated})`,
  }));
}

/** Categorical colours for the defect taxonomy, distinct on the dark background (see metrics.css). */
export const DEFECT_SERIES: readonly StackSeries[] = DEFECT_TYPES.map((t: DefectType) => ({ key: t, label: DEFECT_LABELS[t], color: `var(--defect-${t})` }));

/** Defect frequency by model: defects per type, one stacked bar per model (only models with defects). */
export function defectRows(m: TakeMetrics): StackRow[] {
  return m.defectsByModel.filter((d) => d.defects > 0).map((d) => ({ key: d.model, label: d.model, values: { ...d.byType } as Record<string, number> }));
}

export function csvFileName(projectName: string, now: Date): string {
  const safe =
    [...projectName]
      // Characters file systems refuse, and control characters, become spaces.
      .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? ' ' : c))
      .join('')
      .replace(/\s+/g, ' ')
      .trim() || 'Project';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `${safe} metrics ${stamp}.csv`;
}
