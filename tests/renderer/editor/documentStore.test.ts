import { describe, expect, it, vi } from 'vitest';
import type { Diff, RecordChange } from '../../../renderer/editor/documentStore.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { settings, shot } from '../../shared/fixtures.ts';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v) };
}

function storeWith(records: ShotRecord[], revision = 5) {
  const c = clock();
  return { store: new DocumentStore(settings(), revision, records, c.now), clock: c };
}

function invert(diff: Diff): RecordChange[] {
  return [...diff.changes].reverse().map((c) => ({ id: c.id, before: c.after, after: c.before }));
}

describe('DocumentStore.transact', () => {
  it('put creates a record, stamps updatedAt from the clock, and reports before = null', () => {
    const { store, clock } = storeWith([]);
    clock.set(42_000);
    const created = shot({ title: 'Wide', rev: 0, updatedAt: 1 });
    const diff = store.transact((tx) => tx.put(created));
    expect(diff?.revision).toBe(6);
    expect(diff?.origin).toBe('user');
    expect(diff?.changes).toHaveLength(1);
    const change = diff!.changes[0]!;
    expect(change.before).toBeNull();
    expect(change.after).toEqual({ ...created, updatedAt: 42_000, rev: 0 });
    expect(store.get(created.id)).toEqual(change.after);
  });

  it('update merges the patch, bumps rev, and keeps id and kind', () => {
    const original = shot({ title: 'Wide', rev: 3 });
    const { store, clock } = storeWith([original]);
    clock.set(50_000);
    const diff = store.transact((tx) => tx.update<ShotRecord>(original.id, { title: 'Close-up', id: 'other' } as Partial<ShotRecord>));
    const change = diff!.changes[0]!;
    expect(change.before).toBe(original);
    expect(change.after).toMatchObject({ id: original.id, kind: 'shot', title: 'Close-up', rev: 4, updatedAt: 50_000 });
    expect(store.getShot(original.id)?.title).toBe('Close-up');
  });

  it('put over an existing record continues its rev', () => {
    const original = shot({ rev: 7 });
    const { store } = storeWith([original]);
    store.transact((tx) => tx.put({ ...original, title: 'replaced', rev: 0 }));
    expect(store.get(original.id)?.rev).toBe(8);
  });

  it('remove reports after = null and deletes the record', () => {
    const a = shot();
    const { store } = storeWith([a]);
    const diff = store.transact((tx) => tx.remove(a.id));
    expect(diff?.changes).toEqual([{ id: a.id, before: a, after: null }]);
    expect(store.get(a.id)).toBeUndefined();
    expect(store.shots()).toEqual([]);
  });

  it('spends exactly one revision on a transaction with many changes', () => {
    const a = shot();
    const b = shot();
    const { store } = storeWith([a, b], 10);
    const diff = store.transact((tx) => {
      tx.update<ShotRecord>(a.id, { x: 5 });
      tx.update<ShotRecord>(a.id, { y: 6 });
      tx.remove(b.id);
      tx.put(shot());
    });
    expect(diff?.revision).toBe(11);
    expect(store.revision).toBe(11);
    expect(diff?.changes).toHaveLength(3);
    expect(store.get(a.id)).toMatchObject({ x: 5, y: 6, rev: a.rev + 2 });
  });

  it('returns null and keeps the revision for a no-op', () => {
    const a = shot({ title: 'Same', tags: ['x'] });
    const { store } = storeWith([a], 9);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.transact(() => undefined)).toBeNull();
    expect(store.transact((tx) => tx.update<ShotRecord>(a.id, { title: 'Same', tags: ['x'] }))).toBeNull();
    expect(store.transact((tx) => tx.remove(shot().id))).toBeNull();
    const temp = shot();
    expect(store.transact((tx) => (tx.put(temp), tx.remove(temp.id)))).toBeNull();
    expect(store.revision).toBe(9);
    expect(store.get(a.id)).toBe(a);
    expect(listener).not.toHaveBeenCalled();
  });

  it('applies nothing when the edit throws', () => {
    const a = shot({ title: 'Keep' });
    const { store } = storeWith([a], 3);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(() =>
      store.transact((tx) => {
        tx.update<ShotRecord>(a.id, { title: 'Lost' });
        tx.put(shot());
        throw new Error('midway');
      }),
    ).toThrow('midway');
    expect(store.get(a.id)).toBe(a);
    expect(store.shots()).toEqual([a]);
    expect(store.revision).toBe(3);
    expect(listener).not.toHaveBeenCalled();
  });

  it('update of a missing record throws and applies nothing', () => {
    const { store } = storeWith([]);
    expect(() => store.transact((tx) => tx.update<ShotRecord>(shot().id, { title: 'x' }))).toThrow(/no record/);
    expect(store.revision).toBe(5);
  });

  it("tx.get sees the transaction's own writes", () => {
    const a = shot({ title: 'A' });
    const { store } = storeWith([a]);
    const seen: Array<string | undefined> = [];
    store.transact((tx) => {
      tx.update<ShotRecord>(a.id, { title: 'B' });
      const title = () => {
        const record = tx.get(a.id);
        return record?.kind === 'shot' ? record.title : undefined;
      };
      seen.push(title());
      tx.remove(a.id);
      seen.push(title());
    });
    expect(seen).toEqual(['B', undefined]);
  });
});

