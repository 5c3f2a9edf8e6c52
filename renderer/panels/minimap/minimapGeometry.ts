import type { Point, Rect } from '../../editor/camera.ts';
import { unionRects } from '../../editor/camera.ts';
import type { DocRecord } from '../../editor/documentStore.ts';
import { recordBounds } from '../../editor/geometry.ts';

/** World → minimap pixels: a uniform scale and an offset, the world rect centred in the map. */
export interface MinimapTransform {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export function fitTransform(world: Rect, size: { width: number; height: number }, padding = 6): MinimapTransform {
  const w = Math.max(1, size.width - padding * 2);
  const h = Math.max(1, size.height - padding * 2);
  const scale = Math.min(w / Math.max(1, world.width), h / Math.max(1, world.height));
  return {
    scale,
    offsetX: size.width / 2 - (world.x + world.width / 2) * scale,
    offsetY: size.height / 2 - (world.y + world.height / 2) * scale,
  };
}

export function toMap(t: MinimapTransform, p: Point): Point {
  return { x: p.x * t.scale + t.offsetX, y: p.y * t.scale + t.offsetY };
}

export function toWorld(t: MinimapTransform, p: Point): Point {
  return { x: (p.x - t.offsetX) / t.scale, y: (p.y - t.offsetY) / t.scale };
}

export function rectToMap(t: MinimapTransform, r: Rect): Rect {
  return { x: r.x * t.scale + t.offsetX, y: r.y * t.scale + t.offsetY, width: r.width * t.scale, height: r.height * t.scale };
}

/** The world rectangle covering every scene, shot and note (arrows follow their ends), or null. */
export function contentBounds(records: Iterable<DocRecord>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const record of records) {
    const r = recordBounds(record);
    if (!r) continue;
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** What the minimap shows: the content plus the current view, so the view rectangle is always on it. */
export function minimapWorld(content: Rect | null, view: Rect | null): Rect | null {
  return unionRects([content, view].filter((r): r is Rect => r !== null && r.width > 0 && r.height > 0));
}
