import { z } from 'zod';
import type { ProjectSettings } from './projectSettings.ts';
import { projectSettingsSchema } from './projectSettings.ts';
import type { ShotRecord } from './shot.ts';
import { shotRecordSchema } from './shot.ts';

export const MAX_SHOTS = 200_000;

/**
 * What the renderer edits and sends to main: settings and records. The project file adds what
 * main keeps on its own (tombstones) around it.
 */
export interface DocumentData {
  readonly settings: ProjectSettings;
  readonly shots: readonly ShotRecord[];
}

export const documentDataSchema = z.strictObject({
  settings: projectSettingsSchema,
  shots: z.array(shotRecordSchema).max(MAX_SHOTS),
});

/** A deleted record, remembered for a while so a future sync engine can propagate the delete. */
export interface Tombstone {
  readonly id: string;
  readonly kind: 'shot';
  readonly deletedAt: number;
}

export const tombstoneSchema = z.strictObject({
  id: z.uuid(),
  kind: z.literal('shot'),
  deletedAt: z.number().int().min(0),
});

/** How long a tombstone is kept before compaction drops it. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
