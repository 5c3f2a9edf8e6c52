import { APP_VERSION, MIN_READER_VERSION, compareVersions } from '../../shared/appInfo.ts';
import { allRecords } from '../../shared/model/documentData.ts';
import type { ProjectFile } from '../../shared/model/projectFile.ts';
import { PROJECT_SCHEMA_VERSION } from '../../shared/model/projectFile.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import type { DocRecord } from '../../shared/model/records.ts';
import { RECORD_KINDS } from '../../shared/model/records.ts';
import type { ProjectDb, ProjectMeta } from './projectDb.ts';

export type LoadSource = 'indexeddb' | 'folder';

export interface LoadedDocument {
  readonly settings: ProjectSettings;
  readonly revision: number;
  /** Every record, all kinds. */
  readonly records: readonly DocRecord[];
  readonly source: LoadSource;
  /** Why the working copy had to be rebuilt from the folder (for the notice), or null. */
  readonly reason: string | null;
  /** The IndexedDB copy is newer than the folder: its changes must be committed to the folder. */
  readonly aheadOfFolder: boolean;
  /**
   * The rebuild of the IndexedDB copy from the folder, still running (or null when the copy was
   * current). The workspace does not wait for it; the persister writes only after it.
   */
  readonly rebuild: Promise<void> | null;
}

/** The document straight from a project file (read-only projects, or no IndexedDB at all). */
export function documentFromFile(file: ProjectFile): LoadedDocument {
  return {
    settings: file.data.settings,
    revision: file.revision,
    records: allRecords(file.data),
    source: 'folder',
    reason: null,
    aheadOfFolder: false,
    rebuild: null,
  };
}

/** Why the IndexedDB copy cannot be used as it is, or null when it is this folder's, same format. */
function staleReason(meta: ProjectMeta | undefined, file: ProjectFile, folderPath: string): string | null {
  if (!meta) return 'the working copy in the browser was empty';
  if (meta.folderPath !== folderPath) return 'the working copy belonged to another folder';
  if (meta.schemaVersion !== PROJECT_SCHEMA_VERSION) return 'the working copy had another schema version';
  if (compareVersions(APP_VERSION, meta.minReaderVersion) < 0) return 'the working copy was written by a newer version of Shotcanvas';
  if (meta.revision < file.revision) return 'the project folder was newer than the working copy';
  return null;
}

/**
 * Chooses the working copy on open. The folder is the truth and its document is already in
 * memory, so it is used directly unless IndexedDB holds edits the folder has not seen yet (a
 * crash before the autosave) — only then are the records read from IndexedDB. A stale copy is
 * rebuilt from the folder in the background, in small steps, so a 10,000-shot project opens
 * without waiting for the database.
 */
export async function loadProjectDocument(db: ProjectDb, file: ProjectFile, folderPath: string): Promise<LoadedDocument> {
  const meta = await db.meta.get('state');
  const reason = staleReason(meta, file, folderPath);
  if (reason === null && meta && meta.revision > file.revision) {
    const records = (await Promise.all(RECORD_KINDS.map((kind) => db.tableFor(kind).toArray()))).flat();
    return { settings: meta.settings, revision: meta.revision, records, source: 'indexeddb', reason: null, aheadOfFolder: true, rebuild: null };
  }
  if (reason === null) return { ...documentFromFile(file), source: 'indexeddb' };
  const rebuild = rebuildFromFile(db, file, folderPath);
  return { ...documentFromFile(file), reason, rebuild };
}

/** Rows per write while rebuilding: cloning 100 records into IndexedDB takes about 10 ms. */
export const REBUILD_CHUNK = 100;

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Replaces the working copy with the folder's document in small transactions with pauses between
 * them, so a 10,000-shot rebuild never blocks a frame. The meta row, which says whose copy this is
 * and at what revision, is deleted first and written last: a copy cut short by a crash has no meta
 * and is rebuilt again on the next open.
 */
async function rebuildFromFile(db: ProjectDb, file: ProjectFile, folderPath: string): Promise<void> {
  await db.transaction('rw', [...db.recordTables, db.meta], async () => {
    await db.meta.delete('state');
    for (const kind of RECORD_KINDS) await db.tableFor(kind).clear();
  });
  const records = allRecords(file.data);
  for (const kind of RECORD_KINDS) {
    const rows = records.filter((r) => r.kind === kind);
    for (let i = 0; i < rows.length; i += REBUILD_CHUNK) {
      await yieldToUi();
      await db.tableFor(kind).bulkPut(rows.slice(i, i + REBUILD_CHUNK));
    }
  }
  await db.meta.put({
    key: 'state',
    revision: file.revision,
    folderPath,
    settings: file.data.settings,
    schemaVersion: PROJECT_SCHEMA_VERSION,
    minReaderVersion: MIN_READER_VERSION,
  });
}
