import { useVirtualizer } from '@tanstack/react-virtual';
import { Check, Circle, CircleDot, FileWarning, Film, Image as ImageIcon, Sparkles } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { ProjectId } from '../../../shared/ids.ts';
import type { MediaStatus } from '../../../shared/ipc/contract.ts';
import type { TakeRecord } from '../../../shared/model/take.ts';
import type { Reproducibility } from '../../../shared/takes/reproducibility.ts';
import { mediaUrl } from '../../platform/mediaUrl.ts';
import { posterFor } from '../../platform/mediaPosters.ts';
import type { LineageRow } from './lineageRows.ts';
import { ReproBadge } from './ReproBadge.tsx';
import { plural, takeName } from './takeLabels.ts';
import { VerdictChip } from './VerdictChip.tsx';

export const TAKE_ROW_HEIGHT = 56;
const INDENT = 14;
const VISIBLE_ROWS = 5;

interface Props {
  readonly projectId: ProjectId;
  readonly rows: readonly LineageRow[];
  readonly openTakeId: string | null;
  readonly selectedTakeId: string | null;
  readonly disabled: boolean;
  readonly reproOf: (take: TakeRecord) => Reproducibility;
  readonly statusOf: (take: TakeRecord) => MediaStatus | undefined;
  readonly onOpen: (takeId: string) => void;
  readonly onCircle: (takeId: string) => void;
  /** Takes picked for comparing (Ctrl/Cmd- or Shift-click). */
  readonly picked: readonly string[];
  readonly onPick: (takeId: string) => void;
  /** Delete or Backspace on the list deletes the open take (undoable). */
  readonly onDelete: (takeId: string) => void;
}

/**
 * A shot's takes as a lineage tree (forks indented under their parent, with connector lines),
 * virtualized so a shot with hundreds of takes scrolls smoothly. ↑/↓ move between takes.
 */
export function TakeList({ projectId, rows, openTakeId, selectedTakeId, disabled, reproOf, statusOf, onOpen, onCircle, picked, onPick, onDelete }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is read fresh every render (no memoized values leave this component).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => TAKE_ROW_HEIGHT,
    overscan: 6,
  });
  const openIndex = rows.findIndex((r) => r.take.id === openTakeId);
  useEffect(() => {
    if (openIndex >= 0) virtualizer.scrollToIndex(openIndex, { align: 'auto' });
  }, [openIndex, virtualizer]);

  return (
    <div
      ref={scroller}
      className="take-list"
      role="listbox"
      aria-label="Takes"
      tabIndex={0}
      aria-activedescendant={openTakeId ? `take-row-${openTakeId}` : undefined}
      style={{ height: Math.min(rows.length, VISIBLE_ROWS) * TAKE_ROW_HEIGHT + (rows.length > VISIBLE_ROWS ? TAKE_ROW_HEIGHT / 2 : 0) }}
      onKeyDown={(e) => {
        if ((e.key === 'Delete' || e.key === 'Backspace') && openTakeId && !disabled) {
          // Here Delete means the take, never the shot the canvas has selected.
          e.preventDefault();
          e.stopPropagation();
          onDelete(openTakeId);
          return;
        }
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        e.preventDefault();
        // Arrow keys move the canvas selection elsewhere; here they move between takes.
        e.stopPropagation();
        const next = rows[Math.max(0, Math.min(rows.length - 1, openIndex + (e.key === 'ArrowDown' ? 1 : -1)))];
        if (next) onOpen(next.take.id);
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <TakeRow
              key={row.take.id}
              top={item.start}
              projectId={projectId}
              row={row}
              open={row.take.id === openTakeId}
              picked={picked.includes(row.take.id)}
              circled={row.take.id === selectedTakeId}
              disabled={disabled}
              repro={reproOf(row.take)}
              status={statusOf(row.take)}
              onOpen={onOpen}
              onCircle={onCircle}
              onPick={onPick}
            />
          );
        })}
      </div>
    </div>
  );
}

