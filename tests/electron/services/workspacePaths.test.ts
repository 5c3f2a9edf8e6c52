import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppSettingsStore } from '../../../electron/services/appSettings.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { WorkspacePaths } from '../../../electron/services/workspacePaths.ts';
import { expectErr, expectOk } from './support/library.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
let workspace: string;
let settings: AppSettingsStore;

beforeEach(async () => {
  workspace = join(tmp(), 'workspace');
  await mkdir(join(workspace, 'Film'), { recursive: true });
  await mkdir(join(tmp(), 'outside', 'Other'), { recursive: true });
  await symlink(join(tmp(), 'outside'), join(workspace, 'link-out'));
  await symlink(join(workspace, 'Film'), join(workspace, 'link-in'));
  settings = new AppSettingsStore(nodeFileSystem, join(tmp(), 'user-data'), workspace);
});

const paths = (confined: boolean) => new WorkspacePaths(nodeFileSystem, settings, confined);

describe('WorkspacePaths', () => {
  it('reads the workspace folder from the settings, resolved', async () => {
    expect(await paths(true).workspaceDir()).toBe(workspace);
    await settings.update({ workspaceDir: `${workspace}/../elsewhere/` });
    expect(await paths(true).workspaceDir()).toBe(join(tmp(), 'elsewhere'));
  });

  it('normalizes a project path: a project.json path means its folder, relative segments are resolved', async () => {
    const p = paths(false);
    expect(expectOk(await p.projectDir(join(workspace, 'Film', 'project.json')))).toBe(join(workspace, 'Film'));
    expect(expectOk(await p.projectDir(`${workspace}/Film/../Film/`))).toBe(join(workspace, 'Film'));
  });

  it('unconfined (desktop): any folder the user picked is allowed', async () => {
    const p = paths(false);
    expect(p.confineToWorkspace).toBe(false);
    expect(expectOk(await p.projectDir(join(tmp(), 'outside', 'Other')))).toBe(join(tmp(), 'outside', 'Other'));
    expect(await p.isAllowed('/')).toBe(true);
    expect(expectOk(await p.checkAllowed(join(workspace, 'link-out')))).toBe(join(workspace, 'link-out'));
  });

  it('confined (web host): the workspace, folders inside it and paths not created yet are allowed', async () => {
    const p = paths(true);
    expect(expectOk(await p.projectDir(workspace))).toBe(workspace);
    expect(expectOk(await p.projectDir(join(workspace, 'Film')))).toBe(join(workspace, 'Film'));
    expect(expectOk(await p.checkAllowed(join(workspace, 'New', 'Deeper', 'x.shotcanvas')))).toBe(join(workspace, 'New', 'Deeper', 'x.shotcanvas'));
    // A link that stays inside is fine.
    expect(expectOk(await p.projectDir(join(workspace, 'link-in')))).toBe(join(workspace, 'link-in'));
  });

  it('confined: refuses a folder outside with FORBIDDEN naming it and the workspace', async () => {
    const outside = join(tmp(), 'outside', 'Other');
    const error = expectErr(await paths(true).projectDir(outside), 'FORBIDDEN', outside, workspace, /outside the workspace folder/);
    expect(error.where).toBe(outside);
    expect(await paths(true).isAllowed(outside)).toBe(false);
  });

  it('confined: refuses ../ that climbs out and the prefix trick', async () => {
    const p = paths(true);
    expectErr(await p.projectDir(`${workspace}/../outside/Other`), 'FORBIDDEN', join(tmp(), 'outside', 'Other'));
    await mkdir(`${workspace}-evil`);
    expectErr(await p.projectDir(`${workspace}-evil`), 'FORBIDDEN');
  });

  it('confined: refuses a symlink inside the workspace that points outside, and anything under it, even not yet existing', async () => {
    const p = paths(true);
    expectErr(await p.projectDir(join(workspace, 'link-out')), 'FORBIDDEN', join(workspace, 'link-out'));
    expectErr(await p.projectDir(join(workspace, 'link-out', 'Other', 'project.json')), 'FORBIDDEN');
    expectErr(await p.checkAllowed(join(workspace, 'link-out', 'new-folder', 'export.shotcanvas')), 'FORBIDDEN');
  });

  it('confined: follows a workspace setting that moved', async () => {
    const p = paths(true);
    await settings.update({ workspaceDir: join(tmp(), 'outside') });
    expect(expectOk(await p.projectDir(join(tmp(), 'outside', 'Other')))).toBe(join(tmp(), 'outside', 'Other'));
    expectErr(await p.projectDir(join(workspace, 'Film')), 'FORBIDDEN');
  });
});
