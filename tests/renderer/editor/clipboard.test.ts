import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { ClipboardPayload } from '../../../renderer/editor/clipboard.ts';
import { CLIPBOARD_FORMAT, MAX_CLIPBOARD_RECORDS, copyRecords, parseClipboard, pasteRecords } from '../../../renderer/editor/clipboard.ts';
import { DocumentStore } from '../../../renderer/editor/documentStore.ts';
import { History } from '../../../renderer/editor/history.ts';
import type { ArrowRecord } from '../../../shared/model/arrow.ts';
import type { DocRecord } from '../../../shared/model/records.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { arrow, note, scene, settings, shot } from '../../shared/fixtures.ts';

/** A scene with two shots (cut order a1, a3), a loose shot (a2), a note, and arrows. */
function board() {
  const sc = scene({ x: 0, y: 0, width: 800, height: 500, number: '4' });
  const s1 = shot({ title: 'Wide', x: 40, y: 80, sceneId: sc.id, order: 'a1', numberOverride: '4X', selectedTakeId: shot().id as never });
  const s2 = shot({ title: 'Close', x: 400, y: 80, sceneId: sc.id, order: 'a3' });
  const loose = shot({ title: 'Insert', x: 2000, y: 0, order: 'a2' });
  const n = note({ x: 1000, y: 0, text: 'rain' });
  const inside = arrow(s1.id, s2.id, { label: 'match' });
  const toNote = arrow(s2.id, n.id);
  const toLoose = arrow(s1.id, loose.id);
  return { sc, s1, s2, loose, n, inside, toNote, toLoose, records: [sc, s1, s2, loose, n, inside, toNote, toLoose] as DocRecord[] };
}

function setup(records: DocRecord[]) {
  const store = new DocumentStore(settings(), 0, records);
  const history = new History(store);
  const diffs = vi.fn();
  store.subscribe(diffs);
  return { store, history, diffs };
}

const idsOf = (payload: ClipboardPayload | null) => (payload?.records.map((r) => r.id) ?? []).sort();

describe('copyRecords', () => {
  it('a selected scene brings its shots, and arrows come along when both their ends do', () => {
    const b = board();
    const { store } = setup(b.records);
    expect(idsOf(copyRecords(store, [b.sc.id]))).toEqual([b.sc.id, b.s1.id, b.s2.id, b.inside.id].sort());
    expect(idsOf(copyRecords(store, [b.sc.id, b.n.id]))).toEqual([b.sc.id, b.s1.id, b.s2.id, b.n.id, b.inside.id, b.toNote.id].sort());
  });

  it('copies the records as they are now, in a payload that survives JSON', () => {
    const b = board();
    const { store } = setup(b.records);
    const payload = copyRecords(store, [b.loose.id, b.n.id])!;
    expect(payload).toMatchObject({ format: CLIPBOARD_FORMAT, version: 1 });
    expect(payload.records).toEqual(expect.arrayContaining([b.loose, b.n]));
    expect(parseClipboard(JSON.stringify(payload))).toEqual(payload);
  });

  it('gives null when nothing that exists is selected', () => {
    const { store } = setup([]);
    expect(copyRecords(store, [])).toBeNull();
    expect(copyRecords(store, [shot().id])).toBeNull();
  });
});