function TakeRow({
  top,
  projectId,
  row,
  open,
  picked,
  circled,
  disabled,
  repro,
  status,
  onOpen,
  onCircle,
  onPick,
}: {
  top: number;
  projectId: ProjectId;
  row: LineageRow;
  open: boolean;
  picked: boolean;
  circled: boolean;
  disabled: boolean;
  repro: Reproducibility;
  status: MediaStatus | undefined;
  onOpen: (id: string) => void;
  onCircle: (id: string) => void;
  onPick: (id: string) => void;
}) {
  const { take, depth } = row;
  const name = takeName(take);
  const defects = take.judgement.defects.length;
  const missing = status === 'missing' || status === 'changed';
  return (
    <div
      id={`take-row-${take.id}`}
      role="option"
      aria-selected={open}
      aria-label={`${name}${circled ? ', selected take' : ''}${picked ? ', picked to compare' : ''}`}
      className={`take-row${open ? ' open' : ''}${circled ? ' circled' : ''}${picked ? ' picked' : ''}`}
      data-testid="take-row"
      data-take={name}
      data-picked={picked || undefined}
      title="Click to open; Ctrl/Cmd- or Shift-click to pick takes to compare"
      style={{ transform: `translateY(${top}px)`, height: TAKE_ROW_HEIGHT }}
      onClick={(e) => (e.ctrlKey || e.metaKey || e.shiftKey ? onPick(take.id) : onOpen(take.id))}
    >
      <span className="take-tree" style={{ width: depth * INDENT }} aria-hidden="true">
        {row.guides.map((continues, i) => (continues ? <span key={i} className="tree-guide" style={{ left: (i + 1) * INDENT - INDENT / 2 }} /> : null))}
        {depth > 0 ? <span className={`tree-elbow${row.last ? ' last' : ''}`} style={{ left: depth * INDENT - INDENT / 2 }} /> : null}
      </span>
      <button
        type="button"
        className={`circle-btn${circled ? ' on' : ''}`}
        aria-label={circled ? `${name} is the selected take; click to unselect` : `Set ${name} as the selected take (C)`}
        title={circled ? 'Selected take (circled)' : 'Set as selected take (C)'}
        aria-pressed={circled}
        disabled={disabled}
        onClick={(e) => {
          e.stopPropagation();
          onCircle(take.id);
        }}
      >
        {circled ? <CircleDot size={15} /> : <Circle size={15} />}
      </button>
      <span className="take-thumb-wrap">
        <TakeThumb projectId={projectId} take={take} missing={missing} />
        {picked ? (
          <span className="take-picked" aria-hidden="true">
            <Check size={11} strokeWidth={3} />
          </span>
        ) : null}
      </span>
      <span className="take-row-main">
        <span className="take-row-line">
          <span className={`take-name tabular${circled ? ' circled' : ''}`}>{name}</span>
          <VerdictChip verdict={take.judgement.verdict} />
        </span>
        <span className="take-row-line take-row-meta tabular">
          {missing ? (
            <span className="take-missing">
              <FileWarning size={11} /> Media {status === 'changed' ? 'changed' : 'missing'}
            </span>
          ) : (
            <>
              <span>{take.judgement.score === null ? 'No score' : `Precision ${take.judgement.score}/5`}</span>
              <span aria-hidden="true">·</span>
              <span>{defects === 0 ? 'No defects' : plural(defects, 'defect')}</span>
            </>
          )}
        </span>
      </span>
      <ReproBadge repro={repro} compact />
    </div>
  );
}

/** The take's poster (made by main from the video, or the still itself), or what stands in for it. */
export function TakeThumb({ projectId, take, missing }: { projectId: ProjectId; take: TakeRecord; missing: boolean }) {
  if (!take.media)
    return (
      <span className="take-thumb planned" title="Planned: no output imported yet">
        <Sparkles size={13} />
      </span>
    );
  if (missing)
    return (
      <span className="take-thumb missing" title="The media file is missing">
        <FileWarning size={13} />
      </span>
    );
  const poster = posterFor(projectId, take.media);
  return (
    <span className="take-thumb">
      {poster ? (
        <img src={mediaUrl(projectId, poster.path)} alt="" draggable={false} />
      ) : take.media.kind === 'video' ? (
        <Film size={13} />
      ) : (
        <ImageIcon size={13} />
      )}
    </span>
  );
}
