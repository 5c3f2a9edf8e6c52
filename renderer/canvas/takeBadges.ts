import type { ShotRecord } from '../../shared/model/shot.ts';
import type { DocumentStore } from '../editor/documentStore.ts';
import { UNJUDGED_COLOR, VERDICT_COLORS } from './canvasTheme.ts';
import type { TakeBadge } from './ShotCardNode.tsx';

/**
 * The selected-take badge of a card ("T3" in its verdict colour). Badges are interned, so a card
 * whose badge did not change gets the same object and its memoized node skips the render.
 */
const interned = new Map<string, TakeBadge>();

export function takeBadgeOf(store: DocumentStore, shot: Pick<ShotRecord, 'selectedTakeId'>): TakeBadge | null {
  if (shot.selectedTakeId === null) return null;
  const take = store.get(shot.selectedTakeId);
  if (take?.kind !== 'take') return null;
  const label = `T${take.number}`;
  const color = take.judgement.verdict ? VERDICT_COLORS[take.judgement.verdict] : UNJUDGED_COLOR;
  const key = `${label}|${color}`;
  let badge = interned.get(key);
  if (!badge) {
    badge = { label, color };
    interned.set(key, badge);
  }
  return badge;
}
