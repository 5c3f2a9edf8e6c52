import { APP_VERSION, MIN_READER_VERSION, compareVersions } from '../../shared/appInfo.ts';
import type { ProjectFile } from '../../shared/model/projectFile.ts';
import { PROJECT_SCHEMA_VERSION } from '../../shared/model/projectFile.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import type { ProjectDb } from './projectDb.ts';

export type LoadSource = 'indexeddb' | 'folder';

export interface LoadedDocument {
  readonly settings: ProjectSettings;
  readonly revision: number;
  readonly shots: readonly ShotRecord[];
  readonly source: LoadSource;
  /** Why the folder was used (for the notice), or null when IndexedDB was current. */
  readonly reason: string | null;
  /** The IndexedDB copy is newer than the folder: its changes must be committed to the folder. */
  readonly aheadOfFolder: boolean;
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
    const shots = await db.shots.toArray();
    return { settings: meta.settings, revision: meta.revision, shots, source: 'indexeddb', reason: null, aheadOfFolder: meta.revision > file.revision };
  }

  await db.transaction('rw', db.shots, db.meta, async () => {
    await db.shots.clear();
    await db.shots.bulkPut([...file.data.shots]);
    await db.meta.put({
      key: 'state',
      revision: file.revision,
      folderPath,
      settings: file.data.settings,
      schemaVersion: PROJECT_SCHEMA_VERSION,
      minReaderVersion: MIN_READER_VERSION,
    });
  });
  return { settings: file.data.settings, revision: file.revision, shots: file.data.shots, source: 'folder', reason, aheadOfFolder: false };
}
