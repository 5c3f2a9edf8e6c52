import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import type { HostBindings } from '../../../electron/services/mainApiService.ts';
import { createServices } from '../../../electron/services/serviceContainer.ts';
import { moveToWorkspaceTrash } from '../../../electron/services/workspaceTrash.ts';
import { ok } from '../../../shared/result.ts';
import { createInput, expectErr, expectOk } from './support/library.ts';
import { FIXED_NOW } from './support/projectData.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

function services(confineToWorkspace: boolean) {
  const workspace = join(tmp(), 'workspace');
  const userData = join(tmp(), 'user-data');
  const host: HostBindings = {
    kind: confineToWorkspace ? 'web' : 'desktop',
    platform: 'linux',
    showOpenDialog: () => Promise.resolve(ok({ path: null })),
    openExternal: () => Promise.resolve(),
    browseRoot: () => Promise.resolve(workspace),
  };
  const s = createServices({
    fs: nodeFileSystem,
    userDataDir: userData,
    defaultWorkspaceDir: workspace,
    trash: (folder) => moveToWorkspaceTrash(nodeFileSystem, workspace, folder, FIXED_NOW),
    now: () => FIXED_NOW,
    confineToWorkspace,
    host,
  });
  return { ...s, workspace, userData };
}

describe('createServices', () => {
  it('creates projects in the default workspace and keeps app data in the user-data folder', async () => {
    const s = services(false);
    const created = expectOk(await s.api.createProject(createInput('Film')));
    expect(created.path).toBe(join(s.workspace, 'Film'));
    expect(expectOk(await s.api.getHostInfo())).toMatchObject({ kind: 'desktop', workspaceDir: s.workspace });
    expectOk(await s.api.openProject({ path: created.path }));
    expect(await namesIn(s.userData)).toEqual(['recent-projects.json']);
    expectOk(await s.api.updateSettings({ inspectorWidth: 500 }));
    expect(JSON.parse(await readFile(join(s.userData, 'settings.json'), 'utf8'))).toMatchObject({ inspectorWidth: 500 });
  });

  it('the api, the library, the settings and the flush coordinator are the same objects', async () => {
    const s = services(false);
    const created = expectOk(await s.api.createProject(createInput('Film')));
    const id = expectOk(await s.api.openProject({ path: created.path })).file.projectId;
    expect(s.library.openProjectDir(id)).toBe(created.path);
    await s.settings.update({ showInspector: false });
    expect(expectOk(await s.api.getSettings()).showInspector).toBe(false);
    let requestId = '';
    const pending = s.flush.request((rid) => (requestId = rid), 10_000);
    expectOk(await s.api.acknowledgeFlush({ requestId, saved: false }));
    await expect(pending).resolves.toBe(false);
  });

  it('passes the trash function through (web host: the workspace .trash folder)', async () => {
    const s = services(true);
    const created = expectOk(await s.api.createProject(createInput('Film')));
    const location = expectOk(await s.api.trashProject({ path: created.path })).location;
    expect(location.startsWith(join(s.workspace, '.trash'))).toBe(true);
    expect(await namesIn(join(s.workspace, '.trash'))).toHaveLength(1);
  });

  it('passes confinement through: a confined host refuses a folder outside the workspace', async () => {
    const outside = join(tmp(), 'outside');
    await mkdir(outside);
    expectErr(await services(true).api.createProject(createInput('Film', { parentDir: outside })), 'FORBIDDEN');
    expect(await namesIn(outside)).toEqual([]);
    expectOk(await services(false).api.createProject(createInput('Film', { parentDir: outside })));
    expect(await namesIn(outside)).toEqual(['Film']);
  });
});
