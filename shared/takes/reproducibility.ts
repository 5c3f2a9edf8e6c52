import type { Recipe, TakeRecord } from '../model/take.ts';
import type { INPUT_ROLES } from '../model/take.ts';
import type { RequiredParam } from './providers.ts';
import { findPreset, providerVendor } from './providers.ts';
import type { RetiredModel } from './retiredModels.ts';
import { retiredEntryFor } from './retiredModels.ts';

/**
 * Whether a take can be made again from its recipe. Derived every time from the recipe and the
 * project's state, never stored: the status may only claim what the data shows.
 *
 * Precedence (the first that applies is the status; `reasons` lists everything found):
 *   1. unknown           — the recipe is empty: nothing was recorded (imported media, or a take
 *                          not filled in yet), so nothing can be claimed either way;
 *   2. model-retired     — the provider switched the model off: no re-run is possible at all,
 *                          whatever else the recipe holds (the one problem nobody can fix);
 *   3. input-missing     — an input file (init frame, reference…) is missing from the project:
 *                          the recipe is unusable until it is relinked;
 *   4. non-deterministic — the recipe is flagged: the same recipe gives another output, so a
 *                          re-run gives a sibling take, not this one;
 *   5. incomplete        — fields a re-run needs are empty ("Missing: seed, model version");
 *   6. re-runnable       — everything a re-run needs is recorded and available.
 */
export const REPRODUCIBILITY_STATUSES = ['re-runnable', 'incomplete', 'input-missing', 'model-retired', 'non-deterministic', 'unknown'] as const;
export type ReproducibilityStatus = (typeof REPRODUCIBILITY_STATUSES)[number];

export interface Reproducibility {
  readonly status: ReproducibilityStatus;
  /** Sentences for the tooltip, most important first. */
  readonly reasons: readonly string[];
}

export interface ReproducibilityContext {
  /** Content hashes of media the project references but cannot find on disk. */
  readonly missingHashes: ReadonlySet<string>;
  /** The project's list (settings.retiredModels). */
  readonly retiredModels: readonly RetiredModel[];
  /** Today as YYYY-MM-DD (local date of the user); a model retired later than today still runs. */
  readonly today: string;
}

const PARAM_LABELS: Readonly<Record<RequiredParam, string>> = {
  durationSeconds: 'duration',
  width: 'width',
  height: 'height',
  fps: 'frame rate',
  steps: 'steps',
  guidance: 'guidance',
};

const ROLE_LABELS: Readonly<Record<(typeof INPUT_ROLES)[number], string>> = {
  'init-frame': 'init frame',
  reference: 'reference',
  'driving-video': 'driving video',
  'end-frame': 'end frame',
  mask: 'mask',
  other: 'input',
};

/** Nothing was recorded: every field that describes the generation is at its empty value. */
export function isEmptyRecipe(recipe: Recipe): boolean {
  const p = recipe.params;
  return (
    recipe.provider.trim() === '' &&
    recipe.model.trim() === '' &&
    recipe.modelVersion.trim() === '' &&
    recipe.prompt.trim() === '' &&
    recipe.negativePrompt.trim() === '' &&
    recipe.seed === null &&
    recipe.inputs.length === 0 &&
    p.durationSeconds === null &&
    p.width === null &&
    p.height === null &&
    p.fps === null &&
    p.steps === null &&
    p.guidance === null &&
    p.motionStrength === null &&
    Object.keys(p.camera).length === 0 &&
    Object.keys(p.extra).length === 0
  );
}

/** The names of what a re-run needs and the recipe lacks, in the order people check them. */
export function missingFields(recipe: Recipe): string[] {
  const missing: string[] = [];
  if (recipe.provider.trim() === '') missing.push('provider');
  if (recipe.model.trim() === '') missing.push('model');
  // A model name does not pin the weights or the hosted backend; the version (or checkpoint hash) does.
  if (recipe.modelVersion.trim() === '') missing.push('model version');
  // A non-deterministic generator ignores the seed, so its absence changes nothing.
  if (recipe.seed === null && !recipe.nonDeterministic) missing.push('seed');
  // Image-to-video may run on its inputs alone; with neither there is nothing to generate from.
  if (recipe.prompt.trim() === '' && recipe.inputs.length === 0) missing.push('prompt');
  for (const param of findPreset(recipe.provider)?.requiredParams ?? []) if (recipe.params[param] === null) missing.push(PARAM_LABELS[param]);
  return missing;
}

function displayModel(recipe: Recipe): string {
  return recipe.modelVersion.trim() === '' ? recipe.model : `${recipe.model} ${recipe.modelVersion}`;
}

export function reproducibility(take: TakeRecord, ctx: ReproducibilityContext): Reproducibility {
  const recipe = take.recipe;
  if (isEmptyRecipe(recipe)) {
    const why =
      take.media === null
        ? 'No recipe yet: fill it in, paste it as JSON or import the generated file.'
        : recipe.rawMetadata !== null
          ? 'No recipe was recorded; the file carries generator metadata that could not be read as one.'
          : 'No recipe was recorded for this media: paste or type it to make the take re-runnable.';
    return { status: 'unknown', reasons: [why] };
  }
  const reasons: string[] = [];
  const found = new Set<ReproducibilityStatus>();

  const entry = retiredEntryFor(ctx.retiredModels, providerVendor(recipe.provider), recipe.model, recipe.modelVersion);
  if (entry && entry.retiredOn <= ctx.today) {
    found.add('model-retired');
    reasons.push(`Model retired: ${displayModel(recipe)} was switched off on ${entry.retiredOn}.${entry.note ? ` ${entry.note}` : ''}`);
  } else if (entry) {
    reasons.push(`${displayModel(recipe)} is due to be retired on ${entry.retiredOn}.`);
  }

  const missingInputs = recipe.inputs.filter((input) => ctx.missingHashes.has(input.hash));
  if (missingInputs.length > 0) {
    found.add('input-missing');
    reasons.push(`Input missing: ${missingInputs.map((i) => `${ROLE_LABELS[i.role]} "${i.name}"`).join(', ')} (relink the file to use this recipe).`);
  }

  if (recipe.nonDeterministic) {
    found.add('non-deterministic');
    reasons.push('Non-deterministic: the same recipe gives a different result each time.');
  }

  const missing = missingFields(recipe);
  if (missing.length > 0) {
    found.add('incomplete');
    reasons.push(`Missing: ${missing.join(', ')}.`);
  }

  const status = (['model-retired', 'input-missing', 'non-deterministic', 'incomplete'] as const).find((s) => found.has(s)) ?? 're-runnable';
  if (status === 're-runnable') reasons.unshift('Re-runnable: model, version, seed, prompt and inputs are all recorded.');
  return { status, reasons };
}

/** Today in the user's time zone as YYYY-MM-DD (retirement dates are calendar days). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
