import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectDb } from '../../../renderer/db/projectDb.ts';
import { documentFromFile, loadProjectDocument } from '../../../renderer/db/projectLoader.ts';
import { MIN_READER_VERSION } from '../../../shared/appInfo.ts';
import { PROJECT_SCHEMA_VERSION } from '../../../shared/model/projectFile.ts';
import type { ProjectFile } from '../../../shared/model/projectFile.ts';
import { allRecords } from '../../../shared/model/documentData.ts';
import { arrow, note, projectData, projectFile, scene, settings, shot } from '../../shared/fixtures.ts';
import { freshDb } from './testDb.ts';

const FOLDER = '/home/me/Shotcanvas/Teaser';
const opened: ProjectDb[] = [];

function dbFor(file: ProjectFile, factory?: IDBFactory): ProjectDb {
  const db = freshDb(file.projectId, factory);
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A format-3 file with a record of every kind. */
function fileOfEveryKind(revision: number): ProjectFile {
  const s = shot({ title: 'From the folder' });
  const n = note({ text: 'folder note' });
  return projectFile({ revision, data: projectData([s, shot()], {}, [], { scenes: [scene()], notes: [n], arrows: [arrow(s.id, n.id)] }) });
}

/** Seeds the database as a previous session would have left it: one record of every kind. */
async function seed(db: ProjectDb, revision: number, folderPath = FOLDER, schemaVersion = PROJECT_SCHEMA_VERSION, minReaderVersion = MIN_READER_VERSION) {
  const s = shot({ title: 'From IndexedDB' });
  const n = note({ text: 'From IndexedDB' });
  const rows = [s, scene({ title: 'From IndexedDB' }), n, arrow(s.id, n.id)];
  const stored = settings({ name: 'Stored name' });
  for (const row of rows) await db.tableFor(row.kind).put(row);
  await db.meta.put({ key: 'state', revision, folderPath, settings: stored, schemaVersion, minReaderVersion });
  return { rows, stored };
}

describe('loadProjectDocument', () => {
  it('rebuilds an empty database from the folder', async () => {
    const file = fileOfEveryKind(4);
    const db = dbFor(file);
    const loaded = await loadProjectDocument(db, file, FOLDER);
    await loaded.rebuild;
    expect(loaded).toMatchObject({ source: 'folder', revision: 4, aheadOfFolder: false, settings: file.data.settings });
    expect(loaded.reason).toMatch(/empty/);
    expect(loaded.records).toEqual(allRecords(file.data));
    expect(await db.meta.get('state')).toEqual({
      key: 'state',
      revision: 4,
      folderPath: FOLDER,
      settings: file.data.settings,
      schemaVersion: PROJECT_SCHEMA_VERSION,
      minReaderVersion: MIN_READER_VERSION,
    });
    expect((await db.shots.toArray()).map((s) => s.id).sort()).toEqual(file.data.shots.map((s) => s.id).sort());
    // Every kind lands in its own table.
    expect(await db.scenes.toArray()).toEqual(file.data.scenes);
    expect(await db.notes.toArray()).toEqual(file.data.notes);
    expect(await db.arrows.toArray()).toEqual(file.data.arrows);
  });

  it('keeps the database when it is at the same revision: no rebuild, the document comes from the file already in memory', async () => {
    const file = projectFile({ revision: 7 });
    const db = dbFor(file);
    const { rows } = await seed(db, 7);
    const loaded = await loadProjectDocument(db, file, FOLDER);
    await loaded.rebuild;
    // Same revision means same content (every edit bumps the revision), so the parsed file is used
    // rather than reading every table back: that is what makes a 10,000-shot project open fast.
    expect(loaded).toEqual({ ...documentFromFile(file), source: 'indexeddb' });
    expect(loaded.rebuild).toBeNull();
    for (const row of rows) expect(await db.tableFor(row.kind).get(row.id)).toEqual(row);
  });

  it('rebuilds a database that is behind the file, replacing every row of every kind', async () => {
    const file = fileOfEveryKind(9);
    const db = dbFor(file);
    const { rows } = await seed(db, 8);
    const loaded = await loadProjectDocument(db, file, FOLDER);
    await loaded.rebuild;
    expect(loaded.source).toBe('folder');
    expect(loaded.reason).toMatch(/newer/);
    expect(loaded.revision).toBe(9);
    for (const row of rows) expect(await db.tableFor(row.kind).get(row.id)).toBeUndefined();
    expect(await db.shots.count()).toBe(file.data.shots.length);
    expect((await db.scenes.toArray()).map((r) => r.id)).toEqual(file.data.scenes.map((r) => r.id));
    expect((await db.notes.toArray()).map((r) => r.id)).toEqual(file.data.notes.map((r) => r.id));
    expect((await db.arrows.toArray()).map((r) => r.id)).toEqual(file.data.arrows.map((r) => r.id));
    expect((await db.meta.get('state'))?.revision).toBe(9);
  });

  it('reports a database ahead of the folder so its edits get committed', async () => {
    const file = projectFile({ revision: 3 });
    const db = dbFor(file);
    const { rows } = await seed(db, 5);
    const loaded = await loadProjectDocument(db, file, FOLDER);
    await loaded.rebuild;
    expect(loaded).toMatchObject({ source: 'indexeddb', revision: 5, aheadOfFolder: true, records: rows });
  });

  it('rebuilds a database that belongs to another folder (a copied project)', async () => {
    const file = projectFile({ revision: 2 });
    const db = dbFor(file);
    await seed(db, 50, '/home/me/Shotcanvas/Teaser copy');
    const loaded = await loadProjectDocument(db, file, FOLDER);
    await loaded.rebuild;
    expect(loaded).toMatchObject({ source: 'folder', revision: 2, aheadOfFolder: false });
    expect(loaded.reason).toMatch(/another folder/);
    expect((await db.meta.get('state'))?.folderPath).toBe(FOLDER);
  });

  it('rebuilds a database written in another schema version', async () => {
    const file = projectFile({ revision: 2 });
    const db = dbFor(file);
    await seed(db, 2, FOLDER, PROJECT_SCHEMA_VERSION + 1);
    const loaded = await loadProjectDocument(db, file, FOLDER);
    await loaded.rebuild;
    expect(loaded.source).toBe('folder');
    expect(loaded.reason).toMatch(/schema version/);
    expect((await db.meta.get('state'))?.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
  });

  it('rebuilds a database whose rows a newer app wrote (its minReaderVersion is above this app)', async () => {
    const file = projectFile({ revision: 2 });
    const db = dbFor(file);
    const { rows } = await seed(db, 5, FOLDER, PROJECT_SCHEMA_VERSION, '99.0.0');
    const loaded = await loadProjectDocument(db, file, FOLDER);
    await loaded.rebuild;
    expect(loaded).toMatchObject({ source: 'folder', revision: 2, aheadOfFolder: false });
    expect(loaded.reason).toMatch(/newer version of Shotcanvas/);
    expect(await db.shots.get(rows[0]!.id)).toBeUndefined();
    expect((await db.meta.get('state'))?.minReaderVersion).toBe(MIN_READER_VERSION);
  });

  it('a rebuild cut short (closed before it finished) leaves no meta, so the next open rebuilds again', async () => {
    const factory = new IDBFactory();
    const file = projectFile({ revision: 6, data: projectData(Array.from({ length: 250 }, () => shot())) });
    const first = dbFor(file, factory);
    const loaded = await loadProjectDocument(first, file, FOLDER);
    first.close();
    await expect(loaded.rebuild).rejects.toThrow();
    const second = dbFor(file, factory);
    const again = await loadProjectDocument(second, file, FOLDER);
    expect(again.source).toBe('folder');
    expect(again.reason).toMatch(/empty/);
    await again.rebuild;
    expect(await second.shots.count()).toBe(250);
  });

  it('survives closing and reopening: the rebuilt copy is used next time', async () => {
    const factory = new IDBFactory();
    const file = projectFile({ revision: 6, data: projectData([shot({ title: 'persisted' })]) });
    const first = dbFor(file, factory);
    const loaded = await loadProjectDocument(first, file, FOLDER);
    expect(loaded.source).toBe('folder');
    await loaded.rebuild;
    first.close();
    const second = dbFor(file, factory);
    const again = await loadProjectDocument(second, file, FOLDER);
    expect(again.source).toBe('indexeddb');
    expect(again.records.map((r) => (r.kind === 'shot' ? r.title : r.kind))).toEqual(['persisted']);
  });
});
