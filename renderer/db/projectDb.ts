import type { EntityTable } from 'dexie';
import Dexie from 'dexie';
import { projectDatabaseName } from '../../shared/identity.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import { upgradeMetaRowToV2 } from './dbUpgrades.ts';

/** The working state's bookkeeping, one row under key 'state'. */
export interface ProjectMeta {
  readonly key: 'state';
  /** Document revision of the rows in this database. Compared with project.json's on open. */
  readonly revision: number;
  /** Which folder this copy belongs to: a copied folder with the same id must not adopt it. */
  readonly folderPath: string;
  readonly settings: ProjectSettings;
  /** The project-file schema the rows are in. */
  readonly schemaVersion: number;
  /** The oldest app version that may read these rows (a newer app's rows are not ours to write). */
  readonly minReaderVersion: string;
}

/**
 * One Dexie database per project (`shotcanvas-project-<id>`). Shipped versions are never edited:
 * a schema change adds `version(n + 1)` with a tested upgrade.
 */
export class ProjectDb extends Dexie {
  shots!: EntityTable<ShotRecord, 'id'>;
  meta!: EntityTable<ProjectMeta, 'key'>;

  constructor(projectId: string, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }) {
    super(projectDatabaseName(projectId), options);
    // Shipped versions are frozen; append new ones below with a tested upgrade.
    this.version(1).stores({
      shots: 'id, sceneId, order',
      meta: 'key',
    });
    this.version(2)
      .stores({ shots: 'id, sceneId, order', meta: 'key' })
      .upgrade((tx) =>
        tx
          .table('meta')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            Object.assign(row, upgradeMetaRowToV2(row));
          }),
      );
  }
}
