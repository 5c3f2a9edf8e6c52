import { describe, expect, it } from 'vitest';
import { PendingChanges } from '../../../renderer/db/pendingChanges.ts';
import type { Diff, DiffOrigin, RecordChange } from '../../../renderer/editor/documentStore.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { shot } from '../../shared/fixtures.ts';

let revision = 0;
function diff(changes: RecordChange[], origin: DiffOrigin = 'user'): Diff {
  revision += 1;
  return { revision, changes, origin };
}
const created = (after: ShotRecord): RecordChange => ({ id: after.id, before: null, after });
const updated = (before: ShotRecord, after: ShotRecord): RecordChange => ({ id: after.id, before, after });
const deleted = (before: ShotRecord): RecordChange => ({ id: before.id, before, after: null });

describe('PendingChanges', () => {
  it('keeps the latest version of each changed record and each delete', () => {
    const pending = new PendingChanges();
    const a = shot({ title: 'a' });
    const b = shot({ title: 'b' });
    const a2 = { ...a, title: 'a, edited', rev: 1 };
    pending.record(diff([created(a), created(b)]));
    pending.record(diff([updated(a, a2)]));
    pending.record(diff([deleted(b)]));
    expect(pending.size).toBe(2);
    const { batch } = pending.take();
    expect(batch).toEqual({ puts: [a2], deletes: [b.id] });
    expect(pending.size).toBe(0);
  });

  it('ignores diffs that did not come from the user (loads, view refreshes)', () => {
    const pending = new PendingChanges();
    pending.record(diff([created(shot())], 'load'));
    pending.record(diff([], 'view'));
    expect(pending.size).toBe(0);
    expect(pending.take().batch).toEqual({ puts: [], deletes: [] });
  });

  it('restore puts a failed batch back', () => {
    const pending = new PendingChanges();
    const a = shot();
    const b = shot();
    pending.record(diff([created(a), deleted(b)]));
    const { restore } = pending.take();
    restore();
    expect(pending.take().batch).toEqual({ puts: [a], deletes: [b.id] });
  });

  it('restore never overwrites a change made after the take', () => {
    const pending = new PendingChanges();
    const a = shot({ title: 'sent' });
    const b = shot({ title: 'deleted while saving' });
    const c = shot({ title: 'untouched since' });
    pending.record(diff([created(a), created(b), created(c)]));
    const { batch, restore } = pending.take();
    expect(batch.puts).toEqual([a, b, c]);
    // While the save is in flight the user edits a and deletes b.
    const aNewer = { ...a, title: 'edited while saving', rev: 1 };
    pending.record(diff([updated(a, aNewer), deleted(b)]));
    restore();
    const next = pending.take().batch;
    expect(next.puts).toEqual([aNewer, c]);
    expect(next.deletes).toEqual([b.id]);
  });

  it('clear drops everything', () => {
    const pending = new PendingChanges();
    pending.record(diff([created(shot())]));
    pending.clear();
    expect(pending.size).toBe(0);
  });
});
