import {
  AlignCenterHorizontal,
  AlignCenterVertical,
  AlignEndHorizontal,
  AlignEndVertical,
  AlignHorizontalDistributeCenter,
  AlignStartHorizontal,
  AlignStartVertical,
  AlignVerticalDistributeCenter,
  Frame,
} from 'lucide-react';
import type { DocumentStore } from '../../editor/documentStore.ts';
import type { AlignMode, DistributeAxis, Placed } from '../../editor/alignment.ts';
import { alignRects, distributeRects } from '../../editor/alignment.ts';
import { recordBounds } from '../../editor/geometry.ts';
import { moveRecords, withSceneMembers } from '../../editor/recordCommands.ts';
import { isCanvasRecord } from '../../../shared/model/records.ts';
import { IconButton } from '../chrome/IconButton.tsx';

/** Several records selected: align, distribute, group into a scene. */
export function MultiInspector({ store, ids, onGroup }: { store: DocumentStore; ids: readonly string[]; onGroup: () => void }) {
  const disabled = store.readOnly !== null;
  const placed: Placed[] = ids.flatMap((id) => {
    const r = store.get(id);
    const rect = r ? recordBounds(r) : null;
    return rect ? [{ id, rect }] : [];
  });
  /** Applies new positions; a moved scene carries its shots by the same offset. */
  const apply = (positions: Map<string, { x: number; y: number }>) => {
    const all = new Map(positions);
    for (const [id, p] of positions) {
      const r = store.get(id);
      if (r?.kind !== 'scene') continue;
      for (const member of withSceneMembers(store, [id])) {
        const m = store.get(member);
        if (member !== id && isCanvasRecord(m) && !all.has(member)) all.set(member, { x: m.x + p.x - r.x, y: m.y + p.y - r.y });
      }
    }
    if (all.size > 0) moveRecords(store, all);
  };
  const align = (mode: AlignMode) => apply(alignRects(placed, mode));
  const distribute = (axis: DistributeAxis) => apply(distributeRects(placed, axis));
  const shots = ids.filter((id) => store.get(id)?.kind === 'shot').length;
  return (
    <>
      <header className="inspector-header">
        <span className="inspector-kicker">{ids.length} selected</span>
      </header>
      <div className="inspector-body">
        <div className="field">
          <span className="field-label">Align</span>
          <div className="button-row">
            <IconButton label="Align left" disabled={disabled} onClick={() => align('left')}>
              <AlignStartVertical size={16} />
            </IconButton>
            <IconButton label="Align centres horizontally" disabled={disabled} onClick={() => align('center')}>
              <AlignCenterVertical size={16} />
            </IconButton>
            <IconButton label="Align right" disabled={disabled} onClick={() => align('right')}>
              <AlignEndVertical size={16} />
            </IconButton>
            <IconButton label="Align top" disabled={disabled} onClick={() => align('top')}>
              <AlignStartHorizontal size={16} />
            </IconButton>
            <IconButton label="Align middles vertically" disabled={disabled} onClick={() => align('middle')}>
              <AlignCenterHorizontal size={16} />
            </IconButton>
            <IconButton label="Align bottom" disabled={disabled} onClick={() => align('bottom')}>
              <AlignEndHorizontal size={16} />
            </IconButton>
          </div>
        </div>
        <div className="field">
          <span className="field-label">Distribute</span>
          <div className="button-row">
            <IconButton label="Distribute horizontally" disabled={disabled || placed.length < 3} onClick={() => distribute('horizontal')}>
              <AlignHorizontalDistributeCenter size={16} />
            </IconButton>
            <IconButton label="Distribute vertically" disabled={disabled || placed.length < 3} onClick={() => distribute('vertical')}>
              <AlignVerticalDistributeCenter size={16} />
            </IconButton>
          </div>
        </div>
        {shots > 0 ? (
          <button type="button" className="btn" disabled={disabled} onClick={onGroup}>
            <Frame size={14} /> Scene from {shots} {shots === 1 ? 'shot' : 'shots'}
          </button>
        ) : null}
      </div>
    </>
  );
}
