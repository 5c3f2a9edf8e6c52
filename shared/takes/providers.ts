import type { Recipe, RecipeParams } from '../model/take.ts';

/**
 * Presets for the generators people use most. A recipe's `provider` is a preset id or free text;
 * a preset only pre-fills (model ids, typical values) and says what a re-run needs. Values here
 * are the generators' usual settings, not limits: any recipe field stays editable.
 */

/** Typed parameters a re-run of this generator depends on (see reproducibility). */
export type RequiredParam = 'durationSeconds' | 'width' | 'height' | 'fps' | 'steps' | 'guidance';

export interface ProviderPreset {
  readonly id: string;
  readonly label: string;
  /** Who runs or publishes it, as retired-model entries name providers. */
  readonly vendor: string;
  /** Hosted: a paid API or web app whose backend can change; local: weights the user runs. */
  readonly kind: 'hosted' | 'local';
  /**
   * The same recipe does not give the same output: the generator takes no seed, or its provider
   * documents that a seed does not guarantee a repeat. New takes start with this value.
   */
  readonly defaultNonDeterministic: boolean;
  /** Model ids as the generator's API or loader names them; the first is the usual choice. */
  readonly models: readonly string[];
  /** Usual values to pre-fill. */
  readonly typicalParams: Partial<Omit<RecipeParams, 'camera' | 'extra'>>;
  /** Camera-control keys the generator accepts (−10..10), if it has camera controls. */
  readonly cameraKeys: readonly string[];
  readonly requiredParams: readonly RequiredParam[];
}

