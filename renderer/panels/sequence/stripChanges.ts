import type { RecordChange } from '../../editor/documentStore.ts';
import { mattersToNumbering } from '../common/cutSnapshot.ts';
import { changedFields, kindOf } from '../common/useDocumentValue.ts';

/** Shot fields the strip shows besides its number (selectedTakeId and frame pick the thumbnail). */
const SHOWN_FIELDS = ['status', 'title', 'plannedDurationFrames', 'frame', 'selectedTakeId'] as const;

/**
 * Whether a change can alter what the sequence strip shows: not a shot moved on the canvas (x/y),
 * not a note or an arrow; a scene only through its number, which shot numbers derive from.
 */
export function mattersToStrip(change: RecordChange): boolean {
  return mattersToNumbering(change) || (kindOf(change) === 'shot' && changedFields(change, SHOWN_FIELDS));
}
