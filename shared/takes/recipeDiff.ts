import type { InputRole, Recipe, RecipeParams } from '../model/take.ts';
import { INPUT_ROLES } from '../model/take.ts';

/**
 * What differs between 2–4 recipes, field by field, for the take-compare view. Dictionaries
 * (camera, extra) are compared key by key and inputs role by role (by content hash: the same file
 * under another name is the same input). Raw generator metadata is left out: it repeats the
 * fields above in a generator's own format and would differ on every take.
 */
export type DiffValue = string | number | boolean | null;

export interface RecipeDifference {
  /** Where the field lives ("params.steps", "params.extra.sampler", "inputs.init-frame"). */
  readonly path: string;
  readonly label: string;
  /** One value per recipe, in the order given; null where a recipe has none. */
  readonly values: readonly DiffValue[];
}

type ScalarKey = 'provider' | 'model' | 'modelVersion' | 'prompt' | 'negativePrompt' | 'seed';
const SCALARS: ReadonlyArray<[ScalarKey, string]> = [
  ['provider', 'Provider'],
  ['model', 'Model'],
  ['modelVersion', 'Model version'],
  ['prompt', 'Prompt'],
  ['negativePrompt', 'Negative prompt'],
  ['seed', 'Seed'],
];

type ParamKey = Exclude<keyof RecipeParams, 'camera' | 'extra'>;
const PARAMS: ReadonlyArray<[ParamKey, string]> = [
  ['durationSeconds', 'Duration (s)'],
  ['width', 'Width'],
  ['height', 'Height'],
  ['fps', 'Frame rate'],
  ['steps', 'Steps'],
  ['guidance', 'Guidance'],
  ['motionStrength', 'Motion strength'],
];

const ROLE_LABELS: Readonly<Record<InputRole, string>> = {
  'init-frame': 'Init frame',
  reference: 'Reference',
  'driving-video': 'Driving video',
  'end-frame': 'End frame',
  mask: 'Mask',
  other: 'Other input',
};

function allSame(values: readonly DiffValue[]): boolean {
  return values.every((v) => v === values[0]);
}

function unionKeys(records: ReadonlyArray<Readonly<Record<string, unknown>>>): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
}

/** The inputs of one role: compared by their sorted hashes, shown by name and short hash. */
function inputsOf(recipe: Recipe, role: InputRole): { key: string; shown: string } | null {
  const inputs = recipe.inputs.filter((i) => i.role === role).sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  if (inputs.length === 0) return null;
  return { key: inputs.map((i) => i.hash).join(','), shown: inputs.map((i) => `${i.name} (${i.hash.slice(0, 8)})`).join(', ') };
}

/** Annotations are compared whole; recipes with the same count but other content are told apart by a letter. */
function annotationValues(recipes: readonly Recipe[]): DiffValue[] | null {
  const texts = recipes.map((r) => JSON.stringify(r.annotations));
  if (texts.every((t) => t === texts[0])) return null;
  const distinct = [...new Set(texts)];
  return recipes.map((r, i) => {
    const count = `${r.annotations.length} annotation${r.annotations.length === 1 ? '' : 's'}`;
    const sameCount = recipes.filter((o) => o.annotations.length === r.annotations.length);
    const ambiguous = new Set(sameCount.map((o) => JSON.stringify(o.annotations))).size > 1;
    return ambiguous ? `${count} (version ${String.fromCharCode(65 + distinct.indexOf(texts[i]!))})` : count;
  });
}

export function diffRecipes(a: Recipe, b: Recipe, c?: Recipe, d?: Recipe): RecipeDifference[] {
  const recipes = [a, b, c, d].filter((r): r is Recipe => r !== undefined);
  const out: RecipeDifference[] = [];
  const add = (path: string, label: string, values: readonly DiffValue[]) => {
    if (!allSame(values)) out.push({ path, label, values });
  };

  for (const [key, label] of SCALARS)
    add(
      key,
      label,
      recipes.map((r) => r[key]),
    );
  for (const [key, label] of PARAMS)
    add(
      `params.${key}`,
      label,
      recipes.map((r) => r.params[key]),
    );
  for (const key of unionKeys(recipes.map((r) => r.params.camera)))
    add(
      `params.camera.${key}`,
      `Camera: ${key}`,
      recipes.map((r) => r.params.camera[key] ?? null),
    );
  for (const key of unionKeys(recipes.map((r) => r.params.extra)))
    add(
      `params.extra.${key}`,
      key,
      recipes.map((r) => r.params.extra[key] ?? null),
    );

  for (const role of INPUT_ROLES) {
    const inputs = recipes.map((r) => inputsOf(r, role));
    const keys = inputs.map((i) => i?.key ?? null);
    if (!allSame(keys)) out.push({ path: `inputs.${role}`, label: ROLE_LABELS[role], values: inputs.map((i) => i?.shown ?? null) });
  }

  add(
    'cost',
    'Cost',
    recipes.map((r) => (r.cost ? `${r.cost.amount} ${r.cost.unit}` : null)),
  );
  add(
    'generationSeconds',
    'Generation time (s)',
    recipes.map((r) => r.generationSeconds),
  );
  add(
    'nonDeterministic',
    'Non-deterministic',
    recipes.map((r) => r.nonDeterministic),
  );
  const annotations = annotationValues(recipes);
  if (annotations) out.push({ path: 'annotations', label: 'Motion annotations', values: annotations });
  return out;
}
