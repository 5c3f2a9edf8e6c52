import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../../renderer/editor/camera.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { recordBounds, rectContainsRect, rectsIntersect } from '../../../renderer/editor/geometry.ts';
import { SpatialIndex } from '../../../renderer/editor/spatialIndex.ts';
import type { DocRecord } from '../../../shared/model/records.ts';
import { SCENE_HEADER_HEIGHT } from '../../../shared/model/scene.ts';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../../shared/model/shot.ts';
import { arrow, note, scene, settings, shot } from '../../shared/fixtures.ts';

function indexOf(records: DocRecord[]) {
  const store = new DocumentStore(settings(), 0, records);
  return { store, index: new SpatialIndex(store) };
}

const ids = (items: ReadonlyArray<{ id: string }>) => items.map((i) => i.id).sort();

describe('SpatialIndex', () => {
  it('indexes every record with bounds (shot cards, notes, scenes) and no arrows', () => {
    const a = shot({ x: 10, y: 20 });
    const n = note({ x: 500, y: 0, width: 200, height: 140 });
    const sc = scene({ x: -100, y: -100, width: 50, height: 60 });
    const { index } = indexOf([a, n, sc, arrow(a.id, n.id)]);
    expect(index.bounds(a.id)).toEqual({ x: 10, y: 20, width: SHOT_CARD.width, height: SHOT_CARD_HEIGHT });
    expect(index.bounds(n.id)).toEqual({ x: 500, y: 0, width: 200, height: 140 });
    expect(index.bounds(sc.id)).toEqual({ x: -100, y: -100, width: 50, height: 60 });
    expect(ids(index.search({ x: -1e6, y: -1e6, width: 2e6, height: 2e6 }))).toEqual(ids([a, n, sc]));
  });

  it('a collapsed scene occupies only its header', () => {
    const sc = scene({ x: 0, y: 0, width: 600, height: 400, collapsed: true });
    const { index } = indexOf([sc]);
    expect(index.bounds(sc.id)?.height).toBe(SCENE_HEADER_HEIGHT);
    expect(index.search({ x: 10, y: 200, width: 1, height: 1 })).toEqual([]);
  });

  it('search finds what intersects (touching edges count); within only what lies completely inside', () => {
    const a = shot({ x: 0, y: 0 });
    const b = shot({ x: 1000, y: 0 });
    const { index } = indexOf([a, b]);
    expect(ids(index.search({ x: 100, y: 100, width: 1000, height: 10 }))).toEqual(ids([a, b]));
    expect(ids(index.search({ x: SHOT_CARD.width, y: 0, width: 10, height: 10 }))).toEqual([a.id]);
    expect(ids(index.within({ x: -1, y: -1, width: 1000, height: 1000 }))).toEqual([a.id]);
    expect(ids(index.within({ x: 0, y: 0, width: SHOT_CARD.width, height: SHOT_CARD_HEIGHT }))).toEqual([a.id]);
    expect(index.within({ x: 1, y: 0, width: SHOT_CARD.width, height: SHOT_CARD_HEIGHT })).toEqual([]);
  });

  it('hitTest puts notes over shots over scenes, whatever their creation order', () => {
    const n = note({ x: 50, y: 50, createdAt: 1 });
    const a = shot({ x: 0, y: 0 }, 2);
    const sc = scene({ x: -100, y: -100, width: 1000, height: 1000, createdAt: 3 });
    const { store, index } = indexOf([sc, a, n]);
    const point = { x: 60, y: 60 };
    expect(index.hitTest(point)?.id).toBe(n.id);
    store.transact((tx) => tx.remove(n.id));
    expect(index.hitTest(point)?.id).toBe(a.id);
    store.transact((tx) => tx.remove(a.id));
    expect(index.hitTest(point)?.id).toBe(sc.id);
    expect(index.hitTest({ x: 5000, y: 5000 })).toBeNull();
  });

  it('hitTest picks the smaller of two overlapping scenes (a scene drawn inside another)', () => {
    const outer = scene({ x: 0, y: 0, width: 1000, height: 1000 });
    const inner = scene({ x: 100, y: 100, width: 200, height: 200 });
    const { index } = indexOf([inner, outer]);
    expect(index.hitTest({ x: 150, y: 150 })?.id).toBe(inner.id);
    expect(index.hitTest({ x: 900, y: 900 })?.id).toBe(outer.id);
  });

  it('hitTest skips what `accept` refuses (hidden records) and falls through to what lies below', () => {
    const n = note({ x: 0, y: 0 });
    const a = shot({ x: 0, y: 0 });
    const { index } = indexOf([n, a]);
    expect(index.hitTest({ x: 5, y: 5 }, (i) => i.id !== n.id)?.id).toBe(a.id);
    expect(index.hitTest({ x: 5, y: 5 }, () => false)).toBeNull();
  });

  it('follows the document: moves, creates, deletes and kind-specific size changes', () => {
    const a = shot({ x: 0, y: 0 });
    const sc = scene({ x: 0, y: 500, width: 300, height: 300 });
    const { store, index } = indexOf([a, sc]);
    const version = index.version;
    store.transact((tx) => tx.update<ShotRecord>(a.id, { x: 2000, y: 2000 }));
    expect(index.version).toBeGreaterThan(version);
    expect(index.search({ x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
    expect(ids(index.search({ x: 2000, y: 2000, width: 1, height: 1 }))).toEqual([a.id]);
    store.transact((tx) => tx.update<SceneRecord>(sc.id, { width: 900 }));
    expect(index.bounds(sc.id)?.width).toBe(900);
    const n = note({ x: 3000, y: 3000 });
    store.transact((tx) => tx.put(n));
    expect(index.hitTest({ x: 3001, y: 3001 })?.id).toBe(n.id);
    store.transact((tx) => tx.remove(a.id));
    expect(index.bounds(a.id)).toBeNull();
    expect(index.search({ x: 2000, y: 2000, width: 1, height: 1 })).toEqual([]);
  });

  it('totalBounds covers everything, shrinks when the outermost record moves in, and is null when empty', () => {
    const a = shot({ x: -500, y: -200 });
    const b = shot({ x: 1000, y: 800 });
    const { store, index } = indexOf([a, b]);
    expect(index.totalBounds()).toEqual({ x: -500, y: -200, width: 1500 + SHOT_CARD.width, height: 1000 + SHOT_CARD_HEIGHT });
    store.transact((tx) => tx.update<ShotRecord>(b.id, { x: 0, y: 0 }));
    expect(index.totalBounds()).toEqual({ x: -500, y: -200, width: 500 + SHOT_CARD.width, height: 200 + SHOT_CARD_HEIGHT });
    store.transact((tx) => (tx.remove(a.id), tx.remove(b.id)));
    expect(index.totalBounds()).toBeNull();
    expect(indexOf([]).index.totalBounds()).toBeNull();
  });

  it('stops following the document after dispose', () => {
    const a = shot({ x: 0, y: 0 });
    const { store, index } = indexOf([a]);
    index.dispose();
    store.transact((tx) => tx.update<ShotRecord>(a.id, { x: 5000 }));
    expect(index.bounds(a.id)?.x).toBe(0);
  });
});

describe('SpatialIndex (property)', () => {
  const coord = fc.integer({ min: -5000, max: 5000 });
  const recordArb: fc.Arbitrary<DocRecord> = fc.oneof(
    fc.record({ x: coord, y: coord }).map(({ x, y }) => shot({ x, y })),
    fc
      .record({ x: coord, y: coord, w: fc.integer({ min: 40, max: 2000 }), h: fc.integer({ min: 40, max: 2000 }) })
      .map(({ x, y, w, h }) => note({ x, y, width: w, height: h })),
    fc
      .record({ x: coord, y: coord, w: fc.integer({ min: 40, max: 4000 }), h: fc.integer({ min: 40, max: 4000 }), collapsed: fc.boolean() })
      .map(({ x, y, w, h, collapsed }) => scene({ x, y, width: w, height: h, collapsed })),
  );
  const rectArb: fc.Arbitrary<Rect> = fc.record({ x: coord, y: coord, width: fc.integer({ min: 0, max: 6000 }), height: fc.integer({ min: 0, max: 6000 }) });

  it('search and within equal a brute-force scan, also after random moves and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 60 }),
        fc.array(fc.record({ pick: fc.nat(), x: coord, y: coord, remove: fc.boolean() }), { maxLength: 10 }),
        fc.array(rectArb, { minLength: 1, maxLength: 5 }),
        (records, edits, queries) => {
          const { store, index } = indexOf(records);
          for (const edit of edits) {
            const all = [...store.all()];
            if (all.length === 0) break;
            const target = all[edit.pick % all.length]!;
            store.transact((tx) => (edit.remove ? tx.remove(target.id) : tx.update<ShotRecord>(target.id, { x: edit.x, y: edit.y })));
          }
          for (const query of queries) {
            const live = [...store.all()];
            const hits = live.filter((r) => rectsIntersect(recordBounds(r)!, query));
            expect(ids(index.search(query))).toEqual(ids(hits));
            expect(ids(index.within(query))).toEqual(ids(hits.filter((r) => rectContainsRect(query, recordBounds(r)!))));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
