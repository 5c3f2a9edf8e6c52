import { z } from 'zod';

/**
 * Hosted models that their provider has switched off. A take made with one can never be re-run
 * as recorded, whatever else its recipe holds. The list lives in the project settings so users
 * can add what they learn (providers retire models faster than we ship releases) and remove an
 * entry they disagree with.
 */
export interface RetiredModel {
  /** The provider as people name it ("OpenAI", "Google"); matched loosely, see retiredEntryFor. */
  readonly provider: string;
  /** The model id as the provider's API names it ("sora-2", "veo-3.0-generate-001"). */
  readonly model: string;
  /** Only this version is retired; absent means every version of the model. */
  readonly version?: string;
  /** The first day it no longer ran (YYYY-MM-DD, the provider's date). */
  readonly retiredOn: string;
  readonly note: string;
}

export const MAX_RETIRED_MODELS = 500;

function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, 'must be a real calendar date');

export const retiredModelSchema = z.strictObject({
  provider: z.string().min(1).max(200),
  model: z.string().min(1).max(200),
  version: z.string().max(200).optional(),
  retiredOn: isoDateSchema,
  note: z.string().max(2000),
});

export const retiredModelsSchema = z.array(retiredModelSchema).max(MAX_RETIRED_MODELS);

const VERTEX_NOTE = 'Retirement date on Google Cloud Vertex AI; Google points to the Veo 3.1 models instead.';
const SORA_NOTE = 'OpenAI shut down the Sora 2 models and the Videos API, with no direct replacement.';
const VEO_PREVIEW_NOTE = 'Preview model shut down in the Gemini API; the GA veo-3.1 models replace it.';

/**
 * The defaults exactly as project format 4 shipped them. The 3→4 migration copies this list into
 * old projects, so it is frozen like any migration step: later releases add entries to
 * DEFAULT_RETIRED_MODELS for new projects, never here. Only retirements published by the
 * provider with a date are listed (Runway Gen-2, Pika 1.0 and Luma Dream Machine 1.x were left
 * out: no published shutdown date was found).
 */
export const RETIRED_MODELS_FORMAT_4: readonly RetiredModel[] = Object.freeze([
  { provider: 'OpenAI', model: 'sora-2', retiredOn: '2026-09-24', note: SORA_NOTE },
  { provider: 'OpenAI', model: 'sora-2-pro', retiredOn: '2026-09-24', note: SORA_NOTE },
  { provider: 'Google', model: 'veo-2.0-generate-001', retiredOn: '2026-06-30', note: VERTEX_NOTE },
  { provider: 'Google', model: 'veo-3.0-generate-001', retiredOn: '2026-06-30', note: VERTEX_NOTE },
  { provider: 'Google', model: 'veo-3.0-fast-generate-001', retiredOn: '2026-06-30', note: VERTEX_NOTE },
  { provider: 'Google', model: 'veo-3.1-generate-preview', retiredOn: '2026-10-22', note: VEO_PREVIEW_NOTE },
  { provider: 'Google', model: 'veo-3.1-fast-generate-preview', retiredOn: '2026-10-22', note: VEO_PREVIEW_NOTE },
]);

/** What a new project starts with; users edit their copy in the project settings. */
export const DEFAULT_RETIRED_MODELS: readonly RetiredModel[] = RETIRED_MODELS_FORMAT_4;

/** Case, spaces and punctuation do not matter: "Veo 3.0 Generate 001" is "veo-3.0-generate-001". */
export function normalizeModelName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The entry that retires this provider/model/version, if any. The model must match exactly
 * (normalized); the provider loosely, either name containing the other ("Google" matches "Google
 * Vertex AI"), because providers are free text; a blank provider matches on the model alone.
 * `vendor` is the provider's name as entries use it (for a preset id, its vendor).
 */
export function retiredEntryFor(list: readonly RetiredModel[], vendor: string, model: string, version: string): RetiredModel | null {
  const wantModel = normalizeModelName(model);
  const wantVendor = normalizeModelName(vendor);
  if (wantModel === '') return null;
  for (const entry of list) {
    if (normalizeModelName(entry.model) !== wantModel) continue;
    const entryVendor = normalizeModelName(entry.provider);
    // No provider written: the model id alone decides (ids like "sora-2" are specific enough).
    if (wantVendor !== '' && !(wantVendor.includes(entryVendor) || entryVendor.includes(wantVendor))) continue;
    if (entry.version !== undefined && entry.version !== '' && normalizeModelName(entry.version) !== normalizeModelName(version)) continue;
    return entry;
  }
  return null;
}
