import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expandRect,
  recordBounds,
  rectCenter,
  rectContainsPoint,
  rectContainsRect,
  rectEdgePoint,
  rectFromPoints,
  rectsIntersect,
} from '../../../renderer/editor/geometry.ts';
import { SCENE_HEADER_HEIGHT } from '../../../shared/model/scene.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../../shared/model/shot.ts';
import { arrow, note, scene, shot } from '../../shared/fixtures.ts';

describe('recordBounds', () => {
  it('gives shots the card size, notes and scenes their own, collapsed scenes their header, arrows none', () => {
    expect(recordBounds(shot({ x: 5, y: 6 }))).toEqual({ x: 5, y: 6, width: SHOT_CARD.width, height: SHOT_CARD_HEIGHT });
    expect(recordBounds(note({ x: 1, y: 2, width: 300, height: 90 }))).toEqual({ x: 1, y: 2, width: 300, height: 90 });
    expect(recordBounds(scene({ x: 0, y: 0, width: 700, height: 500 }))).toEqual({ x: 0, y: 0, width: 700, height: 500 });
    expect(recordBounds(scene({ x: 0, y: 0, width: 700, height: 500, collapsed: true }))?.height).toBe(SCENE_HEADER_HEIGHT);
    const s = shot();
    expect(recordBounds(arrow(s.id, s.id))).toBeNull();
  });
});

describe('rectangle helpers', () => {
  const r = { x: 10, y: 20, width: 100, height: 50 };

  it('contain points on their edges and intersect rectangles they touch', () => {
    expect(rectContainsPoint(r, { x: 10, y: 20 })).toBe(true);
    expect(rectContainsPoint(r, { x: 110, y: 70 })).toBe(true);
    expect(rectContainsPoint(r, { x: 110.01, y: 70 })).toBe(false);
    expect(rectsIntersect(r, { x: 110, y: 70, width: 5, height: 5 })).toBe(true);
    expect(rectsIntersect(r, { x: 111, y: 0, width: 5, height: 500 })).toBe(false);
  });

  it('rectContainsRect is true for itself and for inner rectangles only', () => {
    expect(rectContainsRect(r, r)).toBe(true);
    expect(rectContainsRect(r, { x: 20, y: 30, width: 10, height: 10 })).toBe(true);
    expect(rectContainsRect(r, { x: 20, y: 30, width: 100, height: 10 })).toBe(false);
  });

  it('centre, expand and the rectangle of two corners dragged in any direction', () => {
    expect(rectCenter(r)).toEqual({ x: 60, y: 45 });
    expect(expandRect(r, 5)).toEqual({ x: 5, y: 15, width: 110, height: 60 });
    expect(rectFromPoints({ x: 50, y: 0 }, { x: 10, y: 30 })).toEqual({ x: 10, y: 0, width: 40, height: 30 });
  });

  it('rectEdgePoint leaves the rectangle on the side facing the target', () => {
    expect(rectEdgePoint(r, { x: 1000, y: 45 })).toEqual({ x: 110, y: 45 });
    expect(rectEdgePoint(r, { x: 60, y: -1000 })).toEqual({ x: 60, y: 20 });
    expect(rectEdgePoint(r, { x: 60, y: 45 })).toEqual({ x: 60, y: 45 });
  });

  it('rectEdgePoint always lies on the border, on the line towards the target (property)', () => {
    const coord = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(coord, coord, fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), coord, coord, (x, y, width, height, tx, ty) => {
        const rect = { x, y, width, height };
        const c = rectCenter(rect);
        fc.pre(tx !== c.x || ty !== c.y);
        const p = rectEdgePoint(rect, { x: tx, y: ty });
        const onBorder = Math.abs(p.x - x) < 1e-6 || Math.abs(p.x - (x + width)) < 1e-6 || Math.abs(p.y - y) < 1e-6 || Math.abs(p.y - (y + height)) < 1e-6;
        expect(onBorder).toBe(true);
        expect(rectContainsPoint(expandRect(rect, 1e-6), p)).toBe(true);
        // Same direction as the target, seen from the centre.
        expect((p.x - c.x) * (ty - c.y) - (p.y - c.y) * (tx - c.x)).toBeCloseTo(0, 4);
      }),
    );
  });
});
