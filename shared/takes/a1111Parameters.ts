import type { RecipePatch } from './recipePatch.ts';

/**
 * The "parameters" text Stable Diffusion WebUI (AUTOMATIC1111, Forge) writes into its PNGs:
 *
 *   a lighthouse at dusk, volumetric fog
 *   Negative prompt: blurry, text
 *   Steps: 30, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 1234, Size: 768x512, Model hash: 6ce0161689, Model: dreamshaper_8
 *
 * The last line that starts with "Steps:" holds the settings as `Key: value` pairs separated by
 * commas (values with commas are quoted); everything before it is the prompt and the negative.
 */
export interface ParsedParameters {
  readonly patch: RecipePatch;
  readonly warnings: readonly string[];
}

/** Splits `A: 1, B: "x, y", C: 3` at commas outside quotes. */
function settingsPairs(line: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  let current = '';
  let quoted = false;
  const flush = () => {
    const colon = current.indexOf(':');
    if (colon > 0)
      pairs.push([
        current.slice(0, colon).trim(),
        current
          .slice(colon + 1)
          .trim()
          .replace(/^"(.*)"$/s, '$1'),
      ]);
    current = '';
  };
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) flush();
    else current += ch;
  }
  flush();
  return pairs;
}

const MAX_EXTRA_KEYS = 40;

export function recipeFromA1111Parameters(text: string): ParsedParameters {
  const warnings: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const settingsIndex = lines.findLastIndex((l) => l.startsWith('Steps:'));
  const body = settingsIndex >= 0 ? lines.slice(0, settingsIndex) : lines;
  const negativeIndex = body.findIndex((l) => l.startsWith('Negative prompt:'));
  const prompt = (negativeIndex >= 0 ? body.slice(0, negativeIndex) : body).join('\n').trim();
  const negativePrompt = negativeIndex >= 0 ? [body[negativeIndex]!.slice('Negative prompt:'.length), ...body.slice(negativeIndex + 1)].join('\n').trim() : '';

  const params: { steps?: number; guidance?: number; width?: number; height?: number; extra: Record<string, string | number | boolean> } = { extra: {} };
  const patch: { -readonly [K in keyof RecipePatch]: RecipePatch[K] } = { provider: 'Stable Diffusion WebUI', prompt, negativePrompt, nonDeterministic: false };
  if (settingsIndex < 0) warnings.push('The parameters text has no settings line (Steps: …); only the prompt was read.');
  for (const [key, value] of settingsIndex >= 0 ? settingsPairs(lines.slice(settingsIndex).join(', ')) : []) {
    switch (key) {
      case 'Steps':
        if (/^\d+$/.test(value)) params.steps = Number(value);
        break;
      case 'CFG scale':
        if (Number.isFinite(Number(value))) params.guidance = Number(value);
        break;
      case 'Seed':
        if (/^\d{1,20}$/.test(value)) patch.seed = value;
        break;
      case 'Size': {
        const size = /^(\d+)x(\d+)$/.exec(value);
        if (size) [params.width, params.height] = [Number(size[1]), Number(size[2])];
        break;
      }
      case 'Model':
        patch.model = value;
        break;
      case 'Model hash':
        // The hash pins the exact weights, which is what a version is for.
        patch.modelVersion = value;
        break;
      case 'Sampler':
        params.extra['sampler'] = value;
        break;
      case 'Schedule type':
        params.extra['scheduler'] = value;
        break;
      default:
        if (Object.keys(params.extra).length < MAX_EXTRA_KEYS && key.length <= 100 && !['__proto__', 'constructor', 'prototype'].includes(key)) {
          params.extra[key] = value.slice(0, 10_000);
        }
    }
  }
  patch.params = params;
  return { patch, warnings };
}