const HOSTED_REQUIRED: readonly RequiredParam[] = ['durationSeconds', 'width', 'height'];
const LOCAL_REQUIRED: readonly RequiredParam[] = ['steps', 'guidance', 'width', 'height'];

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  {
    id: 'runway-gen4',
    label: 'Runway Gen-4 / Gen-4 Turbo',
    vendor: 'Runway',
    kind: 'hosted',
    // The API takes a seed and repeats a generation with it.
    defaultNonDeterministic: false,
    models: ['gen4_turbo', 'gen4'],
    typicalParams: { durationSeconds: 5, width: 1280, height: 720, fps: 24 },
    cameraKeys: [],
    requiredParams: HOSTED_REQUIRED,
  },
  {
    id: 'google-veo-3',
    label: 'Google Veo 3',
    vendor: 'Google',
    kind: 'hosted',
    // Google documents the seed as improving determinism, not guaranteeing it.
    defaultNonDeterministic: true,
    models: ['veo-3.1-generate-001', 'veo-3.1-fast-generate-001', 'veo-3.0-generate-001', 'veo-3.0-fast-generate-001'],
    typicalParams: { durationSeconds: 8, width: 1280, height: 720, fps: 24 },
    cameraKeys: [],
    requiredParams: HOSTED_REQUIRED,
  },
  {
    id: 'openai-sora-2',
    label: 'OpenAI Sora 2',
    vendor: 'OpenAI',
    kind: 'hosted',
    defaultNonDeterministic: true,
    models: ['sora-2', 'sora-2-pro'],
    typicalParams: { durationSeconds: 8, width: 1280, height: 720 },
    cameraKeys: [],
    requiredParams: HOSTED_REQUIRED,
  },
  {
    id: 'kling-2',
    label: 'Kling 2.x',
    vendor: 'Kuaishou',
    kind: 'hosted',
    defaultNonDeterministic: true,
    models: ['kling-v2-1-master', 'kling-v2-1', 'kling-v2-5-turbo', 'kling-v2-master'],
    typicalParams: { durationSeconds: 5, width: 1280, height: 720, guidance: 0.5 },
    cameraKeys: ['horizontal', 'vertical', 'pan', 'tilt', 'roll', 'zoom'],
    requiredParams: HOSTED_REQUIRED,
  },
  {
    id: 'luma-ray-2',
    label: 'Luma Ray 2',
    vendor: 'Luma AI',
    kind: 'hosted',
    defaultNonDeterministic: true,
    models: ['ray-2', 'ray-flash-2'],
    typicalParams: { durationSeconds: 5, width: 1280, height: 720 },
    cameraKeys: [],
    requiredParams: HOSTED_REQUIRED,
  },
  {
    id: 'pika',
    label: 'Pika',
    vendor: 'Pika',
    kind: 'hosted',
    defaultNonDeterministic: true,
    models: ['pika-2.2', 'pika-2.1'],
    typicalParams: { durationSeconds: 5, width: 1280, height: 720, fps: 24 },
    cameraKeys: [],
    requiredParams: HOSTED_REQUIRED,
  },
  {
    id: 'minimax-hailuo',
    label: 'MiniMax Hailuo',
    vendor: 'MiniMax',
    kind: 'hosted',
    defaultNonDeterministic: true,
    models: ['MiniMax-Hailuo-02', 'I2V-01-Director', 'T2V-01-Director'],
    typicalParams: { durationSeconds: 6, width: 1366, height: 768 },
    cameraKeys: [],
    requiredParams: HOSTED_REQUIRED,
  },
  {
    id: 'wan-2-hosted',
    label: 'Alibaba Wan 2.x (hosted)',
    vendor: 'Alibaba Cloud',
    kind: 'hosted',
    // Model Studio takes a seed; hosted backends still change, so a re-run is worth checking.
    defaultNonDeterministic: false,
    models: ['wan2.2-t2v-plus', 'wan2.2-i2v-plus', 'wan2.1-t2v-turbo', 'wan2.1-i2v-turbo'],
    typicalParams: { durationSeconds: 5, width: 1920, height: 1080 },
    cameraKeys: [],
    requiredParams: HOSTED_REQUIRED,
  },
  {
    id: 'wan-2-local',
    label: 'Alibaba Wan 2.x (local)',
    vendor: 'Alibaba',
    kind: 'local',
    defaultNonDeterministic: false,
    models: ['Wan2.2-T2V-A14B', 'Wan2.2-I2V-A14B', 'Wan2.2-TI2V-5B', 'Wan2.1-T2V-14B', 'Wan2.1-I2V-14B-720P'],
    // 81 frames at 16 fps: about five seconds.
    typicalParams: { durationSeconds: 5, width: 1280, height: 720, fps: 16, steps: 40, guidance: 5 },
    cameraKeys: [],
    requiredParams: LOCAL_REQUIRED,
  },
  {
    id: 'hunyuan-video',
    label: 'Hunyuan Video',
    vendor: 'Tencent',
    kind: 'local',
    defaultNonDeterministic: false,
    models: ['HunyuanVideo', 'HunyuanVideo-I2V'],
    typicalParams: { durationSeconds: 5, width: 1280, height: 720, fps: 24, steps: 50, guidance: 6 },
    cameraKeys: [],
    requiredParams: LOCAL_REQUIRED,
  },
  {
    id: 'ltx-video',
    label: 'LTX-Video',
    vendor: 'Lightricks',
    kind: 'local',
    defaultNonDeterministic: false,
    models: ['ltxv-13b-0.9.8-dev', 'ltxv-13b-0.9.8-distilled', 'ltxv-2b-0.9.8-distilled'],
    typicalParams: { width: 768, height: 512, fps: 24, steps: 40, guidance: 3 },
    cameraKeys: [],
    requiredParams: LOCAL_REQUIRED,
  },
  {
    id: 'comfyui',
    label: 'ComfyUI (local)',
    vendor: 'ComfyUI',
    kind: 'local',
    defaultNonDeterministic: false,
    // The model is whatever checkpoint the workflow loads.
    models: [],
    typicalParams: {},
    cameraKeys: [],
    requiredParams: ['steps', 'guidance'],
  },
  {
    id: 'stable-video-diffusion',
    label: 'Stable Video Diffusion',
    vendor: 'Stability AI',
    kind: 'local',
    defaultNonDeterministic: false,
    models: ['svd_xt_1_1', 'svd_xt', 'svd'],
    // motion_bucket_id 127 and 25 frames decoded at 6 fps are the published defaults of SVD-XT.
    typicalParams: { width: 1024, height: 576, fps: 6, steps: 25, guidance: 3, motionStrength: 127 },
    cameraKeys: [],
    requiredParams: LOCAL_REQUIRED,
  },
];

const BY_ID = new Map(PROVIDER_PRESETS.map((p) => [p.id, p]));

/** The preset a recipe's provider names, or null for free text. */
export function findPreset(provider: string): ProviderPreset | null {
  return BY_ID.get(provider) ?? null;
}

/** How to show a provider: the preset's label, or the free text as written. */
export function providerLabel(provider: string): string {
  return findPreset(provider)?.label ?? provider;
}

/** The provider's name as retired-model entries use it: the preset's vendor, or the free text. */
export function providerVendor(provider: string): string {
  return findPreset(provider)?.vendor ?? provider;
}

/**
 * A recipe switched to a preset: provider and non-determinism set, the first model and typical
 * values filled where the recipe has none. Nothing the user already wrote is overwritten.
 */
export function withProviderPreset(recipe: Recipe, presetId: string): Recipe {
  const preset = findPreset(presetId);
  if (!preset) return { ...recipe, provider: presetId };
  const params = { ...recipe.params } as Record<string, unknown>;
  for (const [key, value] of Object.entries(preset.typicalParams)) if (params[key] === null) params[key] = value;
  return {
    ...recipe,
    provider: preset.id,
    model: recipe.model === '' ? (preset.models[0] ?? '') : recipe.model,
    nonDeterministic: preset.defaultNonDeterministic,
    params: params as unknown as RecipeParams,
  };
}
