import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import { encodeJournalLine, journalPath } from '../../../electron/services/projectJournal.ts';
import type { ShotId } from '../../../shared/ids.ts';
import { CLIENT, asClient, createProject, expectErr, expectOk, makeLibrary, openAs } from './support/library.ts';
import { FIXED_NOW, documentData, shot } from './support/projectData.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

/** A project with one saved shot, closed, whose project.json was then cut short (a dying disk). */
async function damaged() {
  const fx = await makeLibrary(tmp());
  const p = await createProject(fx, 'Film');
  const projectId = (await openAs(fx, p.path)).file.projectId;
  expectOk(await fx.projects.saveSnapshot({ ...asClient(projectId), revision: 1, data: documentData([shot({ title: 'Saved' })], { name: 'Film' }) }));
  expectOk(await fx.projects.close(asClient(projectId)));
  const path = join(p.path, 'project.json');
  const damagedText = (await readFile(path, 'utf8')).slice(0, 200);
  await writeFile(path, damagedText);
  return { fx, dir: p.path, projectId, damagedText };
}

describe('OpenProjects.recoverProject', () => {
  it('keeps the damaged project.json aside byte for byte and puts the chosen backup in its place', async () => {
    const { fx, dir, damagedText } = await damaged();
    expectErr(await fx.projects.openProject(dir, CLIENT), 'INVALID_PROJECT_FILE', /not valid JSON/);
    const backups = expectOk(await fx.projects.listBackups(dir));
    const chosen = backups.find((b) => b.kind === 'auto') ?? backups[0]!;
    const recovered = expectOk(await fx.projects.recoverProject(dir, chosen.id));
    const stamp = FIXED_NOW.toISOString().replace(/[:.]/g, '-');
    expect(recovered).toEqual({ path: dir, damagedFileKeptAs: join(dir, `project.corrupt-${stamp}.json`) });
    expect(await readFile(recovered.damagedFileKeptAs, 'utf8')).toBe(damagedText);
    const backupText = gunzipSync(await readFile(join(dir, '.backups', chosen.id))).toString('utf8');
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(backupText);
    const opened = await openAs(fx, dir);
    expect(opened.file.revision).toBe(chosen.revision);
    expect(opened.file.data.shots).toHaveLength(chosen.shotCount);
  });

  it('is refused while the project is open, changing nothing', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Open');
    await openAs(fx, p.path);
    const [launch] = expectOk(await fx.projects.listBackups(p.path));
    const before = await snapshotTree(tmp());
    expectErr(await fx.projects.recoverProject(p.path, launch!.id), 'CONFLICT', /Close the project before recovering it/);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses a damaged or unknown backup, changing nothing', async () => {
    const { fx, dir } = await damaged();
    const [first] = expectOk(await fx.projects.listBackups(dir));
    const broken = gunzipSync(await readFile(join(dir, '.backups', first!.id))).toString('utf8').replace('"Film"', '"Edited"');
    await writeFile(join(dir, '.backups', first!.id), gzipSync(broken));
    const before = await snapshotTree(tmp());
    expectErr(await fx.projects.recoverProject(dir, first!.id), 'INVALID_PROJECT_FILE');
    expectErr(await fx.projects.recoverProject(dir, '20200101T000000000Z_auto_r1.json.gz'), 'NOT_FOUND');
    expectErr(await fx.projects.recoverProject(dir, 'project.json'), 'INVALID_ARGUMENT');
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('is confined to the workspace on the web host', async () => {
    const fx = await makeLibrary(tmp(), { confineToWorkspace: true });
    const outside = join(tmp(), 'outside', 'Film');
    expectErr(await fx.projects.recoverProject(outside, '20200101T000000000Z_auto_r1.json.gz'), 'FORBIDDEN');
    expectErr(await fx.projects.listBackups(outside), 'FORBIDDEN');
    expect(await namesIn(join(tmp(), 'outside'))).toEqual([]);
  });
});

describe('journal replay on open', () => {
  const journaled = shot({ id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' as ShotId, title: 'Saved just before a crash' });

  it('recovers acknowledged edits an interrupted session left in the journal, folds them in and says so', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Film');
    await writeFile(journalPath(p.path), encodeJournalLine({ baseRevision: 0, revision: 1, at: FIXED_NOW.toISOString(), puts: [journaled], deletes: [], settings: null }));
    const opened = await openAs(fx, p.path);
    expect(opened.notices).toEqual(['Recovered 1 saved change that an interrupted session had not folded into project.json yet.']);
    expect(opened.file.revision).toBe(1);
    expect(opened.file.data.shots).toEqual([journaled]);
    expect(await namesIn(p.path)).not.toContain('project.journal');
    expect(expectOk(await readProjectFile(nodeFileSystem, p.path)).data.shots).toEqual([journaled]);
  });

  it('logs a torn last line, keeps everything before it and drops only the unacknowledged rest', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Film');
    const good = encodeJournalLine({ baseRevision: 0, revision: 1, at: FIXED_NOW.toISOString(), puts: [journaled], deletes: [], settings: null });
    const torn = encodeJournalLine({ baseRevision: 1, revision: 2, at: FIXED_NOW.toISOString(), puts: [shot()], deletes: [], settings: null });
    await writeFile(journalPath(p.path), good + torn.slice(0, 50));
    const opened = await openAs(fx, p.path);
    expect(opened.file.revision).toBe(1);
    expect(opened.file.data.shots).toEqual([journaled]);
    expect(fx.logged).toEqual([`journal of ${p.path}: the last change was cut short by a crash (it was never acknowledged)`]);
    // Folded: new appends never follow the torn line.
    expect(await namesIn(p.path)).not.toContain('project.journal');
  });
});
