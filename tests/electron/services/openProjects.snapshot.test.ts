import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../../electron/services/fileSystem.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import type { ProjectId, ShotId } from '../../../shared/ids.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { asClient, createProject, expectErr, expectOk, makeLibrary, openAs } from './support/library.ts';
import { FIXED_NOW, documentData, shot } from './support/projectData.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const SHOT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' as ShotId;
const dataAt = (revision: number) => documentData([shot({ id: SHOT_ID, title: `state ${revision}`, rev: revision })], { name: 'Film' });

async function openFilm(fs: FileSystem = nodeFileSystem) {
  const fx = await makeLibrary(tmp(), { fs });
  const p = await createProject(fx, 'Film');
  const projectId = (await openAs(fx, p.path)).file.projectId;
  const save = (revision: number, data = dataAt(revision)) => fx.projects.saveSnapshot({ ...asClient(projectId), revision, data });
  return { fx, dir: p.path, projectId, save };
}

const readBack = async (dir: string) => expectOk(await readProjectFile(nodeFileSystem, dir));

describe('OpenProjects.saveSnapshot', () => {
  it('writes a newer revision as the new project.json and acknowledges it', async () => {
    const { dir, projectId, save } = await openFilm();
    const ack = expectOk(await save(4));
    expect(ack).toEqual({ revision: 4, savedAt: FIXED_NOW.toISOString() });
    const file = await readBack(dir);
    expect(file.revision).toBe(4);
    expect(file.projectId).toBe(projectId);
    expect(file.data).toEqual({ ...dataAt(4), tombstones: [] });
    expect(await namesIn(dir)).toEqual(['.backups', 'exports', 'media', 'project.json']);
  });

  it('acknowledges stale or repeated revisions without writing', async () => {
    const { dir, save } = await openFilm();
    expectOk(await save(5));
    const before = await snapshotTree(tmp());
    expect(expectOk(await save(3)).revision).toBe(5);
    expect(expectOk(await save(5, dataAt(99))).revision).toBe(5);
    expect(await snapshotTree(tmp())).toEqual(before);
    expect((await readBack(dir)).data).toEqual({ ...dataAt(5), tombstones: [] });
  });

  it('revision 0 of a freshly created project is already on disk', async () => {
    const { dir, save } = await openFilm();
    const before = await readFile(join(dir, 'project.json'), 'utf8');
    expect(expectOk(await save(0)).revision).toBe(0);
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(before);
  });

  it('refuses an unknown or closed project with NOT_FOUND, writing nothing', async () => {
    const { fx, projectId, save } = await openFilm();
    const before = await snapshotTree(tmp());
    const unknown = '11111111-2222-4333-8444-555555555555' as ProjectId;
    const error = expectErr(await fx.projects.saveSnapshot({ ...asClient(unknown), revision: 1, data: dataAt(1) }), 'NOT_FOUND', /not open/, /reopen/);
    expect(error.where).toBe(unknown);
    expectOk(await fx.projects.close(asClient(projectId)));
    expectErr(await save(1), 'NOT_FOUND');
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses a client that does not own the project with CONFLICT, writing nothing', async () => {
    const { fx, projectId } = await openFilm();
    const before = await snapshotTree(tmp());
    const error = expectErr(await fx.projects.saveSnapshot({ ...asClient(projectId, 'stranger-tab'), revision: 1, data: dataAt(1) }), 'CONFLICT', /another window or tab/);
    expect(error.where).toBe(projectId);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('serializes concurrent saves: one write at a time, the highest revision ends on disk', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const writes: number[] = [];
    const fs = faultyFs({
      rename: (async (from: string, to: string) => {
        if (!to.endsWith('project.json')) return nodeFileSystem.rename(from, to);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10));
        await nodeFileSystem.rename(from, to);
        writes.push((await readBack(join(to, '..'))).revision);
        inFlight -= 1;
      }) as never,
    });
    const { dir, save } = await openFilm(fs);
    writes.length = 0;
    const order = [3, 1, 7, 2, 6, 4, 5];
    const acks = await Promise.all(order.map((revision) => save(revision)));
    expect(acks.map((a) => expectOk(a).revision)).toEqual([3, 3, 7, 7, 7, 7, 7]);
    expect(writes).toEqual([3, 7]);
    expect(maxInFlight).toBe(1);
    const file = await readBack(dir);
    expect(file.revision).toBe(7);
    expect(file.data).toEqual({ ...dataAt(7), tombstones: [] });
  });

  it('a full disk gives NO_SPACE, keeps the previous project.json byte for byte, and a retry succeeds', async () => {
    let failRenames = false;
    const fs = faultyFs({
      rename: (async (from: string, to: string) => {
        if (failRenames) throw fsError('ENOSPC', 'rename', from);
        return nodeFileSystem.rename(from, to);
      }) as never,
    });
    const { dir, save } = await openFilm(fs);
    expectOk(await save(1));
    const before = await readFile(join(dir, 'project.json'), 'utf8');
    failRenames = true;
    const error = expectErr(await save(2), 'NO_SPACE', /disk is full/, join(dir, 'project.json'));
    expect(error.where).toBe(join(dir, 'project.json'));
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(before);
    expect(await namesIn(dir)).toEqual(['.backups', 'exports', 'media', 'project.json']);
    failRenames = false;
    expect(expectOk(await save(2)).revision).toBe(2);
    expect((await readBack(dir)).data).toEqual({ ...dataAt(2), tombstones: [] });
  });

  it('a permission error is reported as IO_ERROR with what to check', async () => {
    let fail = false;
    const fs = faultyFs({
      open: (async (path: string, flags?: string) => {
        if (fail && path.endsWith('.sctmp')) throw fsError('EROFS', 'open', path);
        return nodeFileSystem.open(path, flags);
      }) as never,
    });
    const { dir, save } = await openFilm(fs);
    fail = true;
    expectErr(await save(1), 'IO_ERROR', /No permission/, dir);
    expect((await readBack(dir)).revision).toBe(0);
  });

  it('close waits for a save in flight', async () => {
    const { fx, dir, projectId, save } = await openFilm();
    const saving = save(2);
    expectOk(await fx.projects.close(asClient(projectId)));
    expect(expectOk(await saving).revision).toBe(2);
    expect((await readBack(dir)).revision).toBe(2);
  });

  it('a shot missing from the new document leaves a tombstone; bringing it back clears it', async () => {
    let now = FIXED_NOW;
    const fx = await makeLibrary(tmp(), { now: () => now });
    const p = await createProject(fx, 'Film');
    const id = (await openAs(fx, p.path)).file.projectId;
    const keep = shot({ title: 'keep' });
    const gone = shot({ title: 'gone' });
    const save = (revision: number, shots: ReturnType<typeof shot>[]) =>
      fx.projects.saveSnapshot({ ...asClient(id), revision, data: documentData(shots, { name: 'Film' }) });
    expectOk(await save(1, [keep, gone]));
    now = new Date(FIXED_NOW.getTime() + 1000);
    expectOk(await save(2, [keep]));
    expect((await readBack(p.path)).data.tombstones).toEqual([{ id: gone.id, kind: 'shot', deletedAt: now.getTime() }]);
    expectOk(await save(3, [keep, gone]));
    const file = await readBack(p.path);
    expect(file.data.tombstones).toEqual([]);
    expect(file.data.shots.map((s) => s.title).sort()).toEqual(['gone', 'keep']);
  });
});
