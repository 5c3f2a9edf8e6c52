import { describe, expect, it } from 'vitest';
import { emptyRecipe, recipeParamsSchema } from '../../../shared/model/take.ts';
import { PROVIDER_PRESETS, findPreset, providerLabel, providerVendor, withProviderPreset } from '../../../shared/takes/providers.ts';
import { DEFAULT_RETIRED_MODELS, normalizeModelName } from '../../../shared/takes/retiredModels.ts';

describe('PROVIDER_PRESETS', () => {
  it('covers the common generators, each once, with unique ids', () => {
    const ids = PROVIDER_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const label of [
      'Runway Gen-4',
      'Veo 3',
      'Sora 2',
      'Kling 2',
      'Luma Ray 2',
      'Pika',
      'Hailuo',
      'Wan 2.x (hosted)',
      'Wan 2.x (local)',
      'Hunyuan',
      'LTX-Video',
      'ComfyUI',
      'Stable Video Diffusion',
    ]) {
      expect(
        PROVIDER_PRESETS.some((p) => p.label.includes(label)),
        label,
      ).toBe(true);
    }
  });

  it('typical values are valid recipe parameters; local generators need steps and guidance for a re-run', () => {
    for (const preset of PROVIDER_PRESETS) {
      const params = { ...emptyRecipe().params, ...preset.typicalParams };
      expect(recipeParamsSchema.safeParse(params).success, preset.id).toBe(true);
      if (preset.kind === 'local') expect(preset.requiredParams, preset.id).toEqual(expect.arrayContaining(['steps', 'guidance']));
    }
  });

  it('hosted generators that take no seed (or do not honour it) are non-deterministic by default; local ones are not', () => {
    const nonDeterministic = PROVIDER_PRESETS.filter((p) => p.defaultNonDeterministic).map((p) => p.id);
    expect(nonDeterministic).toEqual(['google-veo-3', 'openai-sora-2', 'kling-2', 'luma-ray-2', 'pika', 'minimax-hailuo']);
    for (const preset of PROVIDER_PRESETS.filter((p) => p.kind === 'local')) expect(preset.defaultNonDeterministic, preset.id).toBe(false);
  });

  it('every default retired model belongs to a preset vendor, so the retirement is found from a preset recipe', () => {
    for (const entry of DEFAULT_RETIRED_MODELS)
      expect(
        PROVIDER_PRESETS.some((p) => p.vendor === entry.provider),
        entry.model,
      ).toBe(true);
    // The presets still offer retired models (old takes name them); picking one shows it retired.
    expect(PROVIDER_PRESETS.find((p) => p.id === 'openai-sora-2')!.models.map(normalizeModelName)).toContain(
      normalizeModelName(DEFAULT_RETIRED_MODELS[0]!.model),
    );
  });
});

describe('preset helpers', () => {
  it('find a preset by id; free text is no preset and is shown as written', () => {
    expect(findPreset('kling-2')?.vendor).toBe('Kuaishou');
    expect(findPreset('My studio renderer')).toBeNull();
    expect(providerLabel('openai-sora-2')).toBe('OpenAI Sora 2');
    expect(providerLabel('My studio renderer')).toBe('My studio renderer');
    expect(providerVendor('google-veo-3')).toBe('Google');
    expect(providerVendor('Acme Cloud')).toBe('Acme Cloud');
  });

  it('withProviderPreset sets the provider, its determinism, its first model and typical values, keeping what was written', () => {
    const fresh = withProviderPreset(emptyRecipe(), 'google-veo-3');
    expect(fresh).toMatchObject({ provider: 'google-veo-3', model: 'veo-3.1-generate-001', nonDeterministic: true });
    expect(fresh.params).toMatchObject({ durationSeconds: 8, width: 1280, height: 720, fps: 24, steps: null });
    const written = withProviderPreset(
      { ...emptyRecipe(), model: 'veo-3.0-fast-generate-001', params: { ...emptyRecipe().params, durationSeconds: 4 } },
      'google-veo-3',
    );
    expect(written.model).toBe('veo-3.0-fast-generate-001');
    expect(written.params.durationSeconds).toBe(4);
    expect(withProviderPreset(emptyRecipe(), 'Acme Cloud')).toEqual({ ...emptyRecipe(), provider: 'Acme Cloud' });
  });
});
