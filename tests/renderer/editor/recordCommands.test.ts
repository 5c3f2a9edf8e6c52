import { describe, expect, it, vi } from 'vitest';
import type { Point } from '../../../renderer/editor/camera.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { History } from '../../../renderer/editor/history.ts';
import {
  boundsOf,
  createArrow,
  createNote,
  createSceneFromShots,
  deleteRecords,
  moveRecords,
  nudgeRecords,
  orderAfterLast,
  sceneAt,
} from '../../../renderer/editor/recordCommands.ts';
import type { DocRecord } from '../../../shared/model/records.ts';
import { NOTE_SIZE } from '../../../shared/model/note.ts';
import { SCENE_COLORS, SCENE_HEADER_HEIGHT, SCENE_PADDING } from '../../../shared/model/scene.ts';
import type { SceneRecord } from '../../../shared/model/scene.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { SHOT_CARD, SHOT_CARD_HEIGHT } from '../../../shared/model/shot.ts';
import { arrow, note, scene, settings, shot } from '../../shared/fixtures.ts';

function setup(records: DocRecord[]) {
  const store = new DocumentStore(settings(), 0, records);
  const history = new History(store);
  const diffs = vi.fn();
  store.subscribe(diffs);
  return { store, history, diffs };
}

const shotOf = (store: DocumentStore, id: string) => store.get(id) as ShotRecord;
/** Where to put a card's top-left so its centre lands on (cx, cy). */
const centredAt = (cx: number, cy: number) => ({ x: cx - SHOT_CARD.width / 2, y: cy - SHOT_CARD_HEIGHT / 2 });

describe('moveRecords', () => {
  it('a shot dropped with its centre inside a scene joins it; dropped outside every scene it leaves', () => {
    const sc = scene({ x: 0, y: 0, width: 1000, height: 800 });
    const a = shot({ x: 2000, y: 2000 });
    const { store, diffs } = setup([sc, a]);
    moveRecords(store, new Map([[a.id, centredAt(500, 400)]]));
    expect(shotOf(store, a.id).sceneId).toBe(sc.id);
    moveRecords(store, new Map([[a.id, centredAt(1100, 400)]]));
    expect(shotOf(store, a.id).sceneId).toBeNull();
    expect(diffs).toHaveBeenCalledTimes(2);
  });

  it('decides by the centre: a card overhanging the edge joins when its centre is inside', () => {
    const sc = scene({ x: 0, y: 0, width: 1000, height: 800 });
    const a = shot();
    const { store } = setup([sc, a]);
    moveRecords(store, new Map([[a.id, centredAt(999, 10)]]));
    expect(shotOf(store, a.id).sceneId).toBe(sc.id);
  });

  it('the smallest scene under the centre wins; a collapsed scene takes no shots', () => {
    const outer = scene({ x: 0, y: 0, width: 2000, height: 2000 });
    const inner = scene({ x: 100, y: 100, width: 600, height: 600 });
    const folded = scene({ x: 1000, y: 1000, width: 600, height: 600, collapsed: true });
    const a = shot();
    const { store } = setup([outer, inner, folded, a]);
    moveRecords(store, new Map([[a.id, centredAt(400, 400)]]));
    expect(shotOf(store, a.id).sceneId).toBe(inner.id);
    moveRecords(store, new Map([[a.id, centredAt(1300, 1300)]]));
    expect(shotOf(store, a.id).sceneId).toBe(outer.id);
  });

  it('shots moving together with their scene keep it, even where the scene was not', () => {
    const sc = scene({ x: 0, y: 0, width: 600, height: 600 });
    const a = shot({ x: 100, y: 100, sceneId: sc.id });
    const { store } = setup([sc, a]);
    moveRecords(
      store,
      new Map<string, Point>([
        [sc.id, { x: 5000, y: 5000 }],
        [a.id, { x: 5100, y: 5100 }],
      ]),
    );
    expect(store.get(sc.id)).toMatchObject({ x: 5000, y: 5000 });
    expect(shotOf(store, a.id)).toMatchObject({ x: 5100, y: 5100, sceneId: sc.id });
  });

  it('moves notes and scenes, rounds positions, ignores arrows and unknown ids, all in one transaction', () => {
    const n = note({ x: 0, y: 0 });
    const sc = scene({ x: 0, y: 0 });
    const link = arrow(n.id, sc.id);
    const { store, diffs } = setup([n, sc, link]);
    moveRecords(
      store,
      new Map<string, Point>([
        [n.id, { x: 10.4, y: -3.6 }],
        [sc.id, { x: 99.5, y: 0 }],
        [link.id, { x: 1, y: 1 }],
        [shot().id, { x: 1, y: 1 }],
      ]),
    );
    expect(diffs).toHaveBeenCalledTimes(1);
    expect(store.get(n.id)).toMatchObject({ x: 10, y: -4 });
    expect(store.get(sc.id)).toMatchObject({ x: 100, y: 0 });
    expect(store.get(link.id)).toEqual(link);
    expect(store.get(n.id)).not.toHaveProperty('sceneId');
  });
});

