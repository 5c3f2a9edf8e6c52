import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import type { LibraryFixture } from './support/library.ts';
import { asClient, createProject, expectErr, expectOk, makeLibrary, openAs } from './support/library.ts';
import { FIXED_NOW } from './support/projectData.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const read = async (dir: string) => expectOk(await readProjectFile(nodeFileSystem, dir));

/** A project with a media file and a backup, opened once (so it is in the recent list) and closed. */
async function seeded(fx: LibraryFixture, name = 'Film') {
  const p = await createProject(fx, name);
  await mkdir(join(p.path, 'media', 'ab'), { recursive: true });
  await writeFile(join(p.path, 'media', 'ab', 'clip.mp4'), 'video bytes');
  await writeFile(join(p.path, '.backups', 'project-2025.json'), 'old snapshot');
  await openAs(fx, p.path);
  expectOk(await fx.projects.close(asClient(p.projectId!)));
  return p;
}

describe('ProjectLibrary.rename', () => {
  it('renames folder and project name, bumps the revision and updates the recent list', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    const summary = expectOk(await fx.library.rename(p.path, 'Feature'));
    const target = join(fx.workspace, 'Feature');
    expect(summary).toMatchObject({ name: 'Feature', path: target, projectId: p.projectId, problem: null });
    expect(await namesIn(fx.workspace)).toEqual(['Feature']);
    const file = await read(target);
    expect(file.data.settings.name).toBe('Feature');
    expect(file.revision).toBe(1);
    expect(await namesIn(join(target, 'media', 'ab'))).toEqual(['clip.mp4']);
    expect((await fx.recent.list()).map((r) => r.path)).toEqual([target]);
  });

  it('changing only the name inside (same folder name) rewrites project.json in place', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    expectOk(await fx.library.rename(p.path, '  Film  '));
    expect(await namesIn(fx.workspace)).toEqual(['Film']);
    expect((await read(p.path)).revision).toBe(1);
  });

  it('is refused while the project is open, changing nothing', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    await openAs(fx, p.path);
    const before = await snapshotTree(tmp());
    expectErr(await fx.library.rename(p.path, 'Other'), 'CONFLICT', /Close "Film"/);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses a target that exists with ALREADY_EXISTS, changing nothing', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    await createProject(fx, 'Taken');
    const before = await snapshotTree(tmp());
    const error = expectErr(await fx.library.rename(p.path, 'Taken'), 'ALREADY_EXISTS', '"Taken"');
    expect(error.where).toBe('name');
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses invalid names, changing nothing', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    const before = await snapshotTree(tmp());
    for (const bad of ['../escape', 'a/b', 'NUL', '..', 'x\u0000y']) expectErr(await fx.library.rename(p.path, bad), 'INVALID_ARGUMENT');
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses a folder that is not a valid project, changing nothing', async () => {
    const fx = await makeLibrary(tmp());
    await mkdir(join(fx.workspace, 'plain'));
    const before = await snapshotTree(tmp());
    expectErr(await fx.library.rename(join(fx.workspace, 'plain'), 'Other'), 'NOT_FOUND');
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('puts the folder back when writing the renamed project.json fails', async () => {
    const fx0 = await makeLibrary(tmp());
    const p = await seeded(fx0);
    const before = await snapshotTree(fx0.workspace);
    const fs = faultyFs({
      open: (async (path: string, flags?: string) => {
        if (path.endsWith('.sctmp')) throw fsError('ENOSPC', 'open', path);
        return nodeFileSystem.open(path, flags);
      }) as never,
    });
    const fx = await makeLibrary(tmp(), { fs });
    expectErr(await fx.library.rename(p.path, 'Feature'), 'NO_SPACE', p.path);
    expect(await snapshotTree(fx0.workspace)).toEqual(before);
  });
});

