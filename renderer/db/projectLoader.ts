import { APP_VERSION, MIN_READER_VERSION, compareVersions } from '../../shared/appInfo.ts';
import { allRecords } from '../../shared/model/documentData.ts';
import type { ProjectFile } from '../../shared/model/projectFile.ts';
import { PROJECT_SCHEMA_VERSION } from '../../shared/model/projectFile.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import type { DocRecord } from '../../shared/model/records.ts';
import { RECORD_KINDS } from '../../shared/model/records.ts';
import type { ProjectDb } from './projectDb.ts';

export type LoadSource = 'indexeddb' | 'folder';

export interface LoadedDocument {
  readonly settings: ProjectSettings;
  readonly revision: number;
  /** Every record, all kinds. */
  readonly records: readonly DocRecord[];
  readonly source: LoadSource;
  /** Why the folder was used (for the notice), or null when IndexedDB was current. */
  readonly reason: string | null;
  /** The IndexedDB copy is newer than the folder: its changes must be committed to the folder. */
  readonly aheadOfFolder: boolean;
}

/** The document straight from a project file (read-only projects, or no IndexedDB at all). */
export function documentFromFile(file: ProjectFile): LoadedDocument {
  return { settings: file.data.settings, revision: file.revision, records: allRecords(file.data), source: 'folder', reason: null, aheadOfFolder: false };
}

/**
 * Chooses the working copy on open. The folder is the truth; IndexedDB is used only when it
 * belongs to this folder and is at least as new. Otherwise the database is rebuilt from
 * `project.json` in one transaction.
 */
export async function loadProjectDocument(db: ProjectDb, file: ProjectFile, folderPath: string): Promise<LoadedDocument> {
  const meta = await db.meta.get('state');
  let reason: string | null = null;
  if (!meta) reason = 'the working copy in the browser was empty';
  else if (meta.folderPath !== folderPath) reason = 'the working copy belonged to another folder';
  else if (meta.schemaVersion !== PROJECT_SCHEMA_VERSION) reason = 'the working copy had another schema version';
  else if (compareVersions(APP_VERSION, meta.minReaderVersion) < 0) reason = 'the working copy was written by a newer version of Shotcanvas';
  else if (meta.revision < file.revision) reason = 'the project folder was newer than the working copy';

  if (reason === null && meta) {
    const records = (await Promise.all(RECORD_KINDS.map((kind) => db.tableFor(kind).toArray()))).flat();
    return { settings: meta.settings, revision: meta.revision, records, source: 'indexeddb', reason: null, aheadOfFolder: meta.revision > file.revision };
  }

  await db.transaction('rw', [...db.recordTables, db.meta], async () => {
    for (const kind of RECORD_KINDS) await db.tableFor(kind).clear();
    for (const kind of RECORD_KINDS) {
      const rows = allRecords(file.data).filter((r) => r.kind === kind);
      if (rows.length > 0) await db.tableFor(kind).bulkPut(rows);
    }
    await db.meta.put({
      key: 'state',
      revision: file.revision,
      folderPath,
      settings: file.data.settings,
      schemaVersion: PROJECT_SCHEMA_VERSION,
      minReaderVersion: MIN_READER_VERSION,
    });
  });
  return { ...documentFromFile(file), reason };
}
