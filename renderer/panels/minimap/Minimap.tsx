import * as Tooltip from '@radix-ui/react-tooltip';
import type { KeyboardEvent as ReactKeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useId, useRef, useSyncExternalStore } from 'react';
import type { Rect } from '../../editor/camera.ts';
import type { CameraState } from '../../editor/cameraState.ts';
import type { DocRecord, DocumentStore } from '../../editor/documentStore.ts';
import { CANVAS_COLORS, STATUS_COLORS } from '../../canvas/canvasTheme.ts';
import { recordBounds } from '../../editor/geometry.ts';
import { isCanvasRecord } from '../../../shared/model/records.ts';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import { SCENE_HEADER_HEIGHT } from '../../../shared/model/scene.ts';
import type { ShotStatus } from '../../../shared/model/shot.ts';
import type { MinimapTransform } from './minimapGeometry.ts';
import { contentBounds, fitTransform, minimapWorld, rectToMap, toWorld } from './minimapGeometry.ts';

interface Props {
  readonly store: DocumentStore;
  readonly camera: CameraState;
}

const WIDTH = 200;
const HEIGHT = 140;
/** The record layer is redrawn at most this often (ms): a drag of 500 cards must not redraw 10,000 rects per frame. */
const RECORD_REDRAW_MS = 250;
// The canvas palette (a 2D context cannot read CSS variables); the view is filled with a wash of the accent.
const MAP_BACKGROUND = CANVAS_COLORS.background;
const VIEW_STROKE = CANVAS_COLORS.accent;
const VIEW_FILL_ALPHA = 0.12;
const NOTE_FILL = CANVAS_COLORS.text3;

/** The record layer: drawn once per (throttled) document change, at the resolution of the map. */
interface RecordLayer {
  readonly canvas: HTMLCanvasElement;
  readonly bounds: Rect;
}

function hasRecords(store: DocumentStore): boolean {
  for (const record of store.all()) if (isCanvasRecord(record)) return true;
  return false;
}

