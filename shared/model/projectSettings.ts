import { z } from 'zod';
import type { FrameRate } from './frameRate.ts';
import { isDropFrameCapable, timecodeBase } from './frameRate.ts';
import { frameRateSchema } from './frameRate.schema.ts';
import type { RetiredModel } from '../takes/retiredModels.ts';
import { retiredModelsSchema } from '../takes/retiredModels.ts';

/** Timeline settings of a project; the record start is stored in frames, shown as timecode. */
export interface ProjectSettings {
  readonly name: string;
  readonly frameRate: FrameRate;
  /** Drop-frame timecode display (29.97 / 59.94 only). */
  readonly dropFrame: boolean;
  readonly width: number;
  readonly height: number;
  /** Record start of the cut in frames at `frameRate` (default 01:00:00:00, Resolve's default). */
  readonly recordStartFrames: number;
  /**
   * Hosted models known to be switched off (editable; new projects start from
   * DEFAULT_RETIRED_MODELS). Kept per project so a take's "model retired" status is explained by
   * data the user can see and correct, not by a list baked into the app.
   */
  readonly retiredModels: readonly RetiredModel[];
}

export const projectSettingsSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    frameRate: frameRateSchema,
    dropFrame: z.boolean(),
    width: z.number().int().min(16).max(16384),
    height: z.number().int().min(16).max(16384),
    recordStartFrames: z.number().int().min(0).max(10_000_000),
    retiredModels: retiredModelsSchema,
  })
  .refine((s) => !s.dropFrame || isDropFrameCapable(s.frameRate), {
    message: 'drop-frame timecode exists only at 29.97 and 59.94 fps',
    path: ['dropFrame'],
  });

export function defaultRecordStart(rate: FrameRate, dropFrame: boolean): number {
  const base = timecodeBase(rate);
  // One hour of labels: 3600 × base, minus the labels drop-frame skips in 54 of the 60 minutes.
  return dropFrame ? base * 3600 - (base / 15) * 54 : base * 3600;
}

export interface ResolutionPreset {
  readonly label: string;
  readonly width: number;
  readonly height: number;
}

export const RESOLUTION_PRESETS: readonly ResolutionPreset[] = [
  { label: 'HD 1920 × 1080 (16:9)', width: 1920, height: 1080 },
  { label: 'UHD 3840 × 2160 (16:9)', width: 3840, height: 2160 },
  { label: 'DCI 2K 2048 × 1080', width: 2048, height: 1080 },
  { label: 'DCI 4K 4096 × 2160', width: 4096, height: 2160 },
  { label: 'HD 1280 × 720 (16:9)', width: 1280, height: 720 },
  { label: 'Vertical 1080 × 1920 (9:16)', width: 1080, height: 1920 },
  { label: 'Square 1080 × 1080 (1:1)', width: 1080, height: 1080 },
  { label: 'Scope 2560 × 1072 (2.39:1)', width: 2560, height: 1072 },
];
