import { useVirtualizer } from '@tanstack/react-virtual';
import { ChevronDown, ChevronUp, TriangleAlert } from 'lucide-react';
import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent } from 'react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatDurationShort } from '../../../shared/model/duration.ts';
import { deriveShotNumbers } from '../../../shared/model/numbering.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { useSelection } from '../../app/useEditorState.ts';
import { readCut } from '../common/cutSnapshot.ts';
import { useDocumentValue } from '../common/useDocumentValue.ts';
import { STATUS_COLORS, STATUS_LABELS } from '../../canvas/canvasTheme.ts';
import type { DocumentStore } from '../../editor/documentStore.ts';
import type { Selection } from '../../editor/selection.ts';
import { cutTargetAt, moveShotInCut } from '../../editor/sequenceCommands.ts';
import { STRIP_GAP, STRIP_ITEM_WIDTH, STRIP_PADDING, STRIP_STRIDE, boundaryX } from './stripLayout.ts';
import { mattersToStrip } from './stripChanges.ts';
import { useStripDrag } from './useStripDrag.ts';

const estimateSize = () => STRIP_STRIDE;

interface Props {
  readonly store: DocumentStore;
  readonly selection: Selection;
  /** Bring a shot into view on the canvas (called on click, Enter and selecting arrows). */
  readonly onFocusShot: (id: string) => void;
  /** The shot's thumbnail URL (display size), or null to show its title on a dark tile. */
  readonly thumbnailUrl?: (shot: ShotRecord) => string | null;
  readonly collapsed: boolean;
  readonly onToggleCollapsed: () => void;
  /** A warning about the cut into this shot (from the previous one), e.g. a continuity hint. */
  readonly hintsFor?: (shotId: string) => string | null;
}

/**
 * The cut order docked below the canvas: every shot as a small 16:9 tile in a virtual horizontal
 * list, reorderable by dragging or with Alt+←/→. A listbox with aria-activedescendant, because
 * its items come and go as it scrolls and focus cannot live on them.
 */
