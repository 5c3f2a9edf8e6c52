import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../../electron/services/fileSystem.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import type { ProjectId, ShotId } from '../../../shared/ids.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { createProject, expectErr, expectOk, makeLibrary } from './support/library.ts';
import { FIXED_NOW, projectData, shot } from './support/projectData.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const SHOT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' as ShotId;
const dataAt = (revision: number) => projectData([shot({ id: SHOT_ID, title: `state ${revision}`, rev: revision })], { name: 'Film' });

async function openFilm(fs: FileSystem = nodeFileSystem) {
  const fx = await makeLibrary(tmp(), { fs });
  const p = await createProject(fx, 'Film');
  const projectId = expectOk(await fx.library.openProject(p.path)).file.projectId;
  return { fx, dir: p.path, projectId };
}

const readBack = async (dir: string) => expectOk(await readProjectFile(nodeFileSystem, dir));

describe('ProjectLibrary.saveSnapshot', () => {
  it('writes a newer revision as the new project.json and acknowledges it', async () => {
    const { fx, dir, projectId } = await openFilm();
    const ack = expectOk(await fx.library.saveSnapshot({ projectId, revision: 4, data: dataAt(4) }));
    expect(ack).toEqual({ revision: 4, savedAt: FIXED_NOW.toISOString() });
    const file = await readBack(dir);
    expect(file.revision).toBe(4);
    expect(file.projectId).toBe(projectId);
    expect(file.data).toEqual(dataAt(4));
    expect(await namesIn(dir)).toEqual(['.backups', 'exports', 'media', 'project.json']);
  });

  it('acknowledges stale or repeated revisions without writing', async () => {
    const { fx, dir, projectId } = await openFilm();
    expectOk(await fx.library.saveSnapshot({ projectId, revision: 5, data: dataAt(5) }));
    const before = await snapshotTree(tmp());
    expect(expectOk(await fx.library.saveSnapshot({ projectId, revision: 3, data: dataAt(3) })).revision).toBe(5);
    expect(expectOk(await fx.library.saveSnapshot({ projectId, revision: 5, data: dataAt(99) })).revision).toBe(5);
    expect(await snapshotTree(tmp())).toEqual(before);
    expect((await readBack(dir)).data).toEqual(dataAt(5));
  });

  it('revision 0 of a freshly created project is already on disk', async () => {
    const { fx, dir, projectId } = await openFilm();
    const before = await readFile(join(dir, 'project.json'), 'utf8');
    expect(expectOk(await fx.library.saveSnapshot({ projectId, revision: 0, data: dataAt(0) })).revision).toBe(0);
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(before);
  });

  it('refuses an unknown or closed project with NOT_FOUND, writing nothing', async () => {
    const { fx, projectId } = await openFilm();
    const before = await snapshotTree(tmp());
    const unknown = '11111111-2222-4333-8444-555555555555' as ProjectId;
    const error = expectErr(await fx.library.saveSnapshot({ projectId: unknown, revision: 1, data: dataAt(1) }), 'NOT_FOUND', /not open/, /reopen/);
    expect(error.where).toBe(unknown);
    expectOk(await fx.library.close(projectId));
    expectErr(await fx.library.saveSnapshot({ projectId, revision: 1, data: dataAt(1) }), 'NOT_FOUND');
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
    const { fx, dir, projectId } = await openFilm(fs);
    writes.length = 0;
    const order = [3, 1, 7, 2, 6, 4, 5];
    const acks = await Promise.all(order.map((revision) => fx.library.saveSnapshot({ projectId, revision, data: dataAt(revision) })));
    expect(acks.map((a) => expectOk(a).revision)).toEqual([3, 3, 7, 7, 7, 7, 7]);
    expect(writes).toEqual([3, 7]);
    expect(maxInFlight).toBe(1);
    const file = await readBack(dir);
    expect(file.revision).toBe(7);
    expect(file.data).toEqual(dataAt(7));
  });

  it('a full disk gives NO_SPACE, keeps the previous project.json byte for byte, and a retry succeeds', async () => {
    let failRenames = false;
    const fs = faultyFs({
      rename: (async (from: string, to: string) => {
        if (failRenames) throw fsError('ENOSPC', 'rename', from);
        return nodeFileSystem.rename(from, to);
      }) as never,
    });
    const { fx, dir, projectId } = await openFilm(fs);
    expectOk(await fx.library.saveSnapshot({ projectId, revision: 1, data: dataAt(1) }));
    const before = await readFile(join(dir, 'project.json'), 'utf8');
    failRenames = true;
    const error = expectErr(await fx.library.saveSnapshot({ projectId, revision: 2, data: dataAt(2) }), 'NO_SPACE', /disk is full/, join(dir, 'project.json'));
    expect(error.where).toBe(join(dir, 'project.json'));
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(before);
    expect(await namesIn(dir)).toEqual(['.backups', 'exports', 'media', 'project.json']);
    failRenames = false;
    expect(expectOk(await fx.library.saveSnapshot({ projectId, revision: 2, data: dataAt(2) })).revision).toBe(2);
    expect((await readBack(dir)).data).toEqual(dataAt(2));
  });

  it('a permission error is reported as IO_ERROR with what to check', async () => {
    let fail = false;
    const fs = faultyFs({
      open: (async (path: string, flags?: string) => {
        if (fail && path.endsWith('.sctmp')) throw fsError('EROFS', 'open', path);
        return nodeFileSystem.open(path, flags);
      }) as never,
    });
    const { fx, dir, projectId } = await openFilm(fs);
    fail = true;
    expectErr(await fx.library.saveSnapshot({ projectId, revision: 1, data: dataAt(1) }), 'IO_ERROR', /No permission/, dir);
    expect((await readBack(dir)).revision).toBe(0);
  });

  it('close waits for a save in flight', async () => {
    const { fx, dir, projectId } = await openFilm();
    const save = fx.library.saveSnapshot({ projectId, revision: 2, data: dataAt(2) });
    expectOk(await fx.library.close(projectId));
    expect(expectOk(await save).revision).toBe(2);
    expect((await readBack(dir)).revision).toBe(2);
  });
});
