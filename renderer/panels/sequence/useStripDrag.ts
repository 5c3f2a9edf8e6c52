import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentStore } from '../../editor/documentStore.ts';
import type { Selection } from '../../editor/selection.ts';
import { cutTargetAt, moveShotsInCut } from '../../editor/sequenceCommands.ts';
import { DRAG_THRESHOLD, autoScrollSpeed, dropIndexAt, isNoopDrop } from './stripLayout.ts';

export interface StripDragState {
  /** The shots being dragged (the whole selection when a selected item was picked up). */
  readonly ids: ReadonlySet<string>;
  /** Where they would land (0…count), or null when dropping would change nothing. */
  readonly dropIndex: number | null;
}

interface Press {
  readonly pointerId: number;
  readonly startX: number;
  readonly shotId: string;
  started: boolean;
  ids: ReadonlySet<string>;
  indices: number[];
  clientX: number;
  frame: number;
  cleanup: () => void;
}

/**
 * Drag-to-reorder for the sequence strip with pointer events (HTML5 drag and drop cannot show our
 * indicator, auto-scroll a virtual list or be cancelled with Escape). The press listens on the
 * window so it survives its item being unmounted by virtualization while the strip scrolls.
 */
export function useStripDrag(store: DocumentStore, selection: Selection, scrollerRef: RefObject<HTMLElement | null>) {
  const [drag, setDrag] = useState<StripDragState | null>(null);
  const press = useRef<Press | null>(null);
  const suppressClick = useRef(false);

  const end = useCallback(() => {
    const p = press.current;
    if (!p) return;
    press.current = null;
    cancelAnimationFrame(p.frame);
    p.cleanup();
    setDrag(null);
  }, []);

  useEffect(() => end, [end]);

  const update = useCallback(
    (p: Press) => {
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const rect = scroller.getBoundingClientRect();
      const index = dropIndexAt(p.clientX - rect.left + scroller.scrollLeft, store.shots().length);
      const dropIndex = isNoopDrop(p.indices, index) ? null : index;
      setDrag((current) => (current && current.ids === p.ids && current.dropIndex === dropIndex ? current : { ids: p.ids, dropIndex }));
    },
    [scrollerRef, store],
  );

  const begin = useCallback(
    (p: Press) => {
      const shots = store.shots();
      let ids: string[];
      if (selection.has(p.shotId)) {
        ids = shots.filter((s) => selection.has(s.id)).map((s) => s.id);
      } else {
        selection.set([p.shotId]);
        ids = [p.shotId];
      }
      const moving = new Set(ids);
      p.started = true;
      p.ids = moving;
      p.indices = [];
      shots.forEach((s, i) => {
        if (moving.has(s.id)) p.indices.push(i);
      });
      try {
        scrollerRef.current?.setPointerCapture(p.pointerId);
      } catch {
        // The pointer is already gone (released between events); the window listeners still end the drag.
      }
      update(p);
      // Near an edge the strip scrolls by itself, every frame until the drag ends.
      const tick = () => {
        const scroller = scrollerRef.current;
        if (!scroller || press.current !== p) return;
        const rect = scroller.getBoundingClientRect();
        const speed = autoScrollSpeed(p.clientX, rect.left, rect.right);
        if (speed !== 0) {
          scroller.scrollLeft += speed;
          update(p);
        }
        p.frame = requestAnimationFrame(tick);
      };
      p.frame = requestAnimationFrame(tick);
    },
    [scrollerRef, selection, store, update],
  );

  const drop = useCallback(
    (p: Press) => {
      const scroller = scrollerRef.current;
      if (!scroller) return;
      const rect = scroller.getBoundingClientRect();
      const shots = store.shots();
      const index = dropIndexAt(p.clientX - rect.left + scroller.scrollLeft, shots.length);
      if (isNoopDrop(p.indices, index)) return;
      const ordered = shots.filter((s) => p.ids.has(s.id)).map((s) => s.id);
      moveShotsInCut(store, ordered, cutTargetAt(shots, index, p.ids));
    },
    [scrollerRef, store],
  );

  /** Call from an item's pointerdown. Reordering is off for read-only documents. */
  const onItemPointerDown = useCallback(
    (event: ReactPointerEvent, shotId: string) => {
      if (event.button !== 0 || store.readOnly !== null || press.current) return;
      const move = (e: PointerEvent) => {
        const p = press.current;
        if (!p || e.pointerId !== p.pointerId) return;
        p.clientX = e.clientX;
        if (!p.started && Math.abs(e.clientX - p.startX) > DRAG_THRESHOLD) begin(p);
        else if (p.started) update(p);
      };
      const up = (e: PointerEvent) => {
        const p = press.current;
        if (!p || e.pointerId !== p.pointerId) return;
        if (p.started) {
          p.clientX = e.clientX;
          suppressClick.current = true;
          // The click that follows this pointerup (if any) must not re-select a single item.
          setTimeout(() => (suppressClick.current = false), 0);
          if (e.type === 'pointerup') drop(p);
        }
        end();
      };
      const key = (e: KeyboardEvent) => {
        if (e.key !== 'Escape' || !press.current?.started) return;
        e.preventDefault();
        e.stopPropagation();
        suppressClick.current = true;
        setTimeout(() => (suppressClick.current = false), 0);
        end();
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', up);
      window.addEventListener('keydown', key, true);
      press.current = {
        pointerId: event.pointerId,
        startX: event.clientX,
        shotId,
        started: false,
        ids: new Set(),
        indices: [],
        clientX: event.clientX,
        frame: 0,
        cleanup: () => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
          window.removeEventListener('pointercancel', up);
          window.removeEventListener('keydown', key, true);
        },
      };
    },
    [begin, drop, end, store, update],
  );

  /** True once for the click that ends a drag (it must not count as a click on the item). */
  const consumeClick = useCallback(() => suppressClick.current, []);

  return { drag, onItemPointerDown, consumeClick };
}
