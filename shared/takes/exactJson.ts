/**
 * JSON.parse that keeps integers above 2^53 exact. Generators write 64-bit seeds as JSON numbers
 * (ComfyUI's noise_seed goes up to 2^64 − 1); a plain parse silently rounds them, and a rounded
 * seed reproduces nothing. Integers that do not fit a double exactly come back as bigint.
 * Uses the reviver's source text (ES2025 "JSON.parse source text access": Chromium 114+, Node 21+).
 * Where a runtime lacks it, such integers stay rounded numbers; `exact` is then false.
 */
export interface ExactJson {
  readonly value: unknown;
  /** False when a large integer was seen but its digits could not be recovered. */
  readonly exact: boolean;
}

type SourceReviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

/** Throws like JSON.parse on malformed text. */
export function parseJsonExact(text: string): ExactJson {
  let exact = true;
  const reviver: SourceReviver = (_key, value, context) => {
    if (typeof value !== 'number' || Number.isSafeInteger(value) || !Number.isInteger(value)) return value;
    const source = context?.source;
    if (source === undefined) {
      exact = false;
      return value;
    }
    // "1e300" is a number written as one; only plain digits have digits to keep.
    return /^-?\d+$/.test(source) ? BigInt(source) : value;
  };
  const value: unknown = JSON.parse(text, reviver as (this: unknown, key: string, value: unknown) => unknown);
  return { value, exact };
}

/** A whole number as decimal digits, or null when it is not one (bigint and safe integers only). */
export function integerDigits(value: unknown): string | null {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}
