import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRecipe, recipeSchema } from '../../../shared/model/take.ts';
import { recipeFromEmbeddedMetadata } from '../../../shared/takes/comfyMetadata.ts';
import { applyRecipePatch } from '../../../shared/takes/recipePatch.ts';

/** Realistic metadata as ComfyUI and Stable Diffusion WebUI embed it (tests/fixtures/generator-metadata). */
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'generator-metadata');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const WAN = fixture('comfy-wan22-i2v.prompt.json');
const HUNYUAN = fixture('comfy-hunyuan-t2v.prompt.json');
const SD15_WORKFLOW = fixture('comfy-sd15-txt2img.workflow.json');
const A1111 = fixture('a1111.parameters.txt');

/** The recipe a take would get: the patch over an empty recipe, which must be valid. */
function recipeFrom(chunks: Record<string, string>) {
  const { patch, warnings } = recipeFromEmbeddedMetadata(chunks);
  const recipe = applyRecipePatch(emptyRecipe(), patch);
  expect(recipeSchema.safeParse(recipe).success).toBe(true);
  return { recipe, warnings };
}

describe('recipeFromEmbeddedMetadata: ComfyUI API prompt', () => {
  it('reads a Wan 2.2 image-to-video graph through the conditioning, LoRA and latent chains', () => {
    const { recipe, warnings } = recipeFrom({ prompt: WAN });
    expect(recipe).toMatchObject({
      provider: 'comfyui',
      model: 'wan2.2_i2v_high_noise_14B_fp8_scaled.safetensors',
      prompt: 'Slow push-in on the ferry as the fog lifts off the harbour, dawn light, gulls crossing',
      negativePrompt: 'blurry, static, text, watermark, oversaturated',
      seed: '864125297139245',
      nonDeterministic: false,
    });
    expect(recipe.params).toEqual({
      durationSeconds: 81 / 16,
      width: 1280,
      height: 720,
      fps: 16,
      steps: 20,
      guidance: 3.5,
      motionStrength: null,
      camera: {},
      extra: { sampler: 'euler', scheduler: 'simple', frames: 81, loras: 'harbour_fog_style.safetensors:0.8' },
    });
    // The high-noise sampler starts from the fresh latent; the second pass continues its output.
    expect(warnings).toEqual(['The ComfyUI prompt has 2 samplers; the recipe was read from node 57 (KSamplerAdvanced).']);
  });

  it('keeps the raw text exactly, as a JSON object of chunk name to text', () => {
    const { recipe } = recipeFrom({ prompt: WAN });
    expect(JSON.parse(recipe.rawMetadata!)).toEqual({ prompt: WAN });
  });

  it('reads a SamplerCustomAdvanced graph (noise, guider, sampler and sigmas nodes) and keeps a 64-bit seed exact', () => {
    const { recipe, warnings } = recipeFrom({ prompt: HUNYUAN });
    expect(recipe.seed).toBe('18446744073709551557');
    expect(recipe).toMatchObject({
      model: 'hunyuan_video_t2v_720p_bf16.safetensors',
      prompt: 'Léa turns as the ferry horn sounds, handheld, shallow focus',
      negativePrompt: '',
    });
    expect(recipe.params).toMatchObject({ steps: 30, guidance: null, width: 848, height: 480, fps: 24, durationSeconds: 73 / 24 });
    expect(recipe.params.extra).toEqual({ sampler: 'euler', scheduler: 'simple', denoise: 1, frames: 73 });
    expect(warnings).toEqual([]);
  });

  it('prefers the API prompt to the editor workflow when a file has both', () => {
    const { recipe, warnings } = recipeFrom({ workflow: SD15_WORKFLOW, prompt: WAN });
    expect(recipe.model).toContain('wan2.2');
    expect(Object.keys(JSON.parse(recipe.rawMetadata!) as object)).toEqual(['prompt', 'workflow']);
    expect(warnings).toHaveLength(1);
  });

  it('reads a VideoHelperSuite comment tag that holds the prompt (as JSON text) and the workflow', () => {
    const comment = JSON.stringify({ prompt: WAN, workflow: JSON.parse(SD15_WORKFLOW) as unknown });
    const { recipe } = recipeFrom({ comment });
    expect(recipe.seed).toBe('864125297139245');
    expect(JSON.parse(recipe.rawMetadata!)).toEqual({ comment });
  });
});

describe('recipeFromEmbeddedMetadata: ComfyUI editor workflow only', () => {
  it('names widget values of the core nodes and follows the links', () => {
    const { recipe, warnings } = recipeFrom({ workflow: SD15_WORKFLOW });
    expect(recipe).toMatchObject({
      provider: 'comfyui',
      model: 'v1-5-pruned-emaonly.safetensors',
      prompt: 'beautiful scenery nature glass bottle landscape, , purple galaxy bottle,',
      negativePrompt: 'text, watermark',
      seed: '156680208700286',
    });
    expect(recipe.params).toMatchObject({ steps: 20, guidance: 8, width: 512, height: 512, fps: null, durationSeconds: null });
    expect(recipe.params.extra).toEqual({ sampler: 'euler', scheduler: 'normal', denoise: 1 });
    expect(warnings[0]).toMatch(/editor workflow/);
  });
});

