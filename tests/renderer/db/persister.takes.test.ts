import { afterEach, describe, expect, it, vi } from 'vitest';
import { Persister } from '../../../renderer/db/persister.ts';
import { loadProjectDocument } from '../../../renderer/db/projectLoader.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { History } from '../../../renderer/editor/history.ts';
import { deleteRecords, updateRecord } from '../../../renderer/editor/recordCommands.ts';
import type { TakeRecord } from '../../../shared/model/take.ts';
import { projectData, projectFile, shot } from '../../shared/fixtures.ts';
import { take } from '../../shared/takes/takeFixtures.ts';
import { freshDb } from './testDb.ts';

const FOLDER = '/p/Harbour';
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A project whose folder holds takes: loaded, rebuilt into IndexedDB, with a persister. */
async function setup() {
  const a = shot({ title: 'Wide' });
  const b = shot({ title: 'Close-up' });
  const a1 = take(a.id, { number: 1 });
  const a2 = take(a.id, { number: 2, parentTakeId: a1.id });
  const b1 = take(b.id, { number: 1 });
  const file = projectFile({ revision: 5, data: projectData([a, b], {}, [], { takes: [a1, a2, b1] }) });
  const db = freshDb(file.projectId);
  const loaded = await loadProjectDocument(db, file, FOLDER);
  await loaded.rebuild;
  const store = new DocumentStore(loaded.settings, loaded.revision, loaded.records);
  const persister = new Persister(store, db, { onPersisted: () => undefined, onError: (e) => expect.fail(String(e)), after: loaded.rebuild });
  const history = new History(store);
  cleanups.push(
    () => history.dispose(),
    () => persister.dispose(),
    () => db.close(),
  );
  return { file, db, store, persister, history, a, b, a1, a2, b1 };
}

describe('takes in IndexedDB', () => {
  it('a rebuild from the folder puts takes in their table', async () => {
    const { db, a1, a2, b1, store } = await setup();
    expect((await db.takes.toArray()).map((t) => t.id).sort()).toEqual([a1.id, a2.id, b1.id].sort());
    expect(store.takesOf(a1.shotId).map((t) => t.id)).toEqual([a1.id, a2.id]);
  });

  it('deleting a shot deletes its take rows in the same Dexie transaction; undo writes them back', async () => {
    const { db, store, persister, history, a, a1, a2, b1 } = await setup();
    const spy = vi.spyOn(db, 'transaction');
    deleteRecords(store, [a.id]);
    await persister.idle();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await db.shots.get(a.id)).toBeUndefined();
    expect((await db.takes.toArray()).map((t) => t.id)).toEqual([b1.id]);
    history.undo();
    await persister.idle();
    expect((await db.takes.where('shotId').equals(a.id).sortBy('number')).map((t) => t.id)).toEqual([a1.id, a2.id]);
  });

  it('an edited take is written to its row, and an IndexedDB copy ahead of the folder loads it back', async () => {
    const { db, store, persister, file, a1 } = await setup();
    updateRecord<TakeRecord>(store, a1.id, { label: 'fog v2', judgement: { ...a1.judgement, verdict: 'select', score: 5 } });
    await persister.idle();
    expect(await db.takes.get(a1.id)).toMatchObject({ label: 'fog v2', judgement: { verdict: 'select', score: 5 }, rev: a1.rev + 1 });
    const reloaded = await loadProjectDocument(db, file, FOLDER);
    expect(reloaded.source).toBe('indexeddb');
    expect(reloaded.records.find((r) => r.id === a1.id)).toMatchObject({ label: 'fog v2' });
  });
});
