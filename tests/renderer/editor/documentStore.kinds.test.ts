import { describe, expect, it, vi } from 'vitest';
import type { Diff } from '../../../renderer/editor/documentStore.ts';
import { DocumentStore, isPersistedOrigin } from '../../../renderer/editor/documentStore.ts';
import type { DocRecord } from '../../../shared/model/records.ts';
import type { NoteRecord } from '../../../shared/model/note.ts';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { arrow, note, scene, settings, shot } from '../../shared/fixtures.ts';

function storeWith(records: DocRecord[], revision = 5) {
  let t = 1_000;
  const store = new DocumentStore(settings(), revision, records, () => t);
  return { store, setNow: (v: number) => (t = v) };
}

describe('DocumentStore.ofKind', () => {
  it('lists records of one kind: shots in cut order, the rest by creation time then id', () => {
    const [late, early] = [shot({ order: 'b' }), shot({ order: 'a' })];
    const scenes = [scene({ createdAt: 30 }), scene({ createdAt: 10 }), scene({ createdAt: 20 })];
    const [n1, n2] = [note({ createdAt: 5 }), note({ createdAt: 5 })];
    const { store } = storeWith([late, ...scenes, n1, n2, early, arrow(n1.id, late.id)]);
    expect(store.ofKind('shot')).toEqual([early, late]);
    expect(store.ofKind('scene').map((s) => s.createdAt)).toEqual([10, 20, 30]);
    expect(store.ofKind('note').map((n) => n.id)).toEqual([n1.id, n2.id].sort());
    expect(store.ofKind('arrow')).toHaveLength(1);
    expect(store.shots()).toBe(store.ofKind('shot'));
  });

  it('caches each kind: a shot change keeps the very same scene and note lists', () => {
    const a = shot();
    const sc = scene();
    const n = note();
    const { store } = storeWith([a, sc, n]);
    const scenes = store.ofKind('scene');
    const notes = store.ofKind('note');
    const shots = store.ofKind('shot');
    expect(store.ofKind('scene')).toBe(scenes);
    store.transact((tx) => tx.update<ShotRecord>(a.id, { x: 500 }));
    expect(store.ofKind('scene')).toBe(scenes);
    expect(store.ofKind('note')).toBe(notes);
    const shotsAfter = store.ofKind('shot');
    expect(shotsAfter).not.toBe(shots);
    expect(shotsAfter[0]?.x).toBe(500);
  });

  it('drops the cached list of every kind a transaction touched, and of a deleted record’s kind', () => {
    const a = shot();
    const sc = scene();
    const n = note();
    const { store } = storeWith([a, sc, n]);
    const [shots, scenes, notes] = [store.ofKind('shot'), store.ofKind('scene'), store.ofKind('note')];
    store.transact((tx) => {
      tx.update<SceneRecord>(sc.id, { title: 'Kitchen' });
      tx.remove(n.id);
    });
    expect(store.ofKind('shot')).toBe(shots);
    expect(store.ofKind('scene')).not.toBe(scenes);
    expect(store.ofKind('scene')[0]?.title).toBe('Kitchen');
    expect(store.ofKind('note')).not.toBe(notes);
    expect(store.ofKind('note')).toEqual([]);
  });

  it('all() yields every record of every kind; toData splits them by collection', () => {
    const a = shot();
    const sc = scene();
    const n = note();
    const link = arrow(a.id, n.id);
    const { store } = storeWith([link, n, sc, a]);
    expect([...store.all()].map((r) => r.id).sort()).toEqual([a.id, sc.id, n.id, link.id].sort());
    expect(store.toData()).toEqual({ settings: settings(), shots: [a], scenes: [sc], notes: [n], arrows: [link], takes: [] });
  });

  it('getShot returns only shots', () => {
    const a = shot();
    const n = note();
    const { store } = storeWith([a, n]);
    expect(store.getShot(a.id)).toBe(a);
    expect(store.getShot(n.id as string as ShotRecord['id'])).toBeUndefined();
    expect(store.get(n.id)).toBe(n);
  });
});

describe('DocumentStore.restore (undo and redo)', () => {
  it("puts content back, stamps a newer rev and the clock's updatedAt, and emits origin 'history'", () => {
    const n = note({ text: 'before', rev: 4 });
    const { store, setNow } = storeWith([n], 10);
    store.transact((tx) => tx.update<NoteRecord>(n.id, { text: 'after' }));
    expect(store.get(n.id)?.rev).toBe(5);
    const diffs: Diff[] = [];
    store.subscribe((d) => diffs.push(d));
    setNow(99_000);
    const diff = store.restore([{ id: n.id, record: n }]);
    expect(diff).not.toBeNull();
    expect(diff?.origin).toBe('history');
    expect(diff?.revision).toBe(12);
    expect(diffs).toEqual([diff]);
    // Content goes back; time and rev move forward so a later sync sees a newer write.
    expect(store.get(n.id)).toEqual({ ...n, rev: 6, updatedAt: 99_000 });
    expect(diff?.changes[0]?.before).toMatchObject({ text: 'after', rev: 5 });
    expect(isPersistedOrigin('history')).toBe(true);
  });

  it('recreates deleted records and deletes created ones', () => {
    const gone = scene({ rev: 2 });
    const created = note();
    const { store } = storeWith([created]);
    const diff = store.restore([
      { id: created.id, record: null },
      { id: gone.id, record: gone },
    ]);
    expect(store.get(created.id)).toBeUndefined();
    expect(store.get(gone.id)).toMatchObject({ id: gone.id, rev: 3 });
    expect(diff?.changes.map((c) => [c.id, c.before === null, c.after === null])).toEqual([
      [created.id, false, true],
      [gone.id, true, false],
    ]);
  });

  it('returns null and emits nothing when there is nothing to restore, or the document is read-only', () => {
    const n = note();
    const { store } = storeWith([n]);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.restore([])).toBeNull();
    expect(store.restore([{ id: shot().id, record: null }])).toBeNull();
    expect(listener).not.toHaveBeenCalled();
    store.setReadOnly('newer version');
    listener.mockClear();
    expect(store.restore([{ id: n.id, record: null }])).toBeNull();
    expect(store.get(n.id)).toBe(n);
    expect(listener).not.toHaveBeenCalled();
  });

  it('invalidates the cached list of the restored kind only', () => {
    const a = shot();
    const n = note({ text: 'x' });
    const { store } = storeWith([a, n]);
    const [shots, notes] = [store.ofKind('shot'), store.ofKind('note')];
    store.restore([{ id: n.id, record: { ...n, text: 'y' } }]);
    expect(store.ofKind('shot')).toBe(shots);
    expect(store.ofKind('note')).not.toBe(notes);
    expect(store.ofKind('note')[0]?.text).toBe('y');
  });
});

describe('DocumentStore read-only', () => {
  it('refuses transactions while read-only and tells subscribers with a view diff', () => {
    const n = note();
    const { store } = storeWith([n]);
    const diffs: Diff[] = [];
    store.subscribe((d) => diffs.push(d));
    const version = store.viewVersion;
    store.setReadOnly('written by a newer version');
    expect(store.readOnly).toBe('written by a newer version');
    expect(diffs).toEqual([{ revision: 5, changes: [], origin: 'view' }]);
    expect(store.viewVersion).toBe(version + 1);
    expect(store.transact((tx) => tx.remove(n.id))).toBeNull();
    expect(store.get(n.id)).toBe(n);
    expect(store.revision).toBe(5);
  });
});
