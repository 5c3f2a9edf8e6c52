import { afterEach, describe, expect, it, vi } from 'vitest';
import { Persister } from '../../../renderer/db/persister.ts';
import type { ProjectDb } from '../../../renderer/db/projectDb.ts';
import { loadProjectDocument } from '../../../renderer/db/projectLoader.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { deleteShots, moveShots, updateShot } from '../../../renderer/editor/shotCommands.ts';
import type { ShotId } from '../../../shared/ids.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { projectData, projectFile, shot } from '../../shared/fixtures.ts';
import { freshDb } from './testDb.ts';

const FOLDER = '/p/Teaser';
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function setup(shots: ShotRecord[] = [shot(), shot(), shot()]) {
  const file = projectFile({ revision: 10, data: projectData(shots) });
  const db = freshDb(file.projectId);
  const loaded = await loadProjectDocument(db, file, FOLDER);
  const store = new DocumentStore(loaded.settings, loaded.revision, loaded.records);
  const persisted: number[] = [];
  const errors: unknown[] = [];
  const persister = new Persister(store, db, { onPersisted: (r) => persisted.push(r), onError: (e) => errors.push(e), after: loaded.rebuild });
  cleanups.push(
    () => persister.dispose(),
    () => db.close(),
  );
  return { db, store, persister, persisted, errors, shots };
}

async function storedRevision(db: ProjectDb): Promise<number | undefined> {
  return (await db.meta.get('state'))?.revision;
}

describe('Persister', () => {
  it('writes a user transaction and bumps the stored revision', async () => {
    const { db, store, persister, persisted, shots } = await setup();
    const [a, b] = [shots[0]!, shots[1]!];
    moveShots(
      store,
      new Map<ShotId, { x: number; y: number }>([
        [a.id, { x: 50, y: 60 }],
        [b.id, { x: -1, y: -2 }],
      ]),
    );
    await persister.idle();
    expect(await db.shots.get(a.id)).toMatchObject({ x: 50, y: 60, rev: a.rev + 1 });
    expect(await db.shots.get(b.id)).toMatchObject({ x: -1, y: -2 });
    expect(await storedRevision(db)).toBe(11);
    expect(persisted).toEqual([11]);
    expect(persister.revision).toBe(11);
  });

  it('uses one Dexie transaction per document transaction', async () => {
    const { db, store, persister, shots } = await setup();
    const spy = vi.spyOn(db, 'transaction');
    updateShot(store, shots[0]!.id, { title: 'one' });
    deleteShots(store, [shots[1]!.id, shots[2]!.id]);
    await persister.idle();
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('removes deleted shots', async () => {
    const { db, store, persister, shots } = await setup();
    deleteShots(store, [shots[0]!.id, shots[2]!.id]);
    await persister.idle();
    expect((await db.shots.toArray()).map((s) => s.id)).toEqual([shots[1]!.id]);
    expect(await storedRevision(db)).toBe(11);
  });

  it('writes queued transactions in order', async () => {
    const { db, store, persister, persisted, shots } = await setup();
    const id = shots[0]!.id;
    for (let i = 1; i <= 20; i += 1) updateShot(store, id, { title: `v${i}` });
    await persister.idle();
    expect((await db.shots.get(id))?.title).toBe('v20');
    expect(persisted).toEqual(Array.from({ length: 20 }, (_, i) => 11 + i));
    expect(await storedRevision(db)).toBe(30);
  });

  it("ignores 'load' diffs", async () => {
    const { db, store, persister, persisted } = await setup();
    const loadedShot = shot();
    store.apply([{ id: loadedShot.id, before: null, after: loadedShot }], 'load');
    await persister.idle();
    expect(await db.shots.get(loadedShot.id)).toBeUndefined();
    expect(await storedRevision(db)).toBe(10);
    expect(persisted).toEqual([]);
  });

  it('idle() resolves only after every queued write has committed', async () => {
    const { db, store, persister, persisted, shots } = await setup();
    updateShot(store, shots[0]!.id, { title: 'first' });
    updateShot(store, shots[1]!.id, { title: 'second' });
    expect(persisted).toEqual([]); // writes never block the edit
    await persister.idle();
    expect(persisted).toEqual([11, 12]);
    expect((await db.shots.get(shots[1]!.id))?.title).toBe('second');
  });

  it('applies all or nothing when a write fails, and reports the error', async () => {
    const { db, store, persister, errors, persisted, shots } = await setup();
    const a = shots[0]!;
    // A row without its primary key cannot be stored: the whole Dexie transaction must abort.
    const broken = { ...shot(), id: undefined } as unknown as ShotRecord;
    store.apply(
      [
        { id: a.id, before: a, after: { ...a, title: 'half-written' } },
        { id: shot().id, before: null, after: broken },
      ],
      'user',
    );
    await persister.idle();
    expect(errors).toHaveLength(1);
    expect(persisted).toEqual([]);
    expect((await db.shots.get(a.id))?.title).toBe(a.title);
    expect(await storedRevision(db)).toBe(10);
    expect(persister.revision).toBe(10);
    // The queue keeps working after a failure.
    updateShot(store, a.id, { title: 'after failure' });
    await persister.idle();
    expect((await db.shots.get(a.id))?.title).toBe('after failure');
    expect(persisted).toEqual([12]);
  });

  it('stops listening after dispose', async () => {
    const { db, store, persister, shots } = await setup();
    persister.dispose();
    updateShot(store, shots[0]!.id, { title: 'not persisted' });
    await persister.idle();
    expect((await db.shots.get(shots[0]!.id))?.title).toBe(shots[0]!.title);
    expect(await storedRevision(db)).toBe(10);
  });
});
