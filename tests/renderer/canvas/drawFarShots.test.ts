import { describe, expect, it } from 'vitest';
import { drawFarShots } from '../../../renderer/canvas/drawBatched.ts';
import { STATUS_COLORS } from '../../../renderer/canvas/canvasTheme.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../../shared/model/shot.ts';
import { shot } from '../../shared/fixtures.ts';

/** Records what a 2D context is asked to do, with the style in force at each fill. */
function recordingContext() {
  const fills: Array<{ color: string; alpha: number; rects: number[][] }> = [];
  let rects: number[][] = [];
  const ctx = {
    globalAlpha: 1,
    fillStyle: '',
    beginPath: () => void (rects = []),
    rect: (x: number, y: number, w: number, h: number) => void rects.push([x, y, w, h]),
    fill() {
      fills.push({ color: String(this.fillStyle), alpha: this.globalAlpha, rects });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, fills, state: ctx };
}

describe('drawFarShots', () => {
  it('fills once per status colour, dimmed (non-matching) cards first and faint, dragged cards at their moved place', () => {
    const a = shot({ status: 'idea', x: 0, y: 0 });
    const b = shot({ status: 'idea', x: 300, y: 0 });
    const c = shot({ status: 'approved', x: 600, y: 0 });
    const d = shot({ status: 'approved', x: 900, y: 0 });
    const { ctx, fills, state } = recordingContext();
    drawFarShots([a, b, c, d], { ctx, zoom: 0.05, matches: new Set([a.id, b.id, c.id]), drag: { ids: new Set([b.id]), offset: { x: 10, y: 20 } } });
    expect(fills).toEqual([
      { color: STATUS_COLORS.approved, alpha: 0.18, rects: [[900, 0, SHOT_CARD.width, SHOT_CARD_HEIGHT]] },
      {
        color: STATUS_COLORS.idea,
        alpha: 0.9,
        rects: [
          [0, 0, SHOT_CARD.width, SHOT_CARD_HEIGHT],
          [310, 20, SHOT_CARD.width, SHOT_CARD_HEIGHT],
        ],
      },
      { color: STATUS_COLORS.approved, alpha: 0.9, rects: [[600, 0, SHOT_CARD.width, SHOT_CARD_HEIGHT]] },
    ]);
    expect(state.globalAlpha).toBe(1);
  });
});
