import { z } from 'zod';
import type { ArrowRecord } from './arrow.ts';
import { arrowRecordSchema } from './arrow.ts';
import type { NoteRecord } from './note.ts';
import { noteRecordSchema } from './note.ts';
import type { SceneRecord } from './scene.ts';
import { sceneRecordSchema } from './scene.ts';
import type { ShotRecord } from './shot.ts';
import { shotRecordSchema } from './shot.ts';
import type { TakeRecord } from './take.ts';
import { takeRecordSchema } from './take.ts';

/** Every record kind of the document. Ids are UUIDs, unique across kinds. */
export type DocRecord = ShotRecord | SceneRecord | NoteRecord | ArrowRecord | TakeRecord;
export type RecordKind = DocRecord['kind'];
export const RECORD_KINDS = ['shot', 'scene', 'note', 'arrow', 'take'] as const satisfies readonly RecordKind[];

export const docRecordSchema = z.discriminatedUnion('kind', [shotRecordSchema, sceneRecordSchema, noteRecordSchema, arrowRecordSchema, takeRecordSchema]);

export type RecordOfKind<K extends RecordKind> = Extract<DocRecord, { kind: K }>;

/** Records drawn as cards on the canvas (they have a position). Arrows follow their ends; takes live inside their shot. */
export type CanvasRecord = ShotRecord | SceneRecord | NoteRecord;

export function isCanvasRecord(record: DocRecord | undefined | null): record is CanvasRecord {
  return record?.kind === 'shot' || record?.kind === 'scene' || record?.kind === 'note';
}
