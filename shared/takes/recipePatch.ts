import type { Recipe, RecipeParams } from '../model/take.ts';

/**
 * Part of a recipe: what a paste, an importer or embedded metadata could tell. Applied over a base
 * recipe (usually emptyRecipe()), so everything it does not name keeps the base's value.
 */
export type RecipePatch = { readonly [K in Exclude<keyof Recipe, 'params'>]?: Recipe[K] } & { readonly params?: Partial<RecipeParams> };

/** Keys whose value is undefined are not applied (a spread would erase the base's value). */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function applyRecipePatch(base: Recipe, patch: RecipePatch): Recipe {
  const { params, ...rest } = patch;
  return { ...base, ...defined(rest), params: params ? { ...base.params, ...defined(params) } : base.params };
}
