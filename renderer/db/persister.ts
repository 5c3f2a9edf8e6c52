import type { ShotRecord } from '../../shared/model/shot.ts';
import type { Diff, DocumentStore } from '../editor/documentStore.ts';
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

  constructor(store: DocumentStore, db: ProjectDb, options: { onPersisted: PersistListener; onError: PersistErrorListener }) {
    this.db = db;
    this.persistedRevision = store.revision;
    this.onPersisted = options.onPersisted;
    this.onError = options.onError;
    this.unsubscribe = store.subscribe((diff) => {
      if (diff.origin === 'user') this.enqueue(diff);
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
    const puts: ShotRecord[] = [];
    const deletes: string[] = [];
    for (const change of diff.changes) {
      if (change.after) puts.push(change.after);
      else deletes.push(change.id);
    }
    await this.db.transaction('rw', this.db.shots, this.db.meta, async () => {
      if (puts.length > 0) await this.db.shots.bulkPut(puts);
      if (deletes.length > 0) await this.db.shots.bulkDelete(deletes as ShotRecord['id'][]);
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
