import type { ImportedMedia } from '../../../shared/ipc/contract.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import type { Recipe, TakeRecord } from '../../../shared/model/take.ts';
import { emptyRecipe } from '../../../shared/model/take.ts';
import { recipeFromEmbeddedMetadata } from '../../../shared/takes/comfyMetadata.ts';
import { applyRecipePatch } from '../../../shared/takes/recipePatch.ts';
import type { ForkChanges } from '../../../shared/takes/takeFactory.ts';
import { createTakeFromMedia, forkTake, newTakeFromRecipe } from '../../../shared/takes/takeFactory.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';

/**
 * New take records (not yet in the document) for the take panel: imported, planned from a recipe,
 * or forked. `pending` are takes made in the same step and not in the store yet, so five clips
 * dropped at once are numbered T4…T8.
 */

/** The recipe the file itself carries (ComfyUI graph, WebUI parameters), or an empty one. */
export function recipeFromImport(item: Pick<ImportedMedia, 'metadata'>): Recipe {
  if (Object.keys(item.metadata.entries).length === 0) return emptyRecipe();
  return applyRecipePatch(emptyRecipe(), recipeFromEmbeddedMetadata(item.metadata.entries).patch);
}

const siblingsOf = (store: DocumentStore, shot: ShotRecord, pending: readonly TakeRecord[]) => [...store.takesOf(shot.id), ...pending];

export function newTakeFromMedia(store: DocumentStore, shot: ShotRecord, item: ImportedMedia, pending: readonly TakeRecord[] = []): TakeRecord {
  return createTakeFromMedia(shot, item.media, recipeFromImport(item), Date.now(), siblingsOf(store, shot, pending));
}

export function plannedTake(store: DocumentStore, shot: ShotRecord, recipe: Recipe): TakeRecord {
  return newTakeFromRecipe(shot, recipe, Date.now(), siblingsOf(store, shot, []));
}

/** A fork of `parent` (same shot): its recipe with the changes, no output yet, its intent. */
export function forkOf(store: DocumentStore, parent: TakeRecord, changes: ForkChanges): TakeRecord {
  return forkTake(parent, changes, store.takesOf(parent.shotId));
}
