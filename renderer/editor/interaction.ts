import { isCanvasRecord } from '../../shared/model/records.ts';
import type { SceneRecord } from '../../shared/model/scene.ts';
import { SCENE_HEADER_HEIGHT } from '../../shared/model/scene.ts';
import type { Point, Rect } from './camera.ts';
import { unionRects } from './camera.ts';
import type { DocumentStore } from './documentStore.ts';
import { expandRect, recordBounds, rectFromPoints } from './geometry.ts';
import { createArrow, moveRecords, updateRecord, withSceneMembers } from './recordCommands.ts';
import type { Selection } from './selection.ts';
import type { SnapGuide } from './snapping.ts';
import { computeSnap } from './snapping.ts';
import type { IndexedItem, SpatialIndex } from './spatialIndex.ts';

export type CanvasTool = 'select' | 'hand' | 'note' | 'arrow';

export interface PointerInfo {
  readonly world: Point;
  readonly screen: Point;
  readonly shift: boolean;
  /** Ctrl or Cmd. */
  readonly mod: boolean;
}

export type InteractionState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pointing'; readonly start: PointerInfo; readonly targetId: string | null; readonly toggled: boolean }
  | {
      readonly kind: 'dragging';
      readonly start: Point;
      readonly ids: ReadonlySet<string>;
      readonly origins: ReadonlyMap<string, Point>;
      readonly offset: Point;
      readonly guides: readonly SnapGuide[];
    }
  | { readonly kind: 'marquee'; readonly origin: Point; readonly rect: Rect; readonly base: ReadonlySet<string> }
  | { readonly kind: 'resizing'; readonly sceneId: string; readonly origin: Rect; readonly size: { width: number; height: number } }
  | { readonly kind: 'arrowing'; readonly fromId: string; readonly current: Point; readonly targetId: string | null };

export interface InteractionOptions {
  readonly store: DocumentStore;
  readonly selection: Selection;
  readonly index: SpatialIndex;
  /** Records hidden on the canvas (shots of collapsed scenes) cannot be hit or selected. */
  readonly isHidden: (id: string) => boolean;
  readonly zoom: () => number;
  readonly snapping: () => { enabled: boolean; grid: number | null };
  /** Called whenever the state changes, for the overlay to redraw. */
  readonly onChange: () => void;
}

/** Screen pixels before a press becomes a drag; snapping distance in screen pixels. */
const DRAG_START_PX = 3;
const SNAP_PX = 6;
const RESIZE_HANDLE_PX = 12;

/**
 * The select tool's pointer state machine, headless: press, drag (with snapping), marquee,
 * scene resize, arrow drawing. The canvas view feeds it world coordinates and draws its state;
 * it commits one document transaction per gesture (one undo step).
 */
export class CanvasInteraction {
  private stateValue: InteractionState = { kind: 'idle' };
  private readonly o: InteractionOptions;

  constructor(options: InteractionOptions) {
    this.o = options;
  }

  get state(): InteractionState {
    return this.stateValue;
  }

  private set(state: InteractionState): void {
    this.stateValue = state;
    this.o.onChange();
  }

  /** The visible, selectable record under a world point. */
  hit(point: Point): IndexedItem | null {
    return this.o.index.hitTest(point, (item) => !this.o.isHidden(item.id));
  }

  /** A selected scene's bottom-right corner is its resize handle. */
  private resizeHandleAt(point: Point): SceneRecord | null {
    const tolerance = RESIZE_HANDLE_PX / this.o.zoom();
    for (const id of this.o.selection.current) {
      const r = this.o.store.get(id);
      if (r?.kind !== 'scene' || r.collapsed) continue;
      if (Math.abs(point.x - (r.x + r.width)) <= tolerance && Math.abs(point.y - (r.y + r.height)) <= tolerance) return r;
    }
    return null;
  }

  pointerDown(info: PointerInfo, tool: CanvasTool): void {
    if (tool === 'arrow') {
      const hit = this.hit(info.world);
      if (hit) this.set({ kind: 'arrowing', fromId: hit.id, current: info.world, targetId: null });
      return;
    }
    const handle = this.o.store.readOnly ? null : this.resizeHandleAt(info.world);
    if (handle) {
      this.set({ kind: 'resizing', sceneId: handle.id, origin: recordBounds(handle)!, size: { width: handle.width, height: handle.height } });
      return;
    }
    const hit = this.hit(info.world);
    const { selection } = this.o;
    let toggled = false;
    if (hit) {
      if (info.shift || info.mod) {
        selection.toggle(hit.id);
        toggled = true;
      } else if (!selection.has(hit.id)) selection.set([hit.id]);
    } else if (!info.shift && !info.mod) selection.clear();
    this.set({ kind: 'pointing', start: info, targetId: hit?.id ?? null, toggled });
  }