describe('ProjectLibrary.duplicate', () => {
  it('copies media under a new projectId and name, without the backups; the original is untouched', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    const original = await snapshotTree(p.path);
    const summary = expectOk(await fx.library.duplicate(p.path, 'Film copy'));
    const target = join(fx.workspace, 'Film copy');
    expect(summary).toMatchObject({ name: 'Film copy', path: target, problem: null, savedAt: FIXED_NOW.toISOString() });
    expect(summary.projectId).not.toBe(p.projectId);
    const copy = await read(target);
    expect(copy.projectId).toBe(summary.projectId);
    expect(copy.revision).toBe(0);
    expect(copy.data.settings.name).toBe('Film copy');
    expect(await namesIn(join(target, 'media', 'ab'))).toEqual(['clip.mp4']);
    expect(await namesIn(join(target, '.backups'))).toEqual([]);
    expect(await snapshotTree(p.path)).toEqual(original);
    expect(await namesIn(fx.workspace)).toEqual(['Film', 'Film copy']);
  });

  it('the copy opens alongside the original (no CONFLICT)', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    const copy = expectOk(await fx.library.duplicate(p.path, 'Second'));
    await openAs(fx, p.path);
    await openAs(fx, copy.path);
  });

  it('refuses an existing target, changing nothing', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    await mkdir(join(fx.workspace, 'Busy'));
    const before = await snapshotTree(tmp());
    expectErr(await fx.library.duplicate(p.path, 'Busy'), 'ALREADY_EXISTS', '"Busy"');
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('a failed copy leaves no staging folder and no target, and reports where', async () => {
    const fx0 = await makeLibrary(tmp());
    const p = await seeded(fx0);
    const before = await snapshotTree(tmp());
    const fs = faultyFs({
      cp: (async (from: string, to: string, options?: object) => {
        await nodeFileSystem.cp(from, to, options);
        throw fsError('ENOSPC', 'copyfile', to);
      }) as never,
    });
    const fx = await makeLibrary(tmp(), { fs });
    expectErr(await fx.library.duplicate(p.path, 'Copy'), 'NO_SPACE', p.path);
    expect(await readdir(dirname(p.path))).toEqual(['Film']);
    expect(await snapshotTree(tmp())).toEqual(before);
  });
});

describe('ProjectLibrary.trashProject', () => {
  it('moves the folder through the trash function and forgets it in the recent list', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    const outcome = expectOk(await fx.library.trashProject(p.path));
    expect(fx.trashed).toEqual([p.path]);
    expect(outcome.location).toBe(join(fx.trashDir, 'Film-1'));
    expect(await namesIn(join(fx.trashDir, 'Film-1'))).toContain('project.json');
    expect(await namesIn(fx.workspace)).toEqual([]);
    expect(await fx.recent.list()).toEqual([]);
  });

  it('is refused while the project is open', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    await openAs(fx, p.path);
    const before = await snapshotTree(tmp());
    expectErr(await fx.library.trashProject(p.path), 'CONFLICT', /before moving it to the trash/);
    expect(fx.trashed).toEqual([]);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('is refused for a folder that is not a project', async () => {
    const fx = await makeLibrary(tmp());
    await mkdir(join(fx.workspace, 'Documents'));
    await writeFile(join(fx.workspace, 'Documents', 'tax.pdf'), 'x');
    const before = await snapshotTree(tmp());
    expectErr(await fx.library.trashProject(join(fx.workspace, 'Documents')), 'NOT_FOUND', /not a Shotcanvas project folder; nothing was moved/);
    expect(fx.trashed).toEqual([]);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('reports a failing trash as an error and keeps the recent entry', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    const failing = await makeLibrary(tmp(), { trash: (path) => Promise.reject(fsError('EACCES', 'rename', path)) });
    expectErr(await failing.library.trashProject(p.path), 'IO_ERROR', /No permission/, p.path);
    expect(await namesIn(fx.workspace)).toEqual(['Film']);
    expect((await fx.recent.list()).map((r) => r.path)).toEqual([p.path]);
  });

  it('forgetRecent drops the entry only', async () => {
    const fx = await makeLibrary(tmp());
    const p = await seeded(fx);
    expectOk(await fx.library.forgetRecent(p.path));
    expect(await fx.recent.list()).toEqual([]);
    expect(await namesIn(fx.workspace)).toEqual(['Film']);
  });
});
