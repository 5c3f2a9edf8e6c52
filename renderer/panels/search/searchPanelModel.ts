import type { DocumentStore, RecordChange } from '../../editor/documentStore.ts';
import type { FilterState } from '../../editor/filterState.ts';
import { tagsInUse } from '../../editor/search.ts';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import { scenesInOrder } from '../common/sceneLabels.ts';
import { changedFields, kindOf } from '../common/useDocumentValue.ts';

export interface FilterOptions {
  readonly tags: readonly string[];
  readonly scenes: readonly SceneRecord[];
}

/** What the filter menus list; re-read only when tags or scenes change. */
export function readFilterOptions(store: DocumentStore): FilterOptions {
  return { tags: tagsInUse(store.shots()), scenes: scenesInOrder(store.ofKind('scene')) };
}

export function mattersToFilterOptions(change: RecordChange): boolean {
  const kind = kindOf(change);
  if (kind === 'scene') return changedFields(change, ['number', 'title']);
  if (kind === 'shot') return changedFields(change, ['tags']);
  return false;
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Replaces the filter's matches after the document changed, keeping the current match when it
 * still matches (FilterState.set starts again at the first one). It can only step there, so it
 * does when the match is near; far away, the first match becomes current.
 */
export function refreshMatches(filter: FilterState, ids: readonly string[], maxSteps = 50): void {
  if (filter.matches !== null && sameIds(ids, filter.ordered)) return;
  const current = filter.current;
  filter.set(ids);
  if (current === null) return;
  const index = ids.indexOf(current);
  if (index <= 0) return;
  const back = ids.length - index;
  if (Math.min(index, back) > maxSteps) return;
  if (index <= back) for (let i = 0; i < index; i += 1) filter.step(1);
  else for (let i = 0; i < back; i += 1) filter.step(-1);
}

/** Shot fields a search reads (text, filters, numbering); a canvas move changes none of them. */
const SEARCHED_SHOT_FIELDS = [
  'title',
  'description',
  'dialogue',
  'action',
  'lens',
  'tags',
  'customFields',
  'status',
  'sceneId',
  'order',
  'numberOverride',
] as const;

/** Whether a change can alter which shots match, or their order. */
export function mattersToSearch(change: RecordChange): boolean {
  const kind = kindOf(change);
  if (kind === 'shot') return changedFields(change, SEARCHED_SHOT_FIELDS);
  if (kind === 'scene') return changedFields(change, ['number']);
  return false;
}
