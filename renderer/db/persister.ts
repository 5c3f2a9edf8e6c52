import type { DocRecord, RecordKind } from '../../shared/model/records.ts';
import type { Diff, DocumentStore } from '../editor/documentStore.ts';
import { isPersistedOrigin } from '../editor/documentStore.ts';
import type { ProjectDb } from './projectDb.ts';

export type PersistListener = (revision: number) => void;
export type PersistErrorListener = (error: unknown) => void;

/**
 * Writes each user transaction of the document store to IndexedDB as one Dexie transaction that
 * also bumps the stored revision. Writes run in order on a queue; the canvas never waits for them
 * (drags mutate memory, the drop is one write).
 */
export class Persister {
  private queue: Promise<void> = Promise.resolve();
  private persistedRevision: number;
  private readonly unsubscribe: () => void;
  private readonly onPersisted: PersistListener;
  private readonly onError: PersistErrorListener;

  private readonly db: ProjectDb;

  constructor(store: DocumentStore, db: ProjectDb, options: { onPersisted: PersistListener; onError: PersistErrorListener; after?: Promise<void> | null }) {
    this.db = db;
    // Writes queue behind a running rebuild of the database (see projectLoader).
    if (options.after) this.queue = options.after.catch((error: unknown) => options.onError(error));
    this.persistedRevision = store.revision;
    this.onPersisted = options.onPersisted;
    this.onError = options.onError;
    this.unsubscribe = store.subscribe((diff) => {
      if (isPersistedOrigin(diff.origin)) this.enqueue(diff);
    });
  }

  get revision(): number {
    return this.persistedRevision;
  }

  private enqueue(diff: Diff): void {
    this.queue = this.queue
      .then(() => this.write(diff))
      .then(
        () => {
          this.persistedRevision = diff.revision;
          this.onPersisted(diff.revision);
        },
        (error: unknown) => this.onError(error),
      );
  }

  private async write(diff: Diff): Promise<void> {
    const puts = new Map<RecordKind, DocRecord[]>();
    const deletes = new Map<RecordKind, string[]>();
    for (const change of diff.changes) {
      if (change.after) (puts.get(change.after.kind) ?? puts.set(change.after.kind, []).get(change.after.kind)!).push(change.after);
      else if (change.before) (deletes.get(change.before.kind) ?? deletes.set(change.before.kind, []).get(change.before.kind)!).push(change.id);
    }
    await this.db.transaction('rw', [...this.db.recordTables, this.db.meta], async () => {
      for (const [kind, records] of puts) await this.db.tableFor(kind).bulkPut(records);
      for (const [kind, ids] of deletes) await this.db.tableFor(kind).bulkDelete(ids);
      await this.db.meta.update('state', { revision: diff.revision });
    });
  }

  /** Resolves when every queued write has finished (or failed). */
  idle(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.unsubscribe();
  }
}
