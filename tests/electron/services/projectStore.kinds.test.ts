import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import { readJournal } from '../../../electron/services/projectJournal.ts';
import { expectOk } from './support/library.ts';
import { FIXED_NOW, arrow, documentData, note, projectData, scene, shot } from './support/projectData.ts';
import { JOURNAL_ONLY, change, manualClock, openStore, writeProject } from './support/storeFixture.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const onDisk = async () => expectOk(await readProjectFile(nodeFileSystem, tmp()));

/** A scene with two shots, a note and arrows between them: every record kind. */
function board() {
  const sc = scene({ number: '12', title: 'INT. KITCHEN – NIGHT' });
  const a = shot({ title: 'Wide', sceneId: sc.id, order: 'a0' });
  const b = shot({ title: 'Close-up', sceneId: sc.id, order: 'a1' });
  const n = note({ text: 'Rain on the window' });
  return { sc, a, b, n, toB: arrow(a.id, b.id, { label: 'match cut' }), toScene: arrow(n.id, sc.id) };
}

describe('ProjectStore with every record kind', () => {
  it('journals scenes, notes and arrows, and a reopen replays them into their collections', async () => {
    const { sc, a, b, n, toB, toScene } = board();
    await writeProject(tmp(), projectData([a]));
    const { store } = await openStore(tmp(), { policy: JOURNAL_ONLY });
    expectOk(await store.applyChanges(change(0, [sc, n])));
    expectOk(await store.applyChanges(change(1, [b, toB, toScene])));
    const journal = await readJournal(nodeFileSystem, tmp(), 0);
    expect(journal.entries.map((e) => e.puts.map((r) => r.kind))).toEqual([
      ['scene', 'note'],
      ['shot', 'arrow', 'arrow'],
    ]);

    const expected = store.documentData();
    expect(expected.shots).toEqual([a, b]);
    expect(expected.scenes).toEqual([sc]);
    expect(expected.notes).toEqual([n]);
    expect(expected.arrows).toEqual([toB, toScene].sort((x, y) => (x.id < y.id ? -1 : 1)));

    // A crash before compaction: the reopen replays the journal and folds it into project.json.
    const reopened = await openStore(tmp(), { policy: JOURNAL_ONLY });
    expect(reopened.replayed).toBe(2);
    expect(reopened.store.documentData()).toEqual(expected);
    const file = await onDisk();
    expect(file.revision).toBe(2);
    expect({ ...file.data, tombstones: undefined }).toEqual({ ...expected, tombstones: undefined });
  });

  it('deleting records of any kind leaves tombstones of that kind', async () => {
    const { sc, a, b, n, toB, toScene } = board();
    await writeProject(tmp(), projectData([a, b], {}, [], { scenes: [sc], notes: [n], arrows: [toB, toScene] }));
    const clock = manualClock();
    const { store } = await openStore(tmp(), { policy: JOURNAL_ONLY, now: clock.now });
    clock.advance(1000);
    // What the renderer sends when a scene and the note are deleted: their arrows go too.
    expectOk(
      await store.applyChanges(
        change(
          0,
          [
            { ...a, sceneId: null },
            { ...b, sceneId: null },
          ],
          [sc.id, n.id, toScene.id],
        ),
      ),
    );
    const deletedAt = FIXED_NOW.getTime() + 1000;
    const expected = [
      { id: sc.id, kind: 'scene', deletedAt },
      { id: n.id, kind: 'note', deletedAt },
      { id: toScene.id, kind: 'arrow', deletedAt },
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(store.currentFile().data.tombstones).toEqual(expected);
    const reopened = await openStore(tmp(), { policy: JOURNAL_ONLY, now: clock.now });
    expect(reopened.store.currentFile().data.tombstones).toEqual(expected);
    expect(reopened.store.documentData().scenes).toEqual([]);
    expect(reopened.store.documentData().arrows).toEqual([toB]);
  });

  it('replaceDocument tombstones every record missing from the new document with its own kind', async () => {
    const { sc, a, b, n, toB, toScene } = board();
    await writeProject(tmp(), projectData([a, b], {}, [], { scenes: [sc], notes: [n], arrows: [toB, toScene] }));
    const clock = manualClock();
    const { store } = await openStore(tmp(), { now: clock.now, policy: JOURNAL_ONLY });
    clock.advance(5000);
    expectOk(await store.replaceDocument(1, documentData([{ ...a, sceneId: null }])));
    const file = await onDisk();
    expect(file.data.shots).toEqual([{ ...a, sceneId: null }]);
    expect(file.data.scenes).toEqual([]);
    expect(file.data.notes).toEqual([]);
    expect(file.data.arrows).toEqual([]);
    const kindOf = Object.fromEntries(file.data.tombstones.map((t) => [t.id, t.kind]));
    expect(kindOf).toEqual({ [b.id]: 'shot', [sc.id]: 'scene', [n.id]: 'note', [toB.id]: 'arrow', [toScene.id]: 'arrow' });
    expect(new Set(file.data.tombstones.map((t) => t.deletedAt))).toEqual(new Set([FIXED_NOW.getTime() + 5000]));

    // Bringing a scene back clears its tombstone, whatever its kind.
    expectOk(await store.replaceDocument(2, documentData([a], {}, { scenes: [sc] })));
    expect((await onDisk()).data.tombstones.map((t) => t.id).sort()).toEqual([b.id, n.id, toB.id, toScene.id].sort());
  });

  it('writes the non-shot collections in a stable order (by id), whatever order they arrived in', async () => {
    await writeProject(tmp());
    const { store } = await openStore(tmp());
    const notes = [note(), note(), note()];
    expectOk(await store.applyChanges(change(0, [notes[2]!, notes[0]!, notes[1]!])));
    const byId = [...notes].sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(store.documentData().notes).toEqual(byId);
    expect((await onDisk()).data.notes).toEqual(byId);
  });

  it('a record that changes kind under the same id is replaced, not duplicated', async () => {
    await writeProject(tmp());
    const { store } = await openStore(tmp());
    const n = note();
    expectOk(await store.applyChanges(change(0, [n])));
    expectOk(await store.applyChanges(change(1, [scene({ id: n.id as string as ReturnType<typeof scene>['id'] })])));
    expect(store.documentData().notes).toEqual([]);
    expect(store.documentData().scenes.map((s) => s.id)).toEqual([n.id]);
    expect((await onDisk()).data.scenes).toHaveLength(1);
  });
});
