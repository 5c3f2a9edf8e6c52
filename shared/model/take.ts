import { z } from 'zod';
import type { ShotId, TakeId } from '../ids.ts';
import type { FrameRate } from './frameRate.ts';
import { frameRateSchema } from './frameRate.schema.ts';
import { MEDIA_PATH_PATTERN } from './media.ts';

/**
 * A take: one attempt at a shot (generated, filmed or imported). It holds the recipe (intent as
 * data), the output (a media file in the project folder plus its trim) and the judgement
 * (intent versus output). The reproducibility status is derived, never stored.
 */

export const VIDEO_MIME_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;
export const TAKE_IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const TAKE_MEDIA_MIME_TYPES = [...VIDEO_MIME_TYPES, ...TAKE_IMAGE_MIME_TYPES] as const;
export type TakeMediaMime = (typeof TAKE_MEDIA_MIME_TYPES)[number];

/** A media file in the project folder, with what the prober read from it. Immutable per hash. */
export interface MediaRef {
  /** sha256 of the bytes, hex. */
  readonly hash: string;
  /** `media/<16 hex>/<original name>`, relative to the project folder. */
  readonly path: string;
  /** The original file name (what editors see). */
  readonly name: string;
  readonly kind: 'video' | 'image';
  readonly mime: TakeMediaMime;
  readonly bytes: number;
  /** Container as the prober names it (e.g. "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "png_pipe"). */
  readonly container: string;
  /** Video codec (e.g. "h264", "vp9", "png"). */
  readonly codec: string;
  readonly width: number;
  readonly height: number;
  /** Exact rational frame rate; null for still images. */
  readonly frameRate: FrameRate | null;
  /** Duration in frames at `frameRate`; 1 for still images. */
  readonly durationFrames: number;
  /** Embedded start timecode label ("01:00:10:00", ";" for drop frame), or null. */
  readonly startTimecode: string | null;
  /** The container reports a variable frame rate: frame numbers are approximate. */
  readonly variableFrameRate: boolean;
}

export const INPUT_ROLES = ['init-frame', 'reference', 'driving-video', 'end-frame', 'mask', 'other'] as const;
export type InputRole = (typeof INPUT_ROLES)[number];

/** An input asset of a recipe, imported and hashed like any media. */
export interface RecipeInput {
  readonly role: InputRole;
  readonly hash: string;
  readonly path: string;
  readonly name: string;
}

/** Typed parameters most generators share; anything else goes to `extra`. */
export interface RecipeParams {
  readonly durationSeconds: number | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly fps: number | null;
  readonly steps: number | null;
  readonly guidance: number | null;
  readonly motionStrength: number | null;
  /** Camera-control values (e.g. pan, tilt, zoom, roll, horizontal, vertical), each −10..10. */
  readonly camera: Readonly<Record<string, number>>;
  readonly extra: Readonly<Record<string, string | number | boolean>>;
}

export interface Cost {
  readonly amount: number;
  /** "USD", "EUR", "credits", "GPU-s"… */
  readonly unit: string;
}

export interface Recipe {
  /** A preset id from PROVIDER_PRESETS or free text. */
  readonly provider: string;
  readonly model: string;
  readonly modelVersion: string;
  readonly prompt: string;
  readonly negativePrompt: string;
  /**
   * Decimal digits, so 64-bit seeds survive exactly (a JSON number above 2^53 does not).
   * Null when unknown.
   */
  readonly seed: string | null;
  readonly params: RecipeParams;
  readonly inputs: readonly RecipeInput[];
  readonly cost: Cost | null;
  readonly generationSeconds: number | null;
  /** The user (or the provider preset) says the same recipe does not give the same output. */
  readonly nonDeterministic: boolean;
  /** Motion annotations of the shot at generation time (issue 6); empty until then. */
  readonly annotations: readonly unknown[];
  /** Raw generator metadata read from the file (e.g. ComfyUI prompt/workflow JSON), kept as is. */
  readonly rawMetadata: string | null;
}

