import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ProjectDb } from '../../../renderer/db/projectDb.ts';

/** A ProjectDb on its own in-memory IndexedDB, so no test sees another's rows. */
export function freshDb(projectId: string, factory: IDBFactory = new IDBFactory()): ProjectDb {
  return new ProjectDb(projectId, { indexedDB: factory, IDBKeyRange });
}
