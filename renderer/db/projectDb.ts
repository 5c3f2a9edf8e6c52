import type { EntityTable, Table } from 'dexie';
import Dexie from 'dexie';
import { projectDatabaseName } from '../../shared/identity.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import { upgradeMetaRowToV2, upgradeMetaRowToV3, upgradeMetaRowToV4, upgradeShotRowToV3 } from './dbUpgrades.ts';
import type { ArrowRecord } from '../../shared/model/arrow.ts';
import type { NoteRecord } from '../../shared/model/note.ts';
import type { DocRecord, RecordKind } from '../../shared/model/records.ts';
import { RECORD_KINDS } from '../../shared/model/records.ts';
import type { SceneRecord } from '../../shared/model/scene.ts';
import type { TakeRecord } from '../../shared/model/take.ts';

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
  scenes!: EntityTable<SceneRecord, 'id'>;
  notes!: EntityTable<NoteRecord, 'id'>;
  arrows!: EntityTable<ArrowRecord, 'id'>;
  takes!: EntityTable<TakeRecord, 'id'>;
  meta!: EntityTable<ProjectMeta, 'key'>;

  /** The table that holds records of `kind`. */
  tableFor(kind: RecordKind): Table<DocRecord, string> {
    const tables = { shot: this.shots, scene: this.scenes, note: this.notes, arrow: this.arrows, take: this.takes };
    return tables[kind] as unknown as Table<DocRecord, string>;
  }

  get recordTables(): Table<DocRecord, string>[] {
    return RECORD_KINDS.map((kind) => this.tableFor(kind));
  }

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
    this.version(3)
      .stores({ shots: 'id, sceneId, order', scenes: 'id', notes: 'id', arrows: 'id, fromId, toId', meta: 'key' })
      .upgrade(async (tx) => {
        await tx
          .table('shots')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            Object.assign(row, upgradeShotRowToV3(row));
          });
        await tx
          .table('meta')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            Object.assign(row, upgradeMetaRowToV3(row));
          });
      });
    // Takes by shot (a shot's take list, deleting a shot's takes) and by media hash (which takes
    // show a file, for relinking missing media); a planned take has no media and is not in that index.
    this.version(4)
      .stores({ shots: 'id, sceneId, order', scenes: 'id', notes: 'id', arrows: 'id, fromId, toId', takes: 'id, shotId, media.hash', meta: 'key' })
      .upgrade((tx) =>
        tx
          .table('meta')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            Object.assign(row, upgradeMetaRowToV4(row));
          }),
      );
  }
}
