import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import type { HostBindings } from '../../../electron/services/mainApiService.ts';
import { createServices } from '../../../electron/services/serviceContainer.ts';
import { moveToWorkspaceTrash } from '../../../electron/services/workspaceTrash.ts';
import type { MainEventName } from '../../../shared/ipc/contract.ts';
import { ok } from '../../../shared/result.ts';
import { CLIENT, OTHER_CLIENT, createInput, expectErr, expectOk } from './support/library.ts';
import { FIXED_NOW } from './support/projectData.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

/** Waits (up to 2 s) until `condition` holds: events are emitted from async service code. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

function services(confineToWorkspace: boolean, ownerTimeoutMs = 30) {
  const workspace = join(tmp(), 'workspace');
  const userData = join(tmp(), 'user-data');
  const host: HostBindings = {
    kind: confineToWorkspace ? 'web' : 'desktop',
    platform: 'linux',
    showOpenDialog: () => Promise.resolve(ok({ path: null })),
    showSaveDialog: () => Promise.resolve(ok({ path: null })),
    openExternal: () => Promise.resolve(),
    browseRoot: () => Promise.resolve(workspace),
  };
  const events: Array<{ event: MainEventName; payload: unknown }> = [];
  const logged: string[] = [];
  const s = createServices({
    fs: nodeFileSystem,
    userDataDir: userData,
    defaultWorkspaceDir: workspace,
    trash: (folder) => moveToWorkspaceTrash(nodeFileSystem, workspace, folder, FIXED_NOW),
    now: () => FIXED_NOW,
    confineToWorkspace,
    host,
    emit: (event, payload) => events.push({ event, payload }),
    log: (message) => logged.push(message),
    ownerTimeoutMs,
    freeSpace: () => Promise.resolve(7e9),
  });
  return { ...s, workspace, userData, events, logged };
}

describe('createServices', () => {
  it('creates projects in the default workspace and keeps app data in the user-data folder', async () => {
    const s = services(false);
    const created = expectOk(await s.api.createProject(createInput('Film')));
    expect(created.path).toBe(join(s.workspace, 'Film'));
    expect(expectOk(await s.api.getHostInfo())).toMatchObject({ kind: 'desktop', workspaceDir: s.workspace });
    expectOk(await s.api.openProject({ path: created.path, clientId: CLIENT }));
    expect(await namesIn(s.userData)).toEqual(['recent-projects.json']);
    expectOk(await s.api.updateSettings({ inspectorWidth: 500 }));
    expect(JSON.parse(await readFile(join(s.userData, 'settings.json'), 'utf8'))).toMatchObject({ inspectorWidth: 500 });
  });

  it('the api, the open projects, the library, the settings and the flush coordinator are the same objects', async () => {
    const s = services(false);
    const created = expectOk(await s.api.createProject(createInput('Film')));
    const id = expectOk(await s.api.openProject({ path: created.path, clientId: CLIENT })).file.projectId;
    expect(s.projects.dirOf(id)).toBe(created.path);
    // The library sees the project as open: it refuses to rename it.
    expectErr(await s.library.rename(created.path, 'Other'), 'CONFLICT');
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

  it('emits owner pings and takeovers: a silent owner loses the project to the second client', async () => {
    const s = services(false);
    const created = expectOk(await s.api.createProject(createInput('Film')));
    const projectId = expectOk(await s.api.openProject({ path: created.path, clientId: CLIENT })).file.projectId;
    expectOk(await s.api.openProject({ path: created.path, clientId: OTHER_CLIENT }));
    expect(s.events.map((e) => e.event)).toEqual(['ownerPing', 'projectTakenOver']);
    expect(s.events[0]!.payload).toMatchObject({ projectId });
    expect(s.events[1]!.payload).toEqual({ projectId, clientId: CLIENT });
  });

  it('a live owner that answers the ping keeps the project', async () => {
    const s = services(false, 10_000);
    const created = expectOk(await s.api.createProject(createInput('Film')));
    const projectId = expectOk(await s.api.openProject({ path: created.path, clientId: CLIENT })).file.projectId;
    const second = s.api.openProject({ path: created.path, clientId: OTHER_CLIENT });
    await until(() => s.events.some((e) => e.event === 'ownerPing'));
    const ping = s.events.find((e) => e.event === 'ownerPing')!.payload as { nonce: string };
    expectOk(await s.api.answerOwnerPing({ projectId, nonce: ping.nonce, clientId: CLIENT }));
    expectErr(await second, 'CONFLICT', /already open in another window/);
    expect(s.events.map((e) => e.event)).toEqual(['ownerPing']);
  });

  it('emits job progress and the finished job, and passes the free-space probe through', async () => {
    const s = services(false);
    const created = expectOk(await s.api.createProject(createInput('Film')));
    const projectId = expectOk(await s.api.openProject({ path: created.path, clientId: CLIENT })).file.projectId;
    const [launch] = expectOk(await s.api.listBackups({ path: created.path }));
    const { jobId } = expectOk(await s.api.restoreBackup({ projectId, clientId: CLIENT, backupId: launch!.id }));
    await until(() => s.events.some((e) => e.event === 'jobFinished'));
    const jobEvents = s.events.filter((e) => e.event === 'jobProgress' || e.event === 'jobFinished');
    expect(jobEvents.at(-1)).toMatchObject({ event: 'jobFinished', payload: { jobId, kind: 'backup-restore', ok: true } });
    expect(jobEvents.some((e) => e.event === 'jobProgress')).toBe(true);
    expect(expectOk(await s.api.getDiskStatus({ path: created.path })).freeBytes).toBe(7e9);
  });
});
