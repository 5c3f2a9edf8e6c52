import type { NoteRecord } from '../../shared/model/note.ts';
import type { DocRecord } from '../../shared/model/records.ts';
import type { SceneRecord } from '../../shared/model/scene.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import type { Rect } from '../editor/camera.ts';
import type { CameraState } from '../editor/cameraState.ts';
import type { DocumentStore } from '../editor/documentStore.ts';
import type { FilterState } from '../editor/filterState.ts';
import { expandRect, rectEdgePoint, rectCenter, rectsIntersect } from '../editor/geometry.ts';
import type { CanvasInteraction } from '../editor/interaction.ts';
import type { Selection } from '../editor/selection.ts';
import type { SpatialIndex } from '../editor/spatialIndex.ts';
import type { DrawContext } from './drawBatched.ts';
import { drawArrows, drawFarShots, drawMidShots, drawNotes, drawScenes } from './drawBatched.ts';
import type { Lod } from './lod.ts';
import { lodForZoom } from './lod.ts';
import { takeBadgeOf } from './takeBadges.ts';

/**
 * Everything the Konva scene functions read at draw time, held in one mutable object so that a
 * camera move or a drag redraws without a React render. The view updates its fields; Konva calls
 * the draw functions on the next animation frame.
 */
export interface CanvasModel {
  store: DocumentStore;
  index: SpatialIndex;
  selection: Selection;
  filter: FilterState;
  camera: CameraState;
  interaction: CanvasInteraction;
  numbers: ReadonlyMap<string, string>;
  hidden: ReadonlySet<string>;
  memberCounts: ReadonlyMap<string, number>;
  /** Shots and notes currently rendered as full (near LOD) nodes; batched drawing skips them. */
  nearIds: ReadonlySet<string>;
  /** The record under the pointer (hover outline), read at draw time. */
  hoverId: () => string | null;
  thumbnail: (shot: ShotRecord) => ImageBitmap | null;
}

export interface VisibleRecords {
  readonly shots: ShotRecord[];
  readonly notes: NoteRecord[];
  readonly scenes: SceneRecord[];
}

/** Records intersecting the view (plus a margin), hidden ones removed, dragged ones added. */
export function visibleRecords(model: CanvasModel, view: Rect): VisibleRecords {
  const out: VisibleRecords = { shots: [], notes: [], scenes: [] };
  const s = model.interaction.state;
  // The index returns each item once; only dragged records (drawn at their moved position even
  // when their stored one is off screen) can repeat. This runs every frame for up to every record,
  // so no per-record allocation unless a drag needs the check.
  const seen = s.kind === 'dragging' ? new Set<string>() : null;
  const push = (record: DocRecord | undefined) => {
    if (!record || model.hidden.has(record.id)) return;
    if (seen) {
      if (seen.has(record.id)) return;
      seen.add(record.id);
    }
    if (record.kind === 'shot') out.shots.push(record);
    else if (record.kind === 'note') out.notes.push(record);
    else if (record.kind === 'scene') out.scenes.push(record);
  };
  for (const item of model.index.search(expandRect(view, 8))) push(model.store.get(item.id));
  if (s.kind === 'dragging') for (const id of s.ids) push(model.store.get(id));
  return out;
}

export function drawContext(model: CanvasModel, ctx: CanvasRenderingContext2D): DrawContext {
  const s = model.interaction.state;
  return { ctx, zoom: model.camera.camera.zoom, matches: model.filter.matches, drag: s.kind === 'dragging' ? { ids: s.ids, offset: s.offset } : null };
}

export function currentLod(model: CanvasModel): Lod {
  return lodForZoom(model.camera.camera.zoom);
}

/** Scenes, then shots and notes (batched unless drawn as near nodes). */
export function drawWorld(model: CanvasModel, ctx: CanvasRenderingContext2D): void {
  const view = model.camera.visibleRect();
  const visible = visibleRecords(model, view);
  const d = drawContext(model, ctx);
  drawScenes(visible.scenes, model.memberCounts, d);
  const lod = currentLod(model);
  const shots = lod === 'near' ? visible.shots.filter((s) => !model.nearIds.has(s.id)) : visible.shots;
  const notes = lod === 'near' ? visible.notes.filter((n) => !model.nearIds.has(n.id)) : visible.notes;
  if (lod === 'far') drawFarShots(shots, d);
  else drawMidShots(shots, model.numbers, model.thumbnail, d, (shot) => takeBadgeOf(model.store, shot));
  drawNotes(notes, d);
}

/** Arrows above the cards, following dragged ends. */
export function drawWorldArrows(model: CanvasModel, ctx: CanvasRenderingContext2D): void {
  const arrows = model.store.ofKind('arrow');
  if (arrows.length === 0) return;
  const d = drawContext(model, ctx);
  const view = expandRect(model.camera.visibleRect(), 50);
  const boundsOf = (id: string): Rect | null => {
    const b = model.index.bounds(id);
    if (!b) return null;
    return d.drag?.ids.has(id) ? { ...b, x: b.x + d.drag.offset.x, y: b.y + d.drag.offset.y } : b;
  };
  const segments = [];
  for (const arrow of arrows) {
    if (model.hidden.has(arrow.fromId) || model.hidden.has(arrow.toId)) continue;
    const a = boundsOf(arrow.fromId);
    const b = boundsOf(arrow.toId);
    if (!a || !b) continue;
    const from = rectEdgePoint(a, rectCenter(b));
    const to = rectEdgePoint(b, rectCenter(a));
    const box = { x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), width: Math.abs(from.x - to.x), height: Math.abs(from.y - to.y) };
    if (!rectsIntersect(box, view)) continue;
    segments.push({ from, to, dim: d.matches !== null && !d.matches.has(arrow.fromId) && !d.matches.has(arrow.toId) });
  }
  drawArrows(segments, d);
}
