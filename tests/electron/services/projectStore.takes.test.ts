import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import { readJournal } from '../../../electron/services/projectJournal.ts';
import { take } from '../../shared/takes/takeFixtures.ts';
import { expectOk } from './support/library.ts';
import { FIXED_NOW, projectData, shot } from './support/projectData.ts';
import { JOURNAL_ONLY, change, manualClock, openStore, writeProject } from './support/storeFixture.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const onDisk = async () => expectOk(await readProjectFile(nodeFileSystem, tmp()));

describe('ProjectStore with takes', () => {
  it('journals takes, replays them on reopen into the takes collection and writes them to project.json', async () => {
    const a = shot({ title: 'Wide', order: 'a0' });
    const t1 = take(a.id, { number: 1 });
    const t2 = take(a.id, { number: 2, parentTakeId: t1.id });
    await writeProject(tmp(), projectData([a]));
    const { store } = await openStore(tmp(), { policy: JOURNAL_ONLY });
    expectOk(await store.applyChanges(change(0, [t1])));
    expectOk(await store.applyChanges(change(1, [t2, { ...a, selectedTakeId: t2.id }])));
    const journal = await readJournal(nodeFileSystem, tmp(), 0);
    expect(journal.entries.map((e) => e.puts.map((r) => r.kind))).toEqual([['take'], ['take', 'shot']]);
    const expected = store.documentData();
    expect(expected.takes).toEqual([t1, t2].sort((x, y) => (x.id < y.id ? -1 : 1)));

    const reopened = await openStore(tmp(), { policy: JOURNAL_ONLY });
    expect(reopened.replayed).toBe(2);
    expect(reopened.store.documentData()).toEqual(expected);
    expect((await onDisk()).data.takes).toEqual(expected.takes);
  });

  it('a shot deleted with its takes leaves tombstones of kind take', async () => {
    const a = shot({ order: 'a0' });
    const b = shot({ order: 'a1' });
    const t1 = take(a.id);
    const t2 = take(b.id);
    await writeProject(tmp(), projectData([a, b], {}, [], { takes: [t1, t2] }));
    const clock = manualClock();
    const { store } = await openStore(tmp(), { policy: JOURNAL_ONLY, now: clock.now });
    clock.advance(1000);
    expectOk(await store.applyChanges(change(0, [], [a.id, t1.id])));
    const deletedAt = FIXED_NOW.getTime() + 1000;
    expect(store.currentFile().data.tombstones).toEqual(
      [
        { id: a.id, kind: 'shot', deletedAt },
        { id: t1.id, kind: 'take', deletedAt },
      ].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    expect(store.documentData().takes).toEqual([t2]);
  });
});
