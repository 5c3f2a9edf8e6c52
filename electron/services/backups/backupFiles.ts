// How backups are stored in `.backups/`: file names (which are the ids), the index schema, compression.
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import { MAX_PROJECT_FILE_BYTES } from '../../../shared/model/projectFile.ts';
import type { BackupEntry, BackupKind } from './backupPolicy.ts';
import { BACKUP_KINDS, isBackupKind } from './backupPolicy.ts';

export const BACKUPS_FOLDER = '.backups';
export const BACKUP_INDEX_FILE = 'index.json';
export const MAX_BACKUP_NOTE_LENGTH = 1000;

/** `<yyyymmddThhmmssSSSZ>_<kind>_r<revision>.json.gz`; nothing else is ever a backup id. */
const ID_PATTERN = new RegExp(`^(\\d{8}T\\d{9}Z)_(${BACKUP_KINDS.join('|')})_r(\\d{1,15})\\.json\\.gz$`);

export function backupIdFor(createdAt: Date, kind: BackupKind, revision: number): string {
  const iso = createdAt.toISOString();
  if (!/^\d{4}-/.test(iso) || !Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`Cannot name a backup made at ${iso} of revision ${revision}`);
  }
  return `${iso.replace(/[-:.]/g, '')}_${kind}_r${revision}.json.gz`;
}

/** Splits a backup id into its parts, or null when it is not exactly a backup file name. */
export function parseBackupId(id: unknown): { createdAt: string; kind: BackupKind; revision: number } | null {
  if (typeof id !== 'string') return null;
  const match = ID_PATTERN.exec(id);
  if (!match) return null;
  const [, stamp = '', kind, revision = ''] = match;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  const time = Date.parse(iso);
  if (!Number.isFinite(time) || new Date(time).toISOString() !== iso || !isBackupKind(kind)) return null;
  return { createdAt: iso, kind, revision: Number(revision) };
}

export const entrySchema = z.object({
  id: z.string().regex(ID_PATTERN),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.iso.datetime(),
  revision: z.number().int().min(0),
  schemaVersion: z.number().int().min(0),
  projectId: z.string().max(200),
  contentHash: z.string().max(200),
  sizeBytes: z.number().int().min(0),
  shotCount: z.number().int().min(0),
  takeCount: z.number().int().min(0),
  note: z.string().max(MAX_BACKUP_NOTE_LENGTH).nullable(),
});
export const indexSchema = z.array(entrySchema).refine((list) => new Set(list.map((e) => e.id)).size === list.length, 'duplicate backup ids');

export function gzipBytes(data: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => gzip(data, (error, out) => (error ? reject(error) : resolve(out))));
}

export function gunzipBytes(data: Uint8Array): Promise<Buffer> {
  // The output cap stops a tiny crafted file from inflating into gigabytes.
  return new Promise((resolve, reject) => gunzip(data, { maxOutputLength: MAX_PROJECT_FILE_BYTES }, (error, out) => (error ? reject(error) : resolve(out))));
}

/** Newest first; equal times by id, so the order never depends on the input order. */
export function newestFirst(a: BackupEntry, b: BackupEntry): number {
  const diff = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return diff !== 0 ? diff : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The schema version as written in the text's header (serializeProjectFile puts the envelope first). */
export function writtenSchemaVersion(text: string): number | null {
  const match = /^\{\s*(?:"[a-zA-Z]+":\s*(?:"[^"\\]*"|\d+|\{[^{}]*\}),\s*)*"schemaVersion":\s*(\d{1,9})\s*[,}]/.exec(text.slice(0, 4096));
  return match ? Number(match[1]) : null;
}
