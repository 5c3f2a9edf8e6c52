import { z } from 'zod';
import type { ArrowRecord } from './arrow.ts';
import { arrowRecordSchema } from './arrow.ts';
import type { NoteRecord } from './note.ts';
import { noteRecordSchema } from './note.ts';
import type { ProjectSettings } from './projectSettings.ts';
import { projectSettingsSchema } from './projectSettings.ts';
import type { DocRecord, RecordKind } from './records.ts';
import { RECORD_KINDS } from './records.ts';
import type { SceneRecord } from './scene.ts';
import { sceneRecordSchema } from './scene.ts';
import type { ShotRecord } from './shot.ts';
import { shotRecordSchema } from './shot.ts';
import type { TakeRecord } from './take.ts';
import { takeRecordSchema } from './take.ts';

export const MAX_SHOTS = 200_000;
export const MAX_RECORDS = 400_000;
/** A feature film runs to a few thousand shots with tens of takes each. */
export const MAX_TAKES = 200_000;

/**
 * What the renderer edits and sends to main: settings and records by kind. The project file adds
 * what main keeps on its own (tombstones) around it.
 */
export interface DocumentData {
  readonly settings: ProjectSettings;
  readonly shots: readonly ShotRecord[];
  readonly scenes: readonly SceneRecord[];
  readonly notes: readonly NoteRecord[];
  readonly arrows: readonly ArrowRecord[];
  readonly takes: readonly TakeRecord[];
}

export const documentDataSchema = z.strictObject({
  settings: projectSettingsSchema,
  shots: z.array(shotRecordSchema).max(MAX_SHOTS),
  scenes: z.array(sceneRecordSchema).max(MAX_SHOTS),
  notes: z.array(noteRecordSchema).max(MAX_SHOTS),
  arrows: z.array(arrowRecordSchema).max(MAX_SHOTS),
  takes: z.array(takeRecordSchema).max(MAX_TAKES),
});

/** The collection of `data` that holds records of each kind. */
export type RecordCollection = 'shots' | 'scenes' | 'notes' | 'arrows' | 'takes';

export const COLLECTION_OF: Readonly<Record<RecordKind, RecordCollection>> = {
  shot: 'shots',
  scene: 'scenes',
  note: 'notes',
  arrow: 'arrows',
  take: 'takes',
};

/** All records of a document, every kind. */
export function allRecords(data: Pick<DocumentData, RecordCollection>): DocRecord[] {
  return [...data.shots, ...data.scenes, ...data.notes, ...data.arrows, ...data.takes];
}

/** A deleted record, remembered for a while so a future sync engine can propagate the delete. */
export interface Tombstone {
  readonly id: string;
  readonly kind: RecordKind;
  readonly deletedAt: number;
}

export const tombstoneSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(RECORD_KINDS),
  deletedAt: z.number().int().min(0),
});

/** How long a tombstone is kept before compaction drops it. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
