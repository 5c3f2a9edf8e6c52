import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import { JOURNAL_FILE_NAME, encodeJournalLine, journalPath } from '../../../electron/services/projectJournal.ts';
import { readCurrentProjectFile } from '../../../electron/services/projectStore.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { expectErr, expectOk } from './support/library.ts';
import { FIXED_NOW, documentData, projectData, settings, shot } from './support/projectData.ts';
import { JOURNAL_ONLY, change, openStore, writeProject } from './support/storeFixture.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const onDisk = async () => expectOk(await readProjectFile(nodeFileSystem, tmp()));
const journalLines = async () => (await readFile(journalPath(tmp()), 'utf8')).split('\n').filter(Boolean);

describe('ProjectStore.applyChanges', () => {
  it('a small project: the change is acknowledged after project.json holds it, and no journal is left', async () => {
    await writeProject(tmp());
    const { store } = await openStore(tmp());
    const a = shot({ title: 'A' });
    expect(expectOk(await store.applyChanges(change(0, [a])))).toEqual({ revision: 1, savedAt: FIXED_NOW.toISOString() });
    const file = await onDisk();
    expect(file.revision).toBe(1);
    expect(file.data.shots).toEqual([a]);
    expect(await namesIn(tmp())).toEqual(['project.json']);
    expect(store.revision).toBe(1);
  });

  it('a large project: saves are appended to the journal, project.json is not rewritten, and reopening replays them', async () => {
    const a = shot({ title: 'A', order: 'a0' });
    const b = shot({ title: 'B', order: 'a1' });
    await writeProject(tmp(), projectData([a]));
    const before = await readFile(join(tmp(), 'project.json'), 'utf8');
    const { store } = await openStore(tmp(), { policy: JOURNAL_ONLY });
    expectOk(await store.applyChanges(change(0, [b])));
    expectOk(await store.applyChanges(change(1, [{ ...a, title: 'A, edited', rev: 1 }])));
    expectOk(await store.applyChanges({ ...change(2, [], [b.id]), settings: settings({ name: 'Renamed' }) }));
    expect(await readFile(join(tmp(), 'project.json'), 'utf8')).toBe(before);
    expect(await journalLines()).toHaveLength(3);
    const expected = store.documentData();
    expect(expected).toEqual(documentData([{ ...a, title: 'A, edited', rev: 1 }], { name: 'Renamed' }));

    // A crash now: nothing was compacted. Reopening replays the journal and folds it in.
    const reopened = await openStore(tmp(), { policy: JOURNAL_ONLY });
    expect(reopened.replayed).toBe(3);
    expect(reopened.journalProblem).toBeNull();
    expect(reopened.store.revision).toBe(3);
    expect(reopened.store.documentData()).toEqual(expected);
    expect(await namesIn(tmp())).toEqual(['project.json']);
    const file = await onDisk();
    expect(file.revision).toBe(3);
    expect(file.data.tombstones.map((t) => t.id)).toEqual([b.id]);
  });

  it('acknowledges stale or repeated revisions without writing anything', async () => {
    await writeProject(tmp());
    const { store } = await openStore(tmp(), { policy: JOURNAL_ONLY });
    expectOk(await store.applyChanges(change(0, [shot()], [], 2)));
    const before = await snapshotTree(tmp());
    expect(expectOk(await store.applyChanges(change(0, [shot()], [], 1))).revision).toBe(2);
    expect(expectOk(await store.applyChanges(change(1, [shot()], [], 2))).revision).toBe(2);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses a change set whose base is not the current revision with CONFLICT, writing nothing', async () => {
    await writeProject(tmp(), projectData([]), 4);
    const { store } = await openStore(tmp(), { policy: JOURNAL_ONLY });
    const before = await snapshotTree(tmp());
    const error = expectErr(await store.applyChanges(change(3, [shot()], [], 6)), 'CONFLICT', /revision 4, not 3/, /whole document/);
    expect(error.where).toBe(tmp());
    expect(store.revision).toBe(4);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('a failing append (disk full) gives NO_SPACE, leaves memory as it was, and the same save works later', async () => {
    await writeProject(tmp());
    let full = false;
    const fs = faultyFs({
      open: (async (path: string, flags?: string) => {
        if (full && path.endsWith(JOURNAL_FILE_NAME)) throw fsError('ENOSPC', 'open', path);
        return nodeFileSystem.open(path, flags);
      }) as never,
    });
    const { store } = await openStore(tmp(), { fs, policy: JOURNAL_ONLY });
    const a = shot({ title: 'A' });
    expectOk(await store.applyChanges(change(0, [a])));
    const before = { data: store.documentData(), file: store.currentFile() };
    full = true;
    const b = shot({ title: 'B' });
    const error = expectErr(await store.applyChanges(change(1, [b], [a.id])), 'NO_SPACE', /disk is full/, tmp());
    expect(error.where).toBe(tmp());
    expect(store.revision).toBe(1);
    expect(store.documentData()).toEqual(before.data);
    expect(store.currentFile()).toEqual(before.file);
    full = false;
    expect(expectOk(await store.applyChanges(change(1, [b], [a.id]))).revision).toBe(2);
    expect(store.documentData().shots).toEqual([b]);
    expect((await openStore(tmp(), { policy: JOURNAL_ONLY })).store.documentData().shots).toEqual([b]);
  });
});

describe('ProjectStore.replaceDocument', () => {
  it('writes the whole document; removed shots get tombstones, re-added ones lose them', async () => {
    const a = shot({ title: 'A', order: 'a0' });
    const b = shot({ title: 'B', order: 'a1' });
    await writeProject(tmp(), projectData([a, b]));
    let now = FIXED_NOW;
    const { store } = await openStore(tmp(), { now: () => now, policy: JOURNAL_ONLY });
    now = new Date(FIXED_NOW.getTime() + 5000);
    expectOk(await store.replaceDocument(1, documentData([a])));
    let file = await onDisk();
    expect(file.revision).toBe(1);
    expect(file.data.shots).toEqual([a]);
    expect(file.data.tombstones).toEqual([{ id: b.id, kind: 'shot', deletedAt: now.getTime() }]);
    expectOk(await store.replaceDocument(2, documentData([a, b])));
    file = await onDisk();
    expect(file.data.shots).toEqual([a, b]);
    expect(file.data.tombstones).toEqual([]);
  });

  it('a stale revision is acknowledged without writing; a failed write keeps the previous state in memory', async () => {
    const a = shot();
    await writeProject(tmp(), projectData([a]), 3);
    let fail = false;
    const fs = faultyFs({
      rename: (async (from: string, to: string) => {
        if (fail) throw fsError('EIO', 'rename', from);
        return nodeFileSystem.rename(from, to);
      }) as never,
    });
    const { store } = await openStore(tmp(), { fs });
    const before = await snapshotTree(tmp());
    expect(expectOk(await store.replaceDocument(3, documentData([]))).revision).toBe(3);
    expect(await snapshotTree(tmp())).toEqual(before);
    fail = true;
    expectErr(await store.replaceDocument(4, documentData([], { name: 'Other' })), 'IO_ERROR', /Could not save/, 'EIO');
    expect(store.revision).toBe(3);
    expect(store.documentData()).toEqual(documentData([a]));
    expect(store.currentFile().data.tombstones).toEqual([]);
    expect(await snapshotTree(tmp())).toEqual(before);
  });
});

describe('a read-only store (a file from a newer version)', () => {
  it('refuses every write with READ_ONLY, leaves its journal alone and writes nothing', async () => {
    await writeProject(tmp());
    await writeFile(journalPath(tmp()), encodeJournalLine({ ...change(0, [shot()]), at: FIXED_NOW.toISOString() }));
    const before = await snapshotTree(tmp());
    const reason = 'Made by Shotcanvas 9; open read-only.';
    const { store, replayed } = await openStore(tmp(), { readOnlyReason: reason });
    expect(replayed).toBe(0);
    expect(store.readOnlyReason).toBe(reason);
    expectErr(await store.applyChanges(change(0, [shot()])), 'READ_ONLY', reason);
    expectErr(await store.replaceDocument(1, documentData([])), 'READ_ONLY', reason);
    expect(expectOk(await store.compact()).revision).toBe(0);
    await store.close();
    expect(await snapshotTree(tmp())).toEqual(before);
  });
});

describe('readCurrentProjectFile', () => {
  it('folds a journal left by an interrupted session in memory, writing nothing', async () => {
    const a = shot({ title: 'A' });
    await writeProject(tmp(), projectData([a]));
    const { store } = await openStore(tmp(), { policy: JOURNAL_ONLY });
    const b = shot({ title: 'B' });
    expectOk(await store.applyChanges(change(0, [b])));
    expectOk(await store.applyChanges(change(1, [], [a.id])));
    const before = await snapshotTree(tmp());
    const current = expectOk(await readCurrentProjectFile(nodeFileSystem, tmp(), () => FIXED_NOW));
    expect(await snapshotTree(tmp())).toEqual(before);
    expect(current.revision).toBe(2);
    expect(current.data.shots).toEqual([b]);
    expect(current.data.tombstones.map((t) => t.id)).toEqual([a.id]);
    expect(current).toEqual(store.currentFile());
  });

  it('is project.json itself when there is no journal, and passes refusals through', async () => {
    const written = await writeProject(tmp(), projectData([shot()]), 9);
    expect(expectOk(await readCurrentProjectFile(nodeFileSystem, tmp(), () => FIXED_NOW))).toEqual(written);
    expectErr(await readCurrentProjectFile(nodeFileSystem, join(tmp(), 'missing'), () => FIXED_NOW), 'NOT_FOUND');
  });
});
