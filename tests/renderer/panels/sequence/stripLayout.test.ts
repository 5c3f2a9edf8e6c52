import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordChange } from '../../../../renderer/editor/documentStore.ts';
import { mattersToStrip } from '../../../../renderer/panels/sequence/stripChanges.ts';
import {
  AUTO_SCROLL_MAX,
  AUTO_SCROLL_ZONE,
  STRIP_GAP,
  STRIP_ITEM_WIDTH,
  STRIP_PADDING,
  autoScrollSpeed,
  boundaryX,
  dropIndexAt,
  isNoopDrop,
} from '../../../../renderer/panels/sequence/stripLayout.ts';
import { shot } from '../../../shared/fixtures.ts';

describe('drop positions', () => {
  it('picks the boundary nearest to the pointer, clamped to the list', () => {
    expect(dropIndexAt(0, 5)).toBe(0);
    expect(dropIndexAt(STRIP_PADDING + STRIP_ITEM_WIDTH * 0.4, 5)).toBe(0);
    expect(dropIndexAt(STRIP_PADDING + STRIP_ITEM_WIDTH * 0.6, 5)).toBe(1);
    expect(dropIndexAt(1e9, 5)).toBe(5);
    expect(dropIndexAt(-50, 5)).toBe(0);
    expect(dropIndexAt(500, 0)).toBe(0);
  });

  it('maps every boundary back to its own index', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
        const count = Math.max(a, b);
        const index = Math.min(a, b);
        expect(dropIndexAt(boundaryX(index), count)).toBe(index);
        expect(dropIndexAt(boundaryX(index) + STRIP_GAP, count)).toBe(index);
      }),
    );
  });

  it('knows when a drop would leave the cut unchanged', () => {
    expect(isNoopDrop([3], 3)).toBe(true);
    expect(isNoopDrop([3], 4)).toBe(true);
    expect(isNoopDrop([3], 5)).toBe(false);
    expect(isNoopDrop([3], 2)).toBe(false);
    expect(isNoopDrop([4, 3, 5], 5)).toBe(true);
    expect(isNoopDrop([2, 5], 3)).toBe(false);
    expect(isNoopDrop([], 0)).toBe(true);
  });
});

describe('auto-scroll', () => {
  it('scrolls towards the edge the pointer is near, faster closer to it', () => {
    expect(autoScrollSpeed(500, 0, 1000)).toBe(0);
    expect(autoScrollSpeed(AUTO_SCROLL_ZONE / 2, 0, 1000)).toBeLessThan(0);
    expect(autoScrollSpeed(-40, 0, 1000)).toBe(-AUTO_SCROLL_MAX);
    expect(autoScrollSpeed(1000 - AUTO_SCROLL_ZONE / 4, 0, 1000)).toBeGreaterThan(autoScrollSpeed(1000 - AUTO_SCROLL_ZONE / 2, 0, 1000));
    expect(autoScrollSpeed(2000, 0, 1000)).toBe(AUTO_SCROLL_MAX);
    expect(autoScrollSpeed(5, 0, 100)).toBe(0);
  });
});

describe('mattersToStrip', () => {
  const change = (before: ReturnType<typeof shot> | null, after: ReturnType<typeof shot> | null): RecordChange => ({
    id: (before ?? after)!.id,
    before,
    after,
  });

  it('ignores canvas moves and reacts to what the strip shows', () => {
    const a = shot({ title: 'A' });
    expect(mattersToStrip(change(a, { ...a, x: 100, y: 50 }))).toBe(false);
    expect(mattersToStrip(change(a, { ...a, description: 'more' }))).toBe(false);
    expect(mattersToStrip(change(a, { ...a, order: 'b0' }))).toBe(true);
    expect(mattersToStrip(change(a, { ...a, title: 'B' }))).toBe(true);
    expect(mattersToStrip(change(a, { ...a, status: 'approved' }))).toBe(true);
    expect(mattersToStrip(change(null, a))).toBe(true);
    expect(mattersToStrip(change(a, null))).toBe(true);
  });
});
