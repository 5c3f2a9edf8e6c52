import { afterEach, describe, expect, it, vi } from 'vitest';
import { PendingChanges } from '../../../renderer/db/pendingChanges.ts';
import { Persister } from '../../../renderer/db/persister.ts';
import type { ProjectDb } from '../../../renderer/db/projectDb.ts';
import { loadProjectDocument } from '../../../renderer/db/projectLoader.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { History } from '../../../renderer/editor/history.ts';
import { deleteRecords, updateRecord } from '../../../renderer/editor/recordCommands.ts';
import type { NoteRecord } from '../../../shared/model/note.ts';
import { arrow, note, projectData, projectFile, scene, shot } from '../../shared/fixtures.ts';
import { freshDb } from './testDb.ts';

const FOLDER = '/p/Board';
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A loaded project with a record of every kind, a persister, pending changes and history. */
async function setup() {
  const sc = scene({ number: '1' });
  const a = shot({ title: 'Wide', sceneId: sc.id });
  const n = note({ text: 'rain' });
  const link = arrow(n.id, a.id);
  const file = projectFile({ revision: 20, data: projectData([a], {}, [], { scenes: [sc], notes: [n], arrows: [link] }) });
  const db = freshDb(file.projectId);
  const loaded = await loadProjectDocument(db, file, FOLDER);
  const store = new DocumentStore(loaded.settings, loaded.revision, loaded.records);
  const errors: unknown[] = [];
  const persister = new Persister(store, db, { onPersisted: () => undefined, onError: (e) => errors.push(e), after: loaded.rebuild });
  const pending = new PendingChanges();
  const unsubscribe = store.subscribe((d) => pending.record(d));
  const history = new History(store);
  cleanups.push(
    () => history.dispose(),
    unsubscribe,
    () => persister.dispose(),
    () => db.close(),
  );
  return { db, store, persister, pending, history, errors, sc, a, n, link };
}

const rowsOf = async (db: ProjectDb) => ({
  shots: (await db.shots.toArray()).map((r) => r.id),
  scenes: (await db.scenes.toArray()).map((r) => r.id),
  notes: (await db.notes.toArray()).map((r) => r.id),
  arrows: (await db.arrows.toArray()).map((r) => r.id),
});

describe('Persister with every record kind', () => {
  it('writes each changed record to the table of its kind, all in one Dexie transaction', async () => {
    const { db, store, persister, a, n } = await setup();
    const spy = vi.spyOn(db, 'transaction');
    const sc2 = scene({ number: '2' });
    const n2 = note({ text: 'new' });
    store.transact((tx) => {
      tx.put(sc2);
      tx.put(n2);
      tx.put(arrow(a.id, n2.id));
      tx.update<NoteRecord>(n.id, { text: 'rain, edited' });
    });
    await persister.idle();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await db.scenes.get(sc2.id)).toMatchObject({ kind: 'scene', number: '2' });
    expect(await db.notes.get(n2.id)).toMatchObject({ kind: 'note', text: 'new' });
    expect(await db.notes.get(n.id)).toMatchObject({ text: 'rain, edited', rev: n.rev + 1 });
    expect(await db.arrows.where('toId').equals(n2.id).count()).toBe(1);
    // Nothing landed in a table of another kind.
    expect(await db.shots.get(sc2.id)).toBeUndefined();
    expect(await db.scenes.get(n2.id)).toBeUndefined();
    expect((await db.meta.get('state'))?.revision).toBe(21);
  });

  it('deletes each record from the table of its kind (a scene delete releases its shot)', async () => {
    const { db, store, persister, sc, a, n, link } = await setup();
    deleteRecords(store, [sc.id, n.id]);
    await persister.idle();
    expect(await rowsOf(db)).toEqual({ shots: [a.id], scenes: [], notes: [], arrows: [] });
    expect((await db.shots.get(a.id))?.sceneId).toBeNull();
    expect(await db.arrows.get(link.id)).toBeUndefined();
  });

  it("persists undo and redo ('history' diffs) like any edit", async () => {
    const { db, store, persister, history, sc, a, n, link } = await setup();
    deleteRecords(store, [n.id]);
    await persister.idle();
    expect(await rowsOf(db)).toEqual({ shots: [a.id], scenes: [sc.id], notes: [], arrows: [] });

    history.undo();
    await persister.idle();
    expect(await rowsOf(db)).toEqual({ shots: [a.id], scenes: [sc.id], notes: [n.id], arrows: [link.id] });
    expect((await db.notes.get(n.id))?.text).toBe('rain');
    expect((await db.meta.get('state'))?.revision).toBe(store.revision);

    history.redo();
    await persister.idle();
    expect(await rowsOf(db)).toEqual({ shots: [a.id], scenes: [sc.id], notes: [], arrows: [] });
    expect((await db.meta.get('state'))?.revision).toBe(store.revision);
  });
});

describe('PendingChanges with every record kind', () => {
  it('collects puts and deletes of any kind, and the undo of a delete puts the records back', async () => {
    const { store, pending, history, sc, n, link } = await setup();
    updateRecord<NoteRecord>(store, n.id, { text: 'edited' });
    deleteRecords(store, [sc.id]);
    const { batch } = pending.take();
    expect(batch.deletes).toEqual([sc.id]);
    expect(batch.puts.map((r) => r.kind).sort()).toEqual(['note', 'shot']);

    deleteRecords(store, [n.id]);
    expect(pending.take().batch).toEqual({ puts: [], deletes: [n.id, link.id] });
    history.undo();
    const restored = pending.take().batch;
    expect(restored.deletes).toEqual([]);
    expect(restored.puts.map((r) => r.id).sort()).toEqual([n.id, link.id].sort());
    // Restored records carry a newer rev than the ones deleted, so the folder sees a newer write.
    for (const record of restored.puts) expect(record.rev).toBeGreaterThan(n.rev);
  });
});
