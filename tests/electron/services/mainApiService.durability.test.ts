import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_FREE_BYTES } from '../../../electron/services/diskSpace.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import { CLIENT, createInput, expectErr, expectOk } from './support/library.ts';
import { makeMainApi } from './support/mainApiFixture.ts';
import { FIXED_NOW, documentData, shot } from './support/projectData.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

async function openFilm(options: { confineToWorkspace?: boolean } = {}) {
  const fx = await makeMainApi(tmp(), options);
  const created = expectOk(await fx.api.createProject(createInput('Film')));
  const opened = expectOk(await fx.api.openProject({ path: created.path, clientId: CLIENT }));
  const client = { projectId: opened.file.projectId, clientId: CLIENT };
  return { ...fx, dir: created.path, client };
}

describe('createMainApi: saving and ownership', () => {
  it('saveChanges reaches the open project and is on disk when acknowledged', async () => {
    const { api, dir, client } = await openFilm();
    const added = shot({ title: 'Added' });
    const ack = expectOk(await api.saveChanges({ ...client, baseRevision: 0, revision: 1, puts: [added], deletes: [], settings: null }));
    expect(ack).toEqual({ revision: 1, savedAt: FIXED_NOW.toISOString() });
    expect(expectOk(await readProjectFile(nodeFileSystem, dir)).data.shots).toEqual([added]);
    expectErr(await api.saveChanges({ ...client, baseRevision: 0, revision: 2, puts: [], deletes: [], settings: null }), 'CONFLICT', /revision 1, not 0/);
  });

  it('answerOwnerPing answers main on behalf of the owner; answers from anyone else do not count', async () => {
    const { api, owners, pings, client } = await openFilm();
    const alive = owners.isAlive(client.projectId, CLIENT, 5_000);
    expect(pings).toHaveLength(1);
    expectOk(await api.answerOwnerPing({ projectId: client.projectId, nonce: pings[0]!.nonce, clientId: CLIENT }));
    await expect(alive).resolves.toBe(true);
    const silent = owners.isAlive(client.projectId, CLIENT, 30);
    expectOk(await api.answerOwnerPing({ projectId: client.projectId, nonce: pings[1]!.nonce, clientId: 'impostor-tab' }));
    await expect(silent).resolves.toBe(false);
  });
});

describe('createMainApi: backups', () => {
  it('listBackups shows the launch backup; createBackup adds a named one', async () => {
    const { api, dir, client } = await openFilm();
    expect(expectOk(await api.listBackups({ path: dir })).map((b) => b.kind)).toEqual(['launch']);
    const made = expectOk(await api.createBackup({ ...client, kind: 'pre-bulk-delete', note: 'Before deleting 3 shots' }));
    expect(made).toMatchObject({ kind: 'pre-bulk-delete', note: 'Before deleting 3 shots', revision: 0, shotCount: 0 });
    expect(expectOk(await api.listBackups({ path: dir })).map((b) => b.id)).toContain(made.id);
  });

  it('restoreBackup runs as a job that reports progress and finishes with the new revision', async () => {
    const { api, dir, client, progress, finishedJob } = await openFilm();
    const launch = expectOk(await api.listBackups({ path: dir }))[0]!;
    expectOk(await api.saveSnapshot({ ...client, revision: 3, data: documentData([shot()], { name: 'Film' }) }));
    const started = expectOk(await api.restoreBackup({ ...client, backupId: launch.id }));
    expect(started.targetPath).toBeNull();
    const summary = await finishedJob(started.jobId);
    expect(summary).toMatchObject({ jobId: started.jobId, kind: 'backup-restore', ok: true, error: null, value: { revision: 4 } });
    expect(progress.filter((p) => p.jobId === started.jobId).at(-1)).toMatchObject({ done: 3, total: 3, kind: 'backup-restore' });
    expect(expectOk(await readProjectFile(nodeFileSystem, dir)).data.shots).toEqual([]);
  });

  it('cancelJob stops a restore before it changes anything; an unknown job is not cancelled', async () => {
    const { api, dir, client, finishedJob } = await openFilm();
    const launch = expectOk(await api.listBackups({ path: dir }))[0]!;
    const before = await snapshotTree(dir);
    const started = expectOk(await api.restoreBackup({ ...client, backupId: launch.id }));
    expect(expectOk(await api.cancelJob({ jobId: started.jobId }))).toEqual({ cancelled: true });
    const summary = await finishedJob(started.jobId);
    expect(summary.ok).toBe(false);
    expect(summary.error?.code).toBe('CANCELLED');
    expect(await snapshotTree(dir)).toEqual(before);
    expect(expectOk(await api.cancelJob({ jobId: started.jobId }))).toEqual({ cancelled: false });
  });

  it('recoverProject is refused while the project is open', async () => {
    const { api, dir } = await openFilm();
    const launch = expectOk(await api.listBackups({ path: dir }))[0]!;
    expectErr(await api.recoverProject({ path: dir, backupId: launch.id }), 'CONFLICT', /Close the project/);
  });
});

describe('createMainApi: disk space', () => {
  it('getDiskStatus reports free space and warns below twice the safety margin', async () => {
    const { api, dir, free } = await openFilm();
    expect(expectOk(await api.getDiskStatus({ path: dir }))).toEqual({ path: dir, freeBytes: 1e12, low: false, message: null });
    free.bytes = MIN_FREE_BYTES;
    const low = expectOk(await api.getDiskStatus({ path: dir }));
    expect(low.low).toBe(true);
    expect(low.message).toContain(dir);
    expect(low.message).toMatch(/512 MB free/);
    free.fail = true;
    expectErr(await api.getDiskStatus({ path: dir }), 'IO_ERROR', /free space/, dir);
  });

  it('a confined host refuses paths outside the workspace', async () => {
    const { api } = await openFilm({ confineToWorkspace: true });
    expectErr(await api.getDiskStatus({ path: tmp() }), 'FORBIDDEN');
    expectErr(await api.listBackups({ path: join(tmp(), 'elsewhere') }), 'FORBIDDEN');
    expectErr(await api.exportBundle({ path: join(tmp(), 'elsewhere') }), 'FORBIDDEN');
    expectErr(await api.importBundle({ bundlePath: join(tmp(), 'x.shotcanvas') }), 'FORBIDDEN');
  });
});

describe('createMainApi: bundles', () => {
  it('exportBundle writes to <project>/exports by default, after folding pending edits; importBundle makes a new project from it', async () => {
    const { api, dir, client, workspace, finishedJob } = await openFilm({ confineToWorkspace: true });
    const added = shot({ title: 'In the bundle' });
    expectOk(await api.saveChanges({ ...client, baseRevision: 0, revision: 1, puts: [added], deletes: [], settings: null }));
    const exported = expectOk(await api.exportBundle({ path: dir }));
    expect(exported.targetPath).toBe(join(dir, 'exports', `Film ${FIXED_NOW.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-')}.shotcanvas`));
    const exportSummary = await finishedJob(exported.jobId);
    expect(exportSummary.error).toBeNull();
    expect(await namesIn(join(dir, 'exports'))).toEqual([exported.targetPath!.slice(join(dir, 'exports').length + 1)]);
    const imported = expectOk(await api.importBundle({ bundlePath: exported.targetPath!, name: 'Film imported' }));
    const importSummary = await finishedJob(imported.jobId);
    expect(importSummary.error).toBeNull();
    const copy = expectOk(await readProjectFile(nodeFileSystem, join(workspace, 'Film imported')));
    expect(copy.data.shots).toEqual([added]);
    expect(copy.projectId).not.toBe(client.projectId as ProjectId);
  });
});
