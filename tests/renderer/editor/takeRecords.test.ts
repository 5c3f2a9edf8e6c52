import { describe, expect, it, vi } from 'vitest';
import { copyRecords, pasteRecords, CLIPBOARD_FORMAT } from '../../../renderer/editor/clipboard.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { recordBounds } from '../../../renderer/editor/geometry.ts';
import { History } from '../../../renderer/editor/history.ts';
import { createArrow, deleteRecords, moveRecords, nudgeRecords } from '../../../renderer/editor/recordCommands.ts';
import { deleteShots } from '../../../renderer/editor/shotCommands.ts';
import type { DocRecord } from '../../../shared/model/records.ts';
import { isCanvasRecord } from '../../../shared/model/records.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { arrow, note, settings, shot } from '../../shared/fixtures.ts';
import { take } from '../../shared/takes/takeFixtures.ts';

/** Takes in the document store: a record kind that lives inside its shot, not on the canvas. */
function setup(records: DocRecord[]) {
  const store = new DocumentStore(settings(), 0, records);
  const history = new History(store);
  const diffs = vi.fn();
  store.subscribe(diffs);
  return { store, history, diffs };
}

function board() {
  const a = shot({ title: 'Wide' });
  const b = shot({ title: 'Close-up' });
  const a1 = take(a.id, { number: 1 });
  const a2 = take(a.id, { number: 2, parentTakeId: a1.id });
  const b1 = take(b.id, { number: 1 });
  const selectedA = { ...a, selectedTakeId: a2.id } as ShotRecord;
  return { a: selectedA, b, a1, a2, b1, link: arrow(a.id, b.id) };
}

describe('takes in the document store', () => {
  it('takesOf lists a shot’s takes by number and follows edits', () => {
    const { a, b, a1, a2, b1 } = board();
    const { store } = setup([a, b, a2, b1, a1]);
    expect(store.takesOf(a.id)).toEqual([a1, a2]);
    expect(store.takesOf(b.id)).toEqual([b1]);
    expect(store.takesOf(shot().id)).toEqual([]);
    const a3 = take(a.id, { number: 3 });
    store.transact((tx) => tx.put(a3));
    expect(store.takesOf(a.id).map((t) => t.number)).toEqual([1, 2, 3]);
    store.transact((tx) => tx.remove(a1.id));
    expect(store.takesOf(a.id).map((t) => t.number)).toEqual([2, 3]);
  });

  it('toData puts takes in their own collection', () => {
    const { a, b, a1, a2, b1 } = board();
    const { store } = setup([a, b, a1, a2, b1]);
    const data = store.toData();
    expect(data.takes).toHaveLength(3);
    expect(data.shots).toEqual([a, b]);
  });

  it('takes have no place on the canvas: no bounds, not moved or nudged, not an arrow end', () => {
    const { a, b, a1 } = board();
    const { store } = setup([a, b, a1]);
    expect(recordBounds(a1)).toBeNull();
    expect(isCanvasRecord(a1)).toBe(false);
    expect(isCanvasRecord(a)).toBe(true);
    moveRecords(store, new Map([[a1.id, { x: 10, y: 10 }]]));
    nudgeRecords(store, [a1.id], 5, 5);
    expect(store.get(a1.id)).toEqual(a1);
    expect(createArrow(store, a.id, a1.id)).toBeNull();
    expect(createArrow(store, a1.id, b.id)).toBeNull();
  });
});

describe('deleting shots and takes', () => {
  it('deleting a shot deletes its takes (and arrows) in the same step; one undo brings all back', () => {
    const { a, b, a1, a2, b1, link } = board();
    const { store, history, diffs } = setup([a, b, a1, a2, b1, link]);
    expect(deleteRecords(store, [a.id])).toBe(4);
    expect(diffs).toHaveBeenCalledTimes(1);
    expect(store.get(a1.id)).toBeUndefined();
    expect(store.get(a2.id)).toBeUndefined();
    expect(store.get(link.id)).toBeUndefined();
    expect(store.get(b1.id)).toEqual(b1);
    history.undo();
    expect(history.canUndo).toBe(false);
    expect(store.takesOf(a.id).map((t) => t.id)).toEqual([a1.id, a2.id]);
    expect((store.get(a.id) as ShotRecord).selectedTakeId).toBe(a2.id);
  });

  it('deleteShots does the same and still counts shots only', () => {
    const { a, b, a1, a2, b1, link } = board();
    const { store, diffs } = setup([a, b, a1, a2, b1, link]);
    expect(deleteShots(store, [a.id])).toBe(1);
    expect(diffs).toHaveBeenCalledTimes(1);
    expect(store.ofKind('take')).toEqual([b1]);
    expect(store.ofKind('arrow')).toEqual([]);
  });

  it('deleting the circle take leaves its shot without a selected take, in the same step', () => {
    const { a, a1, a2 } = board();
    const { store, history, diffs } = setup([a, a1, a2]);
    deleteRecords(store, [a2.id]);
    expect(diffs).toHaveBeenCalledTimes(1);
    expect((store.get(a.id) as ShotRecord).selectedTakeId).toBeNull();
    // Its fork's parent is gone; the fork stays (shown as a lineage root).
    deleteRecords(store, [a1.id]);
    history.undo();
    history.undo();
    expect((store.get(a.id) as ShotRecord).selectedTakeId).toBe(a2.id);
  });
});

describe('copy and paste leave takes behind', () => {
  it('a copied shot carries no takes; a pasted shot starts with none and no selection', () => {
    const { a, a1, a2 } = board();
    const { store } = setup([a, a1, a2]);
    const payload = copyRecords(store, [a.id, a1.id])!;
    expect(payload.records.map((r) => r.kind)).toEqual(['shot']);
    const [pasted] = pasteRecords(store, payload);
    expect(store.takesOf(pasted!)).toEqual([]);
    expect((store.get(pasted!) as ShotRecord).selectedTakeId).toBeNull();
  });

  it('takes in a clipboard written elsewhere are skipped', () => {
    const { a, a1 } = board();
    const { store } = setup([]);
    const created = pasteRecords(store, { format: CLIPBOARD_FORMAT, version: 1, records: [a, a1, note()] });
    expect(created).toHaveLength(2);
    expect(store.ofKind('take')).toEqual([]);
  });
});
