import type Konva from 'konva';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Layer, Stage } from 'react-konva';
import { formatDurationShort } from '../../../shared/model/duration.ts';
import { deriveShotNumbers } from '../../../shared/model/numbering.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { useDocumentRevision } from '../../app/useEditorState.ts';
import { fitBounds, unionRects } from '../../editor/camera.ts';
import type { CameraState } from '../../editor/cameraState.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import { recordBounds } from '../../editor/geometry.ts';
import { moveRecords } from '../../editor/recordCommands.ts';
import type { Selection } from '../../editor/selection.ts';
import { ShotCardNode } from '../ShotCardNode.tsx';
import { useStageCamera } from '../useStageCamera.ts';
import { installBenchHooks } from './benchHooks.ts';

/**
 * The benchmark's baseline, not used by the app: what a straightforward react-konva board does —
 * every shot a full card node, always mounted, no culling, no level of detail, no bitmap cache.
 */
export function NaiveCanvasView({
  store,
  selection,
  camera,
  thumbnail,
}: {
  store: DocumentStore;
  selection: Selection;
  camera: CameraState;
  thumbnail: (shot: ShotRecord) => ImageBitmap | null;
}) {
  const version = useDocumentRevision(store);
  const host = useRef<HTMLDivElement>(null);
  const stage = useRef<Konva.Stage>(null);
  const nodes = useRef(new Map<string, Konva.Group>());
  const [size, setSize] = useState({ width: 0, height: 0 });
  const redraw = useCallback(() => stage.current?.batchDraw(), []);
  useStageCamera(host, stage, camera, redraw);
  const shots = store.shots();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed exactly when the document changes
  const numbers = useMemo(() => deriveShotNumbers(shots, store.ofKind('scene')), [version]);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const next = { width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) };
      setSize(next);
      camera.setViewport(next);
      const bounds = unionRects(store.shots().map((s) => recordBounds(s)!));
      if (bounds) camera.set(fitBounds(bounds, next));
      performance.mark('shotcanvas:first-frame');
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [camera, store]);

  useEffect(() => {
    let origins = new Map<string, { x: number; y: number }>();
    let start = { x: 0, y: 0 };
    return installBenchHooks({
      mode: 'naive',
      camera,
      store,
      selection,
      drag: {
        start: (x, y) => {
          start = { x, y };
          origins = new Map(
            [...selection.current]
              .map((id) => store.get(id))
              .filter((r): r is ShotRecord => r?.kind === 'shot')
              .map((r) => [r.id, { x: r.x, y: r.y }]),
          );
        },
        move: (x, y) => {
          for (const [id, o] of origins) nodes.current.get(id)?.position({ x: o.x + x - start.x, y: o.y + y - start.y });
          redraw();
        },
        end: (x, y) => moveRecords(store, new Map([...origins].map(([id, o]) => [id, { x: o.x + x - start.x, y: o.y + y - start.y }]))),
      },
    });
  }, [camera, store, selection, redraw]);

  const register = useCallback((id: string, node: Konva.Group | null) => {
    if (node) nodes.current.set(id, node);
    else nodes.current.delete(id);
  }, []);

  return (
    <div ref={host} className="canvas-host" data-testid="canvas" data-lod="naive">
      {size.width > 0 ? (
        <Stage ref={stage} width={size.width} height={size.height}>
          <Layer>
            {shots.map((shot) => (
              <ShotCardNode
                key={shot.id}
                shot={shot}
                number={numbers.get(shot.id) ?? ''}
                durationLabel={shot.plannedDurationFrames ? formatDurationShort(shot.plannedDurationFrames, store.settings.frameRate) : null}
                thumbnail={thumbnail(shot)}
                dimmed={false}
                cacheRatio={0}
                registerNode={register}
              />
            ))}
          </Layer>
        </Stage>
      ) : null}
    </div>
  );
}