describe('nudgeRecords', () => {
  it('nudging a scene moves its shots by the same offset (one step) and they stay members', () => {
    const sc = scene({ x: 0, y: 0, width: 600, height: 600 });
    const a = shot({ x: 100, y: 100, sceneId: sc.id });
    const outsider = shot({ x: 2000, y: 0 });
    const { store, history } = setup([sc, a, outsider]);
    nudgeRecords(store, [sc.id], 10, -1);
    expect(store.get(sc.id)).toMatchObject({ x: 10, y: -1 });
    expect(shotOf(store, a.id)).toMatchObject({ x: 110, y: 99, sceneId: sc.id });
    expect(shotOf(store, outsider.id)).toMatchObject({ x: 2000, y: 0 });
    history.undo();
    expect(shotOf(store, a.id)).toMatchObject({ x: 100, y: 100 });
    expect(history.canUndo).toBe(false);
  });

  it('nudging a shot out of its scene releases it; arrows are not nudged', () => {
    const sc = scene({ x: 0, y: 0, width: 600, height: 600 });
    const a = shot({ x: 100, y: 100, sceneId: sc.id });
    const link = arrow(a.id, sc.id);
    const { store } = setup([sc, a, link]);
    nudgeRecords(store, [a.id, link.id], 1000, 0);
    expect(shotOf(store, a.id)).toMatchObject({ x: 1100, sceneId: null });
    expect(store.get(link.id)).toEqual(link);
  });
});

describe('deleteRecords', () => {
  it('removes the arrows attached to a deleted record (either end) and counts them', () => {
    const a = shot();
    const b = shot();
    const n = note();
    const out = arrow(a.id, b.id);
    const into = arrow(n.id, a.id);
    const unrelated = arrow(n.id, b.id);
    const { store } = setup([a, b, n, out, into, unrelated]);
    expect(deleteRecords(store, [a.id])).toBe(3);
    expect(store.get(out.id)).toBeUndefined();
    expect(store.get(into.id)).toBeUndefined();
    expect(store.get(unrelated.id)).toEqual(unrelated);
  });

  it('releases the shots of a deleted scene (they stay on the canvas) unless they are deleted too', () => {
    const sc = scene();
    const kept = shot({ sceneId: sc.id });
    const gone = shot({ sceneId: sc.id });
    const { store } = setup([sc, kept, gone]);
    deleteRecords(store, [sc.id, gone.id]);
    expect(store.get(sc.id)).toBeUndefined();
    expect(store.get(gone.id)).toBeUndefined();
    expect(shotOf(store, kept.id)).toMatchObject({ sceneId: null, x: kept.x, y: kept.y });
  });

  it('is one undo step that brings back everything, arrows and memberships included', () => {
    const sc = scene();
    const a = shot({ sceneId: sc.id });
    const n = note();
    const link = arrow(n.id, sc.id);
    const { store, history, diffs } = setup([sc, a, n, link]);
    deleteRecords(store, [sc.id, n.id]);
    expect(diffs).toHaveBeenCalledTimes(1);
    history.undo();
    expect(history.canUndo).toBe(false);
    expect(store.get(link.id)).toMatchObject({ fromId: n.id, toId: sc.id });
    expect(shotOf(store, a.id).sceneId).toBe(sc.id);
    expect(store.get(n.id)).toBeDefined();
  });

  it('ignores unknown ids and spends no revision when nothing existed', () => {
    const { store, diffs } = setup([shot()]);
    expect(deleteRecords(store, [shot().id])).toBe(0);
    expect(diffs).not.toHaveBeenCalled();
  });
});