export const DEFECT_TYPES = [
  'flicker',
  'temporal-inconsistency',
  'identity-drift',
  'morphing',
  'wrong-motion',
  'wrong-camera-move',
  'artifacts',
  'prompt-ignored',
  'framing',
  'other',
] as const;
export type DefectType = (typeof DEFECT_TYPES)[number];

export const DEFECT_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type DefectSeverity = (typeof DEFECT_SEVERITIES)[number];

export interface Defect {
  readonly id: string;
  readonly type: DefectType;
  readonly severity: DefectSeverity;
  /** Frame range within the take's media (0-based, inclusive), or null for the whole take. */
  readonly startFrame: number | null;
  readonly endFrame: number | null;
  readonly note: string;
}

export const VERDICTS = ['select', 'hold', 'reject', 'regenerate'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Judgement {
  /** What was wanted (pre-filled from the shot description and the prompt). */
  readonly intent: string;
  /** What came out. */
  readonly observation: string;
  readonly defects: readonly Defect[];
  /** Control precision 1–5, or null until judged. */
  readonly score: number | null;
  readonly verdict: Verdict | null;
}

export interface TakeRecord {
  readonly id: TakeId;
  readonly kind: 'take';
  readonly shotId: ShotId;
  /** The take this one was forked from (lineage), or null. */
  readonly parentTakeId: TakeId | null;
  /** Take number within the shot (1, 2, 3…), shown as "T3"; never reused. */
  readonly number: number;
  readonly label: string;
  /** The output; null for a take planned from a recipe before anything was generated. */
  readonly media: MediaRef | null;
  /** Trim within the media in frames (0-based, out exclusive); null = the whole clip. */
  readonly trimIn: number | null;
  readonly trimOut: number | null;
  readonly recipe: Recipe;
  readonly judgement: Judgement;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly rev: number;
}

const HASH = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest');
const MEDIA_PATH = z
  .string()
  .max(300)
  .regex(MEDIA_PATH_PATTERN, 'must be media/<16 hex>/<file name>')
  .refine((p) => !p.split('/').some((part) => part === '..' || part === '.'), 'must not contain . or .. segments');
const dictionaryKey = z
  .string()
  .min(1)
  .max(100)
  .refine((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype', 'reserved key');
const finite = z.number().finite();

export const mediaRefSchema = z.strictObject({
  hash: HASH,
  path: MEDIA_PATH,
  name: z.string().min(1).max(255),
  kind: z.enum(['video', 'image']),
  mime: z.enum(TAKE_MEDIA_MIME_TYPES),
  bytes: z.number().int().min(0),
  container: z.string().max(200),
  codec: z.string().max(100),
  width: z.number().int().min(1).max(65_535),
  height: z.number().int().min(1).max(65_535),
  frameRate: frameRateSchema.nullable(),
  durationFrames: z.number().int().min(1).max(100_000_000),
  startTimecode: z
    .string()
    .regex(/^\d{2}:\d{2}:\d{2}[:;]\d{2}$/)
    .nullable(),
  variableFrameRate: z.boolean(),
});

export const recipeInputSchema = z.strictObject({ role: z.enum(INPUT_ROLES), hash: HASH, path: MEDIA_PATH, name: z.string().min(1).max(255) });

export const MAX_PROMPT_CHARS = 100_000;
export const MAX_RAW_METADATA_CHARS = 2_000_000;
/** The largest seed: unsigned 64-bit. */
export const MAX_SEED = 2n ** 64n - 1n;

export const seedSchema = z
  .string()
  .regex(/^\d{1,20}$/, 'must be a whole number written in decimal digits')
  // Zod runs this check even when the regex failed; BigInt("1.5") would throw out of safeParse.
  .refine((s) => !/^\d{1,20}$/.test(s) || BigInt(s) <= MAX_SEED, 'must fit in 64 bits (at most 18446744073709551615)');

export const recipeParamsSchema = z.strictObject({
  durationSeconds: finite.min(0).max(86_400).nullable(),
  width: z.number().int().min(1).max(65_535).nullable(),
  height: z.number().int().min(1).max(65_535).nullable(),
  fps: finite.min(0).max(1000).nullable(),
  steps: z.number().int().min(0).max(100_000).nullable(),
  guidance: finite.min(0).max(1000).nullable(),
  motionStrength: finite.min(0).max(1000).nullable(),
  camera: z.record(dictionaryKey, finite.min(-1000).max(1000)),
  extra: z.record(dictionaryKey, z.union([z.string().max(10_000), finite, z.boolean()])),
});

export const recipeSchema = z.strictObject({
  provider: z.string().max(200),
  model: z.string().max(200),
  modelVersion: z.string().max(200),
  prompt: z.string().max(MAX_PROMPT_CHARS),
  negativePrompt: z.string().max(MAX_PROMPT_CHARS),
  seed: seedSchema.nullable(),
  params: recipeParamsSchema,
  inputs: z.array(recipeInputSchema).max(100),
  cost: z.strictObject({ amount: finite.min(0).max(1e9), unit: z.string().min(1).max(20) }).nullable(),
  generationSeconds: finite.min(0).max(1e7).nullable(),
  nonDeterministic: z.boolean(),
  annotations: z.array(z.unknown()).max(1000),
  rawMetadata: z.string().max(MAX_RAW_METADATA_CHARS).nullable(),
});

export const defectSchema = z
  .strictObject({
    id: z.uuid(),
    type: z.enum(DEFECT_TYPES),
    severity: z.enum(DEFECT_SEVERITIES),
    startFrame: z.number().int().min(0).max(100_000_000).nullable(),
    endFrame: z.number().int().min(0).max(100_000_000).nullable(),
    note: z.string().max(10_000),
  })
  .refine((d) => (d.startFrame === null) === (d.endFrame === null), { message: 'a frame range needs both ends', path: ['endFrame'] })
  .refine((d) => d.startFrame === null || d.endFrame === null || d.endFrame >= d.startFrame, { message: 'must not end before it starts', path: ['endFrame'] });

export const judgementSchema = z.strictObject({
  intent: z.string().max(20_000),
  observation: z.string().max(20_000),
  defects: z.array(defectSchema).max(500),
  score: z.number().int().min(1).max(5).nullable(),
  verdict: z.enum(VERDICTS).nullable(),
});

export const takeRecordSchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.literal('take'),
    shotId: z.uuid(),
    parentTakeId: z.uuid().nullable(),
    number: z.number().int().min(1).max(1_000_000),
    label: z.string().max(200),
    media: mediaRefSchema.nullable(),
    trimIn: z.number().int().min(0).max(100_000_000).nullable(),
    trimOut: z.number().int().min(1).max(100_000_000).nullable(),
    recipe: recipeSchema,
    judgement: judgementSchema,
    createdAt: z.number().int().min(0),
    updatedAt: z.number().int().min(0),
    rev: z.number().int().min(0),
  })
  .refine((t) => t.trimIn === null || t.trimOut === null || t.trimOut > t.trimIn, { message: 'trim out must be after trim in', path: ['trimOut'] })
  .refine((t) => t.parentTakeId !== t.id, { message: 'a take cannot be its own parent', path: ['parentTakeId'] });

export function emptyRecipeParams(): RecipeParams {
  return { durationSeconds: null, width: null, height: null, fps: null, steps: null, guidance: null, motionStrength: null, camera: {}, extra: {} };
}

export function emptyRecipe(): Recipe {
  return {
    provider: '',
    model: '',
    modelVersion: '',
    prompt: '',
    negativePrompt: '',
    seed: null,
    params: emptyRecipeParams(),
    inputs: [],
    cost: null,
    generationSeconds: null,
    nonDeterministic: false,
    annotations: [],
    rawMetadata: null,
  };
}

export function emptyJudgement(intent = ''): Judgement {
  return { intent, observation: '', defects: [], score: null, verdict: null };
}
