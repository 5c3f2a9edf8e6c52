import type { EntityTable } from 'dexie';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ProjectDb } from '../../../renderer/db/projectDb.ts';
import { MIN_READER_VERSION } from '../../../shared/appInfo.ts';
import { projectDatabaseName } from '../../../shared/identity.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { projectId, settings, shot } from '../../shared/fixtures.ts';

/** The meta row as version 1 of the schema stored it (no minReaderVersion). */
interface MetaRowV1 {
  readonly key: 'state';
  readonly revision: number;
  readonly folderPath: string;
  readonly settings: ReturnType<typeof settings>;
  readonly schemaVersion: number;
}

/** A shot row as version 1 stored it: no storyboard frame yet (it came with version 3). */
type ShotRowV1 = Omit<ShotRecord, 'frame'>;

function shotV1(draft: Parameters<typeof shot>[0]): ShotRowV1 {
  const { frame: _noFrameYet, ...row } = shot(draft);
  return row;
}

/** Version 1 of ProjectDb exactly as it shipped: same name, same stores, nothing newer. */
class ProjectDbV1 extends Dexie {
  shots!: EntityTable<ShotRowV1, 'id'>;
  meta!: EntityTable<MetaRowV1, 'key'>;

  constructor(id: string, factory: IDBFactory) {
    super(projectDatabaseName(id), { indexedDB: factory, IDBKeyRange });
    this.version(1).stores({ shots: 'id, sceneId, order', meta: 'key' });
  }
}

async function seedV1(id: string, factory: IDBFactory) {
  const old = new ProjectDbV1(id, factory);
  const shots = [shotV1({ title: 'Wide', tags: ['day'] }), shotV1({ title: 'Close-up', customFields: { Lens: '85mm' } })];
  const meta: MetaRowV1 = { key: 'state', revision: 41, folderPath: '/home/me/Shotcanvas/Teaser', settings: settings(), schemaVersion: 1 };
  await old.shots.bulkPut(shots);
  await old.meta.put(meta);
  expect(old.verno).toBe(1);
  old.close();
  return { shots, meta };
}

/** The Dexie schema version this build opens (every upgrade from version 1 runs in a chain). */
const CURRENT_DB_VERSION = 4;

describe('ProjectDb upgrade from version 1 (through version 2 to the current one)', () => {
  it('adds minReaderVersion and the current schemaVersion to the meta row and keeps every shot', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const { shots, meta } = await seedV1(id, factory);
    const db = new ProjectDb(id, { indexedDB: factory, IDBKeyRange });
    try {
      // Version 2 added minReaderVersion; version 3 moved the rows to project format 3.
      expect(await db.meta.get('state')).toEqual({ ...meta, schemaVersion: 4, minReaderVersion: MIN_READER_VERSION });
      expect(db.verno).toBe(CURRENT_DB_VERSION);
      const stored = await db.shots.toArray();
      expect(stored.sort((a, b) => a.order.localeCompare(b.order))).toEqual(shots.map((s) => ({ ...s, frame: null })));
      // The indexes still work after the upgrade.
      expect((await db.shots.orderBy('order').first())?.title).toBe('Wide');
    } finally {
      db.close();
    }
  });

  it('an empty version-1 database upgrades to an empty current one', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const old = new ProjectDbV1(id, factory);
    await old.open();
    old.close();
    const db = new ProjectDb(id, { indexedDB: factory, IDBKeyRange });
    try {
      expect(await db.meta.get('state')).toBeUndefined();
      expect(await db.shots.count()).toBe(0);
      expect(db.verno).toBe(CURRENT_DB_VERSION);
    } finally {
      db.close();
    }
  });

  it('reopening an upgraded database runs no upgrade again', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    await seedV1(id, factory);
    const first = new ProjectDb(id, { indexedDB: factory, IDBKeyRange });
    await first.meta.update('state', { minReaderVersion: '0.2.0' });
    first.close();
    const second = new ProjectDb(id, { indexedDB: factory, IDBKeyRange });
    try {
      expect((await second.meta.get('state'))?.minReaderVersion).toBe('0.2.0');
    } finally {
      second.close();
    }
  });
});
