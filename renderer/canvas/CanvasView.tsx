import type Konva from 'konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { RefObject } from 'react';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { Layer, Stage } from 'react-konva';
import type { ShotId } from '../../shared/ids.ts';
import { formatDurationShort } from '../../shared/model/duration.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import type { Camera, Point } from '../editor/camera.ts';
import { fitBounds, nextZoomStep, panBy, screenToWorld, unionRects, wheelZoomFactor, worldToScreen, zoomAt } from '../editor/camera.ts';
import type { DocumentStore } from '../editor/documentStore.ts';
import type { Selection } from '../editor/selection.ts';
import { addShot, moveShots, shotNumbers, updateShot } from '../editor/shotCommands.ts';
import { useDocumentRevision, useSelection } from '../app/useEditorState.ts';
import { GridShape } from './GridShape.tsx';
import { InlineTitleEditor } from './InlineTitleEditor.tsx';
import type { ShotCardHandlers } from './ShotCardNode.tsx';
import { ShotCardNode } from './ShotCardNode.tsx';

export type CanvasTool = 'select' | 'hand';

const INITIAL_CAMERA: Camera = { x: 0, y: 0, zoom: 1 };

/** What the toolbar, menus and shortcuts can ask of the canvas. */
export interface CanvasControls {
  zoomStep(direction: 1 | -1): void;
  zoomTo(zoom: number): void;
  zoomToFit(): void;
  /** World point at the centre of the view (where keyboard-created shots go). */
  viewCenter(): Point;
  editTitle(id: ShotId): void;
}

interface Props {
  readonly store: DocumentStore;
  readonly selection: Selection;
  readonly tool: CanvasTool;
  readonly controlsRef: RefObject<CanvasControls | null>;
  readonly onZoomChange: (zoom: number) => void;
}

function isTextTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The infinite canvas. The camera lives in a ref and is applied to the Konva stage directly on
 * wheel and pan (no React render per frame); React state only learns the zoom, lazily, for the
 * toolbar readout. Drags move Konva nodes and commit one document transaction on drop.
 */
