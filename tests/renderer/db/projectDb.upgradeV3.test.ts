import type { EntityTable } from 'dexie';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { upgradeMetaRowToV2 } from '../../../renderer/db/dbUpgrades.ts';
import type { ProjectMeta } from '../../../renderer/db/projectDb.ts';
import { ProjectDb } from '../../../renderer/db/projectDb.ts';
import { MIN_READER_VERSION } from '../../../shared/appInfo.ts';
import { projectDatabaseName } from '../../../shared/identity.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { arrow, note, projectId, scene, settings, shot } from '../../shared/fixtures.ts';

/** A shot row as versions 1 and 2 stored it: no storyboard frame. */
type ShotRowV2 = Omit<ShotRecord, 'frame'>;
type MetaRowV2 = Omit<ProjectMeta, 'schemaVersion'> & { schemaVersion: number };

function shotV2(draft: Parameters<typeof shot>[0]): ShotRowV2 {
  const { frame: _notYet, ...row } = shot(draft);
  return row;
}

/** ProjectDb as it shipped with versions 1 and 2 only: same name, same stores, nothing newer. */
class ProjectDbV2 extends Dexie {
  shots!: EntityTable<ShotRowV2, 'id'>;
  meta!: EntityTable<MetaRowV2, 'key'>;

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
  }
}

async function seedV2(id: string, factory: IDBFactory) {
  const old = new ProjectDbV2(id, factory);
  const shots = [shotV2({ title: 'Wide', order: 'a0' }), shotV2({ title: 'Close-up', order: 'a1', tags: ['night'] })];
  const meta: MetaRowV2 = {
    key: 'state',
    revision: 17,
    folderPath: '/home/me/Shotcanvas/Teaser',
    settings: settings(),
    schemaVersion: 2,
    minReaderVersion: MIN_READER_VERSION,
  };
  await old.shots.bulkPut(shots);
  await old.meta.put(meta);
  expect(old.verno).toBe(2);
  expect(old.tables.map((t) => t.name).sort()).toEqual(['meta', 'shots']);
  old.close();
  return { shots, meta };
}

const open = (id: string, factory: IDBFactory) => new ProjectDb(id, { indexedDB: factory, IDBKeyRange });

describe('ProjectDb upgrade from version 2 to 3', () => {
  it('gives every shot a null frame, keeps every other field and moves the meta row to project format 3', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const { shots, meta } = await seedV2(id, factory);
    const db = open(id, factory);
    try {
      // The database goes on to version 4 (takes) in the same open; see projectDb.upgradeV4.test.ts.
      expect(db.verno).toBe(4);
      expect(await db.meta.get('state')).toEqual({ ...meta, schemaVersion: 4 });
      const stored = await db.shots.orderBy('order').toArray();
      expect(stored).toEqual(shots.map((s) => ({ ...s, frame: null })));
      // The shot indexes still work after the upgrade.
      expect(await db.shots.where('order').equals('a1').count()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('adds the scenes, notes and arrows tables, empty and writable (arrows indexed by their ends)', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const { shots } = await seedV2(id, factory);
    const db = open(id, factory);
    try {
      expect(await db.scenes.count()).toBe(0);
      expect(await db.notes.count()).toBe(0);
      expect(await db.arrows.count()).toBe(0);
      const sc = scene({ number: '1' });
      const n = note({ text: 'rain' });
      const a = arrow(shots[0]!.id, n.id);
      await db.transaction('rw', db.recordTables, async () => {
        await db.tableFor('scene').put(sc);
        await db.tableFor('note').put(n);
        await db.tableFor('arrow').put(a);
      });
      expect(await db.scenes.get(sc.id)).toEqual(sc);
      expect(await db.notes.get(n.id)).toEqual(n);
      expect(await db.arrows.where('fromId').equals(shots[0]!.id).toArray()).toEqual([a]);
      expect(await db.arrows.where('toId').equals(n.id).toArray()).toEqual([a]);
    } finally {
      db.close();
    }
  });

  it('keeps a frame a shot row somehow already had', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const old = new ProjectDbV2(id, factory);
    const frame = { hash: 'ab'.repeat(32), path: `media/${'ab'.repeat(8)}/a.png`, width: 4, height: 3, mime: 'image/png' };
    const row = { ...shotV2({ title: 'Framed' }), frame } as ShotRowV2;
    await old.shots.put(row);
    old.close();
    const db = open(id, factory);
    try {
      expect((await db.shots.get(row.id))?.frame).toEqual(frame);
    } finally {
      db.close();
    }
  });

  it('an empty version-2 database upgrades to an empty current one with all its tables', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const old = new ProjectDbV2(id, factory);
    await old.open();
    old.close();
    const db = open(id, factory);
    try {
      await db.open();
      expect(db.verno).toBe(4);
      expect(db.tables.map((t) => t.name).sort()).toEqual(['arrows', 'meta', 'notes', 'scenes', 'shots', 'takes']);
      expect(await db.meta.get('state')).toBeUndefined();
      for (const table of db.recordTables) expect(await table.count()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('reopening an upgraded database runs no upgrade again (rows written after it stay as they are)', async () => {
    const factory = new IDBFactory();
    const id = projectId();
    const { shots } = await seedV2(id, factory);
    const first = open(id, factory);
    const frame = { hash: 'cd'.repeat(32), path: `media/${'cd'.repeat(8)}/b.png`, width: 4, height: 3, mime: 'image/png' } as const;
    await first.shots.update(shots[0]!.id, { frame });
    first.close();
    const second = open(id, factory);
    try {
      expect((await second.shots.get(shots[0]!.id))?.frame).toEqual(frame);
    } finally {
      second.close();
    }
  });
});
