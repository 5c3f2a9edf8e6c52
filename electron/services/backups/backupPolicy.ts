/**
 * Which backups in `.backups/` survive pruning, and when the next rolling backup is due. Pure: the
 * clock is a parameter and nothing here touches the disk, so the rules are tested with a fake clock.
 */

import type { BackupKind } from '../../../shared/ipc/contract.ts';

export type { BackupKind };

export const BACKUP_KINDS = ['auto', 'launch', 'pre-migration', 'pre-import', 'pre-bulk-delete', 'pre-restore', 'pre-recovery'] as const;

// Fails to compile if BACKUP_KINDS and BackupKind ever disagree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<BackupKind, (typeof BACKUP_KINDS)[number]> = true;
void kindsMatch;

export function isBackupKind(value: unknown): value is BackupKind {
  return typeof value === 'string' && (BACKUP_KINDS as readonly string[]).includes(value);
}

/** One backup as listed in `.backups/index.json` and shown in the "Project history" panel. */
export interface BackupEntry {
  /** The backup's file name in `.backups/`: `<yyyymmddThhmmssSSSZ>_<kind>_r<revision>.json.gz`. */
  id: string;
  kind: BackupKind;
  /** ISO 8601 (UTC). */
  createdAt: string;
  revision: number;
  schemaVersion: number;
  projectId: string;
  contentHash: string;
  /** On disk, compressed. */
  sizeBytes: number;
  shotCount: number;
  takeCount: number;
  note: string | null;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A rolling backup is taken at most this often, and only when the content changed. */
export const AUTO_BACKUP_INTERVAL_MS = 10 * MINUTE_MS;

/** Rolling generations: the newest backup of each of the most recent `keep` distinct buckets. */
export const AUTO_TIERS: readonly { readonly bucketMs: number; readonly keep: number }[] = [
  { bucketMs: 10 * MINUTE_MS, keep: 6 },
  { bucketMs: HOUR_MS, keep: 8 },
  { bucketMs: DAY_MS, keep: 5 },
];
export const LAUNCH_BACKUPS_KEPT = 10;
export const PRE_BACKUP_MAX_AGE_MS = 30 * DAY_MS;

interface Dated {
  readonly entry: BackupEntry;
  readonly time: number;
}

/** Newest first; equal times are ordered by id so the result never depends on input order. */
function newestFirst(a: Dated, b: Dated): number {
  if (a.time !== b.time) return b.time - a.time;
  return a.entry.id < b.entry.id ? 1 : a.entry.id > b.entry.id ? -1 : 0;
}

function datedEntries(entries: readonly BackupEntry[]): Dated[] {
  return entries.map((entry) => ({ entry, time: Date.parse(entry.createdAt) }));
}

/**
 * The ids of the backups to keep; every other backup may be deleted.
 *
 * - Backups dated in the future (the clock was wrong when they were made, or is wrong now) and
 *   backups whose date cannot be read are always kept: we never delete what we cannot place in
 *   time. They take no part in the rules below.
 * - 'auto' (rolling generations): time is cut into UTC buckets of 10 minutes, 1 hour and 1 day.
 *   Kept: the newest backup in each of the 6 most recent 10-minute buckets that contain a backup,
 *   plus the newest in each of the 8 most recent such hour buckets, plus the newest in each of the
 *   5 most recent such day buckets. UTC buckets nest (a 10-minute bucket lies inside one hour, an
 *   hour inside one day), so one backup can serve several tiers; at most 6 + 8 + 5 = 19 are kept.
 *   The newest auto backup is always kept (it is the newest of the most recent 10-minute bucket).
 *   Because of the nesting, pruning an already-pruned list keeps it unchanged.
 * - 'launch' (the state at each app launch): the 10 newest.
 * - every 'pre-*' kind (before a migration, import, bulk delete, restore or recovery): kept while
 *   younger than 30 days. The newest 'pre-restore' is kept at any age, so the last restore can
 *   always be undone.
 */
export function selectBackupsToKeep(entries: readonly BackupEntry[], now: Date): Set<string> {
  const nowMs = now.getTime();
  const keep = new Set<string>();
  const dated: Dated[] = [];
  for (const item of datedEntries(entries)) {
    if (!Number.isFinite(item.time) || item.time > nowMs) keep.add(item.entry.id);
    else dated.push(item);
  }
  dated.sort(newestFirst);

  const autos = dated.filter((d) => d.entry.kind === 'auto');
  for (const tier of AUTO_TIERS) {
    const buckets = new Set<number>();
    for (const { entry, time } of autos) {
      const bucket = Math.floor(time / tier.bucketMs);
      if (buckets.has(bucket)) continue; // an older backup of a bucket already served
      if (buckets.size >= tier.keep) break;
      buckets.add(bucket);
      keep.add(entry.id);
    }
  }
  if (autos[0]) keep.add(autos[0].entry.id);

  for (const { entry } of dated.filter((d) => d.entry.kind === 'launch').slice(0, LAUNCH_BACKUPS_KEPT)) keep.add(entry.id);

  let newestPreRestoreSeen = false;
  for (const { entry, time } of dated) {
    if (!entry.kind.startsWith('pre-')) continue;
    if (nowMs - time < PRE_BACKUP_MAX_AGE_MS) keep.add(entry.id);
    if (entry.kind === 'pre-restore' && !newestPreRestoreSeen) {
      newestPreRestoreSeen = true;
      keep.add(entry.id);
    }
  }
  return keep;
}

/**
 * Whether a rolling backup of content `contentHash` is due now: when there is no auto backup yet,
 * or the newest one is at least 10 minutes old and holds different content. Auto backups dated in
 * the future are ignored here, so a clock that jumped back does not stop rolling backups.
 */
export function shouldTakeAutoBackup(entries: readonly BackupEntry[], now: Date, contentHash: string): boolean {
  const nowMs = now.getTime();
  const autos = datedEntries(entries)
    .filter((d) => d.entry.kind === 'auto' && Number.isFinite(d.time) && d.time <= nowMs)
    .sort(newestFirst);
  const newest = autos[0];
  if (!newest) return true;
  return nowMs - newest.time >= AUTO_BACKUP_INTERVAL_MS && newest.entry.contentHash !== contentHash;
}
