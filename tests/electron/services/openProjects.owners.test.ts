import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import type { SaveChangesInput } from '../../../shared/ipc/contract.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import { CLIENT, OTHER_CLIENT, asClient, createProject, expectErr, expectOk, makeLibrary, openAs } from './support/library.ts';
import { shot } from './support/projectData.ts';
import { snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

async function openedBy(clientId: string) {
  const fx = await makeLibrary(tmp());
  const p = await createProject(fx, 'Film');
  const projectId = (await openAs(fx, p.path, clientId)).file.projectId;
  return { fx, dir: p.path, projectId };
}

const changes = (projectId: ProjectId, clientId: string, baseRevision: number): SaveChangesInput => ({
  ...asClient(projectId, clientId),
  baseRevision,
  revision: baseRevision + 1,
  puts: [shot()],
  deletes: [],
  settings: null,
});

describe('one writer per project', () => {
  it('a second client is refused with CONFLICT while the owner answers its ping', async () => {
    const { fx, dir, projectId } = await openedBy(CLIENT);
    fx.liveClients.add(CLIENT);
    fx.liveClients.add(OTHER_CLIENT);
    expectErr(await fx.projects.openProject(dir, OTHER_CLIENT), 'CONFLICT', '"Film" is already open in another window or tab');
    expect(fx.pings).toEqual([{ projectId, nonce: expect.any(String) }]);
    expect(fx.takeovers).toEqual([]);
    // The owner keeps saving; the refused client cannot.
    expectOk(await fx.projects.saveChanges(changes(projectId, CLIENT, 0)));
    expectErr(await fx.projects.saveChanges(changes(projectId, OTHER_CLIENT, 1)), 'CONFLICT');
    expect(expectOk(await readProjectFile(nodeFileSystem, dir)).revision).toBe(1);
  });

  it('only the owner’s own answer counts: another live window cannot vouch for it', async () => {
    const { fx, dir } = await openedBy(CLIENT);
    fx.liveClients.add('bystander-tab');
    expectOk(await fx.projects.openProject(dir, OTHER_CLIENT));
    expect(fx.takeovers).toHaveLength(1);
  });

  it('a silent owner (closed or crashed tab) is taken over: it is told, and its saves are refused', async () => {
    const { fx, dir, projectId } = await openedBy(CLIENT);
    const taken = await openAs(fx, dir, OTHER_CLIENT);
    expect(taken.file.projectId).toBe(projectId);
    expect(taken.notices).toEqual([]);
    expect(fx.pings).toHaveLength(1);
    expect(fx.takeovers).toEqual([{ projectId, clientId: CLIENT }]);

    const before = await snapshotTree(tmp());
    expectErr(await fx.projects.saveChanges(changes(projectId, CLIENT, 0)), 'CONFLICT', /another window or tab/, /Reopen it here/);
    expectErr(
      await fx.projects.saveSnapshot({
        ...asClient(projectId, CLIENT),
        revision: 5,
        data: { settings: taken.file.data.settings, shots: [], scenes: [], notes: [], arrows: [], takes: [] },
      }),
      'CONFLICT',
    );
    expectErr(await fx.projects.createBackup({ ...asClient(projectId, CLIENT), kind: 'pre-import', note: null }), 'CONFLICT');
    expect(await snapshotTree(tmp())).toEqual(before);

    // The old owner closing its tab does not close the project for the new one.
    expectOk(await fx.projects.close(asClient(projectId, CLIENT)));
    expect(fx.projects.isOpenAt(dir)).toBe(true);
    expect(expectOk(await fx.projects.saveChanges(changes(projectId, OTHER_CLIENT, 0))).revision).toBe(1);
    expect(expectOk(await readProjectFile(nodeFileSystem, dir)).revision).toBe(1);
  });

  it('the same client reopening (a page reload) continues without a ping', async () => {
    const { fx, dir, projectId } = await openedBy(CLIENT);
    expectOk(await fx.projects.saveChanges(changes(projectId, CLIENT, 0)));
    const again = await openAs(fx, dir, CLIENT);
    expect(again.file.revision).toBe(1);
    expect(fx.pings).toEqual([]);
    expect(fx.takeovers).toEqual([]);
  });
});

describe('ownedDir (writes beside the store, such as media import)', () => {
  it('gives the folder to the owner only: CONFLICT for another client, NOT_FOUND once closed', async () => {
    const { fx, dir, projectId } = await openedBy(CLIENT);
    expect(expectOk(fx.projects.ownedDir(projectId, CLIENT))).toBe(dir);
    expectErr(fx.projects.ownedDir(projectId, OTHER_CLIENT), 'CONFLICT', /another window or tab/);
    expectOk(await fx.projects.close(asClient(projectId)));
    expectErr(fx.projects.ownedDir(projectId, CLIENT), 'NOT_FOUND', /not open/);
  });

  it('follows a takeover: the new owner gets the folder, the old one is refused', async () => {
    const { fx, dir, projectId } = await openedBy(CLIENT);
    await openAs(fx, dir, OTHER_CLIENT);
    expect(expectOk(fx.projects.ownedDir(projectId, OTHER_CLIENT))).toBe(dir);
    expectErr(fx.projects.ownedDir(projectId, CLIENT), 'CONFLICT');
  });
});
