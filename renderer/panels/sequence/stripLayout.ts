/**
 * Geometry of the sequence strip: fixed-size items, so a drop position or a scroll target is
 * arithmetic rather than a DOM measurement (most items are not mounted: the list is virtual).
 */
export const STRIP_ITEM_WIDTH = 100;
export const STRIP_GAP = 8;
export const STRIP_STRIDE = STRIP_ITEM_WIDTH + STRIP_GAP;
/** Space before the first and after the last item. */
export const STRIP_PADDING = 8;
/** How close to an edge (px) a drag must come before the strip scrolls, and its top speed (px per frame). */
export const AUTO_SCROLL_ZONE = 48;
export const AUTO_SCROLL_MAX = 18;
/** Pointer travel (px) before a press becomes a drag, so a slightly shaky click still selects. */
export const DRAG_THRESHOLD = 4;

/** The x (content coordinates) of the boundary before item `index`, where a drop indicator goes. */
export function boundaryX(index: number): number {
  return STRIP_PADDING + index * STRIP_STRIDE - STRIP_GAP / 2;
}

/** The insertion index (0…count) nearest to content x. */
export function dropIndexAt(contentX: number, count: number): number {
  const index = Math.round((contentX - STRIP_PADDING + STRIP_GAP / 2) / STRIP_STRIDE);
  return Math.min(count, Math.max(0, index));
}

/**
 * Whether dropping the dragged items at `index` would leave the cut as it is: they are one
 * contiguous run and the index is at its start, end or inside it.
 */
export function isNoopDrop(draggedIndices: readonly number[], index: number): boolean {
  if (draggedIndices.length === 0) return true;
  const sorted = [...draggedIndices].sort((a, b) => a - b);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (last - first + 1 !== sorted.length) return false;
  return index >= first && index <= last + 1;
}

/** Scroll speed (px per frame, negative = left) for a pointer at `x` inside [left, right]. */
export function autoScrollSpeed(x: number, left: number, right: number): number {
  if (right - left < AUTO_SCROLL_ZONE * 3) return 0;
  if (x < left + AUTO_SCROLL_ZONE) return -Math.ceil(AUTO_SCROLL_MAX * Math.min(1, (left + AUTO_SCROLL_ZONE - x) / AUTO_SCROLL_ZONE));
  if (x > right - AUTO_SCROLL_ZONE) return Math.ceil(AUTO_SCROLL_MAX * Math.min(1, (x - (right - AUTO_SCROLL_ZONE)) / AUTO_SCROLL_ZONE));
  return 0;
}