export function CanvasView({ store, selection, tool, controlsRef, onZoomChange }: Props) {
  useDocumentRevision(store);
  const selected = useSelection(selection);
  const hostRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const cameraRef = useRef<Camera>(INITIAL_CAMERA);
  const nodes = useRef(new Map<ShotId, Konva.Group>());
  const dragOrigins = useRef(new Map<ShotId, Point>());
  const zoomTimer = useRef<number | null>(null);
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [panning, setPanning] = useState(false);
  const [editing, setEditing] = useState<ShotId | null>(null);
  // The camera as React last saw it (committed lazily); only DOM overlays read it.
  const [committedCamera, setCommittedCamera] = useState<Camera>(INITIAL_CAMERA);

  const shots = store.shots();
  const numbers = useMemo(() => shotNumbers(shots), [shots]);
  const settings = store.settings;

  const applyCamera = useCallback(
    (camera: Camera) => {
      cameraRef.current = camera;
      // Exposed for end-to-end tests and debugging: they map world positions to the screen.
      hostRef.current?.setAttribute('data-camera', `${camera.x},${camera.y},${camera.zoom}`);
      const stage = stageRef.current;
      if (stage) {
        stage.scale({ x: camera.zoom, y: camera.zoom });
        stage.position({ x: camera.x, y: camera.y });
        stage.batchDraw();
      }
      if (zoomTimer.current === null) {
        zoomTimer.current = window.setTimeout(() => {
          zoomTimer.current = null;
          onZoomChange(cameraRef.current.zoom);
          setCommittedCamera(cameraRef.current);
        }, 60);
      }
    },
    [onZoomChange],
  );

  // Size the stage to its container.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setViewport({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) });
    });
    observer.observe(host);
    return () => observer.disconnect();
  }, []);

  // First frame: fit existing shots, or put the world origin near the top-left of the view.
  const framed = useRef(false);
  useEffect(() => {
    if (framed.current || viewport.width === 0) return;
    framed.current = true;
    const bounds = unionRects(store.shots().map((s) => ({ x: s.x, y: s.y, width: SHOT_CARD.width, height: SHOT_CARD_HEIGHT })));
    applyCamera(bounds ? fitBounds(bounds, viewport) : { x: 80, y: 80, zoom: 1 });
  }, [viewport, store, applyCamera]);

  // Konva draws text before the web font has loaded; redraw once it has.
  useEffect(() => {
    void document.fonts?.ready.then(() => stageRef.current?.batchDraw());
  }, []);

  const controls = useMemo<CanvasControls>(
    () => ({
      zoomStep: (direction) => {
        const center = { x: viewport.width / 2, y: viewport.height / 2 };
        applyCamera(zoomAt(cameraRef.current, center, nextZoomStep(cameraRef.current.zoom, direction)));
      },
      zoomTo: (zoom) => applyCamera(zoomAt(cameraRef.current, { x: viewport.width / 2, y: viewport.height / 2 }, zoom)),
      zoomToFit: () => {
        const list = store.shots();
        const picked = list.filter((s) => selection.has(s.id));
        const bounds = unionRects((picked.length > 0 ? picked : list).map((s) => ({ x: s.x, y: s.y, width: SHOT_CARD.width, height: SHOT_CARD_HEIGHT })));
        if (bounds) applyCamera(fitBounds(bounds, viewport));
      },
      viewCenter: () => screenToWorld(cameraRef.current, { x: viewport.width / 2, y: viewport.height / 2 }),
      editTitle: (id) => {
        if (!store.readOnly) setEditing(id);
      },
    }),
    [viewport, applyCamera, store, selection],
  );
  useImperativeHandle(controlsRef, () => controls, [controls]);

  // Wheel: zoom at the pointer (mouse wheel, pinch = ctrl+wheel); two-finger trackpad scroll pans.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = host.getBoundingClientRect();
      const pointer = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      const lineScale = event.deltaMode === 1 ? 33 : event.deltaMode === 2 ? rect.height : 1;
      const dx = event.deltaX * lineScale;
      const dy = event.deltaY * lineScale;
      const camera = cameraRef.current;
      if (event.ctrlKey || event.metaKey) {
        applyCamera(zoomAt(camera, pointer, camera.zoom * Math.exp(-dy * 0.01)));
      } else if (event.shiftKey) {
        applyCamera(panBy(camera, -(dx || dy), 0));
      } else if (dx !== 0) {
        applyCamera(panBy(camera, -dx, -dy));
      } else {
        applyCamera(zoomAt(camera, pointer, camera.zoom * wheelZoomFactor(dy)));
      }
    };
    host.addEventListener('wheel', onWheel, { passive: false });
    return () => host.removeEventListener('wheel', onWheel);
  }, [applyCamera]);

  // Space held = temporary hand tool (released when the key goes up or the window loses focus).
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !e.repeat && !isTextTarget(e.target)) {
        e.preventDefault();
        setSpaceHeld(true);
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === 'Space') setSpaceHeld(false);
    };
    const blur = () => setSpaceHeld(false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, []);

  const panMode = tool === 'hand' || spaceHeld;

  // Pan with the middle button, or the primary button in hand mode. Captured before Konva sees it.
  const onPointerDownCapture = (event: React.PointerEvent<HTMLDivElement>) => {
    if (!(event.button === 1 || (event.button === 0 && panMode))) return;
    event.preventDefault();
    event.stopPropagation();
    const host = hostRef.current!;
    host.setPointerCapture(event.pointerId);
    setPanning(true);
    let last = { x: event.clientX, y: event.clientY };
    const move = (e: PointerEvent) => {
      applyCamera(panBy(cameraRef.current, e.clientX - last.x, e.clientY - last.y));
      last = { x: e.clientX, y: e.clientY };
    };
    const up = () => {
      setPanning(false);
      host.removeEventListener('pointermove', move);
      host.removeEventListener('pointerup', up);
      host.removeEventListener('pointercancel', up);
    };
    host.addEventListener('pointermove', move);
    host.addEventListener('pointerup', up);
    host.addEventListener('pointercancel', up);
  };

  const handlers = useMemo<ShotCardHandlers>(
    () => ({
      registerNode: (id, node) => {
        if (node) nodes.current.set(id, node);
        else nodes.current.delete(id);
      },
      onSelect: (id, event) => {
        const e = event.evt as MouseEvent;
        if (e.shiftKey || e.metaKey || e.ctrlKey) selection.toggle(id);
        else if (!selection.has(id)) selection.set([id]);
        hostRef.current?.focus({ preventScroll: true });
      },
      onEditTitle: (id) => {
        if (!store.readOnly) setEditing(id);
      },
      onDragStart: (id) => {
        if (!selection.has(id)) selection.set([id]);
        dragOrigins.current.clear();
        for (const sid of selection.current) {
          const node = nodes.current.get(sid as ShotId);
          if (node) dragOrigins.current.set(sid as ShotId, { x: node.x(), y: node.y() });
        }
        if (!dragOrigins.current.has(id)) {
          const node = nodes.current.get(id);
          if (node) dragOrigins.current.set(id, { x: node.x(), y: node.y() });
        }
      },
      onDragMove: (id, event) => {
        const origin = dragOrigins.current.get(id);
        if (!origin) return;
        const dx = event.target.x() - origin.x;
        const dy = event.target.y() - origin.y;
        for (const [other, start] of dragOrigins.current) {
          if (other !== id) nodes.current.get(other)?.position({ x: start.x + dx, y: start.y + dy });
        }
      },
      onDragEnd: () => {
        const positions = new Map<ShotId, Point>();
        for (const sid of dragOrigins.current.keys()) {
          const node = nodes.current.get(sid);
          if (node) positions.set(sid, { x: node.x(), y: node.y() });
        }
        dragOrigins.current.clear();
        moveShots(store, positions);
      },
    }),
    [selection, store],
  );

  const onStageMouseDown = (event: KonvaEventObject<MouseEvent>) => {
    if (event.target === event.target.getStage() && !panMode) {
      if (!event.evt.shiftKey) selection.clear();
      hostRef.current?.focus({ preventScroll: true });
    }
  };

  const onStageDblClick = (event: KonvaEventObject<MouseEvent>) => {
    if (event.target !== event.target.getStage() || panMode || store.readOnly) return;
    const pointer = event.target.getStage()!.getPointerPosition();
    if (!pointer) return;
    const world = screenToWorld(cameraRef.current, pointer);
    const id = addShot(store, { x: world.x - SHOT_CARD.width / 2, y: world.y - SHOT_CARD_HEIGHT / 2 });
    selection.set([id]);
    setEditing(id);
  };

  const editingShot = editing ? store.getShot(editing) : undefined;
  const editorBox = useMemo(() => {
    if (!editingShot) return null;
    const camera = committedCamera;
    const topLeft = worldToScreen(camera, { x: editingShot.x + 40, y: editingShot.y + SHOT_CARD.thumbHeight + 6 });
    return { left: topLeft.x, top: topLeft.y, width: (SHOT_CARD.width - 52) * camera.zoom, zoom: camera.zoom };
  }, [editingShot, committedCamera]);

  return (
    <div
      ref={hostRef}
      className={`canvas-host${panMode ? ' pan' : ''}${panning ? ' panning' : ''}`}
      tabIndex={0}
      aria-label="Shot canvas"
      data-testid="canvas"
      onPointerDownCapture={onPointerDownCapture}
      onAuxClick={(e) => e.preventDefault()}
    >
      {viewport.width > 0 ? (
        <Stage ref={stageRef} width={viewport.width} height={viewport.height} onMouseDown={onStageMouseDown} onDblClick={onStageDblClick}>
          <Layer listening={false}>
            <GridShape cameraRef={cameraRef} viewport={viewport} />
          </Layer>
          <Layer>
            {shots.map((shot) => (
              <ShotCardNode
                key={shot.id}
                shot={shot}
                number={numbers.get(shot.id) ?? ''}
                durationLabel={shot.plannedDurationFrames ? formatDurationShort(shot.plannedDurationFrames, settings.frameRate) : null}
                selected={selected.has(shot.id)}
                draggable={!panMode && store.readOnly === null}
                handlers={handlers}
              />
            ))}
          </Layer>
        </Stage>
      ) : null}
      {editingShot && editorBox ? (
        <InlineTitleEditor
          key={editingShot.id}
          initial={editingShot.title}
          box={editorBox}
          onCommit={(title) => {
            setEditing(null);
            updateShot(store, editingShot.id, { title });
            hostRef.current?.focus({ preventScroll: true });
          }}
          onCancel={() => {
            setEditing(null);
            hostRef.current?.focus({ preventScroll: true });
          }}
        />
      ) : null}
      {shots.length === 0 ? (
        <div className="canvas-empty" aria-live="polite">
          <strong>An empty canvas</strong>
          <span>
            Double-click anywhere or press <kbd className="kbd">S</kbd> to add a shot
          </span>
        </div>
      ) : null}
    </div>
  );
}
