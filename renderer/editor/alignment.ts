import type { Rect } from './camera.ts';

export type AlignMode = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';
export type DistributeAxis = 'horizontal' | 'vertical';

export interface Placed {
  readonly id: string;
  readonly rect: Rect;
}

/** New top-left positions that line the rectangles up on one edge or centre of their union. */
export function alignRects(items: readonly Placed[], mode: AlignMode): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  if (items.length < 2) return out;
  const minX = Math.min(...items.map((i) => i.rect.x));
  const maxX = Math.max(...items.map((i) => i.rect.x + i.rect.width));
  const minY = Math.min(...items.map((i) => i.rect.y));
  const maxY = Math.max(...items.map((i) => i.rect.y + i.rect.height));
  for (const { id, rect } of items) {
    let { x, y } = rect;
    if (mode === 'left') x = minX;
    else if (mode === 'right') x = maxX - rect.width;
    else if (mode === 'center') x = (minX + maxX) / 2 - rect.width / 2;
    else if (mode === 'top') y = minY;
    else if (mode === 'bottom') y = maxY - rect.height;
    else y = (minY + maxY) / 2 - rect.height / 2;
    if (x !== rect.x || y !== rect.y) out.set(id, { x: Math.round(x), y: Math.round(y) });
  }
  return out;
}

/**
 * Equal gaps between the rectangles along an axis, keeping the two outermost where they are
 * (the way Figma and Keynote distribute).
 */
export function distributeRects(items: readonly Placed[], axis: DistributeAxis): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  if (items.length < 3) return out;
  const start = (r: Rect) => (axis === 'horizontal' ? r.x : r.y);
  const size = (r: Rect) => (axis === 'horizontal' ? r.width : r.height);
  const sorted = [...items].sort((a, b) => start(a.rect) - start(b.rect));
  const first = sorted[0]!.rect;
  const last = sorted[sorted.length - 1]!.rect;
  const span = start(last) + size(last) - start(first);
  const total = sorted.reduce((sum, i) => sum + size(i.rect), 0);
  const gap = (span - total) / (sorted.length - 1);
  let cursor = start(first);
  for (const { id, rect } of sorted) {
    const position = Math.round(cursor);
    if (position !== start(rect)) out.set(id, axis === 'horizontal' ? { x: position, y: rect.y } : { x: rect.x, y: position });
    cursor += size(rect) + gap;
  }
  return out;
}
