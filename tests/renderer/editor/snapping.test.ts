import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../renderer/editor/camera.ts';
import { computeSnap } from '../../../renderer/editor/snapping.ts';

const NO_GRID = { threshold: 6, grid: null };
const r = (x: number, y: number, width = 100, height = 50): Rect => ({ x, y, width, height });

describe('computeSnap', () => {
  it('snaps a left edge to a nearby left edge within the threshold', () => {
    const result = computeSnap(r(104, 500), [r(100, 0)], NO_GRID);
    expect(result.dx).toBe(-4);
    expect(result.dy).toBe(0);
  });

  it('snaps a right edge to a left edge (cards placed side by side) and a top edge to a bottom edge', () => {
    // Moving right edge 298 → other's left edge 300; moving top 253 → other's bottom 250.
    const result = computeSnap(r(198, 253), [r(300, 200, 100, 50)], { threshold: 6, grid: null });
    expect(result.dx).toBe(2);
    expect(result.dy).toBe(-3);
  });

  it('snaps centre lines: a narrow card centred under a wide one', () => {
    // Wide card centre x = 0 + 400 / 2 = 200; narrow card centre = 147 + 50 = 197.
    const result = computeSnap(r(147, 500, 100, 50), [r(0, 0, 400, 80)], NO_GRID);
    expect(result.dx).toBe(3);
  });

  it('the nearest candidate wins, across lines and across cards', () => {
    const moving = r(100, 1000);
    // Left edge to 104 (+4) or to 98 (−2): −2 wins, whichever card comes first.
    expect(computeSnap(moving, [r(104, 0), r(98, 300)], NO_GRID).dx).toBe(-2);
    expect(computeSnap(moving, [r(98, 300), r(104, 0)], NO_GRID).dx).toBe(-2);
  });

  it('snaps at exactly the threshold but not one unit beyond it, and then draws no guide', () => {
    expect(computeSnap(r(106, 500), [r(100, 0)], NO_GRID).dx).toBe(-6);
    const far = computeSnap(r(107, 507), [r(100, 0, 100, 500)], NO_GRID);
    expect(far).toEqual({ dx: 0, dy: 0, guides: [] });
  });

  it('falls back to the grid on an axis with no card in reach, snapping the top-left corner', () => {
    const result = computeSnap(r(123, 77), [], { threshold: 6, grid: 50 });
    expect(result.dx).toBe(-23);
    expect(result.dy).toBe(23);
    expect(result.guides).toEqual([]);
  });

  it('prefers a card within reach over the grid, per axis', () => {
    // x: the card's left edge 121 is 2 away; y: nothing in reach, so the grid (50) decides.
    const result = computeSnap(r(123, 77), [r(121, 2000)], { threshold: 6, grid: 50 });
    expect(result.dx).toBe(-2);
    expect(result.dy).toBe(23);
  });

  it('draws a guide at the snapped line spanning both the moved and the aligned rectangles', () => {
    const other = r(100, 0, 100, 50);
    const result = computeSnap(r(103, 500, 100, 50), [other], NO_GRID);
    expect(result.guides).toEqual([{ axis: 'x', position: 100, from: 0, to: 550 }]);
  });

  it('a guide spans every card that lines up with the snapped line, not only the nearest', () => {
    const result = computeSnap(r(102, 300), [r(100, 0), r(100, 1000), r(500, 2000)], NO_GRID);
    expect(result.dx).toBe(-2);
    expect(result.guides).toEqual([{ axis: 'x', position: 100, from: 0, to: 1050 }]);
  });

  it('snaps both axes at once with one guide per axis', () => {
    const result = computeSnap(r(302, 97), [r(300, 500), r(900, 100)], NO_GRID);
    expect(result.dx).toBe(-2);
    expect(result.dy).toBe(3);
    expect(result.guides.map((g) => [g.axis, g.position])).toEqual([
      ['x', 300],
      ['y', 100],
    ]);
    const horizontal = result.guides.find((g) => g.axis === 'y')!;
    expect([horizontal.from, horizontal.to]).toEqual([300, 1000]);
  });

  it('never moves further than the threshold when no grid is set (property)', () => {
    const coord = fc.integer({ min: -2000, max: 2000 });
    const rect = fc.record({ x: coord, y: coord, width: fc.integer({ min: 1, max: 500 }), height: fc.integer({ min: 1, max: 500 }) });
    fc.assert(
      fc.property(rect, fc.array(rect, { maxLength: 10 }), fc.integer({ min: 0, max: 30 }), (moving, others, threshold) => {
        const result = computeSnap(moving, others, { threshold, grid: null });
        expect(Math.abs(result.dx)).toBeLessThanOrEqual(threshold);
        expect(Math.abs(result.dy)).toBeLessThanOrEqual(threshold);
        // After the correction, every guide's line really is one of the moved rectangle's lines.
        const moved = { ...moving, x: moving.x + result.dx, y: moving.y + result.dy };
        for (const g of result.guides) {
          const lines =
            g.axis === 'x' ? [moved.x, moved.x + moved.width / 2, moved.x + moved.width] : [moved.y, moved.y + moved.height / 2, moved.y + moved.height];
          expect(lines.some((l) => Math.abs(l - g.position) < 1e-9)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
