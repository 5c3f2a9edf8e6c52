import { z } from 'zod';
import type { NoteId } from '../ids.ts';

export const NOTE_COLORS = ['#f2d36b', '#8fd3a8', '#8fb8f2', '#f2a0c4', '#c9b3f2'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

export const NOTE_SIZE = { width: 200, height: 140 } as const;

/** A sticky note on the canvas: free text for ideas, reminders, script excerpts. */
export interface NoteRecord {
  readonly id: NoteId;
  readonly kind: 'note';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly text: string;
  readonly color: NoteColor;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly rev: number;
}

export const noteRecordSchema = z.strictObject({
  id: z.uuid(),
  kind: z.literal('note'),
  x: z.number().min(-1e7).max(1e7),
  y: z.number().min(-1e7).max(1e7),
  width: z.number().min(40).max(10_000),
  height: z.number().min(40).max(10_000),
  text: z.string().max(20_000),
  color: z.enum(NOTE_COLORS),
  createdAt: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
  rev: z.number().int().min(0),
});
