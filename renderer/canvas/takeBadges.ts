import type { ShotRecord } from '../../shared/model/shot.ts';
import type { TakeRecord } from '../../shared/model/take.ts';
import type { DocumentStore } from '../editor/documentStore.ts';
import { UNJUDGED_COLOR, VERDICT_COLORS } from './canvasTheme.ts';
import type { TakeBadge } from './ShotCardNode.tsx';

/**
 * The selected-take badge of a card ("T3" in its verdict colour). Badges are interned, so a card
 * whose badge did not change gets the same object and its memoized node skips the render; and
 * remembered per take record (records are immutable), so drawing thousands of cards a frame
 * builds no strings.
 */
const interned = new Map<string, TakeBadge>();
const byTake = new WeakMap<TakeRecord, TakeBadge>();

function badgeFor(take: TakeRecord): TakeBadge {
  let badge = byTake.get(take);
  if (badge) return badge;
  const label = `T${take.number}`;
  const color = take.judgement.verdict ? VERDICT_COLORS[take.judgement.verdict] : UNJUDGED_COLOR;
  const key = `${label}|${color}`;
  badge = interned.get(key);
  if (!badge) {
    badge = { label, color };
    interned.set(key, badge);
  }
  byTake.set(take, badge);
  return badge;
}

export function takeBadgeOf(store: DocumentStore, shot: Pick<ShotRecord, 'selectedTakeId'>): TakeBadge | null {
  if (shot.selectedTakeId === null) return null;
  const take = store.get(shot.selectedTakeId);
  return take?.kind === 'take' ? badgeFor(take) : null;
}
