import type { ShotRecord } from '../../../shared/model/shot.ts';
import type { TakeRecord } from '../../../shared/model/take.ts';
import type { DiffValue } from '../../../shared/takes/recipeDiff.ts';
import { diffRecipes } from '../../../shared/takes/recipeDiff.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';

/** The compare view shows two to four takes side by side. */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

export type CompareChoice = { readonly ok: true; readonly takeIds: readonly string[] } | { readonly ok: false; readonly message: string };

function takeOf(store: DocumentStore, id: string): TakeRecord | null {
  const record = store.get(id);
  return record?.kind === 'take' ? record : null;
}

/**
 * The takes to compare from an explicit pick (the take list's multi-selection): existing takes
 * only, each once, at most four (the first four picked), shown by shot and take number.
 */
export function resolveCompareTakes(store: DocumentStore, takeIds: readonly string[]): CompareChoice {
  const seen = new Set<string>();
  const takes: TakeRecord[] = [];
  for (const id of takeIds) {
    const take = takeOf(store, id);
    if (!take || seen.has(id)) continue;
    seen.add(id);
    takes.push(take);
  }
  if (takes.length < MIN_COMPARE) return { ok: false, message: 'Pick two to four takes to compare them side by side.' };
  const order = new Map(store.shots().map((s, i) => [s.id as string, i]));
  const picked = takes.slice(0, MAX_COMPARE);
  picked.sort((a, b) => (order.get(a.shotId) ?? 0) - (order.get(b.shotId) ?? 0) || a.number - b.number);
  return { ok: true, takeIds: picked.map((t) => t.id) };
}

/**
 * "Compare takes" on the selection: the most recent takes (highest take numbers) of the one
 * selected shot, up to four, shown oldest first. Takes with media are preferred; takes planned
 * from a recipe only join when there are not enough with media.
 */
export function recentTakesOfSelection(store: DocumentStore, selectedIds: Iterable<string>, numbers?: ReadonlyMap<string, string>): CompareChoice {
  const shots = [...selectedIds].map((id) => store.get(id)).filter((r): r is ShotRecord => r?.kind === 'shot');
  if (shots.length === 0) return { ok: false, message: 'Select a shot with two or more takes, then compare its takes.' };
  if (shots.length > 1) return { ok: false, message: 'Select one shot to compare its most recent takes (or pick takes in its take list).' };
  const shot = shots[0]!;
  const takes = [...store.takesOf(shot.id)];
  const name = numbers?.get(shot.id) ? `Shot ${numbers.get(shot.id)}` : 'This shot';
  if (takes.length < MIN_COMPARE) return { ok: false, message: `${name} has ${takes.length === 0 ? 'no takes' : 'one take'}: add another take to compare.` };
  const withMedia = takes.filter((t) => t.media !== null);
  const pool = withMedia.length >= MIN_COMPARE ? withMedia : takes;
  const recent = [...pool].sort((a, b) => b.number - a.number).slice(0, MAX_COMPARE);
  recent.sort((a, b) => a.number - b.number);
  return { ok: true, takeIds: recent.map((t) => t.id) };
}

/**
 * "Select this take": the shot's circle take becomes this one and its verdict "select", as one
 * edit (one undo step). Returns false when nothing changed (already selected, read-only, gone).
 */
export function selectTake(store: DocumentStore, takeId: string): boolean {
  const take = takeOf(store, takeId);
  if (!take) return false;
  const shot = store.getShot(take.shotId);
  if (!shot) return false;
  const diff = store.transact((tx) => {
    tx.update<ShotRecord>(shot.id, { selectedTakeId: take.id });
    if (take.judgement.verdict !== 'select') tx.update<TakeRecord>(take.id, { judgement: { ...take.judgement, verdict: 'select' } });
  });
  return diff !== null;
}

/** "T3", with the label when the take has one ("T3 · warmer grade"). */
export function takeTitle(take: Pick<TakeRecord, 'number' | 'label'>): string {
  const label = take.label.trim();
  return label ? `T${take.number} · ${label}` : `T${take.number}`;
}

/** "kling-v2.1 (Kling)" style model name for labels; empty parts are left out. */
export function modelLabel(take: Pick<TakeRecord, 'recipe'>): string {
  const { model, modelVersion, provider } = take.recipe;
  const name = [model.trim(), modelVersion.trim()].filter(Boolean).join(' ');
  if (name && provider.trim()) return `${name} · ${provider.trim()}`;
  return name || provider.trim();
}

export interface DiffCell {
  readonly text: string;
  /** Differs from the first take's value (the first pane is the reference). */
  readonly differs: boolean;
  readonly empty: boolean;
}

export interface DiffRow {
  readonly path: string;
  readonly label: string;
  readonly cells: readonly DiffCell[];
}

function showValue(value: DiffValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && value.trim() === '') return '(empty)';
  return String(value);
}

/** The recipe diff as table rows: only fields that differ, one cell per take, cells unlike the first take's marked. */
export function recipeDiffRows(takes: readonly Pick<TakeRecord, 'recipe'>[]): DiffRow[] {
  if (takes.length < MIN_COMPARE) return [];
  const [a, b, c, d] = takes.map((t) => t.recipe);
  return diffRecipes(a!, b!, c, d).map((difference) => ({
    path: difference.path,
    label: difference.label,
    cells: difference.values.map((value, i) => ({
      text: showValue(value),
      differs: i > 0 && value !== difference.values[0],
      empty: value === null || (typeof value === 'string' && value.trim() === ''),
    })),
  }));
}