describe('createSceneFromShots', () => {
  it('frames the shots with padding and a header, and the shots join it, in one step', () => {
    const a = shot({ x: 100, y: 200 });
    const b = shot({ x: 600, y: 500 });
    const { store, history } = setup([a, b]);
    const id = createSceneFromShots(store, [a.id, b.id], 42)!;
    const sc = store.get(id) as SceneRecord;
    expect(sc).toMatchObject({
      kind: 'scene',
      x: 100 - SCENE_PADDING,
      y: 200 - SCENE_PADDING - SCENE_HEADER_HEIGHT,
      width: 500 + SHOT_CARD.width + SCENE_PADDING * 2,
      height: 300 + SHOT_CARD_HEIGHT + SCENE_PADDING * 2 + SCENE_HEADER_HEIGHT,
      number: '1',
      collapsed: false,
      createdAt: 42,
    });
    expect([a.id, b.id].map((s) => shotOf(store, s).sceneId)).toEqual([id, id]);
    // Every shot lies inside the scene body (below the header).
    for (const s of [a, b]) expect(sceneAt(store, { x: s.x + 1, y: s.y + 1 })?.id).toBe(id);
    history.undo();
    expect(store.get(id)).toBeUndefined();
    expect(shotOf(store, a.id).sceneId).toBeNull();
  });

  it('numbers new scenes after the highest numeric scene number, and cycles the colours', () => {
    const { store } = setup([scene({ number: '7' }), scene({ number: 'INTRO' }), shot(), shot()]);
    const [s1, s2] = store.shots();
    const first = store.get(createSceneFromShots(store, [s1!.id])!) as SceneRecord;
    const second = store.get(createSceneFromShots(store, [s2!.id])!) as SceneRecord;
    expect([first.number, second.number]).toEqual(['8', '9']);
    expect([first.color, second.color]).toEqual([SCENE_COLORS[2], SCENE_COLORS[3]]);
  });

  it('returns null (and changes nothing) without shots; ids of other kinds are ignored', () => {
    const n = note();
    const { store, diffs } = setup([n]);
    expect(createSceneFromShots(store, [n.id, shot().id])).toBeNull();
    expect(diffs).not.toHaveBeenCalled();
  });
});

describe('createArrow and createNote', () => {
  it('connects two different records of any kind but arrows, once per direction', () => {
    const a = shot();
    const n = note();
    const sc = scene();
    const { store } = setup([a, n, sc]);
    const first = createArrow(store, n.id, a.id, 7);
    expect(store.get(first!)).toMatchObject({ kind: 'arrow', fromId: n.id, toId: a.id, label: '', createdAt: 7 });
    expect(createArrow(store, n.id, a.id)).toBeNull();
    expect(createArrow(store, a.id, n.id)).not.toBeNull();
    expect(createArrow(store, sc.id, a.id)).not.toBeNull();
    expect(store.ofKind('arrow')).toHaveLength(3);
  });

  it('refuses a self-arrow, an arrow end and a missing record', () => {
    const a = shot();
    const n = note();
    const link = arrow(a.id, n.id);
    const { store, diffs } = setup([a, n, link]);
    expect(createArrow(store, a.id, a.id)).toBeNull();
    expect(createArrow(store, link.id, n.id)).toBeNull();
    expect(createArrow(store, a.id, link.id)).toBeNull();
    expect(createArrow(store, a.id, shot().id)).toBeNull();
    expect(diffs).not.toHaveBeenCalled();
  });

  it('a note is created at a rounded position with the default size', () => {
    const { store } = setup([]);
    const id = createNote(store, { x: 10.6, y: -1.4 }, 5);
    expect(store.get(id)).toMatchObject({ kind: 'note', x: 11, y: -1, ...NOTE_SIZE, text: '', createdAt: 5 });
  });
});

describe('orderAfterLast and boundsOf', () => {
  it('orders after the last shot of the cut, and bounds any records but arrows', () => {
    const a = shot({ order: 'a5', x: 0, y: 0 });
    const n = note({ x: 1000, y: 1000, width: 200, height: 100 });
    const { store } = setup([a, n, arrow(a.id, n.id)]);
    expect(orderAfterLast(store) > 'a5').toBe(true);
    expect(boundsOf(store, [a.id, n.id])).toEqual({ x: 0, y: 0, width: 1200, height: 1100 });
    expect(boundsOf(store, [shot().id])).toBeNull();
  });
});
