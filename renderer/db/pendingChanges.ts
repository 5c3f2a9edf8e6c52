import type { ShotId } from '../../shared/ids.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import type { Diff } from '../editor/documentStore.ts';

export interface ChangeBatch {
  readonly puts: ShotRecord[];
  readonly deletes: ShotId[];
}

/**
 * The records changed since the folder last acknowledged a revision: the latest version of each,
 * or a delete. A save takes the batch; if the save fails the batch is put back under anything
 * newer, so no change is ever dropped.
 */
export class PendingChanges {
  private records = new Map<ShotId, ShotRecord | null>();

  record(diff: Diff): void {
    if (diff.origin !== 'user') return;
    for (const change of diff.changes) this.records.set(change.id, change.after);
  }

  get size(): number {
    return this.records.size;
  }

  take(): { batch: ChangeBatch; restore: () => void } {
    const taken = this.records;
    this.records = new Map();
    const puts: ShotRecord[] = [];
    const deletes: ShotId[] = [];
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
