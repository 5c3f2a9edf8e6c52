import { z } from 'zod';
import type { ArrowId } from '../ids.ts';

/**
 * An arrow from one card (shot, note or scene) to another: story flow, "match cut to", a note
 * pointing at a shot. It follows its ends when they move; deleting an end deletes the arrow.
 */
export interface ArrowRecord {
  readonly id: ArrowId;
  readonly kind: 'arrow';
  readonly fromId: string;
  readonly toId: string;
  readonly label: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly rev: number;
}

export const arrowRecordSchema = z.strictObject({
  id: z.uuid(),
  kind: z.literal('arrow'),
  fromId: z.uuid(),
  toId: z.uuid(),
  label: z.string().max(200),
  createdAt: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
  rev: z.number().int().min(0),
});
