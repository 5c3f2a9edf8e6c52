import fc from 'fast-check';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import type { Diff } from '../../../renderer/editor/documentStore.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { cutTargetAt, moveShotInCut, moveShotsInCut } from '../../../renderer/editor/sequenceCommands.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { shotRecordSchema } from '../../../shared/model/shot.ts';
import { settings, shot } from '../../shared/fixtures.ts';

function cut(n: number): ShotRecord[] {
  const keys = generateNKeysBetween(null, null, n);
  return keys.map((order) => shot({ order }));
}

function newStore(records: readonly ShotRecord[]) {
  const store = new DocumentStore(settings(), 0, records, () => 9_000);
  const diffs: Diff[] = [];
  store.subscribe((d) => diffs.push(d));
  return { store, diffs, ids: () => store.shots().map((s) => s.id) };
}

function expectValidKeys(store: DocumentStore): void {
  const shots = store.shots();
  for (let i = 0; i < shots.length; i += 1) {
    expect(() => generateKeyBetween(shots[i]!.order, null)).not.toThrow();
    expect(shotRecordSchema.safeParse(shots[i]).success).toBe(true);
    if (i > 0) expect(shots[i - 1]!.order < shots[i]!.order).toBe(true);
  }
}

describe('moveShotInCut', () => {
  it('writes only the moved shot, in one transaction', () => {
    const [a, b, c, d] = cut(4);
    const { store, diffs, ids } = newStore([a!, b!, c!, d!]);
    expect(moveShotInCut(store, d!.id, { beforeId: a!.id, afterId: b!.id })).toBe(true);
    expect(ids()).toEqual([a!.id, d!.id, b!.id, c!.id]);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.changes.map((ch) => ch.id)).toEqual([d!.id]);
    expect(store.getShot(a!.id)).toBe(a);
    expect(store.getShot(b!.id)).toBe(b);
    expect(store.getShot(c!.id)).toBe(c);
    expectValidKeys(store);
  });

  it('moves to the start and to the end', () => {
    const [a, b, c] = cut(3);
    const { store, ids } = newStore([a!, b!, c!]);
    moveShotInCut(store, c!.id, { beforeId: null, afterId: a!.id });
    expect(ids()).toEqual([c!.id, a!.id, b!.id]);
    moveShotInCut(store, c!.id, { beforeId: b!.id, afterId: null });
    expect(ids()).toEqual([a!.id, b!.id, c!.id]);
    expectValidKeys(store);
  });

  it('is a no-op when the shot is already there, unknown, or the document is read-only', () => {
    const [a, b, c] = cut(3);
    const { store, diffs } = newStore([a!, b!, c!]);
    expect(moveShotInCut(store, b!.id, { beforeId: a!.id, afterId: c!.id })).toBe(false);
    expect(moveShotInCut(store, a!.id, { beforeId: null, afterId: b!.id })).toBe(false);
    expect(moveShotInCut(store, 'nope', { beforeId: null, afterId: null })).toBe(false);
    expect(diffs).toHaveLength(0);
    store.setReadOnly('newer version');
    expect(moveShotInCut(store, c!.id, { beforeId: null, afterId: a!.id })).toBe(false);
    expect(store.shots().map((s) => s.id)).toEqual([a!.id, b!.id, c!.id]);
  });

  it('prefers beforeId when the neighbours are not adjacent and falls back when one is unknown', () => {
    const [a, b, c, d] = cut(4);
    const { store, ids } = newStore([a!, b!, c!, d!]);
    moveShotInCut(store, d!.id, { beforeId: a!.id, afterId: c!.id });
    expect(ids()).toEqual([a!.id, d!.id, b!.id, c!.id]);
    moveShotInCut(store, d!.id, { beforeId: 'gone', afterId: c!.id });
    expect(ids()).toEqual([a!.id, b!.id, d!.id, c!.id]);
  });

  it('re-keys only what it must when older files hold duplicate or malformed keys', () => {
    const a = shot({ order: 'a0' });
    const b = shot({ order: 'a1' });
    const c = shot({ order: 'a1' }); // duplicate of b
    const d = shot({ order: 'a000010' }); // fractional part ends in 0: rejected by fractional-indexing
    const e = shot({ order: 'a5' });
    const { store, diffs, ids } = newStore([a, b, c, d, e]);
    const before = ids();
    moveShotInCut(store, before[0]!, { beforeId: before[2]!, afterId: before[3]! });
    expect(ids()).toEqual([before[1], before[2], before[0], before[3], before[4]]);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.changes.length).toBeLessThanOrEqual(3);
    expectValidKeys(store);
  });
});

describe('moveShotsInCut', () => {
  it('keeps the relative cut order of the moved shots whatever order the ids come in', () => {
    const [a, b, c, d, e] = cut(5);
    const { store, diffs, ids } = newStore([a!, b!, c!, d!, e!]);
    expect(moveShotsInCut(store, [e!.id, b!.id], { beforeId: c!.id, afterId: d!.id })).toBe(true);
    expect(ids()).toEqual([a!.id, c!.id, b!.id, e!.id, d!.id]);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.changes.map((ch) => ch.id).sort()).toEqual([b!.id, e!.id].sort());
    expectValidKeys(store);
  });

  it('treats a neighbour that is itself moving as absent', () => {
    const [a, b, c, d] = cut(4);
    const { store, ids } = newStore([a!, b!, c!, d!]);
    moveShotsInCut(store, [a!.id, b!.id], { beforeId: b!.id, afterId: d!.id });
    expect(ids()).toEqual([c!.id, a!.id, b!.id, d!.id]);
  });
});

describe('cutTargetAt', () => {
  it('names the nearest neighbours that are not moving', () => {
    const shots = cut(4);
    const [a, b, c, d] = shots;
    expect(cutTargetAt(shots, 0)).toEqual({ beforeId: null, afterId: a!.id });
    expect(cutTargetAt(shots, 4)).toEqual({ beforeId: d!.id, afterId: null });
    expect(cutTargetAt(shots, 2, new Set([b!.id, c!.id]))).toEqual({ beforeId: a!.id, afterId: d!.id });
  });
});

describe('any sequence of moves', () => {
  it('keeps a strict total order equal to the expected array order, writing only moved shots', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.record({ picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), to: fc.nat() }), { maxLength: 25 }),
        (n, moves) => {
          const { store, diffs, ids } = newStore(cut(n));
          let expected: string[] = ids();
          for (const move of moves) {
            const picked = new Set<string>(move.picks.map((p) => expected[p % n]!));
            const target = cutTargetAt(store.shots(), move.to % (n + 1), picked);
            const movedInOrder = expected.filter((id) => picked.has(id));
            const rest = expected.filter((id) => !picked.has(id));
            const at = target.beforeId === null ? 0 : rest.indexOf(target.beforeId) + 1;
            const next = [...rest.slice(0, at), ...movedInOrder, ...rest.slice(at)];
            const diffCount = diffs.length;
            const changed = moveShotsInCut(store, picked, target);
            expect(changed).toBe(next.some((id, i) => id !== expected[i]));
            if (changed) {
              expect(diffs).toHaveLength(diffCount + 1);
              for (const change of diffs[diffs.length - 1]!.changes) expect(picked.has(change.id)).toBe(true);
            }
            expected = next;
            expect(ids()).toEqual(expected);
          }
          expectValidKeys(store);
        },
      ),
      { numRuns: 200 },
    );
  });
});
