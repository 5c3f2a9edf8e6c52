import type { NoteRecord } from '../../shared/model/note.ts';
import type { SceneRecord } from '../../shared/model/scene.ts';
import { SCENE_HEADER_HEIGHT } from '../../shared/model/scene.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import type { Point } from '../editor/camera.ts';
import { CANVAS_COLORS, CANVAS_FONT, STATUS_COLORS } from './canvasTheme.ts';

/**
 * Batched drawing for thousands of records in one Konva Shape: plain 2D canvas calls, grouped
 * by colour, with sizes expressed in screen pixels (divided by zoom) so text and strokes stay
 * legible at every zoom.
 */
export interface DrawContext {
  readonly ctx: CanvasRenderingContext2D;
  readonly zoom: number;
  /** Matching records when a search filter is active; others are dimmed. */
  readonly matches: ReadonlySet<string> | null;
  /** Offset of records being dragged (drawn where they would land). */
  readonly drag: { readonly ids: ReadonlySet<string>; readonly offset: Point } | null;
}

function at(record: { id: string; x: number; y: number }, d: DrawContext): Point {
  return d.drag && d.drag.ids.has(record.id) ? { x: record.x + d.drag.offset.x, y: record.y + d.drag.offset.y } : record;
}

function dimmed(id: string, d: DrawContext): boolean {
  return d.matches !== null && !d.matches.has(id);
}

