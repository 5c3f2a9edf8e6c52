import { NOTE_SIZE } from '../../shared/model/note.ts';
import type { DocRecord } from '../../shared/model/records.ts';
import { SCENE_HEADER_HEIGHT } from '../../shared/model/scene.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import type { Point, Rect } from './camera.ts';

/** The world rectangle a record occupies; arrows follow their ends and takes live inside their shot, so neither has one. */
export function recordBounds(record: DocRecord): Rect | null {
  switch (record.kind) {
    case 'shot':
      return { x: record.x, y: record.y, width: SHOT_CARD.width, height: SHOT_CARD_HEIGHT };
    case 'scene':
      return { x: record.x, y: record.y, width: record.width, height: record.collapsed ? SCENE_HEADER_HEIGHT : record.height };
    case 'note':
      return { x: record.x, y: record.y, width: record.width || NOTE_SIZE.width, height: record.height || NOTE_SIZE.height };
    case 'arrow':
    case 'take':
      return null;
  }
}

export function rectContainsPoint(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

export function rectContainsRect(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function rectCenter(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

export function expandRect(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + by * 2, height: r.height + by * 2 };
}

/** Normalizes a rectangle given by two corners (a marquee dragged in any direction). */
export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** Where a line from the centre of `r` towards `toward` leaves `r` (arrow end points). */
export function rectEdgePoint(r: Rect, toward: Point): Point {
  const c = rectCenter(r);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx !== 0 ? r.width / 2 / Math.abs(dx) : Infinity;
  const sy = dy !== 0 ? r.height / 2 / Math.abs(dy) : Infinity;
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}