describe('DocumentStore.shots', () => {
  it('sorts by order key, then id, and caches until the next change', () => {
    const late = shot({ order: 'a2' });
    const early = shot({ order: 'a0' });
    const middle = shot({ order: 'a1' });
    const { store } = storeWith([late, early, middle]);
    const first = store.shots();
    expect(first.map((s) => s.id)).toEqual([early.id, middle.id, late.id]);
    expect(store.shots()).toBe(first);
    store.transact((tx) => tx.update<ShotRecord>(late.id, { order: 'Zz' }));
    const second = store.shots();
    expect(second).not.toBe(first);
    expect(second.map((s) => s.id)).toEqual([late.id, early.id, middle.id]);
  });

  it('breaks order ties by id so the cut order is deterministic', () => {
    const [x, y] = [shot({ order: 'a0' }), shot({ order: 'a0' })];
    const ids = [x.id, y.id].sort();
    expect(
      storeWith([x, y])
        .store.shots()
        .map((s) => s.id),
    ).toEqual(ids);
    expect(
      storeWith([y, x])
        .store.shots()
        .map((s) => s.id),
    ).toEqual(ids);
  });

  it('toData returns settings and shots in cut order (and the other kinds, none here)', () => {
    const [b, a] = [shot({ order: 'b0' }), shot({ order: 'a0' })];
    const { store } = storeWith([b, a]);
    expect(store.toData()).toEqual({ settings: settings(), shots: [a, b], scenes: [], notes: [], arrows: [], takes: [] });
  });
});

describe('DocumentStore subscriptions and apply', () => {
  it('notifies subscribers once per transaction until they unsubscribe', () => {
    const { store } = storeWith([]);
    const diffs: Diff[] = [];
    const unsubscribe = store.subscribe((d) => diffs.push(d));
    store.transact((tx) => (tx.put(shot()), tx.put(shot())));
    expect(diffs).toHaveLength(1);
    expect(diffs[0]?.changes).toHaveLength(2);
    unsubscribe();
    store.transact((tx) => tx.put(shot()));
    expect(diffs).toHaveLength(1);
  });

  it('applying the inverted diff restores the previous state', () => {
    const a = shot({ title: 'A', x: 1 });
    const b = shot({ title: 'B' });
    const { store } = storeWith([a, b]);
    const before = store.shots();
    const diff = store.transact((tx) => {
      tx.update<ShotRecord>(a.id, { title: 'A2', x: 99 });
      tx.remove(b.id);
      tx.put(shot({ title: 'C' }));
    })!;
    expect(store.shots()).not.toEqual(before);
    const undo = store.apply(invert(diff), 'user');
    expect(store.shots()).toEqual(before);
    expect(undo.revision).toBe(diff.revision + 1);
    store.apply(invert(undo), 'user');
    expect(
      store
        .shots()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['A2', 'C']);
  });

  it("apply with origin 'load' is delivered with that origin", () => {
    const { store } = storeWith([]);
    const listener = vi.fn();
    store.subscribe(listener);
    const s = shot();
    store.apply([{ id: s.id, before: null, after: s }], 'load');
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ origin: 'load', revision: 6 }));
    expect(store.shots()).toEqual([s]);
  });
});
