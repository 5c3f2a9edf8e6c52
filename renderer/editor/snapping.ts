import type { Rect } from './camera.ts';

/** World units between grid dots; grid snapping uses the same spacing so cards land on the dots. */
export const GRID_SPACING = 24;

export interface SnapGuide {
  /** 'x' guides are vertical lines at `position`; 'y' guides horizontal. */
  readonly axis: 'x' | 'y';
  readonly position: number;
  /** Extent of the guide along the other axis (covers both aligned rectangles). */
  readonly from: number;
  readonly to: number;
}

export interface SnapResult {
  readonly dx: number;
  readonly dy: number;
  readonly guides: readonly SnapGuide[];
}

export interface SnapOptions {
  /** Snap distance in world units (screen pixels / zoom). */
  readonly threshold: number;
  /** Grid spacing in world units when grid snapping is on. */
  readonly grid: number | null;
}

function lines(r: Rect, axis: 'x' | 'y'): number[] {
  return axis === 'x' ? [r.x, r.x + r.width / 2, r.x + r.width] : [r.y, r.y + r.height / 2, r.y + r.height];
}

/**
 * Where a moving selection should snap: its left/centre/right (top/middle/bottom) lines to the
 * same lines of nearby cards, within the threshold, closest first; otherwise to the grid. Returns
 * the correction to add to the move and the guides to draw.
 */
export function computeSnap(moving: Rect, others: readonly Rect[], options: SnapOptions): SnapResult {
  const axisSnap = (axis: 'x' | 'y') => {
    let best: { delta: number; position: number } | null = null;
    const mine = lines(moving, axis);
    for (const other of others) {
      for (const target of lines(other, axis)) {
        for (const line of mine) {
          const delta = target - line;
          if (Math.abs(delta) <= options.threshold && (!best || Math.abs(delta) < Math.abs(best.delta))) best = { delta, position: target };
        }
      }
    }
    if (best) return best;
    if (options.grid) {
      const start = axis === 'x' ? moving.x : moving.y;
      const snapped = Math.round(start / options.grid) * options.grid;
      return { delta: snapped - start, position: Number.NaN };
    }
    return { delta: 0, position: Number.NaN };
  };
  const sx = axisSnap('x');
  const sy = axisSnap('y');
  const snapped: Rect = { ...moving, x: moving.x + sx.delta, y: moving.y + sy.delta };
  const guides: SnapGuide[] = [];
  // Draw a guide for every card that lines up exactly with the snapped position.
  for (const [axis, s] of [
    ['x', sx],
    ['y', sy],
  ] as const) {
    if (Number.isNaN(s.position)) continue;
    const aligned = others.filter((o) => lines(o, axis).some((l) => Math.abs(l - s.position) < 0.5));
    const span = [snapped, ...aligned].map((r) => (axis === 'x' ? [r.y, r.y + r.height] : [r.x, r.x + r.width])).flat();
    guides.push({ axis, position: s.position, from: Math.min(...span), to: Math.max(...span) });
  }
  return { dx: sx.delta, dy: sy.delta, guides };
}
