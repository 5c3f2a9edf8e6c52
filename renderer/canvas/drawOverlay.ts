import type { Rect } from '../editor/camera.ts';
import type { CanvasModel } from './canvasModel.ts';
import { CANVAS_COLORS } from './canvasTheme.ts';

const GUIDE_COLOR = '#ff5bd1';

/**
 * The overlay layer: selection and hover outlines, the current search match, marquee, snap
 * guides, the scene resize handle and an arrow being drawn. Line widths are in screen pixels.
 */
export function drawOverlay(model: CanvasModel, ctx: CanvasRenderingContext2D): void {
  const zoom = model.camera.camera.zoom;
  const px = 1 / zoom;
  const s = model.interaction.state;
  const offsetFor = (id: string) => (s.kind === 'dragging' && s.ids.has(id) ? s.offset : { x: 0, y: 0 });
  const boundsOf = (id: string): Rect | null => {
    const b = model.index.bounds(id);
    if (!b || model.hidden.has(id)) return null;
    const o = offsetFor(id);
    return s.kind === 'resizing' && s.sceneId === id ? { ...b, ...s.size } : { ...b, x: b.x + o.x, y: b.y + o.y };
  };

  const hover = model.hoverId();
  if (hover && !model.selection.has(hover) && s.kind === 'idle') {
    const b = boundsOf(hover);
    if (b) {
      ctx.strokeStyle = CANVAS_COLORS.cardHoverStroke;
      ctx.lineWidth = 1.5 * px;
      ctx.strokeRect(b.x, b.y, b.width, b.height);
    }
  }

  const current = model.filter.current;
  if (current) {
    const b = boundsOf(current);
    if (b) {
      ctx.strokeStyle = '#f2b33d';
      ctx.lineWidth = 3 * px;
      ctx.strokeRect(b.x - 4 * px, b.y - 4 * px, b.width + 8 * px, b.height + 8 * px);
    }
  }

  ctx.strokeStyle = CANVAS_COLORS.accent;
  ctx.lineWidth = 2 * px;
  ctx.beginPath();
  for (const id of model.selection.current) {
    const b = boundsOf(id);
    if (b) ctx.rect(b.x, b.y, b.width, b.height);
  }
  ctx.stroke();

  // A selected scene can be resized from its bottom-right corner.
  for (const id of model.selection.current) {
    const record = model.store.get(id);
    if (record?.kind !== 'scene' || record.collapsed) continue;
    const b = boundsOf(id);
    if (!b) continue;
    const size = 8 * px;
    ctx.fillStyle = CANVAS_COLORS.text1;
    ctx.fillRect(b.x + b.width - size / 2, b.y + b.height - size / 2, size, size);
    ctx.strokeRect(b.x + b.width - size / 2, b.y + b.height - size / 2, size, size);
  }

  if (s.kind === 'marquee') {
    ctx.fillStyle = 'rgba(76,141,255,0.08)';
    ctx.fillRect(s.rect.x, s.rect.y, s.rect.width, s.rect.height);
    ctx.lineWidth = px;
    ctx.strokeRect(s.rect.x, s.rect.y, s.rect.width, s.rect.height);
  }

  if (s.kind === 'dragging') {
    ctx.strokeStyle = GUIDE_COLOR;
    ctx.lineWidth = px;
    ctx.beginPath();
    for (const g of s.guides) {
      if (g.axis === 'x') {
        ctx.moveTo(g.position, g.from - 16 * px);
        ctx.lineTo(g.position, g.to + 16 * px);
      } else {
        ctx.moveTo(g.from - 16 * px, g.position);
        ctx.lineTo(g.to + 16 * px, g.position);
      }
    }
    ctx.stroke();
  }

  if (s.kind === 'arrowing') {
    const from = boundsOf(s.fromId);
    if (from) {
      ctx.strokeStyle = CANVAS_COLORS.accent;
      ctx.lineWidth = 2 * px;
      ctx.setLineDash([6 * px, 4 * px]);
      ctx.beginPath();
      ctx.moveTo(from.x + from.width / 2, from.y + from.height / 2);
      ctx.lineTo(s.current.x, s.current.y);
      ctx.stroke();
      ctx.setLineDash([]);
      const target = s.targetId ? boundsOf(s.targetId) : null;
      if (target) ctx.strokeRect(target.x, target.y, target.width, target.height);
    }
  }
}
