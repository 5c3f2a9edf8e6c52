import { describe, expect, it, vi } from 'vitest';
import type { Diff } from '../../../renderer/editor/documentStore.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { addShot, deleteShots, moveShots, shotNumbers, updateShot } from '../../../renderer/editor/shotCommands.ts';
import type { ShotId } from '../../../shared/ids.ts';
import { isUuid } from '../../../shared/ids.ts';
import { shotRecordSchema } from '../../../shared/model/shot.ts';
import { settings, shot, shotId } from '../../shared/fixtures.ts';

function newStore(records = [shot(), shot()]) {
  const store = new DocumentStore(settings(), 0, records, () => 7_000);
  const diffs: Diff[] = [];
  store.subscribe((d) => diffs.push(d));
  return { store, diffs };
}

describe('addShot', () => {
  it('creates a valid shot at a rounded position with a fresh id', () => {
    const { store, diffs } = newStore([]);
    const id = addShot(store, { x: 10.6, y: -3.2 }, { title: 'Opening' });
    expect(isUuid(id)).toBe(true);
    const created = store.getShot(id);
    expect(created).toMatchObject({ x: 11, y: -3, title: 'Opening', status: 'idea', rev: 0, updatedAt: 7_000 });
    expect(shotRecordSchema.safeParse(created).success).toBe(true);
    expect(diffs).toHaveLength(1);
  });

  it('appends: each new shot orders after the last one', () => {
    const { store } = newStore([]);
    const ids = Array.from({ length: 30 }, (_, i) => addShot(store, { x: i, y: 0 }));
    const orders = ids.map((id) => store.getShot(id)!.order);
    for (let i = 1; i < orders.length; i += 1) expect(orders[i]! > orders[i - 1]!).toBe(true);
    expect(store.shots().map((s) => s.id)).toEqual(ids);
  });

  it('appends after existing shots', () => {
    const existing = shot({ order: 'a5' });
    const { store } = newStore([existing]);
    const id = addShot(store, { x: 0, y: 0 });
    expect(store.shots().map((s) => s.id)).toEqual([existing.id, id]);
  });
});

describe('moveShots', () => {
  it('moves many shots in one transaction with rounded coordinates', () => {
    const [a, b, c] = [shot(), shot(), shot()];
    const { store, diffs } = newStore([a, b, c]);
    moveShots(
      store,
      new Map<ShotId, { x: number; y: number }>([
        [a.id, { x: 100.4, y: 200.5 }],
        [b.id, { x: -0.6, y: 3 }],
      ]),
    );
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.changes.map((ch) => ch.id).sort()).toEqual([a.id, b.id].sort());
    expect(store.getShot(a.id)).toMatchObject({ x: 100, y: 201 });
    expect(store.getShot(b.id)).toMatchObject({ x: -1, y: 3 });
    expect(store.getShot(c.id)).toBe(c);
    expect(store.revision).toBe(1);
  });

  it('ignores ids that do not exist and spends no revision on a no-op', () => {
    const a = shot({ x: 5, y: 5 });
    const { store, diffs } = newStore([a]);
    moveShots(
      store,
      new Map([
        [shotId(), { x: 1, y: 1 }],
        [a.id, { x: 5.2, y: 4.9 }],
      ]),
    );
    expect(diffs).toHaveLength(0);
    expect(store.revision).toBe(0);
  });
});

describe('updateShot', () => {
  it('patches one shot as one change', () => {
    const a = shot();
    const { store, diffs } = newStore([a]);
    updateShot(store, a.id, { title: 'Insert', status: 'planned', tags: ['night'] });
    expect(store.getShot(a.id)).toMatchObject({ title: 'Insert', status: 'planned', tags: ['night'], rev: a.rev + 1 });
    expect(diffs).toHaveLength(1);
  });

  it('does nothing for a missing shot instead of throwing', () => {
    const { store, diffs } = newStore();
    expect(() => updateShot(store, shotId(), { title: 'x' })).not.toThrow();
    expect(diffs).toHaveLength(0);
  });
});

describe('deleteShots', () => {
  it('removes the given shots in one transaction and counts them once each', () => {
    const [a, b, c] = [shot(), shot(), shot()];
    const { store, diffs } = newStore([a, b, c]);
    expect(deleteShots(store, [a.id, shotId(), b.id, a.id])).toBe(2);
    expect(store.shots()).toEqual([c]);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.changes.every((ch) => ch.after === null)).toBe(true);
  });

  it('returns 0 and makes no diff when nothing matches', () => {
    const { store } = newStore();
    const listener = vi.fn();
    store.subscribe(listener);
    expect(deleteShots(store, [shotId()])).toBe(0);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('shotNumbers', () => {
  it('numbers shots by cut position unless overridden', () => {
    const shots = [shot(), shot({ numberOverride: '12A' }), shot(), shot({ numberOverride: '' })];
    const numbers = shotNumbers(shots);
    expect(shots.map((s) => numbers.get(s.id))).toEqual(['1', '12A', '3', '']);
  });

  it('is empty for no shots', () => {
    expect(shotNumbers([]).size).toBe(0);
  });
});
