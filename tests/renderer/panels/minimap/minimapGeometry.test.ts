import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentBounds, fitTransform, minimapWorld, rectToMap, toMap, toWorld } from '../../../../renderer/panels/minimap/minimapGeometry.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../../../shared/model/shot.ts';
import { shot } from '../../../shared/fixtures.ts';

const size = { width: 200, height: 140 };

describe('fitTransform', () => {
  it('fits the world rect inside the map with its padding, centred', () => {
    const t = fitTransform({ x: -1000, y: 0, width: 2000, height: 500 }, size, 6);
    const r = rectToMap(t, { x: -1000, y: 0, width: 2000, height: 500 });
    expect(r.x).toBeCloseTo(6);
    expect(r.width).toBeCloseTo(188);
    expect(r.y + r.height / 2).toBeCloseTo(70);
  });

  it('maps map points back to the same world points', () => {
    const coord = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        coord,
        coord,
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        coord,
        coord,
        (x, y, w, h, px, py) => {
          const t = fitTransform({ x, y, width: w, height: h }, size);
          const back = toWorld(t, toMap(t, { x: px, y: py }));
          expect(back.x).toBeCloseTo(px, 3);
          expect(back.y).toBeCloseTo(py, 3);
        },
      ),
    );
  });
});

describe('bounds', () => {
  it('covers every card, and the view when there is one', () => {
    const a = shot({ x: 0, y: 0 });
    const b = shot({ x: 1000, y: 400 });
    const content = contentBounds([a, b]);
    expect(content).toEqual({ x: 0, y: 0, width: 1000 + SHOT_CARD.width, height: 400 + SHOT_CARD_HEIGHT });
    expect(contentBounds([])).toBeNull();
    expect(minimapWorld(content, { x: -500, y: 0, width: 100, height: 100 })).toEqual({
      x: -500,
      y: 0,
      width: 1500 + SHOT_CARD.width,
      height: 400 + SHOT_CARD_HEIGHT,
    });
    expect(minimapWorld(null, null)).toBeNull();
    expect(minimapWorld(content, { x: 0, y: 0, width: 0, height: 0 })).toEqual(content);
  });
});
