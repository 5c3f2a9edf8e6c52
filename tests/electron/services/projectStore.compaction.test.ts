import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import { encodeJournalLine, journalPath } from '../../../electron/services/projectJournal.ts';
import type { CompactionPolicy } from '../../../electron/services/projectStore.ts';
import { DEFAULT_COMPACTION } from '../../../electron/services/projectStore.ts';
import { TOMBSTONE_TTL_MS } from '../../../shared/model/documentData.ts';
import type { ProjectFile } from '../../../shared/model/projectFile.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { expectOk } from './support/library.ts';
import { FIXED_NOW, projectData, shot } from './support/projectData.ts';
import { JOURNAL_ONLY, change, manualClock, openStore, writeProject } from './support/storeFixture.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const onDisk = async () => expectOk(await readProjectFile(nodeFileSystem, tmp()));
const hasJournal = async () => (await namesIn(tmp())).includes('project.journal');
const policy = (overrides: Partial<CompactionPolicy>): CompactionPolicy => ({ ...JOURNAL_ONLY, ...overrides });

describe('compaction policy', () => {
  it('the default rewrites project.json after every save below 2 MiB', () => {
    expect(DEFAULT_COMPACTION.fullWriteBelowBytes).toBe(2 * 1024 * 1024);
  });

  it('folds the journal once it has maxJournalEntries entries', async () => {
    await writeProject(tmp());
    const { store } = await openStore(tmp(), { policy: policy({ maxJournalEntries: 3 }) });
    expectOk(await store.applyChanges(change(0, [shot()])));
    expectOk(await store.applyChanges(change(1, [shot()])));
    expect((await onDisk()).revision).toBe(0);
    expect(await hasJournal()).toBe(true);
    expectOk(await store.applyChanges(change(2, [shot()])));
    expect(await hasJournal()).toBe(false);
    const file = await onDisk();
    expect(file.revision).toBe(3);
    expect(file.data.shots).toHaveLength(3);
  });

  it('folds the journal once it reaches maxJournalBytes', async () => {
    await writeProject(tmp());
    const first = change(0, [shot({ description: 'x'.repeat(2000) })]);
    const lineBytes = encodeJournalLine({ ...first, at: FIXED_NOW.toISOString() }).length;
    const { store } = await openStore(tmp(), { policy: policy({ maxJournalBytes: lineBytes + 10 }) });
    expectOk(await store.applyChanges(first));
    expect(await hasJournal()).toBe(true);
    expectOk(await store.applyChanges(change(1, [shot({ description: 'y'.repeat(2000) })])));
    expect(await hasJournal()).toBe(false);
    expect((await onDisk()).revision).toBe(2);
  });

  it('folds the journal when it outgrows maxJournalRatio of project.json, but never below 64 KiB', async () => {
    await writeProject(tmp());
    const { store } = await openStore(tmp(), { policy: policy({ maxJournalRatio: 0.25 }) });
    // 10 KB: far above a quarter of the tiny project.json, but below the 64 KiB floor.
    expectOk(await store.applyChanges(change(0, [shot({ description: 'a'.repeat(10_000) })])));
    expect(await hasJournal()).toBe(true);
    // Now the journal passes 64 KiB.
    const big = Array.from({ length: 4 }, (_, i) => shot({ description: String(i).repeat(19_000) }));
    expectOk(await store.applyChanges(change(1, big)));
    expect(await hasJournal()).toBe(false);
    expect((await onDisk()).data.shots).toHaveLength(5);
  });

  it('folds the journal when the last full write is maxAgeMs old (injected clock)', async () => {
    await writeProject(tmp());
    const clock = manualClock();
    const { store } = await openStore(tmp(), { now: clock.now, policy: policy({ maxAgeMs: 60_000 }) });
    clock.advance(59_000);
    expectOk(await store.applyChanges(change(0, [shot()])));
    expect(await hasJournal()).toBe(true);
    clock.advance(1_000);
    expectOk(await store.applyChanges(change(1, [shot()])));
    expect(await hasJournal()).toBe(false);
    // The age counts from the last full write, not from opening.
    clock.advance(30_000);
    expectOk(await store.applyChanges(change(2, [shot()])));
    expect(await hasJournal()).toBe(true);
  });

  it('drops tombstones older than 30 days when it writes project.json', async () => {
    const old = shot({ title: 'deleted long ago' });
    const recent = shot({ title: 'deleted lately' });
    await writeProject(tmp(), projectData([old, recent]));
    const clock = manualClock();
    const { store } = await openStore(tmp(), { now: clock.now, policy: policy({ maxJournalEntries: 1 }) });
    expectOk(await store.applyChanges(change(0, [], [old.id])));
    expect((await onDisk()).data.tombstones.map((t) => t.id)).toEqual([old.id]);
    clock.advance(TOMBSTONE_TTL_MS - 1000);
    expectOk(await store.applyChanges(change(1, [], [recent.id])));
    expect((await onDisk()).data.tombstones.map((t) => t.id)).toEqual([old.id, recent.id]);
    clock.advance(2000);
    expectOk(await store.applyChanges(change(2, [shot()])));
    expect((await onDisk()).data.tombstones.map((t) => t.id)).toEqual([recent.id]);
  });

  it('calls afterFullWrite with each written file and its exact text; a failing hook is only logged', async () => {
    await writeProject(tmp());
    const written: Array<{ file: ProjectFile; text: string }> = [];
    const logged: string[] = [];
    let hookFails = false;
    const hooks = {
      afterFullWrite: (file: ProjectFile, text: string) => {
        written.push({ file, text });
        return hookFails ? Promise.reject(new Error('backup failed')) : Promise.resolve();
      },
      log: (message: string) => logged.push(message),
    };
    const { store } = await openStore(tmp(), { hooks });
    expectOk(await store.applyChanges(change(0, [shot()])));
    expect(written).toHaveLength(1);
    expect(written[0]!.text).toBe(await readFile(join(tmp(), 'project.json'), 'utf8'));
    expect(written[0]!.file).toEqual(await onDisk());
    hookFails = true;
    expect(expectOk(await store.applyChanges(change(1, [shot()]))).revision).toBe(2);
    expect(logged).toEqual(['after-write hook failed']);
  });

  it('a failed compaction still acknowledges the save: the journal keeps it and a reopen replays it', async () => {
    await writeProject(tmp());
    let failRenames = false;
    const fs = faultyFs({
      rename: (async (from: string, to: string) => {
        if (failRenames) throw fsError('ENOSPC', 'rename', from);
        return nodeFileSystem.rename(from, to);
      }) as never,
    });
    const logged: string[] = [];
    const { store } = await openStore(tmp(), { fs, hooks: { log: (m) => logged.push(m) } });
    failRenames = true;
    const a = shot();
    expect(expectOk(await store.applyChanges(change(0, [a]))).revision).toBe(1);
    expect(logged).toEqual(['compaction failed; the journal keeps the edits']);
    expect((await onDisk()).revision).toBe(0);
    expect(await readFile(journalPath(tmp()), 'utf8')).toContain(a.id);
    const reopened = await openStore(tmp());
    expect(reopened.replayed).toBe(1);
    expect(reopened.store.documentData().shots).toEqual([a]);
  });

  it('close folds pending journal entries into project.json', async () => {
    await writeProject(tmp());
    const { store } = await openStore(tmp(), { policy: JOURNAL_ONLY });
    expectOk(await store.applyChanges(change(0, [shot()])));
    expectOk(await store.applyChanges(change(1, [shot()])));
    await store.close();
    expect(await hasJournal()).toBe(false);
    expect((await onDisk()).revision).toBe(2);
  });
});
