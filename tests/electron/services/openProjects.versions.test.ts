import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../../../electron/services/contentHash.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import { PROJECT_SCHEMA_VERSION } from '../../../shared/model/projectFile.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { CLIENT, asClient, expectErr, expectOk, makeLibrary, openAs } from './support/library.ts';
import { documentData, projectData, shot } from './support/projectData.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'project-files');
/** A schema this build does not know yet. */
const NEWER = PROJECT_SCHEMA_VERSION + 1;

/** A project folder whose project.json is the golden format-1 fixture, byte for byte. */
async function v1Project(root: string) {
  const dir = join(root, 'workspace', 'Harbour');
  await mkdir(dir, { recursive: true });
  await copyFile(join(FIXTURES, 'v1.json'), join(dir, 'project.json'));
  return { dir, text: await readFile(join(dir, 'project.json'), 'utf8') };
}

/** A project.json written by a newer app (format NEWER) with a collection this build does not know. */
async function newerProject(root: string, minReaderVersion: string) {
  const dir = join(root, 'workspace', 'Future');
  await mkdir(dir, { recursive: true });
  const data = { ...projectData([shot({ title: 'From the future' })], { name: 'Future' }), futureThings: [{ id: 'x', kind: 'lens-kit' }] };
  const raw = {
    format: 'shotcanvas.project',
    schemaVersion: NEWER,
    projectId: '6a1e2b3c-4d5e-4f60-8172-8394a5b6c7d8',
    writtenBy: { app: 'Shotcanvas', version: '0.5.0' },
    minReaderVersion,
    revision: 40,
    savedAt: '2026-01-01T00:00:00.000Z',
    contentHash: contentHashOf(data),
    data,
  };
  const text = `${JSON.stringify(raw, null, 1)}\n`;
  await writeFile(join(dir, 'project.json'), text);
  return { dir, text };
}

describe('opening a project written in an older format', () => {
  it('migrates it to the current format on disk after keeping the original as a pre-migration backup', async () => {
    const fx = await makeLibrary(tmp());
    const { dir, text } = await v1Project(tmp());
    const opened = await openAs(fx, dir);
    expect(opened.notices).toEqual([`Upgraded the project format from 1 to ${PROJECT_SCHEMA_VERSION}; the original is kept in Project history.`]);
    expect(opened.readOnly).toBeNull();
    // The golden fixture of the current format is the exact migration of v1.json.
    const current = JSON.parse(await readFile(join(FIXTURES, `v${PROJECT_SCHEMA_VERSION}.json`), 'utf8')) as { data: unknown; revision: number; projectId: string };
    const onDisk = expectOk(await readProjectFile(nodeFileSystem, dir));
    expect(onDisk.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'))).toMatchObject({ schemaVersion: PROJECT_SCHEMA_VERSION });
    expect(onDisk.data).toEqual(current.data);
    expect(onDisk.revision).toBe(current.revision);
    expect(onDisk.projectId).toBe(current.projectId);
    expect(opened.file).toEqual(onDisk);

    const backups = expectOk(await fx.projects.listBackups(dir));
    const preMigration = backups.find((b) => b.kind === 'pre-migration');
    expect(preMigration).toMatchObject({ schemaVersion: 1, revision: 12, shotCount: 3, note: 'project format 1' });
    const stored = gunzipSync(await readFile(join(dir, '.backups', preMigration!.id))).toString('utf8');
    expect(stored).toBe(text);
  });

  it('opening the migrated project again migrates nothing and takes no second pre-migration backup', async () => {
    const fx = await makeLibrary(tmp());
    const { dir } = await v1Project(tmp());
    const first = await openAs(fx, dir);
    expectOk(await fx.projects.close(asClient(first.file.projectId)));
    const again = await openAs(fx, dir);
    expect(again.notices).toEqual([]);
    expect(expectOk(await fx.projects.listBackups(dir)).filter((b) => b.kind === 'pre-migration')).toHaveLength(1);
  });

  it('refuses to migrate when the pre-migration backup cannot be written, leaving the old file as it was', async () => {
    const { dir, text } = await v1Project(tmp());
    const fs = faultyFs({
      rename: (async (from: string, to: string) => {
        if (to.includes('.backups')) throw fsError('ENOSPC', 'rename', from);
        return nodeFileSystem.rename(from, to);
      }) as never,
    });
    const fx = await makeLibrary(tmp(), { fs });
    expectErr(await fx.projects.openProject(dir, CLIENT), 'NO_SPACE', /disk is full/, dir);
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(text);
    expect(fx.projects.isOpenAt(dir)).toBe(false);
  });
});

describe('opening a project written by a newer version', () => {
  it('opens it read-only when allowed, refuses every save, and never changes project.json', async () => {
    const fx = await makeLibrary(tmp());
    const { dir, text } = await newerProject(tmp(), '0.1.0');
    const opened = await openAs(fx, dir);
    expect(opened.readOnly).toContain(`Shotcanvas 0.5.0 (project format ${NEWER})`);
    expect(opened.readOnly).toMatch(/read-only/);
    expect(opened.file.data.shots.map((s) => s.title)).toEqual(['From the future']);
    expect(opened.file.revision).toBe(40);
    const client = asClient(opened.file.projectId);
    const before = await snapshotTree(dir);
    expectErr(await fx.projects.saveChanges({ ...client, baseRevision: 40, revision: 41, puts: [shot()], deletes: [], settings: null }), 'READ_ONLY', /read-only/);
    expectErr(await fx.projects.saveSnapshot({ ...client, revision: 41, data: documentData([]) }), 'READ_ONLY');
    expectErr(await fx.projects.createBackup({ ...client, kind: 'pre-import', note: null }), 'READ_ONLY');
    expectErr(await fx.projects.restoreBackup({ ...client, backupId: 'x' }, new AbortController().signal, () => undefined), 'READ_ONLY');
    // Media import writes beside the store: refused too.
    expectErr(fx.projects.ownedDir(client.projectId, CLIENT), 'READ_ONLY', /read-only/);
    expectOk(await fx.projects.close(client));
    await fx.projects.closeAll();
    expect(await snapshotTree(dir)).toEqual(before);
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(text);
    // Not even a launch backup: the folder is not ours to write.
    expect(await namesIn(dir)).toEqual(['project.json']);
  });

  it('refuses it with NEWER_VERSION when its minReaderVersion is above this app, changing nothing', async () => {
    const fx = await makeLibrary(tmp());
    const { dir } = await newerProject(tmp(), '99.0.0');
    const before = await snapshotTree(tmp());
    expectErr(await fx.projects.openProject(dir, CLIENT), 'NEWER_VERSION', 'needs Shotcanvas 99.0.0 or later', /Update Shotcanvas/);
    expect(fx.projects.isOpenAt(dir)).toBe(false);
    expect(await snapshotTree(tmp())).toEqual(before);
  });
});
