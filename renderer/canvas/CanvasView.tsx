import type Konva from 'konva';
import type { RefObject } from 'react';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Layer, Shape, Stage } from 'react-konva';
import { formatDurationShort } from '../../shared/model/duration.ts';
import { deriveShotNumbers } from '../../shared/model/numbering.ts';
import type { NoteRecord } from '../../shared/model/note.ts';
import type { SceneRecord } from '../../shared/model/scene.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../shared/model/shot.ts';
import { useDocumentRevision, useSelection } from '../app/useEditorState.ts';
import type { Point } from '../editor/camera.ts';
import { fitBounds, nextZoomStep, panBy, screenToWorld, worldToScreen, zoomAt } from '../editor/camera.ts';
import type { CameraState } from '../editor/cameraState.ts';
import type { DocumentStore } from '../editor/documentStore.ts';
import type { FilterState } from '../editor/filterState.ts';
import type { CanvasTool } from '../editor/interaction.ts';
import { CanvasInteraction } from '../editor/interaction.ts';
import { boundsOf, createNote, sceneAt, updateRecord } from '../editor/recordCommands.ts';
import type { Selection } from '../editor/selection.ts';
import { addShot } from '../editor/shotCommands.ts';
import { SpatialIndex } from '../editor/spatialIndex.ts';
import type { CanvasModel } from './canvasModel.ts';
import { drawWorld, drawWorldArrows } from './canvasModel.ts';
import { drawOverlay } from './drawOverlay.ts';
import { GridShape } from './GridShape.tsx';
import { installBenchHooks } from './bench/benchHooks.ts';
import { InlineTextEditor } from './InlineTextEditor.tsx';
import { cachePixelRatio, lodForZoom } from './lod.ts';
import { NoteNode } from './NoteNode.tsx';
import { ShotCardNode } from './ShotCardNode.tsx';
import { takeBadgeOf } from './takeBadges.ts';
import { useNearIds } from './useNearIds.ts';
import { useStageCamera } from './useStageCamera.ts';

export type { CanvasTool };

/** What the toolbar, menus, panels and shortcuts can ask of the canvas. */
export interface CanvasControls {
  zoomStep(direction: 1 | -1): void;
  zoomTo(zoom: number): void;
  zoomToFit(): void;
  zoomToSelection(): void;
  /** World point at the centre of the view (where keyboard-created shots go). */
  viewCenter(): Point;
  /** Inline edit of a shot's title, a note's text or a scene's title. */
  editRecord(id: string): void;
  /** Brings a record into view (search results, strip clicks) without changing the zoom. */
  focusRecord(id: string): void;
}

interface Props {
  readonly store: DocumentStore;
  readonly selection: Selection;
  readonly camera: CameraState;
  readonly filter: FilterState;
  readonly tool: CanvasTool;
  readonly onToolDone: () => void;
  readonly controlsRef: RefObject<CanvasControls | null>;
  readonly snapping: { readonly enabled: boolean; readonly grid: number | null };
  readonly thumbnail: (shot: ShotRecord) => ImageBitmap | null;
  /** Files dropped from the OS: onto a shot (target) or the empty canvas at a world point; Alt/Option held or not. */
  readonly onDropFiles: (files: File[], at: Point, targetShotId: string | null, alt: boolean) => void;
  readonly onIndex?: (index: SpatialIndex) => void;
}

type Editing = { readonly id: string; readonly field: 'title' | 'note' | 'scene' } | null;

function isTextTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The infinite canvas, built for 10,000 cards: an R-tree culls to the view; far away cards are
 * one batched draw, mid-distance ones a simplified batched draw, near ones full cached nodes;
 * the camera and drags are applied imperatively and redraw without React renders; pointer input
 * goes to a headless interaction state machine that commits one transaction per gesture.
 */
