import type { SceneRecord } from '../../../shared/model/scene.ts';
import type { DocumentStore, RecordChange } from '../../editor/documentStore.ts';
import { normalizeForSearch, tagsInUse } from '../../editor/search.ts';
import { scenesInOrder } from '../common/sceneLabels.ts';
import { changedFields, kindOf } from '../common/useDocumentValue.ts';

/** Limits of shotRecordSchema (shared/model/shot.ts), checked before a commit rather than at save. */
export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS = 200;
export const MAX_FIELD_KEY_LENGTH = 100;
export const MAX_FIELD_VALUE_LENGTH = 10_000;
export const MAX_NUMBER_OVERRIDE_LENGTH = 20;
/** Keys that would change an object's prototype instead of naming a field; the schema refuses them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface TagsResult {
  readonly tags: readonly string[];
  readonly problem: string | null;
}

/**
 * Adds the comma-separated tags of `input` to `existing`: trimmed, without empty ones, without
 * ones already there (ignoring case and accents), each at most 100 characters, 200 in all.
 */
export function addTags(existing: readonly string[], input: string): TagsResult {
  const tags = [...existing];
  const seen = new Set(existing.map((t) => normalizeForSearch(t.trim())));
  let problem: string | null = null;
  for (const raw of input.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '') continue;
    if (tag.length > MAX_TAG_LENGTH) {
      problem = `Tags are at most ${MAX_TAG_LENGTH} characters; “${tag.slice(0, 24)}…” was not added.`;
      continue;
    }
    const key = normalizeForSearch(tag);
    if (seen.has(key)) continue;
    if (tags.length >= MAX_TAGS) {
      problem = `A shot can have at most ${MAX_TAGS} tags.`;
      break;
    }
    seen.add(key);
    tags.push(tag);
  }
  return { tags, problem };
}

/** Why `key` cannot name a user-defined field next to `otherKeys`, or null when it can. */
export function fieldKeyProblem(key: string, otherKeys: readonly string[]): string | null {
  const name = key.trim();
  if (name === '') return 'Give the field a name.';
  if (name.length > MAX_FIELD_KEY_LENGTH) return `Field names are at most ${MAX_FIELD_KEY_LENGTH} characters.`;
  if (RESERVED_KEYS.has(name)) return `“${name}” is reserved; choose another name.`;
  const lower = normalizeForSearch(name);
  if (otherKeys.some((k) => normalizeForSearch(k) === lower)) return `This shot already has a field “${name}”.`;
  return null;
}

type Fields = Readonly<Record<string, string>>;

/** Renames a field in place (its position in the list stays). */
export function renameField(fields: Fields, from: string, to: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => (k === from ? [to.trim(), v] : [k, v])));
}

export function setFieldValue(fields: Fields, key: string, value: string): Record<string, string> {
  return Object.fromEntries(
    Object.keys(fields).includes(key) ? Object.entries(fields).map(([k, v]) => [k, k === key ? value : v]) : [...Object.entries(fields), [key.trim(), value]],
  );
}

export function removeField(fields: Fields, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k !== key));
}

/** The number override as stored: null for "derive it", else the trimmed text (≤ 20 characters). */
export function parseNumberOverride(text: string): { value: string | null; problem: string | null } {
  const value = text.trim();
  if (value === '') return { value: null, problem: null };
  if (value.length > MAX_NUMBER_OVERRIDE_LENGTH) return { value: null, problem: `At most ${MAX_NUMBER_OVERRIDE_LENGTH} characters.` };
  return { value, problem: null };
}

export interface DetailOptions {
  /** Tags used on any shot, for suggestions. */
  readonly tags: readonly string[];
  /** Field names used on any shot, for suggestions (first spelling wins). */
  readonly fieldKeys: readonly string[];
  readonly scenes: readonly SceneRecord[];
}

export function readDetailOptions(store: DocumentStore): DetailOptions {
  const shots = store.shots();
  const keys = new Map<string, string>();
  for (const shot of shots) {
    for (const key of Object.keys(shot.customFields)) {
      const norm = normalizeForSearch(key);
      if (!keys.has(norm)) keys.set(norm, key);
    }
  }
  return {
    tags: tagsInUse(shots),
    fieldKeys: [...keys.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true })),
    scenes: scenesInOrder(store.ofKind('scene')),
  };
}

export function mattersToDetailOptions(change: RecordChange): boolean {
  const kind = kindOf(change);
  if (kind === 'scene') return changedFields(change, ['number', 'title']);
  if (kind === 'shot') return changedFields(change, ['tags', 'customFields']);
  return false;
}
