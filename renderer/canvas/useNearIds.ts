import { useEffect, useState } from 'react';
import type { Rect } from '../editor/camera.ts';
import type { CameraState } from '../editor/cameraState.ts';
import { rectContainsRect } from '../editor/geometry.ts';
import type { SpatialIndex } from '../editor/spatialIndex.ts';
import { lodForZoom } from './lod.ts';

const MARGIN = 0.6;

function grow(r: Rect, f: number): Rect {
  return { x: r.x - r.width * f, y: r.y - r.height * f, width: r.width * (1 + 2 * f), height: r.height * (1 + 2 * f) };
}

/**
 * Which shots and notes get full (near LOD) nodes. Computed for the view plus a wide margin and
 * recomputed only when the view leaves that area, the LOD changes or the document changes — so
 * panning costs a React render only every screenful or so, not every frame.
 */
export function useNearIds(camera: CameraState, index: SpatialIndex, hidden: ReadonlySet<string>, documentVersion: number): ReadonlySet<string> {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let covered: Rect | null = null;
    let wasNear = false;
    let frame = 0;
    const compute = () => {
      frame = 0;
      const near = lodForZoom(camera.camera.zoom) === 'near';
      const view = camera.visibleRect();
      if (near === wasNear && covered && rectContainsRect(covered, view) && near) return;
      wasNear = near;
      if (!near) {
        covered = null;
        setIds((prev) => (prev.size === 0 ? prev : new Set()));
        return;
      }
      covered = grow(view, MARGIN);
      const next = new Set<string>();
      for (const item of index.search(covered)) if ((item.kind === 'shot' || item.kind === 'note') && !hidden.has(item.id)) next.add(item.id);
      setIds(next);
    };
    compute();
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(compute);
    };
    const off = camera.subscribe(schedule);
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [camera, index, hidden, documentVersion]);
  return ids;
}
