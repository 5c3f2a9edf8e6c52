import { z } from 'zod';
import type { ArrowRecord } from './arrow.ts';
import { arrowRecordSchema } from './arrow.ts';
import type { NoteRecord } from './note.ts';
import { noteRecordSchema } from './note.ts';
import type { SceneRecord } from './scene.ts';
import { sceneRecordSchema } from './scene.ts';
import type { ShotRecord } from './shot.ts';
import { shotRecordSchema } from './shot.ts';

/** Every record kind of the document. Ids are UUIDs, unique across kinds. */
export type DocRecord = ShotRecord | SceneRecord | NoteRecord | ArrowRecord;
export type RecordKind = DocRecord['kind'];
export const RECORD_KINDS = ['shot', 'scene', 'note', 'arrow'] as const satisfies readonly RecordKind[];

export const docRecordSchema = z.discriminatedUnion('kind', [shotRecordSchema, sceneRecordSchema, noteRecordSchema, arrowRecordSchema]);

export type RecordOfKind<K extends RecordKind> = Extract<DocRecord, { kind: K }>;
