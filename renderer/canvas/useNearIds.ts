import { useEffect, useRef, useState } from 'react';
import type { Rect } from '../editor/camera.ts';
import type { CameraState } from '../editor/cameraState.ts';
import { rectContainsRect } from '../editor/geometry.ts';
import type { IndexedItem, SpatialIndex } from '../editor/spatialIndex.ts';
import { lodForZoom } from './lod.ts';

/** The area that gets full nodes: the view plus this fraction of its size on every side. */
const MARGIN = 0.6;
/** Re-plan once the view plus this margin is no longer covered, so mounting starts ahead of the pan. */
const LOOKAHEAD = 0.25;
/**
 * Full cards mounted per animation frame. Mounting (React + Konva nodes + a cached bitmap) costs
 * about a millisecond a card; a screenful at once is a 100 ms hitch. Cards not mounted yet are
 * still drawn by the batched layer, so the view is never empty, only briefly simpler.
 */
export const NEAR_MOUNTS_PER_FRAME = 3;

function grow(r: Rect, f: number): Rect {
  return { x: r.x - r.width * f, y: r.y - r.height * f, width: r.width * (1 + 2 * f), height: r.height * (1 + 2 * f) };
}

/**
 * Plans the next set of mounted ids: drops everything outside `target` at once (cheap), adds at
 * most `budget` missing ones, closest to `centre` first. Returns null when nothing changes.
 */
export function nextMountedIds(
  mounted: ReadonlySet<string>,
  target: ReadonlyMap<string, IndexedItem>,
  centre: { x: number; y: number },
  budget: number,
): { ids: ReadonlySet<string>; pending: number } | null {
  const missing: IndexedItem[] = [];
  for (const [id, item] of target) if (!mounted.has(id)) missing.push(item);
  let removed = false;
  for (const id of mounted) if (!target.has(id)) removed = true;
  if (missing.length === 0 && !removed) return null;
  const distance = (i: IndexedItem) => Math.hypot((i.minX + i.maxX) / 2 - centre.x, (i.minY + i.maxY) / 2 - centre.y);
  if (missing.length > budget) missing.sort((a, b) => distance(a) - distance(b));
  const next = new Set<string>();
  for (const id of mounted) if (target.has(id)) next.add(id);
  for (const item of missing.slice(0, budget)) next.add(item.id);
  return { ids: next, pending: Math.max(0, missing.length - budget) };
}

/**
 * Which shots and notes get full (near LOD) nodes. The target area (view plus a wide margin) is
 * re-planned only when the view nears its edge, the LOD changes or the document changes; the
 * cards are then mounted a few per frame, nearest the centre first — so panning never pays for a
 * screenful of React nodes in one frame.
 */
export function useNearIds(camera: CameraState, index: SpatialIndex, hidden: ReadonlySet<string>, documentVersion: number): ReadonlySet<string> {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  // Survives re-planning after an edit, so cards already mounted stay mounted (no flicker).
  const mountedRef = useRef<ReadonlySet<string>>(ids);
  useEffect(() => {
    let covered: Rect | null = null;
    let target = new Map<string, IndexedItem>();
    let frame = 0;
    const commit = (next: ReadonlySet<string>) => {
      mountedRef.current = next;
      setIds(next);
    };
    const step = () => {
      frame = 0;
      const near = lodForZoom(camera.camera.zoom) === 'near';
      if (!near) {
        covered = null;
        target = new Map();
        if (mountedRef.current.size > 0) commit(new Set());
        return;
      }
      const view = camera.visibleRect();
      if (!covered || !rectContainsRect(covered, grow(view, LOOKAHEAD))) {
        covered = grow(view, MARGIN);
        target = new Map();
        for (const item of index.search(covered)) if ((item.kind === 'shot' || item.kind === 'note') && !hidden.has(item.id)) target.set(item.id, item);
      }
      const plan = nextMountedIds(mountedRef.current, target, { x: view.x + view.width / 2, y: view.y + view.height / 2 }, NEAR_MOUNTS_PER_FRAME);
      if (!plan) return;
      commit(plan.ids);
      if (plan.pending > 0) schedule();
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(step);
    };
    step();
    const off = camera.subscribe(schedule);
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [camera, index, hidden, documentVersion]);
  return ids;
}
