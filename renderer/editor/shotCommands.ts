import { generateKeyBetween } from 'fractional-indexing';
import type { ShotId } from '../../shared/ids.ts';
import { newId } from '../../shared/ids.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import { makeShot } from '../../shared/model/shot.ts';
import type { DocumentStore } from './documentStore.ts';
import { deleteRecords } from './recordCommands.ts';

/** Document commands for shots: each is one transaction (one revision, one undo step later). */

export function addShot(
  store: DocumentStore,
  at: { x: number; y: number },
  fields: Partial<Pick<ShotRecord, 'title' | 'description' | 'frame'>> = {},
  sceneId: string | null = null,
): ShotId {
  const shots = store.shots();
  const last = shots[shots.length - 1];
  const id = newId<ShotId>();
  store.transact((tx) => {
    tx.put(
      makeShot(
        id,
        {
          x: Math.round(at.x),
          y: Math.round(at.y),
          order: generateKeyBetween(last?.order ?? null, null),
          sceneId: sceneId as ShotRecord['sceneId'],
          ...fields,
        },
        Date.now(),
      ),
    );
  });
  return id;
}

/** Several new shots in one step (a drop of many images is one undo step). */
export function addShots(
  store: DocumentStore,
  drafts: ReadonlyArray<{ x: number; y: number; sceneId: string | null } & Partial<Pick<ShotRecord, 'title' | 'frame'>>>,
): ShotId[] {
  let previous = store.shots().at(-1)?.order ?? null;
  const ids: ShotId[] = [];
  store.transact((tx) => {
    for (const { x, y, sceneId, ...fields } of drafts) {
      const id = newId<ShotId>();
      previous = generateKeyBetween(previous, null);
      tx.put(makeShot(id, { x: Math.round(x), y: Math.round(y), order: previous, sceneId: sceneId as ShotRecord['sceneId'], ...fields }, Date.now()));
      ids.push(id);
    }
  });
  return ids;
}

export function moveShots(store: DocumentStore, positions: ReadonlyMap<ShotId, { x: number; y: number }>): void {
  store.transact((tx) => {
    for (const [id, p] of positions) {
      if (tx.get(id)) tx.update<ShotRecord>(id, { x: Math.round(p.x), y: Math.round(p.y) });
    }
  });
}

export type EditableShotFields = Omit<ShotRecord, 'id' | 'kind' | 'rev' | 'createdAt' | 'updatedAt'>;

export function updateShot(store: DocumentStore, id: ShotId, patch: Partial<EditableShotFields>): void {
  store.transact((tx) => {
    if (tx.get(id)) tx.update<ShotRecord>(id, patch);
  });
}

/** Deletes shots in one step, their takes and arrows with them (deleteRecords); returns how many shots went. */
export function deleteShots(store: DocumentStore, ids: Iterable<ShotId>): number {
  const shots = new Set([...ids].filter((id) => store.get(id)?.kind === 'shot'));
  deleteRecords(store, shots);
  return shots.size;
}

/** Derived shot number: position in the cut (1, 2, 3…) unless overridden. Never stored. */
export function shotNumbers(shots: readonly ShotRecord[]): ReadonlyMap<ShotId, string> {
  const numbers = new Map<ShotId, string>();
  shots.forEach((shot, index) => numbers.set(shot.id, shot.numberOverride ?? String(index + 1)));
  return numbers;
}
