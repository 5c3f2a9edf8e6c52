import type { EntityTable } from 'dexie';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { upgradeMetaRowToV2, upgradeMetaRowToV3, upgradeShotRowToV3 } from '../../../renderer/db/dbUpgrades.ts';
import { ProjectDb } from '../../../renderer/db/projectDb.ts';
import { MIN_READER_VERSION } from '../../../shared/appInfo.ts';
import { projectDatabaseName } from '../../../shared/identity.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { RETIRED_MODELS_FORMAT_4 } from '../../../shared/takes/retiredModels.ts';
import { arrow, note, projectId, scene, settings, shot } from '../../shared/fixtures.ts';
import { media, take } from '../../shared/takes/takeFixtures.ts';

type MetaRowV3 = { key: 'state'; revision: number; folderPath: string; settings: Record<string, unknown>; schemaVersion: number; minReaderVersion: string };

/** ProjectDb as it shipped with versions 1 to 3: same name, same stores, no takes table. */
class ProjectDbV3 extends Dexie {
  shots!: EntityTable<ShotRecord, 'id'>;
  meta!: EntityTable<MetaRowV3, 'key'>;

  constructor(id: string, factory: IDBFactory) {
    super(projectDatabaseName(id), { indexedDB: factory, IDBKeyRange });
    this.version(1).stores({ shots: 'id, sceneId, order', meta: 'key' });
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
  }
}

async function seedV3(id: string, factory: IDBFactory) {
  const old = new ProjectDbV3(id, factory);
  const { retiredModels: _format4, ...v3Settings } = settings();
  const sc = scene({ number: '1' });
  const shots = [shot({ title: 'Wide', sceneId: sc.id }), shot({ title: 'Close-up' })];
  const n = note({ text: 'rain' });
  const link = arrow(shots[0]!.id, n.id);
  const meta: MetaRowV3 = {
    key: 'state',
    revision: 30,
    folderPath: '/home/me/Shotcanvas/Harbour',
    settings: v3Settings,
    schemaVersion: 3,
    minReaderVersion: MIN_READER_VERSION,
  };
  await old.shots.bulkPut(shots);
  await old.table('scenes').put(sc);
  await old.table('notes').put(n);
  await old.table('arrows').put(link);
  await old.meta.put(meta);
  expect(old.verno).toBe(3);
  old.close();
  return { shots, sc, n, link, meta };
}

const open = (id: string, factory: IDBFactory) => new ProjectDb(id, { indexedDB: factory, IDBKeyRange });

describe('ProjectDb upgrade from version 3 to 4', () => {
  it('moves the meta row to project format 4 with the format-4 retired models, keeping every record', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const { shots, sc, n, link, meta } = await seedV3(id, factory);
    const db = open(id, factory);
    try {
      expect(db.verno).toBe(4);
      expect(await db.meta.get('state')).toEqual({ ...meta, settings: { ...meta.settings, retiredModels: RETIRED_MODELS_FORMAT_4 }, schemaVersion: 4 });
      expect(await db.shots.orderBy('order').toArray()).toEqual(shots);
      expect(await db.scenes.toArray()).toEqual([sc]);
      expect(await db.notes.toArray()).toEqual([n]);
      expect(await db.arrows.where('fromId').equals(shots[0]!.id).toArray()).toEqual([link]);
    } finally {
      db.close();
    }
  });

  it('adds an empty takes table indexed by shot and by media hash (planned takes have no media)', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const { shots } = await seedV3(id, factory);
    const db = open(id, factory);
    try {
      expect(db.tables.map((t) => t.name).sort()).toEqual(['arrows', 'meta', 'notes', 'scenes', 'shots', 'takes']);
      expect(await db.takes.count()).toBe(0);
      const h = 'f0'.repeat(32);
      const t1 = take(shots[0]!.id, { number: 1, media: media({ hash: h }) });
      const t2 = take(shots[0]!.id, { number: 2, media: null });
      const t3 = take(shots[1]!.id, { number: 1 });
      await db.transaction('rw', db.recordTables, async () => {
        await db.tableFor('take').bulkPut([t1, t2, t3]);
      });
      expect((await db.takes.where('shotId').equals(shots[0]!.id).sortBy('number')).map((t) => t.id)).toEqual([t1.id, t2.id]);
      expect(await db.takes.where('media.hash').equals(h).toArray()).toEqual([t1]);
      expect(await db.takes.get(t2.id)).toEqual(t2);
    } finally {
      db.close();
    }
  });

  it('an empty version-3 database upgrades to an empty version-4 one; reopening runs no upgrade again', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const old = new ProjectDbV3(id, factory);
    await old.open();
    old.close();
    const first = open(id, factory);
    await first.open();
    expect(first.verno).toBe(4);
    expect(await first.meta.get('state')).toBeUndefined();
    await first.meta.put({
      key: 'state',
      revision: 1,
      folderPath: '/p',
      settings: settings({ retiredModels: [] }),
      schemaVersion: 4,
      minReaderVersion: MIN_READER_VERSION,
    });
    first.close();
    const second = open(id, factory);
    try {
      expect((await second.meta.get('state'))?.settings.retiredModels).toEqual([]);
    } finally {
      second.close();
    }
  });
});