export function CanvasView(props: Props) {
  const { store, selection, camera, filter, tool, controlsRef } = props;
  const version = useDocumentRevision(store);
  useSelection(selection);
  const hostRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const worldLayer = useRef<Konva.Layer>(null);
  const overlayLayer = useRef<Konva.Layer>(null);
  const nodes = useRef(new Map<string, Konva.Group>());
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [panning, setPanning] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [committedZoom, setCommittedZoom] = useState(camera.camera.zoom);

  const index = useMemo(() => new SpatialIndex(store), [store]);
  useEffect(() => () => index.dispose(), [index]);
  useEffect(() => props.onIndex?.(index), [index, props]);

  const shots = store.shots();
  const scenes = store.ofKind('scene');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- derived data changes exactly when the document does
  const numbers = useMemo(() => deriveShotNumbers(shots, scenes), [version]);
  const hidden = useMemo(() => {
    const collapsed = new Set(scenes.filter((s) => s.collapsed).map((s) => s.id));
    return new Set(shots.filter((s) => s.sceneId !== null && collapsed.has(s.sceneId)).map((s) => s.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  const memberCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const shot of shots) if (shot.sceneId) counts.set(shot.sceneId, (counts.get(shot.sceneId) ?? 0) + 1);
    return counts;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  const redraw = useCallback(() => {
    worldLayer.current?.batchDraw();
    overlayLayer.current?.batchDraw();
  }, []);

  const snappingRef = useRef(props.snapping);
  useEffect(() => {
    snappingRef.current = props.snapping;
  }, [props.snapping]);

  const interaction = useMemo(
    () =>
      // The state machine's callbacks read refs only when input arrives, never during render.
      // eslint-disable-next-line react-hooks/refs
      new CanvasInteraction({
        store,
        selection,
        index,
        isHidden: (id) => modelRef.current?.hidden.has(id) ?? false,
        zoom: () => camera.camera.zoom,
        snapping: () => snappingRef.current,
        onChange: () => {
          // Dragged near cards move imperatively; batched cards read the offset at draw time.
          const s = interaction.state;
          if (s.kind === 'dragging') for (const [id, o] of s.origins) nodes.current.get(id)?.position({ x: o.x + s.offset.x, y: o.y + s.offset.y });
          redraw();
        },
      }),
    [store, selection, index, camera, redraw],
  );

  const nearIds = useNearIds(camera, index, hidden, version);
  const modelRef = useRef<CanvasModel | null>(null);
  const hoverRef = useRef<string | null>(null);
  const thumbnail = props.thumbnail;
  useEffect(() => {
    modelRef.current = {
      store,
      index,
      selection,
      filter,
      camera,
      interaction,
      numbers,
      hidden,
      memberCounts,
      nearIds,
      hoverId: () => hoverRef.current,
      thumbnail,
    };
    redraw();
  });

  useStageCamera(hostRef, stageRef, camera, redraw);
  useEffect(() => {
    const info = (x: number, y: number) => ({ world: { x, y }, screen: worldToScreen(camera.camera, { x, y }), shift: false, mod: false });
    return installBenchHooks({
      mode: 'shotcanvas',
      camera,
      store,
      selection,
      drag: {
        start: (x, y) => interaction.pointerDown(info(x, y), 'select'),
        move: (x, y) => interaction.pointerMove(info(x, y)),
        end: (x, y) => interaction.pointerUp(info(x, y)),
      },
    });
  }, [camera, store, selection, interaction]);
  useEffect(() => selection.subscribe(redraw), [selection, redraw]);
  useEffect(() => filter.subscribe(redraw), [filter, redraw]);
  // Near cards are React nodes: they re-render with a new set of matches (the batched layer only
  // redraws, above).
  const subscribeFilter = useCallback((notify: () => void) => filter.subscribe(notify), [filter]);
  const filterMatches = useSyncExternalStore(subscribeFilter, () => filter.matches);

  // The zoom React knows about (LOD switch, card cache resolution) follows the camera lazily.
  useEffect(() => {
    let timer = 0;
    const off = camera.subscribe(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setCommittedZoom(camera.camera.zoom), 120);
    });
    return () => {
      off();
      window.clearTimeout(timer);
    };
  }, [camera]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const size = { width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) };
      setViewport(size);
      camera.setViewport(size);
    });
    observer.observe(host);
    return () => observer.disconnect();
  }, [camera]);

  // First frame: fit existing records, or put the world origin near the top-left.
  const framed = useRef(false);
  useEffect(() => {
    if (framed.current || viewport.width === 0) return;
    framed.current = true;
    const bounds = index.totalBounds();
    camera.set(bounds ? fitBounds(bounds, viewport) : { x: 80, y: 80, zoom: 1 });
    performance.mark('shotcanvas:first-frame');
  }, [viewport, index, camera]);

  useEffect(() => {
    void document.fonts?.ready.then(redraw);
  }, [redraw]);

  // eslint-disable-next-line react-hooks/preserve-manual-memoization -- plain closures over stable objects
  const controls = useMemo<CanvasControls>(() => {
    const center = () => ({ x: camera.viewport.width / 2, y: camera.viewport.height / 2 });
    return {
      zoomStep: (direction) => camera.set(zoomAt(camera.camera, center(), nextZoomStep(camera.camera.zoom, direction))),
      zoomTo: (zoom) => camera.set(zoomAt(camera.camera, center(), zoom)),
      zoomToFit: () => {
        const bounds = index.totalBounds();
        if (bounds) camera.set(fitBounds(bounds, camera.viewport));
      },
      zoomToSelection: () => {
        const bounds = boundsOf(store, selection.current);
        if (bounds) camera.set(fitBounds(bounds, camera.viewport));
      },
      viewCenter: () => screenToWorld(camera.camera, center()),
      editRecord: (id) => {
        const record = store.get(id);
        if (!record || store.readOnly) return;
        if (record.kind === 'shot') setEditing({ id, field: 'title' });
        else if (record.kind === 'note') setEditing({ id, field: 'note' });
        else if (record.kind === 'scene') setEditing({ id, field: 'scene' });
      },
      focusRecord: (id) => {
        const bounds = index.bounds(id);
        if (!bounds) return;
        const view = camera.visibleRect();
        const inView =
          bounds.x >= view.x && bounds.y >= view.y && bounds.x + bounds.width <= view.x + view.width && bounds.y + bounds.height <= view.y + view.height;
        if (!inView) camera.centerOn(bounds);
      },
    };
  }, [camera, index, store, selection]);
  useImperativeHandle(controlsRef, () => controls, [controls]);

  // Space held = temporary hand tool.
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      // Space in a list (the sequence strip) selects there; it only pans over the canvas.
      if (e.code === 'Space' && !e.repeat && !isTextTarget(e.target) && !(e.target instanceof HTMLElement && e.target.closest('[role="listbox"]'))) {
        e.preventDefault();
        setSpaceHeld(true);
      }
      if (e.key === 'Escape') interaction.cancel();
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
  }, [interaction]);

  const panMode = tool === 'hand' || spaceHeld;

  const pointerInfo = (e: { clientX: number; clientY: number; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }) => {
    const rect = hostRef.current!.getBoundingClientRect();
    const screen = { x: e.clientX - rect.left, y: e.clientY - rect.top };
    return { screen, world: screenToWorld(camera.camera, screen), shift: e.shiftKey, mod: e.ctrlKey || e.metaKey };
  };

  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    const host = hostRef.current!;
    host.focus({ preventScroll: true });
    if (event.button === 1 || (event.button === 0 && panMode)) {
      event.preventDefault();
      host.setPointerCapture(event.pointerId);
      setPanning(true);
      let last = { x: event.clientX, y: event.clientY };
      const move = (e: PointerEvent) => {
        camera.set(panBy(camera.camera, e.clientX - last.x, e.clientY - last.y));
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
      return;
    }
    if (event.button !== 0) return;
    host.setPointerCapture(event.pointerId);
    const info = pointerInfo(event);
    if (tool === 'note' && !store.readOnly) {
      const id = createNote(store, { x: info.world.x - 100, y: info.world.y - 70 });
      selection.set([id]);
      props.onToolDone();
      setEditing({ id, field: 'note' });
      return;
    }
    interaction.pointerDown(info, tool);
  };

  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>) => {
    if (panning) return;
    const info = pointerInfo(event);
    if (interaction.state.kind !== 'idle') interaction.pointerMove(info);
    else {
      const hover = interaction.hit(info.world)?.id ?? null;
      if (hover !== hoverRef.current) {
        hoverRef.current = hover;
        overlayLayer.current?.batchDraw();
      }
    }
  };

  const onPointerUp = (event: React.PointerEvent<HTMLDivElement>) => {
    if (interaction.state.kind === 'idle') return;
    const wasArrow = interaction.state.kind === 'arrowing';
    interaction.pointerUp(pointerInfo(event));
    if (wasArrow) props.onToolDone();
  };

  const onDoubleClick = (event: React.MouseEvent<HTMLDivElement>) => {
    if (panMode || store.readOnly || tool !== 'select') return;
    const info = pointerInfo(event);
    const hit = interaction.hit(info.world);
    if (hit) return controls.editRecord(hit.id);
    const scene = sceneAt(store, info.world);
    const id = addShot(store, { x: info.world.x - SHOT_CARD.width / 2, y: info.world.y - SHOT_CARD_HEIGHT / 2 }, {}, scene?.id ?? null);
    selection.set([id]);
    setEditing({ id, field: 'title' });
  };

  const onDrop = (event: React.DragEvent<HTMLDivElement>) => {
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    event.preventDefault();
    const info = pointerInfo(event);
    const hit = interaction.hit(info.world);
    props.onDropFiles(files, info.world, hit?.kind === 'shot' ? hit.id : null, event.altKey);
  };

  const editingRecord = editing ? store.get(editing.id) : undefined;
  const editorBox = useMemo(() => {
    if (!editing || !editingRecord || editingRecord.kind === 'arrow' || editingRecord.kind === 'take') return null;
    const c = camera.camera;
    if (editingRecord.kind === 'shot') {
      const p = worldToScreen(c, { x: editingRecord.x + 40, y: editingRecord.y + SHOT_CARD.thumbHeight + 6 });
      return { left: p.x, top: p.y, width: (SHOT_CARD.width - 52) * c.zoom, zoom: c.zoom, fontSize: 13, initial: editingRecord.title };
    }
    if (editingRecord.kind === 'note') {
      const p = worldToScreen(c, { x: editingRecord.x + 6, y: editingRecord.y + 6 });
      return {
        left: p.x,
        top: p.y,
        width: (editingRecord.width - 12) * c.zoom,
        height: (editingRecord.height - 12) * c.zoom,
        zoom: c.zoom,
        fontSize: 13,
        initial: editingRecord.text,
      };
    }
    const p = worldToScreen(c, { x: editingRecord.x + 8, y: editingRecord.y + 6 });
    return { left: p.x, top: p.y, width: Math.min(480, editingRecord.width - 16) * c.zoom, zoom: c.zoom, fontSize: 15, initial: editingRecord.title };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the box follows the committed zoom, not every camera frame
  }, [editing, editingRecord, committedZoom]);

  const lod = lodForZoom(committedZoom);
  const ratio = cachePixelRatio(committedZoom, window.devicePixelRatio || 1);
  const registerNode = useCallback((id: string, node: Konva.Group | null) => {
    if (node) nodes.current.set(id, node);
    else nodes.current.delete(id);
  }, []);
  const matches = filterMatches;
  const nearShots = lod === 'near' ? [...nearIds].map((id) => store.get(id)).filter((r) => r?.kind === 'shot') : [];
  const nearNotes = lod === 'near' ? [...nearIds].map((id) => store.get(id)).filter((r) => r?.kind === 'note') : [];

  return (
    <div
      ref={hostRef}
      className={`canvas-host${panMode ? ' pan' : ''}${panning ? ' panning' : ''}${tool === 'note' || tool === 'arrow' ? ' crosshair' : ''}`}
      tabIndex={0}
      aria-label="Shot canvas"
      data-testid="canvas"
      data-lod={lod}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onDoubleClick={onDoubleClick}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={onDrop}
      onAuxClick={(e) => e.preventDefault()}
      onContextMenu={(e) => e.preventDefault()}
    >
      {viewport.width > 0 ? (
        <Stage ref={stageRef} width={viewport.width} height={viewport.height} listening={false}>
          <Layer ref={worldLayer} listening={false}>
            <GridShape camera={camera} />
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={(ctx) => modelRef.current && drawWorld(modelRef.current, ctx._context)} />
            {nearShots.map((shot) =>
              shot?.kind === 'shot' ? (
                <ShotCardNode
                  key={shot.id}
                  shot={shot}
                  number={numbers.get(shot.id) ?? ''}
                  durationLabel={shot.plannedDurationFrames ? formatDurationShort(shot.plannedDurationFrames, store.settings.frameRate) : null}
                  thumbnail={props.thumbnail(shot)}
                  dimmed={matches !== null && !matches.has(shot.id)}
                  takeCount={store.takesOf(shot.id).length}
                  takeBadge={takeBadgeOf(store, shot)}
                  cacheRatio={ratio}
                  registerNode={registerNode}
                />
              ) : null,
            )}
            {nearNotes.map((note) =>
              note?.kind === 'note' ? (
                <NoteNode key={note.id} note={note} dimmed={matches !== null && !matches.has(note.id)} cacheRatio={ratio} registerNode={registerNode} />
              ) : null,
            )}
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={(ctx) => modelRef.current && drawWorldArrows(modelRef.current, ctx._context)} />
          </Layer>
          <Layer ref={overlayLayer} listening={false}>
            <Shape listening={false} perfectDrawEnabled={false} sceneFunc={(ctx) => modelRef.current && drawOverlay(modelRef.current, ctx._context)} />
          </Layer>
        </Stage>
      ) : null}
      {editing && editorBox ? (
        <InlineTextEditor
          key={editing.id}
          initial={editorBox.initial}
          multiline={editing.field === 'note'}
          label={editing.field === 'note' ? 'Note text' : editing.field === 'scene' ? 'Scene title' : 'Shot title'}
          box={editorBox}
          fontSize={editorBox.fontSize}
          onCommit={(value) => {
            setEditing(null);
            if (editing.field === 'note') updateRecord<NoteRecord>(store, editing.id, { text: value });
            else updateRecord<ShotRecord | SceneRecord>(store, editing.id, { title: value });
            hostRef.current?.focus({ preventScroll: true });
          }}
          onCancel={() => {
            setEditing(null);
            hostRef.current?.focus({ preventScroll: true });
          }}
        />
      ) : null}
      {shots.length === 0 && store.ofKind('note').length === 0 ? (
        <div className="canvas-empty" aria-live="polite">
          <strong>An empty canvas</strong>
          <span>
            Double-click anywhere or press <kbd className="kbd">S</kbd> to add a shot · drop storyboard images here
          </span>
        </div>
      ) : null}
    </div>
  );
}
