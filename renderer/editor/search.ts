import type { SceneId } from '../../shared/ids.ts';
import { deriveShotNumbers } from '../../shared/model/numbering.ts';
import type { ShotRecord, ShotStatus } from '../../shared/model/shot.ts';
import type { DocumentStore } from './documentStore.ts';

/** What the canvas search bar asks for; empty parts do not filter. */
export interface ShotQuery {
  /** Free text: every word must occur (case- and accent-insensitive) in some searched field. */
  readonly text: string;
  /** Any of these statuses; empty means any status. */
  readonly statuses: readonly ShotStatus[];
  /** All of these tags (compared like text); empty means any tags. */
  readonly tags: readonly string[];
  readonly sceneId: SceneId | string | null;
}

export const EMPTY_QUERY: ShotQuery = { text: '', statuses: [], tags: [], sceneId: null };

export function isEmptyQuery(query: ShotQuery): boolean {
  return queryWords(query.text).length === 0 && query.statuses.length === 0 && query.tags.length === 0 && query.sceneId === null;
}

/** Lower case without accents ("Été" → "ete"), so a search typed without accents still matches. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function queryWords(text: string): string[] {
  return normalizeForSearch(text)
    .split(/\s+/)
    .filter((w) => w !== '');
}

/**
 * Ids of the shots matching `query`, in cut order. Text is searched in the shot number (derived
 * or overridden), title, description, dialogue, action, lens, tags and user-defined field values.
 */
export function searchShots(store: DocumentStore, query: ShotQuery): string[] {
  const shots = store.shots();
  const words = queryWords(query.text);
  const statuses = query.statuses.length > 0 ? new Set<string>(query.statuses) : null;
  const tags = query.tags.map(normalizeForSearch).filter((t) => t.trim() !== '');
  const numbers = words.length > 0 ? deriveShotNumbers(shots, store.ofKind('scene')) : null;
  const result: string[] = [];
  for (const shot of shots) {
    if (statuses && !statuses.has(shot.status)) continue;
    if (query.sceneId !== null && shot.sceneId !== query.sceneId) continue;
    if (tags.length > 0) {
      const own = shotTags(shot);
      if (!tags.every((t) => own.has(t.trim()))) continue;
    }
    if (words.length > 0) {
      const text = haystack(shot);
      const number = normalizeForSearch(numbers?.get(shot.id) ?? '');
      if (!words.every((w) => number.includes(w) || text.includes(w))) continue;
    }
    result.push(shot.id);
  }
  return result;
}

/** Every tag used by some shot, sorted for a filter menu (first spelling wins when they differ only in case). */
export function tagsInUse(shots: readonly ShotRecord[]): string[] {
  const seen = new Map<string, string>();
  for (const shot of shots) {
    for (const tag of shot.tags) {
      const key = normalizeForSearch(tag.trim());
      if (key !== '' && !seen.has(key)) seen.set(key, tag.trim());
    }
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true }));
}

// Records are immutable and replaced on every edit, so the normalized text can be cached per
// record object: a 10,000-shot search per keystroke then only scans strings.
const haystacks = new WeakMap<ShotRecord, string>();
const tagSets = new WeakMap<ShotRecord, ReadonlySet<string>>();

function haystack(shot: ShotRecord): string {
  let text = haystacks.get(shot);
  if (text === undefined) {
    const parts = [shot.title, shot.description, shot.dialogue, shot.action, shot.lens, ...shot.tags, ...Object.values(shot.customFields)];
    // A separator no query word can contain, so words never match across two fields.
    text = normalizeForSearch(parts.join('\n'));
    haystacks.set(shot, text);
  }
  return text;
}

function shotTags(shot: ShotRecord): ReadonlySet<string> {
  let set = tagSets.get(shot);
  if (set === undefined) {
    set = new Set(shot.tags.map((t) => normalizeForSearch(t.trim())));
    tagSets.set(shot, set);
  }
  return set;
}
