import type { ShotId, TakeId } from '../../shared/ids.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import type { Defect, Judgement, Recipe, TakeRecord } from '../../shared/model/take.ts';
import type { DocumentStore } from './documentStore.ts';

/**
 * Document commands for takes. Each is one transaction, so one undo step: an import of five clips,
 * a fork, a trim mark, a verdict, one committed recipe field.
 */

/** The fields of a take an edit may change (identity, shot, lineage and number never change). */
export type EditableTakeFields = Pick<TakeRecord, 'label' | 'media' | 'trimIn' | 'trimOut' | 'recipe' | 'judgement'>;

/** Adds takes (already numbered) in one step; returns their ids. */
export function addTakes(store: DocumentStore, takes: readonly TakeRecord[]): TakeId[] {
  store.transact((tx) => {
    for (const take of takes) tx.put(take);
  });
  return takes.map((t) => t.id);
}

export function updateTake(store: DocumentStore, id: string, patch: Partial<EditableTakeFields>): void {
  store.transact((tx) => {
    if (tx.get(id)?.kind === 'take') tx.update<TakeRecord>(id, patch);
  });
}

/** Changes some recipe fields, keeping the others as they are now (not as the caller last saw them). */
export function updateRecipe(store: DocumentStore, id: string, patch: Partial<Recipe>): void {
  store.transact((tx) => {
    const take = tx.get(id);
    if (take?.kind === 'take') tx.update<TakeRecord>(id, { recipe: { ...take.recipe, ...patch } });
  });
}

export function updateJudgement(store: DocumentStore, id: string, patch: Partial<Judgement>): void {
  store.transact((tx) => {
    const take = tx.get(id);
    if (take?.kind === 'take') tx.update<TakeRecord>(id, { judgement: { ...take.judgement, ...patch } });
  });
}

/** Changes one defect of a take (by its id). */
export function updateDefect(store: DocumentStore, takeId: string, defectId: string, patch: Partial<Omit<Defect, 'id'>>): void {
  store.transact((tx) => {
    const take = tx.get(takeId);
    if (take?.kind !== 'take') return;
    const defects = take.judgement.defects.map((d) => (d.id === defectId ? { ...d, ...patch } : d));
    tx.update<TakeRecord>(takeId, { judgement: { ...take.judgement, defects } });
  });
}

export function addDefect(store: DocumentStore, takeId: string, defect: Defect): void {
  store.transact((tx) => {
    const take = tx.get(takeId);
    if (take?.kind === 'take') tx.update<TakeRecord>(takeId, { judgement: { ...take.judgement, defects: [...take.judgement.defects, defect] } });
  });
}

export function removeDefect(store: DocumentStore, takeId: string, defectId: string): void {
  store.transact((tx) => {
    const take = tx.get(takeId);
    if (take?.kind === 'take')
      tx.update<TakeRecord>(takeId, { judgement: { ...take.judgement, defects: take.judgement.defects.filter((d) => d.id !== defectId) } });
  });
}

/** Makes a take the shot's selected ("circle") take, or clears it with null. */
export function setSelectedTake(store: DocumentStore, shotId: ShotId, takeId: TakeId | null): void {
  store.transact((tx) => {
    const shot = tx.get(shotId);
    if (shot?.kind !== 'shot') return;
    const take = takeId === null ? null : tx.get(takeId);
    if (take !== null && (take?.kind !== 'take' || take.shotId !== shotId)) return;
    tx.update<ShotRecord>(shotId, { selectedTakeId: takeId });
  });
}

/**
 * Deletes a take in one step; a shot that had it circled has no selected take afterwards. Its
 * forks keep their parent id: lineage is history, and undo brings the parent back.
 */
export function deleteTake(store: DocumentStore, id: string): boolean {
  const take = store.get(id);
  if (take?.kind !== 'take') return false;
  const diff = store.transact((tx) => {
    const shot = tx.get(take.shotId);
    if (shot?.kind === 'shot' && shot.selectedTakeId === id) tx.update<ShotRecord>(shot.id, { selectedTakeId: null });
    tx.remove(id);
  });
  return diff !== null;
}
