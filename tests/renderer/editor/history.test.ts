import { describe, expect, it, vi } from 'vitest';
import type { Diff } from '../../../renderer/editor/documentStore.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { HISTORY_LIMIT, History } from '../../../renderer/editor/history.ts';
import { createNote, deleteRecords, moveRecords, updateRecord } from '../../../renderer/editor/recordCommands.ts';
import { Selection } from '../../../renderer/editor/selection.ts';
import type { DocRecord } from '../../../shared/model/records.ts';
import type { NoteRecord } from '../../../shared/model/note.ts';
import { arrow, note, settings, shot } from '../../shared/fixtures.ts';

function setup(records: DocRecord[] = [], limit?: number) {
  let t = 1_000;
  const store = new DocumentStore(settings(), 0, records, () => (t += 1));
  const history = new History(store, limit);
  return { store, history };
}

/** The document's content, without the bookkeeping undo/redo move forward (rev, updatedAt). */
function content(store: DocumentStore) {
  return [...store.all()].map(({ rev: _rev, updatedAt: _updatedAt, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : 1));
}

const text = (store: DocumentStore, id: string) => (store.get(id) as NoteRecord | undefined)?.text;

describe('History', () => {
  it('makes each transaction one step, however many records it changed', () => {
    const a = shot();
    const b = shot();
    const { store, history } = setup([a, b]);
    moveRecords(
      store,
      new Map([
        [a.id, { x: 10, y: 10 }],
        [b.id, { x: 20, y: 20 }],
      ]),
    );
    expect(history.canUndo).toBe(true);
    expect(history.undo()).toBe(true);
    expect(history.canUndo).toBe(false);
    expect(store.get(a.id)).toMatchObject({ x: 0, y: 0 });
    expect(store.get(b.id)).toMatchObject({ x: 0, y: 0 });
  });

  it('undo restores the content of every step in reverse order; redo re-applies them', () => {
    const n = note({ text: 'v0' });
    const { store, history } = setup([n]);
    const snapshots = [content(store)];
    for (const v of ['v1', 'v2', 'v3']) {
      updateRecord<NoteRecord>(store, n.id, { text: v });
      snapshots.push(content(store));
    }
    for (let i = 2; i >= 0; i -= 1) {
      history.undo();
      expect(content(store)).toEqual(snapshots[i]);
    }
    expect(history.undo()).toBe(false);
    for (let i = 1; i <= 3; i += 1) {
      history.redo();
      expect(content(store)).toEqual(snapshots[i]);
    }
    expect(history.redo()).toBe(false);
    expect(text(store, n.id)).toBe('v3');
  });

  it('undo of a delete brings back the record and the arrows that went with it', () => {
    const a = shot();
    const n = note();
    const link = arrow(n.id, a.id);
    const { store, history } = setup([a, n, link]);
    const before = content(store);
    deleteRecords(store, [a.id]);
    expect(store.get(link.id)).toBeUndefined();
    history.undo();
    expect(content(store)).toEqual(before);
    history.redo();
    expect(store.get(a.id)).toBeUndefined();
    expect(store.get(link.id)).toBeUndefined();
  });

  it('undo of a create removes the record; redo creates it again with the same id', () => {
    const { store, history } = setup();
    const id = createNote(store, { x: 5, y: 5 });
    history.undo();
    expect(store.get(id)).toBeUndefined();
    history.redo();
    expect(store.get(id)).toMatchObject({ kind: 'note', x: 5, y: 5 });
  });

  it('a new edit after an undo clears redo', () => {
    const n = note({ text: 'a' });
    const { store, history } = setup([n]);
    updateRecord<NoteRecord>(store, n.id, { text: 'b' });
    history.undo();
    expect(history.canRedo).toBe(true);
    updateRecord<NoteRecord>(store, n.id, { text: 'c' });
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBe(false);
    expect(text(store, n.id)).toBe('c');
  });

  it('selection changes are not edits: they neither add steps nor clear redo', () => {
    const n = note({ text: 'a' });
    const { store, history } = setup([n]);
    const selection = new Selection();
    updateRecord<NoteRecord>(store, n.id, { text: 'b' });
    history.undo();
    selection.set([n.id]);
    selection.toggle(n.id);
    selection.clear();
    expect(history.canRedo).toBe(true);
    expect(history.canUndo).toBe(false);
    history.redo();
    expect(text(store, n.id)).toBe('b');
  });

  it('undo and redo are not recorded as new steps, and neither are loads or view changes', () => {
    const n = note({ text: 'a' });
    const { store, history } = setup([n]);
    updateRecord<NoteRecord>(store, n.id, { text: 'b' });
    history.undo();
    history.redo();
    history.undo();
    expect(history.canUndo).toBe(false);
    const loaded = note();
    store.apply([{ id: loaded.id, before: null, after: loaded }], 'load');
    store.setReadOnly('view change');
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(true);
  });

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const n = note({ text: '0' });
    const { store, history } = setup([n], 3);
    for (let i = 1; i <= 5; i += 1) updateRecord<NoteRecord>(store, n.id, { text: String(i) });
    let undone = 0;
    while (history.undo()) undone += 1;
    expect(undone).toBe(3);
    // The two oldest steps are gone: the document stops at the state after step 2.
    expect(text(store, n.id)).toBe('2');
  });

  it(`defaults to ${HISTORY_LIMIT} steps`, () => {
    const n = note({ text: '0' });
    const { store, history } = setup([n]);
    for (let i = 1; i <= HISTORY_LIMIT + 5; i += 1) updateRecord<NoteRecord>(store, n.id, { text: String(i) });
    let undone = 0;
    while (history.undo()) undone += 1;
    expect(undone).toBe(HISTORY_LIMIT);
    expect(text(store, n.id)).toBe('5');
  });

  it("emits 'history' diffs that a persister or pending-changes list sees as edits", () => {
    const n = note({ text: 'a' });
    const { store, history } = setup([n]);
    const diffs: Diff[] = [];
    updateRecord<NoteRecord>(store, n.id, { text: 'b' });
    store.subscribe((d) => diffs.push(d));
    history.undo();
    history.redo();
    expect(diffs.map((d) => d.origin)).toEqual(['history', 'history']);
    expect(diffs.map((d) => (d.changes[0]?.after as NoteRecord).text)).toEqual(['a', 'b']);
  });

  it('changes nothing while the document is read-only: the steps stay where they were', () => {
    const n = note({ text: 'a' });
    const { store, history } = setup([n]);
    updateRecord<NoteRecord>(store, n.id, { text: 'b' });
    updateRecord<NoteRecord>(store, n.id, { text: 'c' });
    history.undo();
    store.setReadOnly('another window took over');
    const listener = vi.fn();
    history.subscribe(listener);
    expect(history.undo()).toBe(false);
    expect(history.redo()).toBe(false);
    expect(text(store, n.id)).toBe('b');
    expect(history.canUndo).toBe(true);
    expect(history.canRedo).toBe(true);
    expect(listener).not.toHaveBeenCalled();
  });

  it('notifies subscribers on every change of the stacks; clear and dispose', () => {
    const n = note({ text: 'a' });
    const { store, history } = setup([n]);
    const listener = vi.fn();
    history.subscribe(listener);
    updateRecord<NoteRecord>(store, n.id, { text: 'b' });
    history.undo();
    history.redo();
    expect(listener).toHaveBeenCalledTimes(3);
    history.clear();
    expect(history.canUndo || history.canRedo).toBe(false);
    history.dispose();
    updateRecord<NoteRecord>(store, n.id, { text: 'c' });
    expect(history.canUndo).toBe(false);
  });
});
