import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlignMode, Placed } from '../../../renderer/editor/alignment.ts';
import { alignRects, distributeRects } from '../../../renderer/editor/alignment.ts';

const item = (id: string, x: number, y: number, width = 100, height = 50): Placed => ({ id, rect: { x, y, width, height } });

/** Three cards of different sizes: union x 0…400, y 10…310. */
const cards = [item('a', 0, 10, 100, 50), item('b', 150, 200, 250, 110), item('c', 60, 100, 40, 40)];

const apply = (items: readonly Placed[], moves: Map<string, { x: number; y: number }>) => items.map(({ id, rect }) => ({ id, ...rect, ...moves.get(id) }));

describe('alignRects', () => {
  it.each<[AlignMode, Record<string, { x: number; y: number }>]>([
    ['left', { b: { x: 0, y: 200 }, c: { x: 0, y: 100 } }],
    ['right', { a: { x: 300, y: 10 }, c: { x: 360, y: 100 } }],
    ['center', { a: { x: 150, y: 10 }, b: { x: 75, y: 200 }, c: { x: 180, y: 100 } }],
    ['top', { b: { x: 150, y: 10 }, c: { x: 60, y: 10 } }],
    ['bottom', { a: { x: 0, y: 260 }, b: { x: 150, y: 200 }, c: { x: 60, y: 270 } }],
    ['middle', { a: { x: 0, y: 135 }, b: { x: 150, y: 105 }, c: { x: 60, y: 140 } }],
  ])('%s lines the cards up on that line of their union, reporting only cards that move', (mode, expected) => {
    const moves = alignRects(cards, mode);
    // 'bottom' leaves b in place (it already touches the union's bottom edge).
    const expectedMoves = Object.fromEntries(
      Object.entries(expected).filter(([id, p]) => {
        const rect = cards.find((c) => c.id === id)!.rect;
        return p.x !== rect.x || p.y !== rect.y;
      }),
    );
    expect(Object.fromEntries(moves)).toEqual(expectedMoves);
  });

  it('moves cards only along the axis of the mode', () => {
    const original = (id: string) => cards.find((c) => c.id === id)!.rect;
    for (const mode of ['left', 'center', 'right'] as const) for (const [id, p] of alignRects(cards, mode)) expect(p.y).toBe(original(id).y);
    for (const mode of ['top', 'middle', 'bottom'] as const) for (const [id, p] of alignRects(cards, mode)) expect(p.x).toBe(original(id).x);
  });

  it('rounds to whole world units', () => {
    const moves = alignRects([item('a', 0, 0, 101, 50), item('b', 0, 100, 50, 50)], 'center');
    expect(moves.get('b')).toEqual({ x: 26, y: 100 });
  });

  it('changes nothing for fewer than two cards', () => {
    expect(alignRects([], 'left').size).toBe(0);
    expect(alignRects([item('a', 30, 40)], 'right').size).toBe(0);
  });

  it('after aligning left, every card starts at the same x (property)', () => {
    const placed = fc.array(
      fc.record({ x: fc.integer({ min: -1000, max: 1000 }), y: fc.integer({ min: -1000, max: 1000 }), w: fc.integer({ min: 1, max: 300 }) }),
      { minLength: 2, maxLength: 8 },
    );
    fc.assert(
      fc.property(placed, (raw) => {
        const items = raw.map((r, i) => item(String(i), r.x, r.y, r.w, 40));
        const after = apply(items, alignRects(items, 'left'));
        expect(new Set(after.map((a) => a.x)).size).toBe(1);
        expect(after[0]!.x).toBe(Math.min(...raw.map((r) => r.x)));
      }),
    );
  });
});

describe('distributeRects', () => {
  it('horizontal: keeps the outer cards and makes the gaps between neighbours equal', () => {
    const items = [item('a', 0, 0, 100), item('b', 130, 40, 50), item('c', 500, 80, 100)];
    const moves = distributeRects(items, 'horizontal');
    // Span 0…600, cards 250 wide: two gaps of 175.
    expect(Object.fromEntries(moves)).toEqual({ b: { x: 275, y: 40 } });
    const after = apply(items, moves).sort((p, q) => p.x - q.x);
    const gaps = after.slice(1).map((p, i) => p.x - (after[i]!.x + after[i]!.width));
    expect(gaps).toEqual([175, 175]);
  });

  it('vertical: same along y, whatever order the cards come in', () => {
    const items = [item('c', 0, 900, 100, 100), item('a', 0, 0, 100, 100), item('b', 0, 100, 100, 100), item('d', 0, 120, 100, 100)];
    const moves = distributeRects(items, 'vertical');
    // Span 0…1000, 400 of cards: three gaps of 200.
    expect(Object.fromEntries(moves)).toEqual({ b: { x: 0, y: 300 }, d: { x: 0, y: 600 } });
  });

  it('changes nothing for fewer than three cards, or when the gaps are already equal', () => {
    expect(distributeRects([item('a', 0, 0), item('b', 500, 0)], 'horizontal').size).toBe(0);
    expect(distributeRects([item('a', 0, 0), item('b', 200, 0), item('c', 400, 0)], 'horizontal').size).toBe(0);
  });

  it('keeps the outermost cards in place and equalizes every gap to within rounding (property)', () => {
    const placed = fc.array(fc.record({ x: fc.integer({ min: -2000, max: 2000 }), w: fc.integer({ min: 1, max: 300 }) }), { minLength: 3, maxLength: 8 });
    fc.assert(
      fc.property(placed, (raw) => {
        const items = raw.map((r, i) => item(String(i), r.x, 0, r.w, 40));
        const sorted = [...items].sort((p, q) => p.rect.x - q.rect.x);
        const moves = distributeRects(items, 'horizontal');
        expect(moves.has(sorted[0]!.id)).toBe(false);
        const last = sorted.at(-1)!;
        // The last card stays where it is (rounding only ever moves it by less than a unit).
        expect(Math.abs((moves.get(last.id)?.x ?? last.rect.x) - last.rect.x)).toBeLessThan(1);
        const after = sorted.map(({ id, rect }) => ({ ...rect, ...moves.get(id) }));
        const gaps = after.slice(1).map((p, i) => p.x - (after[i]!.x + after[i]!.width));
        expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
