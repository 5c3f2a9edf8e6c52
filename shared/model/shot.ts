import { z } from 'zod';
import type { SceneId, ShotId, TakeId } from '../ids.ts';
import type { FrameRef } from './media.ts';
import { frameRefSchema } from './media.ts';

export const SHOT_STATUSES = ['idea', 'planned', 'generating', 'in-review', 'approved', 'locked', 'omitted'] as const;
export type ShotStatus = (typeof SHOT_STATUSES)[number];

/** Card geometry in world units. The thumbnail is 16:9; the footer carries number and metadata. */
export const SHOT_CARD = { width: 240, thumbHeight: 135, footerHeight: 56 } as const;
export const SHOT_CARD_HEIGHT = SHOT_CARD.thumbHeight + SHOT_CARD.footerHeight;

/**
 * One planned camera setup. Every persisted record has a stable id, a per-record revision and
 * `updatedAt` so it can later be synced by an existing engine without a migration.
 */
export interface ShotRecord {
  readonly id: ShotId;
  readonly kind: 'shot';
  /** World position of the card's top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly title: string;
  readonly description: string;
  readonly dialogue: string;
  readonly action: string;
  readonly shotSize: string;
  readonly angle: string;
  readonly movement: string;
  readonly lens: string;
  /** Planned length in frames at the project rate; null until someone decides it. */
  readonly plannedDurationFrames: number | null;
  readonly status: ShotStatus;
  readonly tags: readonly string[];
  /** User-defined fields (key → value), e.g. "Location", "VFX". */
  readonly customFields: Readonly<Record<string, string>>;
  /** Manual shot number; when null the number is derived from scene number and order. */
  readonly numberOverride: string | null;
  readonly sceneId: SceneId | null;
  /** Cut order as a fractional index, so moving one shot writes one record. */
  readonly order: string;
  readonly selectedTakeId: TakeId | null;
  /** The storyboard frame (an image in the project's media folder), or null. */
  readonly frame: FrameRef | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Incremented on every change of this record (optimistic concurrency, future sync). */
  readonly rev: number;
}

const text = (max: number) => z.string().max(max);
const dictionaryKey = z
  .string()
  .min(1)
  .max(100)
  .refine((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype', 'reserved key');

export const shotRecordSchema = z.strictObject({
  id: z.uuid(),
  kind: z.literal('shot'),
  x: z.number().min(-1e7).max(1e7),
  y: z.number().min(-1e7).max(1e7),
  title: text(500),
  description: text(20_000),
  dialogue: text(20_000),
  action: text(20_000),
  shotSize: text(100),
  angle: text(100),
  movement: text(200),
  lens: text(100),
  plannedDurationFrames: z.number().int().min(1).max(100_000_000).nullable(),
  status: z.enum(SHOT_STATUSES),
  tags: z.array(text(100)).max(200),
  customFields: z.record(dictionaryKey, text(10_000)),
  numberOverride: text(20).nullable(),
  sceneId: z.uuid().nullable(),
  order: z.string().min(1).max(200),
  selectedTakeId: z.uuid().nullable(),
  frame: frameRefSchema.nullable(),
  createdAt: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
  rev: z.number().int().min(0),
});

export type ShotDraft = Pick<ShotRecord, 'x' | 'y'> & Partial<Omit<ShotRecord, 'id' | 'kind' | 'x' | 'y'>>;

export function makeShot(id: ShotId, draft: ShotDraft & { order: string }, now: number): ShotRecord {
  return {
    title: '',
    description: '',
    dialogue: '',
    action: '',
    shotSize: '',
    angle: '',
    movement: '',
    lens: '',
    plannedDurationFrames: null,
    status: 'idea',
    tags: [],
    customFields: {},
    numberOverride: null,
    sceneId: null,
    selectedTakeId: null,
    frame: null,
    createdAt: now,
    updatedAt: now,
    rev: 0,
    ...draft,
    id,
    kind: 'shot',
  };
}
