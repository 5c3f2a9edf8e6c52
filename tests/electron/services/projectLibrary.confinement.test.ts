import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryFixture } from './support/library.ts';
import { CLIENT, asClient, createInput, createProject, expectErr, expectOk, makeLibrary, openAs } from './support/library.ts';
import { FIXED_NOW } from './support/projectData.ts';
import { snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

/** The web host's library (confined) plus a project outside the workspace and a link to it. */
let fx: LibraryFixture;
let outsideProject: string;
let linkToOutside: string;
let insideProject: string;

beforeEach(async () => {
  const desktop = await makeLibrary(tmp());
  outsideProject = (await createProject(desktop, 'Elsewhere', { parentDir: join(tmp(), 'outside') })).path;
  insideProject = (await createProject(desktop, 'Inside')).path;
  linkToOutside = join(desktop.workspace, 'Sneaky');
  await symlink(outsideProject, linkToOutside);
  await symlink(join(tmp(), 'outside'), join(desktop.workspace, 'outside-dir'));
  fx = await makeLibrary(tmp(), { confineToWorkspace: true });
});

async function expectForbiddenAndUnchanged(run: () => Promise<{ ok: boolean }>, path: string) {
  const before = await snapshotTree(tmp());
  const result = await run();
  const error = expectErr(result as never, 'FORBIDDEN', /outside the workspace folder/, fx.workspace);
  expect(error.message).toContain(path);
  expect(await snapshotTree(tmp())).toEqual(before);
  expect(fx.trashed).toEqual([]);
}

describe('ProjectLibrary with confineToWorkspace', () => {
  it('still opens, renames, duplicates and trashes projects inside the workspace', async () => {
    await openAs(fx, insideProject);
    expectOk(await fx.projects.close(asClient((await openAs(fx, insideProject)).file.projectId)));
    const renamed = expectOk(await fx.library.rename(insideProject, 'Renamed'));
    const copy = expectOk(await fx.library.duplicate(renamed.path, 'Copy'));
    expectOk(await fx.library.trashProject(copy.path));
    expectOk(await fx.library.create(createInput('Fresh', { parentDir: join(fx.workspace, 'sub') })));
  });

  it('refuses to open a project outside the workspace', async () => {
    await expectForbiddenAndUnchanged(() => fx.projects.openProject(outsideProject, CLIENT), outsideProject);
    expect(await fx.recent.list()).toEqual([]);
  });

  it('refuses ../ paths that climb out of the workspace', async () => {
    const climbing = `${fx.workspace}/../outside/Elsewhere`;
    await expectForbiddenAndUnchanged(() => fx.projects.openProject(climbing, CLIENT), join(tmp(), 'outside', 'Elsewhere'));
  });

  it('refuses a symlink inside the workspace that points outside it', async () => {
    await expectForbiddenAndUnchanged(() => fx.projects.openProject(linkToOutside, CLIENT), linkToOutside);
    await expectForbiddenAndUnchanged(() => fx.projects.openProject(join(linkToOutside, 'project.json'), CLIENT), linkToOutside);
    await expectForbiddenAndUnchanged(() => fx.library.rename(linkToOutside, 'Moved'), linkToOutside);
    await expectForbiddenAndUnchanged(() => fx.library.trashProject(linkToOutside), linkToOutside);
    await expectForbiddenAndUnchanged(() => fx.library.duplicate(linkToOutside, 'Stolen'), linkToOutside);
  });

  it('refuses to create outside the workspace, directly or through a linked folder', async () => {
    const outside = join(tmp(), 'outside');
    await expectForbiddenAndUnchanged(() => fx.library.create(createInput('New', { parentDir: outside })), outside);
    const viaLink = join(fx.workspace, 'outside-dir');
    await expectForbiddenAndUnchanged(() => fx.library.create(createInput('New', { parentDir: viaLink })), viaLink);
    await expectForbiddenAndUnchanged(() => fx.library.create(createInput('New', { parentDir: join(viaLink, 'deeper', 'still') })), viaLink);
  });

  it('refuses to rename, duplicate or trash a project outside the workspace', async () => {
    await expectForbiddenAndUnchanged(() => fx.library.rename(outsideProject, 'Moved'), outsideProject);
    await expectForbiddenAndUnchanged(() => fx.library.duplicate(outsideProject, 'Copy'), outsideProject);
    await expectForbiddenAndUnchanged(() => fx.library.trashProject(outsideProject), outsideProject);
  });

  it('does not list recent projects outside the workspace', async () => {
    await fx.recent.touch(outsideProject, FIXED_NOW);
    await fx.recent.touch(linkToOutside, FIXED_NOW);
    await fx.recent.touch(insideProject, FIXED_NOW);
    const paths = expectOk(await fx.library.list()).map((s) => s.path);
    expect(paths).toEqual([insideProject]);
  });

  it('lists a workspace that does not exist yet as empty', async () => {
    await fx.settings.update({ workspaceDir: join(tmp(), 'new-workspace') });
    await mkdir(join(tmp(), 'unrelated'));
    expect(expectOk(await fx.library.list())).toEqual([]);
  });
});