describe('pasteRecords', () => {
  it('creates new records with fresh ids, remapping scene membership and arrow ends', () => {
    const b = board();
    const { store } = setup(b.records);
    const payload = copyRecords(store, [b.sc.id, b.n.id])!;
    const created = pasteRecords(store, payload);
    expect(created).toHaveLength(payload.records.length);
    expect(new Set(created).size).toBe(created.length);
    for (const id of created) expect(b.records.some((r) => r.id === id)).toBe(false);
    const pasted = created.map((id) => store.get(id)!);
    const newScene = pasted.find((r) => r.kind === 'scene')!;
    const newNote = pasted.find((r) => r.kind === 'note')!;
    const newShots = pasted.filter((r): r is ShotRecord => r.kind === 'shot');
    expect(newShots.map((s) => s.sceneId)).toEqual([newScene.id, newScene.id]);
    const newArrows = pasted.filter((r): r is ArrowRecord => r.kind === 'arrow');
    const pastedIds = new Set(created);
    for (const a of newArrows) expect(pastedIds.has(a.fromId) && pastedIds.has(a.toId)).toBe(true);
    expect(newArrows.find((a) => a.label === 'match')).toMatchObject({
      fromId: newShots.find((s) => s.title === 'Wide')!.id,
      toId: newShots.find((s) => s.title === 'Close')!.id,
    });
    expect(newArrows.some((a) => a.toId === newNote.id)).toBe(true);
    // The originals are untouched.
    for (const r of b.records) expect(store.get(r.id)).toEqual(r);
  });

  it('appends pasted shots to the end of the cut in their copied order, as new shots', () => {
    const b = board();
    const { store } = setup(b.records);
    const payload = copyRecords(store, [b.s2.id, b.loose.id, b.s1.id])!;
    const created = new Set(pasteRecords(store, payload));
    const cut = store.shots();
    expect(cut.slice(0, 3).map((s) => s.id)).toEqual([b.s1.id, b.loose.id, b.s2.id]);
    const tail = cut.slice(3);
    expect(tail.every((s) => created.has(s.id))).toBe(true);
    expect(tail.map((s) => s.title)).toEqual(['Wide', 'Insert', 'Close']);
    // A pasted shot has no takes yet, derives its number again and leaves a scene that was not copied.
    expect(tail.map((s) => [s.selectedTakeId, s.numberOverride, s.sceneId])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
  });

  it('offsets by 32 by default, by a given offset, or places the bounds’ top-left at a point', () => {
    const n = note({ x: 100, y: 50 });
    const a = shot({ x: 300, y: 400 });
    const { store } = setup([n, a]);
    const payload = copyRecords(store, [n.id, a.id])!;
    const at = (ids: string[]) => ids.map((id) => store.get(id) as { x: number; y: number }).map(({ x, y }) => [x, y]);
    const byKind = (ids: string[]) => [...ids].sort((p, q) => (store.get(p)!.kind < store.get(q)!.kind ? -1 : 1));
    expect(at(byKind(pasteRecords(store, payload)))).toEqual([
      [132, 82],
      [332, 432],
    ]);
    expect(at(byKind(pasteRecords(store, payload, { offset: 0 })))).toEqual([
      [100, 50],
      [300, 400],
    ]);
    expect(at(byKind(pasteRecords(store, payload, { at: { x: -1000, y: 7 } })))).toEqual([
      [-1000, 7],
      [-800, 357],
    ]);
  });

  it('is one transaction and one undo step', () => {
    const b = board();
    const { store, history, diffs } = setup(b.records);
    const created = pasteRecords(store, copyRecords(store, [b.sc.id, b.n.id, b.loose.id])!);
    expect(diffs).toHaveBeenCalledTimes(1);
    history.undo();
    for (const id of created) expect(store.get(id)).toBeUndefined();
    expect(history.canUndo).toBe(false);
  });

  it('drops an arrow whose end was not copied, and pastes into another project', () => {
    const b = board();
    const source = setup(b.records).store;
    const payload = parseClipboard(JSON.stringify({ ...copyRecords(source, [b.s1.id])!, records: [b.s1, b.toLoose] }))!;
    const target = setup([]).store;
    const created = pasteRecords(target, payload);
    expect(created).toHaveLength(1);
    expect(target.ofKind('arrow')).toEqual([]);
    expect(target.shots()).toHaveLength(1);
  });
});

describe('parseClipboard', () => {
  const valid = () => ({ format: CLIPBOARD_FORMAT, version: 1, records: [note({ text: 'x' })] });

  it('accepts our payload and returns its records', () => {
    expect(parseClipboard(JSON.stringify(valid()))?.records).toHaveLength(1);
  });

  it.each([
    ['plain text', 'Hello, world'],
    ['text that only mentions the format', `copied from ${CLIPBOARD_FORMAT}`],
    ['broken JSON', `{"format":"${CLIPBOARD_FORMAT}",`],
    ['another format', JSON.stringify({ ...valid(), format: 'tldraw', note: CLIPBOARD_FORMAT })],
    ['another version', JSON.stringify({ ...valid(), version: 2 })],
    ['an extra top-level key', JSON.stringify({ ...valid(), extra: 1 })],
    ['records that are not a list', JSON.stringify({ ...valid(), records: {} })],
    ['a record of an unknown kind', JSON.stringify({ ...valid(), records: [{ ...note(), kind: 'take' }] })],
    ['a record with a wrongly typed field', JSON.stringify({ ...valid(), records: [{ ...note(), x: '10' }] })],
    ['a shot without a frame', JSON.stringify({ ...valid(), records: [(({ frame: _f, ...rest }) => rest)(shot())] })],
    ['a JSON array', JSON.stringify([valid()])],
  ])('refuses %s', (_what, text) => {
    expect(parseClipboard(text)).toBeNull();
  });

  it('refuses __proto__, constructor and prototype keys anywhere without polluting anything', () => {
    const text = JSON.stringify(valid());
    for (const poisoned of [
      text.replace('{"format"', '{"__proto__":{"polluted":true},"format"'),
      text.replace('"text":"x"', '"text":"x","__proto__":{"polluted":true}'),
      text.replace('"text":"x"', '"text":"x","constructor":{"prototype":{"polluted":true}}'),
    ]) {
      expect(poisoned).not.toBe(text);
      expect(parseClipboard(poisoned)).toBeNull();
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it(`refuses more than ${MAX_CLIPBOARD_RECORDS} records, accepts exactly that many`, () => {
    const records = Array.from({ length: MAX_CLIPBOARD_RECORDS + 1 }, () => note());
    expect(parseClipboard(JSON.stringify({ ...valid(), records }))).toBeNull();
    expect(parseClipboard(JSON.stringify({ ...valid(), records: records.slice(1) }))?.records).toHaveLength(MAX_CLIPBOARD_RECORDS);
  });

  it('never throws, for arbitrary strings, JSON and payload-like values', () => {
    const payloadLike = fc.record({
      format: fc.oneof(fc.constant(CLIPBOARD_FORMAT), fc.string()),
      version: fc.oneof(fc.constant(1), fc.jsonValue()),
      records: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()),
    });
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.json(),
      payloadLike.map((p) => JSON.stringify(p)),
    );
    fc.assert(
      fc.property(text, (input) => {
        const result = parseClipboard(input);
        expect(result === null || result.format === CLIPBOARD_FORMAT).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
