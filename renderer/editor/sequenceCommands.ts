import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { ShotId } from '../../shared/ids.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import type { DocumentStore } from './documentStore.ts';

/**
 * Where moved shots land in the cut, named by their new neighbours: `beforeId` is the shot that
 * will come just before them (null: the start of the cut), `afterId` the shot just after (null:
 * the end). When both are given but are not adjacent once the moved shots are taken out,
 * `beforeId` wins; an id that no longer exists is ignored in favour of the other one.
 */
export interface CutTarget {
  readonly beforeId: string | null;
  readonly afterId: string | null;
}

/** Moves one shot in the cut. See moveShotsInCut. */
export function moveShotInCut(store: DocumentStore, shotId: ShotId | string, target: CutTarget): boolean {
  return moveShotsInCut(store, [shotId], target);
}

/**
 * Moves shots to `target` in one transaction (one undo step), keeping their relative cut order.
 * Only the moved shots get a new fractional `order`; every other shot keeps its own, so a move
 * writes as few records as the order keys allow (shots with duplicate or malformed keys from
 * older files are re-keyed too, because no key fits between them). Returns whether anything
 * changed: false when the shots are already there, unknown, or the document is read-only.
 */
export function moveShotsInCut(store: DocumentStore, ids: Iterable<ShotId | string>, target: CutTarget): boolean {
  const shots = store.shots();
  const moving = new Set<string>();
  for (const id of ids) if (store.getShot(id as ShotId)) moving.add(id);
  if (moving.size === 0) return false;

  const moved = shots.filter((s) => moving.has(s.id));
  const rest = shots.filter((s) => !moving.has(s.id));
  const at = insertionIndex(rest, target);
  const finalOrder = [...rest.slice(0, at), ...moved, ...rest.slice(at)];
  if (finalOrder.every((s, i) => s === shots[i])) return false;

  const keys = assignKeys(finalOrder, moving);
  if (keys.size === 0) return false;
  const diff = store.transact((tx) => {
    for (const [id, order] of keys) if (tx.get(id)) tx.update<ShotRecord>(id as ShotId, { order });
  });
  return diff !== null;
}

/**
 * The neighbours of an insertion point given as an index into the current cut (0 = before the
 * first shot, length = after the last), skipping the shots being moved. What a drop indicator
 * or a keyboard move computes.
 */
export function cutTargetAt(shots: readonly Pick<ShotRecord, 'id'>[], index: number, moving: ReadonlySet<string> = new Set()): CutTarget {
  let before: string | null = null;
  for (let i = Math.min(index, shots.length) - 1; i >= 0; i -= 1) {
    if (!moving.has(shots[i]!.id)) {
      before = shots[i]!.id;
      break;
    }
  }
  let after: string | null = null;
  for (let i = Math.max(index, 0); i < shots.length; i += 1) {
    if (!moving.has(shots[i]!.id)) {
      after = shots[i]!.id;
      break;
    }
  }
  return { beforeId: before, afterId: after };
}

function insertionIndex(rest: readonly ShotRecord[], target: CutTarget): number {
  if (target.beforeId !== null) {
    const i = rest.findIndex((s) => s.id === target.beforeId);
    if (i >= 0) return i + 1;
  }
  if (target.afterId !== null) {
    const i = rest.findIndex((s) => s.id === target.afterId);
    if (i >= 0) return i;
  }
  if (target.beforeId === null) return 0;
  return rest.length;
}

/**
 * New keys so that `finalOrder` sorts strictly by key. The shots that keep their key are the
 * longest run of unmoved shots whose (valid) keys already increase; everything else gets keys
 * generated between its kept neighbours. For an ordinary move that is exactly the moved shots.
 */
function assignKeys(finalOrder: readonly ShotRecord[], moving: ReadonlySet<string>): Map<string, string> {
  const candidates: number[] = [];
  for (let i = 0; i < finalOrder.length; i += 1) {
    const shot = finalOrder[i]!;
    if (!moving.has(shot.id) && isValidKey(shot.order)) candidates.push(i);
  }
  const kept = new Set(longestIncreasing(candidates, (i) => finalOrder[i]!.order));
  const keys = new Map<string, string>();
  let lower: string | null = null;
  let gap: ShotRecord[] = [];
  const flush = (upper: string | null) => {
    if (gap.length === 0) return;
    const fresh = generateNKeysBetween(lower, upper, gap.length);
    gap.forEach((shot, i) => {
      if (shot.order !== fresh[i]) keys.set(shot.id, fresh[i]!);
    });
    gap = [];
  };
  finalOrder.forEach((shot, i) => {
    if (kept.has(i)) {
      flush(shot.order);
      lower = shot.order;
    } else {
      gap.push(shot);
    }
  });
  flush(null);
  return keys;
}

/** Indices (into `items`) of a longest subsequence with strictly increasing keys; O(n log n). */
function longestIncreasing(items: readonly number[], keyOf: (item: number) => string): number[] {
  const tailKeys: string[] = [];
  const tailAt: number[] = [];
  const previous = new Array<number>(items.length).fill(-1);
  items.forEach((item, position) => {
    const key = keyOf(item);
    let lo = 0;
    let hi = tailKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tailKeys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    tailKeys[lo] = key;
    tailAt[lo] = position;
    previous[position] = lo > 0 ? tailAt[lo - 1]! : -1;
  });
  const result: number[] = [];
  for (let p = tailAt[tailKeys.length - 1] ?? -1; p >= 0; p = previous[p]!) result.push(items[p]!);
  return result.reverse();
}

const validity = new Map<string, boolean>();

/** Whether fractional-indexing accepts `key` (older files may hold keys it would reject). */
function isValidKey(key: string): boolean {
  let valid = validity.get(key);
  if (valid === undefined) {
    try {
      generateKeyBetween(key, null);
      valid = true;
    } catch {
      valid = false;
    }
    if (validity.size > 50_000) validity.clear();
    validity.set(key, valid);
  }
  return valid;
}
