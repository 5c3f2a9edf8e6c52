import { z } from 'zod';
import type { SceneId } from '../ids.ts';

/** Scene frame colours (header tint); the same palette the Resolve marker export can name. */
export const SCENE_COLORS = ['#4c8dff', '#3ecf8e', '#f2b33d', '#e36bd0', '#9b6cff', '#2bb3c0', '#f25c54', '#7a7f87'] as const;
export type SceneColor = (typeof SCENE_COLORS)[number];

/** Height of a scene's header bar in world units; a collapsed scene is only its header. */
export const SCENE_HEADER_HEIGHT = 40;
/** Padding between a scene's edge and the shots it was made from. */
export const SCENE_PADDING = 32;

/**
 * A titled frame on the canvas that groups shots ("SC 12 · INT. KITCHEN · NIGHT"). Shots belong
 * to it through `shot.sceneId`; moving the scene moves them.
 */
export interface SceneRecord {
  readonly id: SceneId;
  readonly kind: 'scene';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Scene number as the script has it ("12", "12A"); shot numbers derive from it. */
  readonly number: string;
  readonly title: string;
  readonly color: SceneColor;
  /** Collapsed scenes show only their header; their shots are hidden on the canvas. */
  readonly collapsed: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly rev: number;
}

export const sceneRecordSchema = z.strictObject({
  id: z.uuid(),
  kind: z.literal('scene'),
  x: z.number().min(-1e7).max(1e7),
  y: z.number().min(-1e7).max(1e7),
  width: z.number().min(40).max(1e7),
  height: z.number().min(SCENE_HEADER_HEIGHT).max(1e7),
  number: z.string().max(20),
  title: z.string().max(500),
  color: z.enum(SCENE_COLORS),
  collapsed: z.boolean(),
  createdAt: z.number().int().min(0),
  updatedAt: z.number().int().min(0),
  rev: z.number().int().min(0),
});
