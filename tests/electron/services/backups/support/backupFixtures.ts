import { randomUUID } from 'node:crypto';
import { contentHashOf } from '../../../../../electron/services/contentHash.ts';
import type { BackupEntry, BackupKind } from '../../../../../electron/services/backups/backupPolicy.ts';
import { PROJECT_FORMAT_ID } from '../../../../../shared/identity.ts';
import type { ProjectFile } from '../../../../../shared/model/projectFile.ts';
import { parseProjectFileText } from '../../../../../shared/model/projectFile.ts';
import { settings, shot } from '../../support/projectData.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A clock the test moves by hand. */
export function fakeClock(start: Date | string) {
  let time = new Date(start).getTime();
  return {
    now: () => new Date(time),
    set: (to: Date | string) => {
      time = new Date(to).getTime();
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

export interface SampleOptions {
  readonly revision?: number;
  readonly shots?: number;
  readonly projectId?: string;
  /** Replaces fields of the envelope after the hash was computed (e.g. a newer schemaVersion). */
  readonly envelope?: Record<string, unknown>;
}

/**
 * The text of a `project.json` as the app writes it (envelope first, one-space indent) and the
 * parsed ProjectFile. Written in project format 1, which every build reads (migrating when newer).
 */
export function sampleProject(options: SampleOptions = {}): { file: ProjectFile; text: string } {
  const data = { settings: settings(), shots: Array.from({ length: options.shots ?? 2 }, (_, i) => shot({ title: `Shot ${i + 1}` })) };
  const raw = {
    format: PROJECT_FORMAT_ID,
    schemaVersion: 1,
    projectId: options.projectId ?? randomUUID(),
    writtenBy: { app: 'Shotcanvas', version: '0.1.0' },
    minReaderVersion: '0.1.0',
    revision: options.revision ?? 7,
    savedAt: '2025-03-04T05:06:07.000Z',
    contentHash: contentHashOf(data),
    data,
    ...options.envelope,
  };
  const text = `${JSON.stringify(raw, null, 1)}\n`;
  const parsed = parseProjectFileText(text, 'fixture');
  if (parsed.ok) return { file: parsed.value, text };
  // A deliberately unreadable sample (newer version): build the file by hand.
  return { file: { ...raw, data: { ...data, tombstones: [] } } as unknown as ProjectFile, text };
}

let counter = 0;

/** A policy-test entry; only kind, createdAt and (for auto) contentHash matter to the policy. */
export function entry(kind: BackupKind, createdAt: Date | string | number, contentHash = 'sha256:same'): BackupEntry {
  counter += 1;
  const iso = typeof createdAt === 'string' ? createdAt : new Date(createdAt).toISOString();
  return {
    id: `${iso}_${kind}_${counter}`,
    kind,
    createdAt: iso,
    revision: counter,
    schemaVersion: 1,
    projectId: 'p',
    contentHash,
    sizeBytes: 100,
    shotCount: 1,
    takeCount: 0,
    note: null,
  };
}

/** createdAt of the kept entries, sorted: easy to read in an assertion. */
export function keptTimes(entries: readonly BackupEntry[], kept: ReadonlySet<string>): string[] {
  return entries
    .filter((e) => kept.has(e.id))
    .map((e) => e.createdAt)
    .sort();
}
