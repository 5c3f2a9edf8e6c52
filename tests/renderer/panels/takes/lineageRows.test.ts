import { describe, expect, it } from 'vitest';
import { lineageRows } from '../../../../renderer/panels/takes/lineageRows.ts';
import { lineageTree } from '../../../../shared/takes/takeFactory.ts';
import { shot } from '../../../shared/fixtures.ts';
import { take } from '../../../shared/takes/takeFixtures.ts';

describe('lineageRows', () => {
  it('lists parents before their forks, with depth and the connector columns', () => {
    const s = shot();
    const t1 = take(s.id, { number: 1 });
    const t2 = take(s.id, { number: 2 });
    const t3 = take(s.id, { number: 3, parentTakeId: t1.id });
    const t4 = take(s.id, { number: 4, parentTakeId: t3.id });
    const t5 = take(s.id, { number: 5, parentTakeId: t1.id });
    const rows = lineageRows(lineageTree([t5, t4, t3, t2, t1]));
    expect(rows.map((r) => [`T${r.take.number}`, r.depth, r.last, r.guides])).toEqual([
      ['T1', 0, false, []],
      // T3 has a younger sibling (T5): its column continues past T4.
      ['T3', 1, false, []],
      ['T4', 2, true, [true]],
      ['T5', 1, true, []],
      ['T2', 0, true, []],
    ]);
  });

  it('shows a fork whose parent was deleted as a root', () => {
    const s = shot();
    const orphan = take(s.id, { number: 4, parentTakeId: take(s.id).id });
    expect(lineageRows(lineageTree([orphan])).map((r) => r.depth)).toEqual([0]);
  });
});
