import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Camera } from '../../../renderer/editor/camera.ts';
import {
  MAX_ZOOM,
  MIN_ZOOM,
  ZOOM_STEPS,
  clampZoom,
  fitBounds,
  nextZoomStep,
  panBy,
  screenToWorld,
  unionRects,
  visibleWorldRect,
  wheelZoomFactor,
  worldToScreen,
  zoomAt,
} from '../../../renderer/editor/camera.ts';

const coord = fc.double({ min: -1e5, max: 1e5, noNaN: true });
const zoom = fc.double({ min: MIN_ZOOM, max: MAX_ZOOM, noNaN: true });
const camera = fc.record({ x: coord, y: coord, zoom });
const point = fc.record({ x: coord, y: coord });

function close(actual: number, expected: number, scale = 1): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected), scale));
}

describe('screen and world coordinates', () => {
  it('are inverse of each other', () => {
    fc.assert(
      fc.property(camera, point, (cam, p) => {
        const back = worldToScreen(cam, screenToWorld(cam, p));
        close(back.x, p.x, Math.abs(cam.x));
        close(back.y, p.y, Math.abs(cam.y));
      }),
    );
  });

  it('follow screen = world × zoom + offset', () => {
    expect(worldToScreen({ x: 10, y: 20, zoom: 2 }, { x: 5, y: -5 })).toEqual({ x: 20, y: 10 });
    expect(screenToWorld({ x: 10, y: 20, zoom: 2 }, { x: 20, y: 10 })).toEqual({ x: 5, y: -5 });
  });
});

describe('zoomAt', () => {
  it('keeps the world point under the pointer', () => {
    fc.assert(
      fc.property(camera, point, fc.double({ min: 0.001, max: 100, noNaN: true }), (cam, pointer, next) => {
        const before = screenToWorld(cam, pointer);
        const after = zoomAt(cam, pointer, next);
        const screen = worldToScreen(after, before);
        close(screen.x, pointer.x, Math.abs(after.x) + Math.abs(pointer.x));
        close(screen.y, pointer.y, Math.abs(after.y) + Math.abs(pointer.y));
        expect(after.zoom).toBe(clampZoom(next));
      }),
    );
  });

  it('clamps the zoom', () => {
    expect(zoomAt({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, 100).zoom).toBe(MAX_ZOOM);
    expect(zoomAt({ x: 0, y: 0, zoom: 1 }, { x: 0, y: 0 }, 0).zoom).toBe(MIN_ZOOM);
  });
});

describe('clampZoom and zoom steps', () => {
  it('clamps to [MIN_ZOOM, MAX_ZOOM]', () => {
    expect(clampZoom(0)).toBe(MIN_ZOOM);
    expect(clampZoom(-3)).toBe(MIN_ZOOM);
    expect(clampZoom(1.25)).toBe(1.25);
    expect(clampZoom(1e9)).toBe(MAX_ZOOM);
  });

  it('steps to the next preset in each direction', () => {
    expect(nextZoomStep(1, 1)).toBe(1.5);
    expect(nextZoomStep(1, -1)).toBe(0.75);
    expect(nextZoomStep(0.8, 1)).toBe(1);
    expect(nextZoomStep(0.8, -1)).toBe(0.75);
    expect(nextZoomStep(1 + 1e-9, 1)).toBe(1.5);
    expect(nextZoomStep(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(nextZoomStep(MIN_ZOOM, -1)).toBe(MIN_ZOOM);
  });

  it('walks every preset in order', () => {
    const up: number[] = [MIN_ZOOM];
    while (up[up.length - 1]! < MAX_ZOOM) up.push(nextZoomStep(up[up.length - 1]!, 1));
    expect(up).toEqual([...ZOOM_STEPS]);
  });

  it('turns wheel deltas into symmetric, bounded factors', () => {
    expect(wheelZoomFactor(0)).toBe(1);
    expect(wheelZoomFactor(-100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100) * wheelZoomFactor(-100)).toBeCloseTo(1, 12);
    expect(wheelZoomFactor(10_000)).toBe(wheelZoomFactor(100));
  });
});

describe('fitBounds', () => {
  const viewport = { width: 1200, height: 800 };

  it('centres the bounds in the viewport', () => {
    fc.assert(
      fc.property(coord, coord, fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 1, max: 1e5, noNaN: true }), (x, y, width, height) => {
        const cam = fitBounds({ x, y, width, height }, viewport);
        const centre = worldToScreen(cam, { x: x + width / 2, y: y + height / 2 });
        close(centre.x, 600, Math.abs(cam.x));
        close(centre.y, 400, Math.abs(cam.y));
        expect(cam.zoom).toBeLessThanOrEqual(1);
        expect(cam.zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
      }),
    );
  });

  it('never zooms above 100 % for small content', () => {
    expect(fitBounds({ x: 0, y: 0, width: 10, height: 10 }, viewport).zoom).toBe(1);
  });

  it('fits large content inside the margins', () => {
    const cam = fitBounds({ x: 0, y: 0, width: 2144, height: 500 }, viewport, 64);
    expect(cam.zoom).toBeCloseTo((1200 - 128) / 2144, 12);
    const right = worldToScreen(cam, { x: 2144, y: 0 });
    expect(right.x).toBeCloseTo(1200 - 64, 9);
  });

  it('clamps huge content to the minimum zoom', () => {
    expect(fitBounds({ x: 0, y: 0, width: 1e9, height: 1e9 }, viewport).zoom).toBe(MIN_ZOOM);
  });
});

describe('visibleWorldRect, panBy and unionRects', () => {
  it('returns the world rectangle the viewport shows', () => {
    const cam: Camera = { x: -200, y: 100, zoom: 2 };
    const rect = visibleWorldRect(cam, { width: 800, height: 600 });
    expect(rect).toEqual({ x: 100, y: -50, width: 400, height: 300 });
    expect(worldToScreen(cam, { x: rect.x + rect.width, y: rect.y + rect.height })).toEqual({ x: 800, y: 600 });
  });

  it('pans by screen pixels without changing zoom', () => {
    expect(panBy({ x: 1, y: 2, zoom: 3 }, 10, -5)).toEqual({ x: 11, y: -3, zoom: 3 });
  });

  it('unions rectangles, or returns null for none', () => {
    expect(unionRects([])).toBeNull();
    expect(
      unionRects([
        { x: 0, y: 0, width: 10, height: 10 },
        { x: -5, y: 20, width: 5, height: 5 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 15, height: 25 });
  });
});
