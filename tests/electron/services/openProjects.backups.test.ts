import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import type { LibraryFixture } from './support/library.ts';
import { asClient, createProject, expectErr, expectOk, makeLibrary, openAs } from './support/library.ts';
import { FIXED_NOW, documentData, shot } from './support/projectData.ts';
import { largeProjectData, writeProject } from './support/storeFixture.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const minutes = (n: number) => new Date(FIXED_NOW.getTime() + n * 60_000);
const onDisk = async (dir: string) => expectOk(await readProjectFile(nodeFileSystem, dir));
const noSignal = () => new AbortController().signal;

async function backupText(dir: string, id: string): Promise<string> {
  return gunzipSync(await readFile(join(dir, '.backups', id))).toString('utf8');
}

async function kinds(fx: LibraryFixture, dir: string): Promise<string[]> {
  return expectOk(await fx.projects.listBackups(dir)).map((b) => b.kind);
}

describe('launch backups', () => {
  it('are taken once per process, and again in a new process only when the project changed', async () => {
    let now = minutes(0);
    const fx = await makeLibrary(tmp(), { now: () => now });
    const p = await createProject(fx, 'Film');
    await openAs(fx, p.path);
    expect(await kinds(fx, p.path)).toEqual(['launch']);
    expectOk(await fx.projects.close(asClient(p.projectId!)));
    now = minutes(1);
    await openAs(fx, p.path);
    expect(await kinds(fx, p.path)).toEqual(['launch']);
    expectOk(await fx.projects.close(asClient(p.projectId!)));

    // A new process, nothing changed: no second launch backup.
    now = minutes(2);
    const second = await makeLibrary(tmp(), { now: () => now });
    await openAs(second, p.path);
    expect(await kinds(second, p.path)).toEqual(['launch']);
    expectOk(await second.projects.saveSnapshot({ ...asClient(p.projectId!), revision: 1, data: documentData([shot()], { name: 'Film' }) }));
    expectOk(await second.projects.close(asClient(p.projectId!)));

    // A new process after a change: a new launch backup of the changed state.
    now = minutes(30);
    const third = await makeLibrary(tmp(), { now: () => now });
    await openAs(third, p.path);
    const launches = expectOk(await third.projects.listBackups(p.path)).filter((b) => b.kind === 'launch');
    expect(launches.map((b) => b.revision)).toEqual([1, 0]);
  });
});

describe('OpenProjects.createBackup', () => {
  it('folds the journal into project.json first, so the backup holds the latest acknowledged edit', async () => {
    const fx = await makeLibrary(tmp());
    const dir = join(fx.workspace, 'Epic');
    await mkdir(dir);
    const written = await writeProject(dir, largeProjectData());
    const projectId = (await openAs(fx, dir)).file.projectId;
    const before = await readFile(join(dir, 'project.json'), 'utf8');
    const latest = shot({ title: 'The latest edit', order: 'z' });
    expectOk(await fx.projects.saveChanges({ ...asClient(projectId), baseRevision: 0, revision: 1, puts: [latest], deletes: [], settings: null }));
    // A large project: the save went to the journal only.
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(before);
    expect(await namesIn(dir)).toContain('project.journal');

    const info = expectOk(await fx.projects.createBackup({ ...asClient(projectId), kind: 'pre-bulk-delete', note: 'Before deleting' }));
    expect(info).toMatchObject({ kind: 'pre-bulk-delete', revision: 1, shotCount: written.data.shots.length + 1, note: 'Before deleting' });
    expect(await namesIn(dir)).not.toContain('project.journal');
    const file = await onDisk(dir);
    expect(file.revision).toBe(1);
    expect(await backupText(dir, info.id)).toBe(await readFile(join(dir, 'project.json'), 'utf8'));
    expect(JSON.parse(await backupText(dir, info.id)).data.shots.at(-1)).toEqual(latest);
  });

  it('closing a large project folds its journal too', async () => {
    const fx = await makeLibrary(tmp());
    const dir = join(fx.workspace, 'Epic');
    await mkdir(dir);
    await writeProject(dir, largeProjectData());
    const projectId = (await openAs(fx, dir)).file.projectId;
    expectOk(await fx.projects.saveChanges({ ...asClient(projectId), baseRevision: 0, revision: 1, puts: [shot()], deletes: [], settings: null }));
    await fx.projects.closeAll();
    expect(await namesIn(dir)).not.toContain('project.journal');
    expect((await onDisk(dir)).revision).toBe(1);
  });
});

describe('OpenProjects.restoreBackup', () => {
  async function edited() {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Film');
    const projectId = (await openAs(fx, p.path)).file.projectId;
    const [launch] = expectOk(await fx.projects.listBackups(p.path));
    const kept = shot({ title: 'Added after launch' });
    expectOk(await fx.projects.saveSnapshot({ ...asClient(projectId), revision: 5, data: documentData([kept], { name: 'Film' }) }));
    return { fx, dir: p.path, projectId, launch: launch!, kept };
  }

  it('backs up the current state, then writes the backup’s document at the next revision; restoring that backup undoes it', async () => {
    const { fx, dir, projectId, launch, kept } = await edited();
    const steps: string[] = [];
    const ack = expectOk(await fx.projects.restoreBackup({ ...asClient(projectId), backupId: launch.id }, noSignal(), (done, total, phase) => steps.push(`${done}/${total} ${phase}`)));
    expect(ack.revision).toBe(6);
    expect(steps).toEqual(['0/3 Reading the backup', '1/3 Saving the current state as a backup', '2/3 Restoring', '3/3 Done']);
    const restored = await onDisk(dir);
    expect(restored.revision).toBe(6);
    expect(restored.data.shots).toEqual([]);
    expect(restored.data.tombstones.map((t) => t.id)).toEqual([kept.id]);

    const preRestore = expectOk(await fx.projects.listBackups(dir)).find((b) => b.kind === 'pre-restore')!;
    expect(preRestore).toMatchObject({ revision: 5, shotCount: 1, note: `before restoring ${launch.createdAt}` });

    const undone = expectOk(await fx.projects.restoreBackup({ ...asClient(projectId), backupId: preRestore.id }, noSignal(), () => undefined));
    expect(undone.revision).toBe(7);
    const back = await onDisk(dir);
    expect(back.data.shots).toEqual([kept]);
    expect(back.data.tombstones).toEqual([]);
  });

  it('an already-cancelled restore changes nothing', async () => {
    const { fx, dir, projectId, launch } = await edited();
    const controller = new AbortController();
    controller.abort();
    const before = await snapshotTree(dir);
    expectErr(await fx.projects.restoreBackup({ ...asClient(projectId), backupId: launch.id }, controller.signal, () => undefined), 'CANCELLED', /nothing was changed/);
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('refuses an unknown or malformed backup id and a project that is not open, changing nothing', async () => {
    const { fx, dir, projectId } = await edited();
    const before = await snapshotTree(dir);
    expectErr(await fx.projects.restoreBackup({ ...asClient(projectId), backupId: '20200101T000000000Z_auto_r1.json.gz' }, noSignal(), () => undefined), 'NOT_FOUND');
    expectErr(await fx.projects.restoreBackup({ ...asClient(projectId), backupId: '../project.json' }, noSignal(), () => undefined), 'INVALID_ARGUMENT');
    const stranger = '11111111-2222-4333-8444-555555555555' as ProjectId;
    expectErr(await fx.projects.restoreBackup({ ...asClient(stranger), backupId: 'x' }, noSignal(), () => undefined), 'NOT_FOUND');
    expect(await snapshotTree(dir)).toEqual(before);
  });
});
