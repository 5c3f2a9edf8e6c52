import type { Recipe, RecipeParams } from '../model/take.ts';
import { MAX_PROMPT_CHARS, MAX_RAW_METADATA_CHARS, emptyRecipe, emptyRecipeParams, recipeSchema } from '../model/take.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { findForbiddenKey } from '../validation.ts';
import { integerDigits, parseJsonExact } from './exactJson.ts';
import { applyRecipePatch } from './recipePatch.ts';
import type { RecipePatch } from './recipePatch.ts';
import { issueSentences } from './schemaIssues.ts';

/**
 * A recipe as JSON text: what "Copy recipe" puts on the clipboard and what a user pastes or types.
 * The key order is fixed (the order of the Recipe type, dictionaries sorted) so two copies of the
 * same recipe are the same text and diff cleanly.
 */

const RECIPE_KEYS = Object.keys(emptyRecipe()) as (keyof Recipe)[];
const PARAM_KEYS = Object.keys(emptyRecipeParams()) as (keyof RecipeParams)[];

function sortedRecord<V>(record: Readonly<Record<string, V>>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}

function orderedParams(params: RecipeParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) out[key] = key === 'camera' || key === 'extra' ? sortedRecord(params[key]) : params[key];
  return out;
}

export function recipeToJson(recipe: Recipe): string {
  const out: Record<string, unknown> = {};
  for (const key of RECIPE_KEYS) {
    if (key === 'params') out[key] = orderedParams(recipe.params);
    else if (key === 'inputs') out[key] = recipe.inputs.map(({ role, hash, path, name }) => ({ role, hash, path, name }));
    else if (key === 'cost') out[key] = recipe.cost ? { amount: recipe.cost.amount, unit: recipe.cost.unit } : null;
    else out[key] = recipe[key];
  }
  return JSON.stringify(out, null, 2);
}

/** Room for the largest valid recipe: raw metadata and prompts at their limits, escaped. */
export const MAX_RECIPE_JSON_CHARS = 2 * (MAX_RAW_METADATA_CHARS + 2 * MAX_PROMPT_CHARS) + 1_000_000;
const MAX_LISTED_PROBLEMS = 5;

const fail = (message: string, where?: string): Result<Recipe> => err('INVALID_ARGUMENT', message, where);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Large integers outside the seed come back from parseJsonExact as bigint: in `extra` they become
 * digit strings (exact, e.g. a second sampler's seed), elsewhere numbers (the schema then reports
 * them as out of range).
 */
function withoutBigints(value: unknown, inExtra = false): unknown {
  if (typeof value === 'bigint') return inExtra ? value.toString() : Number(value);
  if (Array.isArray(value)) return value.map((v) => withoutBigints(v));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutBigints(v, inExtra)]));
  return value;
}

/**
 * The seed as written: digits (a string, or a whole JSON number up to 2^53) become a string. A
 * JSON number above 2^53 is refused even when its digits survived here: most tools that wrote or
 * will read the same text round it. Negative or fractional numbers are left to the schema, which
 * says what a seed must be.
 */
function seedField(seed: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const tooLarge = typeof seed === 'bigint' || (typeof seed === 'number' && Number.isInteger(seed) && !Number.isSafeInteger(seed));
  if (tooLarge) {
    const digits = typeof seed === 'bigint' ? seed.toString() : BigInt(seed as number).toString();
    return {
      ok: false,
      message: `seed: ${digits} is larger than 2^53 written as a JSON number, which loses digits; write it as a string ("seed": "${digits}") to keep it exact`,
    };
  }
  if (typeof seed === 'number') return { ok: true, value: integerDigits(seed) ?? String(seed) };
  return { ok: true, value: seed };
}

/**
 * Parses a recipe typed or pasted as JSON. Missing fields take emptyRecipe()'s values (a partial
 * recipe such as `{"prompt": "…", "seed": "42"}` is fine); unknown fields, wrong types and values
 * out of range are refused with every problem named by its path. Never throws.
 */
export function parseRecipeJson(text: string): Result<Recipe> {
  if (text.length > MAX_RECIPE_JSON_CHARS)
    return fail(`The recipe is ${Math.round(text.length / 1e6)} MB of text; a recipe is at most ${Math.round(MAX_RECIPE_JSON_CHARS / 1e6)} MB.`);
  let raw: unknown;
  try {
    raw = parseJsonExact(text).value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`The recipe is not valid JSON (${detail}). Check for a missing comma, quote or bracket.`);
  }
  if (!isObject(raw)) return fail('The recipe must be a JSON object, like {"prompt": "…", "seed": "42"}.');
  const forbidden = findForbiddenKey(raw, 'recipe');
  if (forbidden) return fail(`The recipe uses the reserved key ${forbidden}.`, forbidden);
  if (raw['params'] !== undefined && !isObject(raw['params'])) return fail('The recipe has a problem: params: expected an object.', 'params');

  const seed = seedField(raw['seed']);
  if (!seed.ok) return fail(`The recipe has a problem: ${seed.message}.`, 'seed');
  const { params, ...top } = raw;
  const paramsObject = isObject(params) ? params : undefined;
  const cleaned = {
    ...(withoutBigints(top) as Record<string, unknown>),
    ...('seed' in raw ? { seed: seed.value } : {}),
    ...(paramsObject
      ? {
          params: {
            ...(withoutBigints({ ...paramsObject, extra: undefined }) as Record<string, unknown>),
            ...('extra' in paramsObject ? { extra: withoutBigints(paramsObject['extra'], true) } : {}),
          },
        }
      : {}),
  };
  // Filling defaults first lets the strict schema name unknown keys and bad values in one pass.
  const candidate = applyRecipePatch(emptyRecipe(), cleaned as RecipePatch);
  const result = recipeSchema.safeParse(candidate);
  if (result.success) return ok(result.data as Recipe);
  const problems = issueSentences(result.error, '(the recipe)');
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  const more = problems.length > MAX_LISTED_PROBLEMS ? ` (and ${problems.length - MAX_LISTED_PROBLEMS} more)` : '';
  const where = problems[0]!.split(':')[0];
  return fail(`The recipe has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${listed}${more}.`, where);
}
