import type { DocRecord } from '../../shared/model/records.ts';
import type { Diff } from '../editor/documentStore.ts';
import { isPersistedOrigin } from '../editor/documentStore.ts';

export interface ChangeBatch {
  readonly puts: DocRecord[];
  readonly deletes: string[];
}

/**
 * The records changed since the folder last acknowledged a revision: the latest version of each,
 * or a delete. A save takes the batch; if the save fails the batch is put back under anything
 * newer, so no change is ever dropped.
 */
export class PendingChanges {
  private records = new Map<string, DocRecord | null>();

  record(diff: Diff): void {
    if (!isPersistedOrigin(diff.origin)) return;
    for (const change of diff.changes) this.records.set(change.id, change.after);
  }

  get size(): number {
    return this.records.size;
  }

  take(): { batch: ChangeBatch; restore: () => void } {
    const taken = this.records;
    this.records = new Map();
    const puts: DocRecord[] = [];
    const deletes: string[] = [];
    for (const [id, record] of taken) {
      if (record) puts.push(record);
      else deletes.push(id);
    }
    return {
      batch: { puts, deletes },
      restore: () => {
        for (const [id, record] of taken) if (!this.records.has(id)) this.records.set(id, record);
      },
    };
  }

  clear(): void {
    this.records.clear();
  }
}
