import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackupEntry, BackupKind } from '../../../../electron/services/backups/backupPolicy.ts';
import { BACKUP_KINDS, isBackupKind, selectBackupsToKeep, shouldTakeAutoBackup } from '../../../../electron/services/backups/backupPolicy.ts';
import { DAY, HOUR, MINUTE, entry, fakeClock, keptTimes } from './support/backupFixtures.ts';

/** Auto backups every 10 minutes from 09:00 to 16:50 UTC on each given day. */
function workingDays(days: readonly string[], lastSlot = '16:50'): BackupEntry[] {
  const out: BackupEntry[] = [];
  for (const day of days) {
    const end = Date.parse(`${day}T${lastSlot}:00.000Z`);
    for (let t = Date.parse(`${day}T09:00:00.000Z`); t <= end; t += 10 * MINUTE) out.push(entry('auto', t, `sha256:${t}`));
  }
  return out;
}

/** Prune after every create, as the store does, then once more at `end`. */
function pruneIncrementally(entries: readonly BackupEntry[], end: Date): BackupEntry[] {
  let kept: BackupEntry[] = [];
  for (const next of [...entries].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))) {
    const all = [...kept, next];
    const keep = selectBackupsToKeep(all, new Date(next.createdAt));
    kept = all.filter((e) => keep.has(e.id));
  }
  const keep = selectBackupsToKeep(kept, end);
  return kept.filter((e) => keep.has(e.id));
}

const at = (day: string, times: readonly string[]) => times.map((t) => `${day}T${t}:00.000Z`);

describe('rolling auto backups', () => {
  const session = workingDays(['2025-03-03', '2025-03-04', '2025-03-05']);
  const clock = fakeClock('2025-03-05T17:05:00.000Z');
  const expected = [
    ...at('2025-03-03', ['16:50']),
    ...at('2025-03-04', ['16:50']),
    ...at('2025-03-05', ['09:50', '10:50', '11:50', '12:50', '13:50', '14:50', '15:50']),
    ...at('2025-03-05', ['16:00', '16:10', '16:20', '16:30', '16:40', '16:50']),
  ];

  it('a 3-day session keeps 6 recent 10-minute slots, 8 hours and the days', () => {
    expect(session).toHaveLength(144);
    expect(keptTimes(session, selectBackupsToKeep(session, clock.now()))).toEqual(expected);
  });

  it('pruning after every backup ends with the same survivors as pruning once', () => {
    expect(
      pruneIncrementally(session, clock.now())
        .map((e) => e.createdAt)
        .sort(),
    ).toEqual(expected);
  });

  it('keeps 5 days at most, and the hourly tier reaches into the previous day', () => {
    const days = ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08'];
    const week = workingDays(days);
    const kept = keptTimes(week, selectBackupsToKeep(week, new Date('2025-03-08T18:00:00.000Z')));
    expect(kept).toHaveLength(6 + 7 + 4);
    expect(kept.filter((t) => t.endsWith('16:50:00.000Z')).map((t) => t.slice(0, 10))).toEqual(days.slice(3));

    const shortDay = workingDays(['2025-03-03']).concat(workingDays(['2025-03-04'], '10:50'));
    expect(keptTimes(shortDay, selectBackupsToKeep(shortDay, new Date('2025-03-04T11:00:00.000Z')))).toEqual([
      ...at('2025-03-03', ['11:50', '12:50', '13:50', '14:50', '15:50', '16:50']),
      ...at('2025-03-04', ['09:50', '10:00', '10:10', '10:20', '10:30', '10:40', '10:50']),
    ]);
  });

  it('never keeps more than 6 + 8 + 5 auto backups and always the newest', () => {
    const dense = Array.from({ length: 2000 }, (_, i) => entry('auto', Date.parse('2025-01-01T00:00:00Z') + i * 7 * MINUTE));
    const kept = selectBackupsToKeep(dense, new Date('2025-02-01T00:00:00Z'));
    expect(kept.size).toBeLessThanOrEqual(19);
    expect(kept.has(dense.at(-1)!.id)).toBe(true);
  });

  it('uses the newest backup of each bucket', () => {
    const a = entry('auto', '2025-03-05T16:01:00.000Z');
    const b = entry('auto', '2025-03-05T16:09:59.999Z');
    expect([...selectBackupsToKeep([a, b], clock.now())]).toEqual([b.id]);
  });
});