/** Far LOD: every shot a solid tile in its status colour; one fill per colour. */
export function drawFarShots(shots: readonly ShotRecord[], d: DrawContext): void {
  const { ctx } = d;
  // Grouped by colour, dimmed ones apart; keyed by the colour strings themselves so grouping
  // allocates nothing per shot (this runs every frame for every visible card).
  const lit = new Map<string, ShotRecord[]>();
  const dim = new Map<string, ShotRecord[]>();
  for (const shot of shots) {
    const groups = dimmed(shot.id, d) ? dim : lit;
    const color = STATUS_COLORS[shot.status];
    const list = groups.get(color);
    if (list) list.push(shot);
    else groups.set(color, [shot]);
  }
  // Dimmed first, so matching cards stay on top where cards overlap.
  for (const [groups, alpha] of [
    [dim, 0.18],
    [lit, 0.9],
  ] as const) {
    for (const [color, list] of groups) {
      ctx.globalAlpha = alpha;
      ctx.fillStyle = color;
      ctx.beginPath();
      for (const shot of list) {
        const p = at(shot, d);
        ctx.rect(p.x, p.y, SHOT_CARD.width, SHOT_CARD_HEIGHT);
      }
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
}

/** Mid LOD: tile, thumbnail (when decoded), status stripe and — while legible — the number. */
export function drawMidShots(
  shots: readonly ShotRecord[],
  numbers: ReadonlyMap<string, string>,
  thumbnail: (shot: ShotRecord) => ImageBitmap | null,
  d: DrawContext,
  takeBadge: (shot: ShotRecord) => { readonly label: string; readonly color: string } | null = () => null,
): void {
  const { ctx, zoom } = d;
  const stripe = Math.max(4, 3 / zoom);
  const footer = SHOT_CARD_HEIGHT - SHOT_CARD.thumbHeight;
  const showNumber = SHOT_CARD.width * zoom >= 44;
  for (const shot of shots) {
    const p = at(shot, d);
    ctx.globalAlpha = dimmed(shot.id, d) ? 0.2 : 1;
    ctx.fillStyle = CANVAS_COLORS.card;
    ctx.fillRect(p.x, p.y, SHOT_CARD.width, SHOT_CARD_HEIGHT);
    const image = thumbnail(shot);
    if (image) ctx.drawImage(image, p.x, p.y, SHOT_CARD.width, SHOT_CARD.thumbHeight);
    else {
      ctx.fillStyle = CANVAS_COLORS.thumb;
      ctx.fillRect(p.x, p.y, SHOT_CARD.width, SHOT_CARD.thumbHeight);
    }
    ctx.fillStyle = STATUS_COLORS[shot.status];
    ctx.fillRect(p.x, p.y, stripe, SHOT_CARD_HEIGHT);
    if (showNumber) {
      // About 12 px on screen, but never taller than the footer.
      const size = Math.min(footer * 0.7, 12 / zoom);
      ctx.font = `700 ${size}px ${CANVAS_FONT}`;
      ctx.fillStyle = CANVAS_COLORS.text1;
      ctx.textBaseline = 'middle';
      ctx.fillText(numbers.get(shot.id) ?? '', p.x + stripe + size * 0.4, p.y + SHOT_CARD.thumbHeight + footer / 2, SHOT_CARD.width - stripe * 2);
      // The selected take, right-aligned in the footer, while there is room beside the number.
      const badge = SHOT_CARD.width * zoom >= 110 ? takeBadge(shot) : null;
      if (badge) {
        const right = p.x + SHOT_CARD.width - size * 0.6;
        const cy = p.y + SHOT_CARD.thumbHeight + footer / 2;
        ctx.fillStyle = badge.color;
        ctx.beginPath();
        ctx.arc(right - size * 0.3, cy, size * 0.3, 0, Math.PI * 2);
        ctx.fill();
        ctx.textAlign = 'right';
        ctx.fillText(badge.label, right - size * 0.9, cy);
        ctx.textAlign = 'left';
      }
    }
  }
  ctx.globalAlpha = 1;
}

/** Notes at mid/far LOD: a coloured tile, plus the first words while legible. */
export function drawNotes(notes: readonly NoteRecord[], d: DrawContext): void {
  const { ctx, zoom } = d;
  for (const note of notes) {
    const p = at(note, d);
    ctx.globalAlpha = dimmed(note.id, d) ? 0.2 : 1;
    ctx.fillStyle = note.color;
    ctx.fillRect(p.x, p.y, note.width, note.height);
    if (note.width * zoom >= 60 && note.text) {
      const size = 12 / zoom;
      ctx.font = `500 ${size}px ${CANVAS_FONT}`;
      ctx.fillStyle = '#1b1c1f';
      ctx.textBaseline = 'top';
      ctx.fillText(note.text.split('\n')[0]!.slice(0, 60), p.x + size * 0.8, p.y + size * 0.8, note.width - size * 1.6);
    }
  }
  ctx.globalAlpha = 1;
}

/** Scene frames: a body barely lighter than the canvas, a tinted header with number and title. */
export function drawScenes(scenes: readonly SceneRecord[], memberCounts: ReadonlyMap<string, number>, d: DrawContext): void {
  const { ctx, zoom } = d;
  for (const scene of scenes) {
    const p = at(scene, d);
    const height = scene.collapsed ? SCENE_HEADER_HEIGHT : scene.height;
    ctx.globalAlpha = 1;
    if (!scene.collapsed) {
      ctx.fillStyle = 'rgba(255,255,255,0.025)';
      ctx.fillRect(p.x, p.y, scene.width, height);
    }
    ctx.fillStyle = hexWithAlpha(scene.color, 0.22);
    ctx.fillRect(p.x, p.y, scene.width, SCENE_HEADER_HEIGHT);
    ctx.strokeStyle = hexWithAlpha(scene.color, 0.55);
    ctx.lineWidth = 1 / zoom;
    ctx.strokeRect(p.x, p.y, scene.width, height);
    if (SCENE_HEADER_HEIGHT * zoom >= 10) {
      const size = Math.min(SCENE_HEADER_HEIGHT * 0.45, 13 / zoom);
      ctx.font = `650 ${size}px ${CANVAS_FONT}`;
      ctx.fillStyle = CANVAS_COLORS.text1;
      ctx.textBaseline = 'middle';
      const count = memberCounts.get(scene.id) ?? 0;
      const label = `SC ${scene.number || '—'}${scene.title ? `  ·  ${scene.title}` : ''}${scene.collapsed ? `  ·  ${count} ${count === 1 ? 'shot' : 'shots'}` : ''}`;
      ctx.fillText(label, p.x + size, p.y + SCENE_HEADER_HEIGHT / 2, scene.width - size * 2);
    }
  }
}

/** Arrows between record edges, with a head; widths in screen pixels. */
export function drawArrows(segments: ReadonlyArray<{ from: Point; to: Point; dim: boolean }>, d: DrawContext): void {
  const { ctx, zoom } = d;
  const head = 10 / zoom;
  ctx.lineWidth = 2 / zoom;
  ctx.strokeStyle = CANVAS_COLORS.text2;
  ctx.fillStyle = CANVAS_COLORS.text2;
  for (const { from, to, dim } of segments) {
    ctx.globalAlpha = dim ? 0.2 : 0.9;
    const angle = Math.atan2(to.y - from.y, to.x - from.x);
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x - Math.cos(angle) * head * 0.8, to.y - Math.sin(angle) * head * 0.8);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(to.x, to.y);
    ctx.lineTo(to.x - Math.cos(angle - 0.45) * head, to.y - Math.sin(angle - 0.45) * head);
    ctx.lineTo(to.x - Math.cos(angle + 0.45) * head, to.y - Math.sin(angle + 0.45) * head);
    ctx.closePath();
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

export function hexWithAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}
