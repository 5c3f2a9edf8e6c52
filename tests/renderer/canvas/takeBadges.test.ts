import { describe, expect, it } from 'vitest';
import { takeBadgeOf } from '../../../renderer/canvas/takeBadges.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { setSelectedTake, updateJudgement } from '../../../renderer/editor/takeCommands.ts';
import { settings, shot } from '../../shared/fixtures.ts';
import { take } from '../../shared/takes/takeFixtures.ts';

describe('takeBadgeOf', () => {
  it('shows the circle take as "T3" in its verdict colour, the same object while nothing changes', () => {
    const s = shot();
    const t3 = take(s.id, { number: 3 });
    const store = new DocumentStore(settings(), 0, [s, t3]);
    expect(takeBadgeOf(store, store.getShot(s.id)!)).toBeNull();
    setSelectedTake(store, s.id, t3.id);
    const unjudged = takeBadgeOf(store, store.getShot(s.id)!);
    expect(unjudged).toEqual({ label: 'T3', color: '#7a7f87' });
    updateJudgement(store, t3.id, { verdict: 'select' });
    const select = takeBadgeOf(store, store.getShot(s.id)!);
    expect(select).toEqual({ label: 'T3', color: '#3ecf8e' });
    // Interned: memoized card nodes see an unchanged badge as unchanged.
    expect(takeBadgeOf(store, store.getShot(s.id)!)).toBe(select);
  });

  it('ignores a selected take that is gone', () => {
    const s = shot();
    const store = new DocumentStore(settings(), 0, [{ ...s, selectedTakeId: take(s.id).id }]);
    expect(takeBadgeOf(store, store.getShot(s.id)!)).toBeNull();
  });
});