  pointerMove(info: PointerInfo): void {
    const s = this.stateValue;
    if (s.kind === 'pointing') {
      const moved = Math.hypot(info.screen.x - s.start.screen.x, info.screen.y - s.start.screen.y);
      if (moved < DRAG_START_PX) return;
      if (s.targetId && this.o.selection.has(s.targetId) && !this.o.store.readOnly) this.startDrag(s.start.world);
      else if (!s.targetId) {
        this.set({
          kind: 'marquee',
          origin: s.start.world,
          rect: rectFromPoints(s.start.world, info.world),
          base: s.start.shift || s.start.mod ? new Set(this.o.selection.current) : new Set(),
        });
      } else return;
    }
    const t = this.stateValue;
    if (t.kind === 'dragging') this.updateDrag(info);
    else if (t.kind === 'marquee') {
      const rect = rectFromPoints(t.origin, info.world);
      const inside = this.o.index.within(rect).filter((i) => !this.o.isHidden(i.id));
      this.o.selection.set([...t.base, ...inside.map((i) => i.id)]);
      this.set({ ...t, rect });
    } else if (t.kind === 'resizing') {
      const width = Math.max(120, Math.round(info.world.x - t.origin.x));
      const height = Math.max(SCENE_HEADER_HEIGHT + 40, Math.round(info.world.y - t.origin.y));
      this.set({ ...t, size: { width, height } });
    } else if (t.kind === 'arrowing') {
      const hit = this.hit(info.world);
      this.set({ ...t, current: info.world, targetId: hit && hit.id !== t.fromId ? hit.id : null });
    }
  }

  private startDrag(start: Point): void {
    const ids = withSceneMembers(this.o.store, this.o.selection.current);
    const origins = new Map<string, Point>();
    for (const id of ids) {
      const r = this.o.store.get(id);
      if (isCanvasRecord(r)) origins.set(id, { x: r.x, y: r.y });
    }
    this.set({ kind: 'dragging', start, ids: new Set(origins.keys()), origins, offset: { x: 0, y: 0 }, guides: [] });
  }

  private updateDrag(info: PointerInfo): void {
    const s = this.stateValue;
    if (s.kind !== 'dragging') return;
    const raw = { x: info.world.x - s.start.x, y: info.world.y - s.start.y };
    const snap = this.o.snapping();
    const movingBounds = unionRects([...s.ids].map((id) => this.o.index.bounds(id)).filter((b): b is Rect => b !== null));
    if (!snap.enabled || info.mod || !movingBounds) {
      this.set({ ...s, offset: raw, guides: [] });
      return;
    }
    const zoom = this.o.zoom();
    const moved = { ...movingBounds, x: movingBounds.x + raw.x, y: movingBounds.y + raw.y };
    const others = this.o.index
      .search(expandRect(moved, 400 / zoom))
      .filter((i) => !s.ids.has(i.id) && !this.o.isHidden(i.id) && i.kind !== 'scene')
      .map((i) => ({ x: i.minX, y: i.minY, width: i.maxX - i.minX, height: i.maxY - i.minY }));
    const result = computeSnap(moved, others, { threshold: SNAP_PX / zoom, grid: snap.grid });
    this.set({ ...s, offset: { x: raw.x + result.dx, y: raw.y + result.dy }, guides: result.guides });
  }

  pointerUp(info: PointerInfo): void {
    const s = this.stateValue;
    if (s.kind === 'dragging') {
      if (s.offset.x !== 0 || s.offset.y !== 0) {
        const positions = new Map([...s.origins].map(([id, p]) => [id, { x: p.x + s.offset.x, y: p.y + s.offset.y }]));
        moveRecords(this.o.store, positions);
      }
    } else if (s.kind === 'pointing' && s.targetId && !s.toggled && !info.shift && !info.mod && this.o.selection.current.size > 1) {
      // A click (no drag) inside a multi-selection selects just that card, as in Figma.
      this.o.selection.set([s.targetId]);
    } else if (s.kind === 'resizing') {
      updateRecord<SceneRecord>(this.o.store, s.sceneId, s.size);
    } else if (s.kind === 'arrowing' && s.targetId) {
      createArrow(this.o.store, s.fromId, s.targetId);
    }
    this.set({ kind: 'idle' });
  }

  /** Escape: abandon the gesture; nothing is committed. */
  cancel(): void {
    if (this.stateValue.kind !== 'idle') this.set({ kind: 'idle' });
  }
}