describe('launch and pre-* backups', () => {
  const now = new Date('2025-06-01T12:00:00.000Z');

  it('keeps the 10 newest launch backups', () => {
    const launches = Array.from({ length: 15 }, (_, i) => entry('launch', now.getTime() - i * DAY));
    expect(keptTimes(launches, selectBackupsToKeep(launches, now))).toEqual(keptTimes(launches.slice(0, 10), new Set(launches.map((e) => e.id))));
  });

  it.each(BACKUP_KINDS.filter((k) => k.startsWith('pre-') && k !== 'pre-restore'))('keeps %s backups for 30 days, then drops them', (kind) => {
    const young = entry(kind, now.getTime() - 30 * DAY + 1);
    const exactly = entry(kind, now.getTime() - 30 * DAY);
    const old = entry(kind, now.getTime() - 90 * DAY);
    expect(selectBackupsToKeep([young, exactly, old], now)).toEqual(new Set([young.id]));
  });

  it('keeps the newest pre-restore at any age so the last restore can be undone', () => {
    const newest = entry('pre-restore', now.getTime() - 45 * DAY);
    const older = entry('pre-restore', now.getTime() - 50 * DAY);
    expect(selectBackupsToKeep([older, newest], now)).toEqual(new Set([newest.id]));
    const recent = entry('pre-restore', now.getTime() - DAY);
    expect(selectBackupsToKeep([older, newest, recent], now)).toEqual(new Set([recent.id]));
  });

  it('keeps backups dated in the future without letting them take anyone’s place', () => {
    const future = (['auto', 'launch', 'pre-import'] as BackupKind[]).map((kind) => entry(kind, now.getTime() + HOUR));
    const launches = Array.from({ length: 10 }, (_, i) => entry('launch', now.getTime() - i * HOUR));
    const autos = Array.from({ length: 6 }, (_, i) => entry('auto', now.getTime() - i * 10 * MINUTE));
    const all = [...future, ...launches, ...autos];
    expect(selectBackupsToKeep(all, now)).toEqual(new Set(all.map((e) => e.id)));
  });

  it('keeps a backup whose date cannot be read', () => {
    const odd = { ...entry('pre-import', now), createdAt: 'not a date' };
    expect(selectBackupsToKeep([odd], now).has(odd.id)).toBe(true);
  });

  it('knows its kinds', () => {
    expect(BACKUP_KINDS.every(isBackupKind)).toBe(true);
    expect(isBackupKind('pre-everything')).toBe(false);
    expect(isBackupKind(3)).toBe(false);
  });
});

describe('shouldTakeAutoBackup', () => {
  const clock = fakeClock('2025-03-05T12:00:00.000Z');
  const ago = (ms: number) => clock.now().getTime() - ms;

  it('takes the first one', () => {
    expect(shouldTakeAutoBackup([], clock.now(), 'sha256:a')).toBe(true);
    expect(shouldTakeAutoBackup([entry('launch', ago(MINUTE), 'sha256:a')], clock.now(), 'sha256:a')).toBe(true);
  });

  it('waits 10 minutes after the newest auto backup', () => {
    expect(shouldTakeAutoBackup([entry('auto', ago(10 * MINUTE - 1), 'sha256:a')], clock.now(), 'sha256:b')).toBe(false);
    expect(shouldTakeAutoBackup([entry('auto', ago(10 * MINUTE), 'sha256:a')], clock.now(), 'sha256:b')).toBe(true);
  });

  it('skips when the content did not change since the newest auto backup', () => {
    const list = [entry('auto', ago(3 * HOUR), 'sha256:b'), entry('auto', ago(HOUR), 'sha256:a')];
    expect(shouldTakeAutoBackup(list, clock.now(), 'sha256:a')).toBe(false);
    expect(shouldTakeAutoBackup(list, clock.now(), 'sha256:b')).toBe(true);
  });

  it('ignores auto backups dated in the future', () => {
    expect(shouldTakeAutoBackup([entry('auto', ago(-DAY), 'sha256:b')], clock.now(), 'sha256:a')).toBe(true);
    expect(shouldTakeAutoBackup([entry('auto', ago(-DAY)), entry('auto', ago(MINUTE))], clock.now(), 'sha256:a')).toBe(false);
  });
});

describe('selectBackupsToKeep properties', () => {
  const now = new Date('2025-06-01T12:00:00.000Z');
  const offset = fc.oneof(fc.integer({ min: -3 * HOUR, max: 0 }), fc.integer({ min: -12 * DAY, max: 0 }), fc.integer({ min: -60 * DAY, max: 2 * HOUR }));
  const entriesArb = fc
    .array(fc.tuple(fc.constantFrom(...BACKUP_KINDS), offset), { maxLength: 120 })
    .map((list) => list.map(([kind, ms]) => entry(kind, now.getTime() + ms)));
  const past = (e: BackupEntry) => Date.parse(e.createdAt) <= now.getTime();

  it('keeps a subset that is stable under a second pruning, within the tier limits', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const kept = selectBackupsToKeep(entries, now);
        const ids = new Set(entries.map((e) => e.id));
        expect([...kept].every((id) => ids.has(id))).toBe(true);
        const survivors = entries.filter((e) => kept.has(e.id));
        expect(selectBackupsToKeep(survivors, now)).toEqual(kept);
        expect(survivors.filter((e) => e.kind === 'auto' && past(e)).length).toBeLessThanOrEqual(19);
        expect(survivors.filter((e) => e.kind === 'launch' && past(e)).length).toBeLessThanOrEqual(10);
      }),
    );
  });

  it('always keeps the newest auto backup, future backups and young pre-* backups', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const kept = selectBackupsToKeep(entries, now);
        const autos = entries.filter((e) => e.kind === 'auto' && past(e)).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
        if (autos[0]) expect(kept.has(autos[0].id)).toBe(true);
        for (const e of entries) {
          const age = now.getTime() - Date.parse(e.createdAt);
          if (age < 0 || (e.kind.startsWith('pre-') && age < 30 * DAY)) expect(kept.has(e.id)).toBe(true);
        }
      }),
    );
  });

  it('pruning after every auto backup ends where pruning once does', () => {
    const times = fc.uniqueArray(fc.integer({ min: -20 * DAY, max: 0 }), { maxLength: 150 });
    fc.assert(
      fc.property(times, (offsets) => {
        const autos = offsets.map((ms) => entry('auto', now.getTime() + ms));
        const once = selectBackupsToKeep(autos, now);
        expect(new Set(pruneIncrementally(autos, now).map((e) => e.id))).toEqual(once);
      }),
    );
  });
});
