import { describe, expect, it } from 'vitest';
import { nextMountedIds } from '../../../renderer/canvas/useNearIds.ts';
import type { IndexedItem } from '../../../renderer/editor/spatialIndex.ts';

const item = (id: string, x: number, y: number): IndexedItem => ({ id, kind: 'shot', minX: x, minY: y, maxX: x + 10, maxY: y + 10 });
const targetOf = (...items: IndexedItem[]) => new Map(items.map((i) => [i.id, i]));

describe('nextMountedIds', () => {
  it('mounts at most the budget per frame, nearest the centre first, and reports what is still pending', () => {
    const target = targetOf(item('far', 1000, 0), item('near', 0, 0), item('mid', 100, 0), item('farther', 5000, 0));
    const plan = nextMountedIds(new Set(), target, { x: 5, y: 5 }, 2);
    expect([...plan!.ids].sort()).toEqual(['mid', 'near']);
    expect(plan!.pending).toBe(2);
    const second = nextMountedIds(plan!.ids, target, { x: 5, y: 5 }, 2);
    expect([...second!.ids].sort()).toEqual(['far', 'farther', 'mid', 'near']);
    expect(second!.pending).toBe(0);
    expect(nextMountedIds(second!.ids, target, { x: 5, y: 5 }, 2)).toBeNull();
  });

  it('unmounts everything outside the target at once, keeping what is still inside', () => {
    const plan = nextMountedIds(new Set(['a', 'b', 'gone']), targetOf(item('a', 0, 0), item('b', 0, 0)), { x: 0, y: 0 }, 1);
    expect([...plan!.ids].sort()).toEqual(['a', 'b']);
    expect(plan!.pending).toBe(0);
  });
});
