import type { TakeId } from '../ids.ts';
import { newId } from '../ids.ts';
import type { ShotRecord } from '../model/shot.ts';
import type { MediaRef, Recipe, RecipeParams, TakeRecord } from '../model/take.ts';
import { emptyJudgement, emptyRecipe } from '../model/take.ts';

/**
 * Making takes: from an imported file, from a recipe planned before anything was generated, or
 * as a fork of another take. Pure apart from the random id (tests pass one).
 */

/** Intent and observation are limited to this many characters (judgementSchema). */
const MAX_INTENT_CHARS = 20_000;

/**
 * What was wanted, pre-filled for the judgement: the shot's description (what the planner wrote)
 * and the prompt (what was asked of the generator). The user rewrites it as needed.
 */
export function intentFor(shot: ShotRecord, recipe: Recipe): string {
  const parts = [shot.description.trim(), recipe.prompt.trim() === '' ? '' : `Prompt: ${recipe.prompt.trim()}`].filter((p) => p !== '');
  return parts.join('\n\n').slice(0, MAX_INTENT_CHARS);
}

/**
 * The next take number of a shot: one more than the highest among `siblings` (its takes). Numbers
 * of live takes are never reused; the number of a deleted highest take can come back, because
 * deleted takes are not in the document.
 */
export function nextTakeNumber(siblings: readonly TakeRecord[]): number {
  return siblings.reduce((max, t) => Math.max(max, t.number), 0) + 1;
}

function baseTake(shot: ShotRecord, recipe: Recipe, now: number, siblings: readonly TakeRecord[], id: TakeId): TakeRecord {
  return {
    id,
    kind: 'take',
    shotId: shot.id,
    parentTakeId: null,
    number: nextTakeNumber(siblings.filter((t) => t.shotId === shot.id)),
    label: '',
    media: null,
    trimIn: null,
    trimOut: null,
    recipe,
    judgement: emptyJudgement(intentFor(shot, recipe)),
    createdAt: now,
    updatedAt: now,
    rev: 0,
  };
}

/** A take for a file the user imported (dropped on the shot, or chosen in a dialog). */
export function createTakeFromMedia(
  shot: ShotRecord,
  media: MediaRef,
  recipe: Recipe | null = null,
  now: number = Date.now(),
  siblings: readonly TakeRecord[] = [],
  id: TakeId = newId<TakeId>(),
): TakeRecord {
  return { ...baseTake(shot, recipe ?? emptyRecipe(), now, siblings, id), media };
}

/** A planned take: the recipe is written first, the output comes later. */
export function newTakeFromRecipe(
  shot: ShotRecord,
  recipe: Recipe,
  now: number = Date.now(),
  siblings: readonly TakeRecord[] = [],
  id: TakeId = newId<TakeId>(),
): TakeRecord {
  return baseTake(shot, recipe, now, siblings, id);
}

export interface ForkChanges {
  readonly seed?: string | null;
  readonly prompt?: string;
  readonly negativePrompt?: string;
  readonly params?: Partial<RecipeParams>;
}

/**
 * A new take from another one's recipe with some changes (a new seed, an edited prompt), linked
 * to it as its parent. It has no output yet. The judgement starts over, keeping what was wanted
 * (the intent) — that is the point of trying again. What belonged to the parent's output goes:
 * the embedded metadata of its file, its cost and generation time.
 */
export function forkTake(
  parent: TakeRecord,
  changes: ForkChanges,
  siblings: readonly TakeRecord[],
  now: number = Date.now(),
  id: TakeId = newId<TakeId>(),
): TakeRecord {
  const recipe: Recipe = {
    ...parent.recipe,
    ...(changes.seed !== undefined ? { seed: changes.seed } : {}),
    ...(changes.prompt !== undefined ? { prompt: changes.prompt } : {}),
    ...(changes.negativePrompt !== undefined ? { negativePrompt: changes.negativePrompt } : {}),
    params: { ...parent.recipe.params, ...changes.params },
    cost: null,
    generationSeconds: null,
    rawMetadata: null,
  };
  const sameShot = siblings.filter((t) => t.shotId === parent.shotId);
  return {
    id,
    kind: 'take',
    shotId: parent.shotId,
    parentTakeId: parent.id,
    number: nextTakeNumber([...sameShot, parent]),
    label: '',
    media: null,
    trimIn: null,
    trimOut: null,
    recipe,
    judgement: emptyJudgement(parent.judgement.intent),
    createdAt: now,
    updatedAt: now,
    rev: 0,
  };
}

export interface LineageNode {
  readonly take: TakeRecord;
  readonly children: readonly LineageNode[];
}

const byNumber = (a: TakeRecord, b: TakeRecord) => a.number - b.number || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/**
 * The takes as a forest: each take under its parent, by take number. A take whose parent is not
 * among `takes` (deleted, or of another shot) is a root. Parent links can only form a cycle in a
 * hand-edited file; a cycle is broken at its lowest-numbered take, which becomes a root, so the
 * result is always a tree and every take appears exactly once.
 */
export function lineageTree(takes: readonly TakeRecord[]): LineageNode[] {
  const byId = new Map(takes.map((t) => [t.id as string, t]));
  const parentOf = new Map<string, string | null>();
  for (const take of takes)
    parentOf.set(take.id, take.parentTakeId !== null && byId.has(take.parentTakeId) && take.parentTakeId !== take.id ? take.parentTakeId : null);
  // Break cycles: walk up from each take; a walk that comes back to a take on its own path is a cycle.
  for (const start of [...takes].sort(byNumber)) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | null = start.id;
    while (at !== null && !onPath.has(at)) {
      path.push(at);
      onPath.add(at);
      at = parentOf.get(at) ?? null;
    }
    if (at === null) continue;
    const cycle = path.slice(path.indexOf(at)).map((id) => byId.get(id)!);
    parentOf.set(cycle.sort(byNumber)[0]!.id, null);
  }
  const childrenOf = new Map<string | null, TakeRecord[]>();
  for (const take of takes) {
    const parent = parentOf.get(take.id) ?? null;
    (childrenOf.get(parent) ?? childrenOf.set(parent, []).get(parent)!).push(take);
  }
  const build = (take: TakeRecord): LineageNode => ({ take, children: (childrenOf.get(take.id) ?? []).sort(byNumber).map(build) });
  return (childrenOf.get(null) ?? []).sort(byNumber).map(build);
}