describe('recipeFromEmbeddedMetadata: Stable Diffusion WebUI parameters', () => {
  it('reads prompt, multi-line negative, settings and quoted values', () => {
    const { recipe, warnings } = recipeFrom({ parameters: A1111 });
    expect(recipe).toMatchObject({
      provider: 'Stable Diffusion WebUI',
      prompt: 'cinematic still of a lighthouse at dusk, volumetric fog, 35mm film grain',
      negativePrompt: 'blurry, lowres, text,\nwatermark',
      seed: '3141592653',
      model: 'dreamshaper_8',
      modelVersion: '6ce0161689',
    });
    expect(recipe.params).toMatchObject({ steps: 30, guidance: 6.5, width: 768, height: 512 });
    expect(recipe.params.extra).toEqual({
      sampler: 'DPM++ 2M',
      scheduler: 'Karras',
      'Lora hashes': 'fog_v2: 1a2b3c4d5e6f, grain: 0f9e8d7c6b5a',
      Version: 'v1.10.1',
    });
    expect(warnings).toEqual([]);
  });

  it('a text without a settings line gives the prompt and a warning', () => {
    const { recipe, warnings } = recipeFrom({ parameters: 'just a prompt' });
    expect(recipe.prompt).toBe('just a prompt');
    expect(warnings).toEqual(['The parameters text has no settings line (Steps: …); only the prompt was read.']);
  });
});

describe('recipeFromEmbeddedMetadata: damaged or unexpected metadata', () => {
  it('keeps malformed JSON as raw text with a warning, and reads nothing from it', () => {
    const broken = WAN.slice(0, 400);
    const { patch, warnings } = recipeFromEmbeddedMetadata({ prompt: broken });
    expect(patch).toEqual({ rawMetadata: JSON.stringify({ prompt: broken }) });
    expect(warnings[0]).toMatch(/^The prompt metadata is not valid JSON \(.+\); it was kept as text but not read\.$/);
  });

  it('a graph without a sampler keeps only the raw text, with a warning', () => {
    const { patch, warnings } = recipeFromEmbeddedMetadata({ prompt: '{"1": {"class_type": "LoadImage", "inputs": {"image": "a.png"}}}' });
    expect(Object.keys(patch)).toEqual(['rawMetadata']);
    expect(warnings).toEqual(['No sampler was found in the ComfyUI prompt; only the raw metadata was kept.']);
  });

  it('survives link cycles, reserved keys and out-of-range values', () => {
    const cyclic = JSON.stringify({
      '1': { class_type: 'KSampler', inputs: { seed: 1, steps: 1e9, cfg: 7, positive: ['2', 0], negative: ['2', 0], model: ['3', 0], latent_image: ['4', 0] } },
      '2': { class_type: 'ConditioningCombine', inputs: { conditioning_1: ['2', 0], conditioning_2: ['5', 0] } },
      '3': { class_type: 'LoraLoader', inputs: { lora_name: 'a', model: ['3', 0] } },
      '4': { class_type: 'RepeatLatentBatch', inputs: { samples: ['4', 0] } },
      '5': { class_type: 'ConditioningZeroOut', inputs: { conditioning: ['5', 0] } },
    });
    const { recipe } = recipeFrom({ prompt: cyclic });
    expect(recipe.seed).toBe('1');
    expect(recipe.params.steps).toBeNull();
    expect(recipeFromEmbeddedMetadata({ prompt: '{"__proto__": {"class_type": "KSampler"}}' }).warnings[0]).toMatch(/reserved key/);
  });

  it('no chunks: an empty patch; unknown chunks are still kept raw', () => {
    expect(recipeFromEmbeddedMetadata({})).toEqual({ patch: { rawMetadata: null }, warnings: [] });
    expect(recipeFromEmbeddedMetadata({ Software: 'Krita' }).patch).toEqual({ rawMetadata: '{"Software":"Krita"}' });
  });

  it('never throws, and what it returns always makes a valid recipe', () => {
    const graphish = fc.dictionary(
      fc.constantFrom('1', '2', '3'),
      fc.record({
        class_type: fc.constantFrom('KSampler', 'CLIPTextEncode', 'EmptyLatentImage', 'SamplerCustomAdvanced', 'LoraLoader', 'X'),
        inputs: fc.dictionary(
          fc.constantFrom('seed', 'steps', 'cfg', 'positive', 'negative', 'model', 'latent_image', 'text', 'width', 'height', 'noise', 'guider', 'ckpt_name'),
          fc.oneof(fc.jsonValue(), fc.tuple(fc.constantFrom('1', '2', '3', '9'), fc.integer({ min: 0, max: 2 }))),
        ),
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          graphish.map((g) => JSON.stringify(g)),
          fc.string(),
          fc.json(),
        ),
        fc.constantFrom('prompt', 'workflow', 'parameters', 'comment'),
        (text, chunk) => {
          const { patch } = recipeFromEmbeddedMetadata({ [chunk]: text });
          expect(recipeSchema.safeParse(applyRecipePatch(emptyRecipe(), patch)).success).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});
