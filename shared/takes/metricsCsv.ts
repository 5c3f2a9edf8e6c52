// Every program that compiles this file (renderer, tests, shared) must see the local typing.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- only a reference brings an ambient module declaration along
/// <reference path="./papaparse.d.ts" />
import Papa from 'papaparse';
import { DEFECT_TYPES } from '../model/take.ts';
import { SHOT_STATUSES } from '../model/shot.ts';
import type { ProjectMetrics, TakeMetrics } from './metrics.ts';
import { groupKey } from './metrics.ts';

/**
 * The metrics as CSV for spreadsheets: one row per scope (the project, then each scene). A rate
 * with nothing to divide by is an empty cell (spreadsheets skip blanks in sums and averages,
 * where "—" would be text). Cells that look like formulas are escaped: scene titles are user text.
 */
const round = (value: number | null, decimals: number): string | number => (value === null ? '' : Number(value.toFixed(decimals)));

function unitsOf(metrics: ProjectMetrics): string[] {
  // The project lists every unit of every scene, spelled as first seen in the project.
  return metrics.project.costs.map((c) => c.unit);
}

function scopeRow(scope: string, m: TakeMetrics, units: readonly string[]): Array<string | number> {
  const row: Array<string | number> = [
    scope,
    m.shots,
    m.takes,
    m.takesGenerated,
    m.selects,
    round(m.hitRate, 4),
    round(m.takesPerSelect, 2),
    round(m.generatedSeconds, 3),
    round(m.usableSeconds, 3),
  ];
  for (const unit of units) {
    const cost = m.costs.find((c) => groupKey(c.unit) === groupKey(unit));
    row.push(round(cost?.total ?? 0, 4), round(cost?.perGeneratedSecond ?? null, 4), round(cost?.perUsableSecond ?? null, 4));
  }
  for (const status of SHOT_STATUSES) row.push(m.shotStatus[status]);
  return row;
}

export function metricsToCsv(metrics: ProjectMetrics): string {
  const units = unitsOf(metrics);
  const header = [
    'scope',
    'shots',
    'takes',
    'takes generated',
    'selects',
    'hit rate',
    'takes per select',
    'generated seconds',
    'usable seconds',
    ...units.flatMap((u) => [`cost (${u})`, `cost per generated second (${u})`, `cost per usable second (${u})`]),
    ...SHOT_STATUSES.map((s) => `shots ${s}`),
  ];
  const rows = [header, scopeRow('Project', metrics.project, units), ...metrics.scenes.map((s) => scopeRow(s.label, s.metrics, units))];
  return Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' });
}

/** Defect frequency by model for the whole project: one row per model, counts per defect type. */
export function defectsByModelToCsv(metrics: ProjectMetrics): string {
  const header = ['model', 'takes generated', 'defects', 'defects per take', ...DEFECT_TYPES];
  const rows = metrics.project.defectsByModel.map((m) => [
    m.model,
    m.takes,
    m.defects,
    round(m.defectsPerTake, 4),
    ...DEFECT_TYPES.map((t) => m.byType[t] ?? 0),
  ]);
  return Papa.unparse([header, ...rows], { escapeFormulae: true, newline: '\r\n' });
}