function drawRecords(store: DocumentStore, dpr: number, canvas: HTMLCanvasElement): RecordLayer | null {
  // One pass over the records, unsorted: store.shots() would sort 10,000 shots after every drag frame.
  const scenes: SceneRecord[] = [];
  const notes: Rect[] = [];
  const shotsByStatus = new Map<ShotStatus, Rect[]>();
  const hiddenScenes = new Set<string>();
  for (const record of store.all()) if (record.kind === 'scene' && record.collapsed) hiddenScenes.add(record.id);
  const visible: DocRecord[] = [];
  for (const record of store.all()) {
    if (record.kind === 'scene') scenes.push(record);
    else if (record.kind === 'note') notes.push(recordBounds(record)!);
    // Shots of a collapsed scene are hidden on the canvas, so they are not on its overview either.
    else if (record.kind === 'shot' && !(record.sceneId !== null && hiddenScenes.has(record.sceneId))) {
      const list = shotsByStatus.get(record.status) ?? [];
      list.push(recordBounds(record)!);
      shotsByStatus.set(record.status, list);
    } else continue;
    visible.push(record);
  }
  const bounds = contentBounds(visible);
  if (!bounds) return null;
  const t0 = fitTransform(bounds, { width: WIDTH * dpr, height: HEIGHT * dpr }, 0);
  canvas.width = Math.max(1, Math.ceil(bounds.width * t0.scale));
  canvas.height = Math.max(1, Math.ceil(bounds.height * t0.scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const t: MinimapTransform = { scale: t0.scale, offsetX: -bounds.x * t0.scale, offsetY: -bounds.y * t0.scale };
  const fill = (r: Rect) => {
    const m = rectToMap(t, r);
    ctx.fillRect(m.x, m.y, Math.max(1, m.width), Math.max(1, m.height));
  };
  scenes.sort((a, b) => a.createdAt - b.createdAt);
  for (const scene of scenes) {
    const r = recordBounds(scene)!;
    ctx.fillStyle = scene.color;
    ctx.globalAlpha = 0.16;
    fill(r);
    ctx.globalAlpha = 0.7;
    fill({ ...r, height: Math.min(r.height, SCENE_HEADER_HEIGHT) });
  }
  ctx.globalAlpha = 0.8;
  ctx.fillStyle = NOTE_FILL;
  notes.forEach(fill);
  ctx.globalAlpha = 1;
  for (const [status, rects] of shotsByStatus) {
    ctx.fillStyle = STATUS_COLORS[status];
    rects.forEach(fill);
  }
  return { canvas, bounds };
}

/**
 * A 200×140 overview of the whole canvas with the visible area outlined; click or drag to move
 * the view there. A plain 2D canvas: the records are drawn into an offscreen layer only when the
 * document changes (≤ 4 Hz), and each camera move only blits that layer and outlines the view.
 */
export function Minimap({ store, camera }: Props) {
  const visible = useSyncExternalStore(
    (notify) => store.subscribe(notify),
    () => hasRecords(store),
  );
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const frozen = useRef<MinimapTransform | null>(null);
  const current = useRef<MinimapTransform | null>(null);
  const hintId = useId();

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    canvas.width = WIDTH * dpr;
    canvas.height = HEIGHT * dpr;
    const offscreen = document.createElement('canvas');
    let layer = drawRecords(store, dpr, offscreen);
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastDraw = performance.now();

    const composite = () => {
      frame = 0;
      const view = camera.viewport.width > 0 ? camera.visibleRect() : null;
      const world = minimapWorld(layer?.bounds ?? null, view);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      ctx.fillStyle = MAP_BACKGROUND;
      ctx.fillRect(0, 0, WIDTH, HEIGHT);
      if (!world) return;
      // While the pointer drags the view, the map keeps its scale so it does not slide under the pointer.
      const t = frozen.current ?? fitTransform(world, { width: WIDTH, height: HEIGHT });
      current.current = t;
      if (layer) {
        const m = rectToMap(t, layer.bounds);
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(layer.canvas, m.x, m.y, Math.max(1, m.width), Math.max(1, m.height));
      }
      if (view) {
        const v = rectToMap(t, view);
        ctx.fillStyle = VIEW_STROKE;
        ctx.globalAlpha = VIEW_FILL_ALPHA;
        ctx.fillRect(v.x, v.y, v.width, v.height);
        ctx.globalAlpha = 1;
        ctx.strokeStyle = VIEW_STROKE;
        ctx.lineWidth = 1.5;
        ctx.strokeRect(Math.round(v.x) + 0.5, Math.round(v.y) + 0.5, Math.max(2, Math.round(v.width) - 1), Math.max(2, Math.round(v.height) - 1));
      }
    };
    const requestComposite = () => {
      if (frame === 0) frame = requestAnimationFrame(composite);
    };
    const redrawRecords = () => {
      timer = null;
      lastDraw = performance.now();
      layer = drawRecords(store, dpr, offscreen);
      requestComposite();
    };
    const onDocument = () => {
      if (timer !== null) return;
      timer = setTimeout(redrawRecords, Math.max(0, lastDraw + RECORD_REDRAW_MS - performance.now()));
    };
    requestComposite();
    const offStore = store.subscribe(onDocument);
    const offCamera = camera.subscribe(requestComposite);
    return () => {
      offStore();
      offCamera();
      cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, camera, visible]);

  const centreAt = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const t = frozen.current ?? current.current;
    if (!t) return;
    const box = e.currentTarget.getBoundingClientRect();
    const p = toWorld(t, { x: e.clientX - box.left, y: e.clientY - box.top });
    camera.centerOn({ x: p.x, y: p.y, width: 0, height: 0 });
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    frozen.current = current.current;
    centreAt(e);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (frozen.current && e.currentTarget.hasPointerCapture(e.pointerId)) centreAt(e);
  };
  const onPointerUp = () => {
    frozen.current = null;
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const step = e.shiftKey ? 1 : 0.25;
    const view = camera.visibleRect();
    const dx = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
    const dy = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
    if (dx === 0 && dy === 0) return;
    e.preventDefault();
    e.stopPropagation();
    const { x, y, zoom } = camera.camera;
    camera.set({ zoom, x: x - dx * view.width * step * zoom, y: y - dy * view.height * step * zoom });
  };

  if (!visible) return null;
  return (
    <div className="minimap">
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <canvas
            ref={canvasRef}
            className="minimap-canvas"
            style={{ width: WIDTH, height: HEIGHT }}
            role="application"
            aria-roledescription="minimap"
            aria-label="Minimap"
            aria-describedby={hintId}
            tabIndex={0}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onKeyDown={onKeyDown}
          />
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="tooltip" side="top" sideOffset={6}>
            Minimap: click or drag to move the view
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      <span id={hintId} className="sr-only">
        Click or drag to centre the view on that point. Arrow keys pan the view by a quarter screen, Shift+arrow by a whole screen.
      </span>
    </div>
  );
}