export function SequenceStrip({ store, selection, onFocusShot, thumbnailUrl, collapsed, onToggleCollapsed, hintsFor }: Props) {
  // Re-renders only for edits the strip shows (not for shots dragged around the canvas).
  const { shots, scenes } = useDocumentValue(store, mattersToStrip, readCut);
  const selected = useSelection(selection);
  const rate = store.settings.frameRate;
  const readOnly = store.readOnly !== null;
  const numbers = useMemo(() => deriveShotNumbers(shots, scenes), [shots, scenes]);
  const indexById = useMemo(() => new Map(shots.map((s, i) => [s.id as string, i])), [shots]);
  const totalFrames = useMemo(() => shots.reduce((sum, s) => sum + (s.plannedDurationFrames ?? 0), 0), [shots]);

  const hasList = shots.length > 0;
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const listId = useId();
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeIndex = activeId === null ? -1 : (indexById.get(activeId) ?? -1);
  const { drag, onItemPointerDown, consumeClick } = useStripDrag(store, selection, scrollerRef);
  const getItemKey = useCallback((index: number) => shots[index]?.id ?? index, [shots]);

  // The app does not use the React Compiler; the lint rule only warns that it would skip this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shots.length,
    horizontal: true,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    // Stable per cut: a new function would make the virtualizer recompute all 10,000 positions.
    getItemKey,
    paddingStart: STRIP_PADDING,
    paddingEnd: STRIP_PADDING - STRIP_GAP,
    // Scrolling an item into view keeps the padding, so its selection ring is not cut off.
    scrollPaddingStart: STRIP_PADDING,
    scrollPaddingEnd: STRIP_PADDING,
    overscan: 6,
  });

  // Follow a single selection made elsewhere (canvas, search) so the strip shows that shot; also
  // when the strip is expanded again.
  useEffect(() => {
    const reveal = () => {
      const ids = selection.current;
      if (ids.size !== 1 || !scrollerRef.current) return;
      const [id] = ids;
      const index = store.shots().findIndex((s) => s.id === id);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    };
    if (!collapsed) reveal();
    return selection.subscribe(reveal);
  }, [selection, store, virtualizer, collapsed]);

  // A vertical wheel scrolls the strip sideways (needs a non-passive listener to prevent the default).
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const onWheel = (e: WheelEvent) => {
      if (Math.abs(e.deltaY) <= Math.abs(e.deltaX)) return;
      e.preventDefault();
      scroller.scrollLeft += e.deltaY;
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => scroller.removeEventListener('wheel', onWheel);
  }, [collapsed, hasList]);

  const activate = (index: number, mode: 'select' | 'extend' | 'focus-only') => {
    const shot = shots[index];
    if (!shot) return;
    setActiveId(shot.id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    if (mode === 'select') {
      selection.set([shot.id]);
      onFocusShot(shot.id);
    } else if (mode === 'extend') {
      selection.set([...selection.current, shot.id]);
    }
  };

  const moveActive = (direction: -1 | 1) => {
    if (readOnly || activeIndex < 0) return;
    const to = activeIndex + direction;
    if (to < 0 || to >= shots.length) return;
    const shot = shots[activeIndex]!;
    // Past the neighbour: the insertion index is counted in the cut before the move.
    const target = cutTargetAt(shots, direction < 0 ? to : to + 1, new Set([shot.id]));
    moveShotInCut(store, shot.id, target);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    const from = activeIndex < 0 ? 0 : activeIndex;
    let handled = true;
    if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && e.altKey) moveActive(e.key === 'ArrowLeft' ? -1 : 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const to = activeIndex < 0 ? 0 : Math.min(shots.length - 1, Math.max(0, from + (e.key === 'ArrowLeft' ? -1 : 1)));
      activate(to, mod ? 'focus-only' : e.shiftKey ? 'extend' : 'select');
    } else if (e.key === 'Home') activate(0, mod ? 'focus-only' : 'select');
    else if (e.key === 'End') activate(shots.length - 1, mod ? 'focus-only' : 'select');
    else if (e.key === ' ' && activeIndex >= 0) selection.toggle(shots[activeIndex]!.id);
    else if (e.key === 'Enter' && activeIndex >= 0) activate(activeIndex, 'select');
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onFocus = () => {
    if (activeIndex >= 0 || shots.length === 0) return;
    const firstSelected = shots.findIndex((s) => selected.has(s.id));
    setActiveId(shots[Math.max(0, firstSelected)]!.id);
  };

  const onItemClick = (e: ReactMouseEvent, shot: ShotRecord) => {
    if (consumeClick()) return;
    setActiveId(shot.id);
    if (e.shiftKey || e.ctrlKey || e.metaKey) selection.toggle(shot.id);
    else selection.set([shot.id]);
    onFocusShot(shot.id);
  };

  const optionId = (id: string) => `${listId}-shot-${id}`;
  const summary = `${shots.length} ${shots.length === 1 ? 'shot' : 'shots'}${totalFrames > 0 ? ` · ${formatDurationShort(totalFrames, rate)}` : ''}`;

  return (
    <section className={`sequence-strip${collapsed ? ' collapsed' : ''}`} aria-label="Sequence">
      <header className="sequence-bar">
        <button type="button" className="sequence-toggle" aria-expanded={!collapsed} aria-controls={listId} onClick={onToggleCollapsed}>
          {collapsed ? <ChevronUp size={14} aria-hidden="true" /> : <ChevronDown size={14} aria-hidden="true" />}
          <span className="sequence-title">Sequence</span>
        </button>
        <span className="sequence-summary tabular">{summary}</span>
        {readOnly ? <span className="sequence-note">Read-only: the cut cannot be reordered</span> : null}
        {!collapsed && !readOnly && shots.length > 1 ? <span className="sequence-note">Drag or Alt+←/→ to reorder</span> : null}
      </header>
      {collapsed ? null : shots.length === 0 ? (
        <div className="sequence-empty" id={listId}>
          No shots in the cut yet. Press S on the canvas to add one; shots appear here in cut order.
        </div>
      ) : (
        <div
          ref={scrollerRef}
          id={listId}
          className={`sequence-scroller${drag ? ' dragging' : ''}`}
          role="listbox"
          aria-label="Shots in cut order"
          aria-orientation="horizontal"
          aria-multiselectable="true"
          aria-activedescendant={activeIndex >= 0 ? optionId(shots[activeIndex]!.id) : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          <div className="sequence-track" style={{ width: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const shot = shots[item.index]!;
              const number = numbers.get(shot.id) ?? String(item.index + 1);
              const duration = shot.plannedDurationFrames ? formatDurationShort(shot.plannedDurationFrames, rate) : null;
              const hint = item.index > 0 ? (hintsFor?.(shot.id) ?? null) : null;
              const url = thumbnailUrl?.(shot) ?? null;
              const classes = ['sequence-item'];
              if (selected.has(shot.id)) classes.push('selected');
              if (item.index === activeIndex) classes.push('active');
              if (drag?.ids.has(shot.id)) classes.push('lifted');
              return (
                <div
                  key={item.key}
                  id={optionId(shot.id)}
                  role="option"
                  aria-selected={selected.has(shot.id)}
                  aria-label={`Shot ${number}${shot.title ? `, ${shot.title}` : ''}, ${STATUS_LABELS[shot.status]}${duration ? `, ${duration}` : ''}${hint ? `, warning: ${hint}` : ''}`}
                  className={classes.join(' ')}
                  style={{ width: STRIP_ITEM_WIDTH, transform: `translateX(${item.start}px)` }}
                  onPointerDown={(e) => onItemPointerDown(e, shot.id)}
                  onClick={(e) => onItemClick(e, shot)}
                >
                  <div className="sequence-thumb" style={{ borderLeftColor: STATUS_COLORS[shot.status] }}>
                    {url ? (
                      <img src={url} alt="" loading="lazy" decoding="async" draggable={false} />
                    ) : (
                      <span className="sequence-thumb-title">{shot.title || 'Untitled'}</span>
                    )}
                  </div>
                  <div className="sequence-meta">
                    <span className="sequence-number tabular">{number}</span>
                    {duration ? <span className="sequence-duration tabular">{duration}</span> : null}
                  </div>
                  {hint ? (
                    <span className="sequence-hint" title={hint} aria-hidden="true">
                      <TriangleAlert size={10} />
                    </span>
                  ) : null}
                </div>
              );
            })}
            {drag && drag.dropIndex !== null ? (
              <div className="sequence-drop" style={{ transform: `translateX(${boundaryX(drag.dropIndex) - 1}px)` }} aria-hidden="true" />
            ) : null}
          </div>
        </div>
      )}
    </section>
  );
}
