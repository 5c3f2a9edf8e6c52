import { MAX_SEED } from '../../../shared/model/take.ts';

/** Parsing rules of the recipe editor's typed fields: what a person types → what the recipe stores. */

export interface NumberRule {
  readonly integer?: boolean;
  readonly min: number;
  readonly max: number;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** An optional number field: empty is null; commas are read as decimal points (25,5). */
export function parseOptionalNumber(text: string, rule: NumberRule): Parsed<number | null> {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, value: null };
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { ok: false, problem: 'Type a number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, problem: 'Type a number' };
  if (rule.integer && !Number.isInteger(value)) return { ok: false, problem: 'Whole numbers only' };
  if (value < rule.min || value > rule.max) return { ok: false, problem: `Between ${rule.min} and ${rule.max}` };
  return { ok: true, value };
}

export function formatOptionalNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/** A seed: decimal digits up to 2^64 − 1 (kept as a string so 64-bit seeds survive). Empty = unknown. */
export function parseSeed(text: string): Parsed<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d{1,20}$/.test(trimmed)) return { ok: false, problem: 'Whole number, digits only' };
  if (BigInt(trimmed) > MAX_SEED) return { ok: false, problem: 'At most 18446744073709551615 (64 bits)' };
  // Leading zeros are the same seed: store it the way generators print it.
  return { ok: true, value: BigInt(trimmed).toString() };
}

/** A fresh random 32-bit seed (what most generators use when asked for "random"). */
export function randomSeed(random: () => number = defaultRandom): string {
  return String(Math.floor(random() * 2 ** 32));
}

function defaultRandom(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return buffer[0]! / 2 ** 32;
}

/** "1280x720", "1280 × 720", "1280*720" → width and height; empty clears both. */
export function parseResolution(text: string): Parsed<{ width: number | null; height: number | null }> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: { width: null, height: null } };
  const match = /^(\d{1,5})\s*[x×*]\s*(\d{1,5})$/i.exec(trimmed);
  if (!match) return { ok: false, problem: 'Width × height, e.g. 1280x720' };
  const width = Number(match[1]);
  const height = Number(match[2]);
  if (width < 1 || height < 1 || width > 65535 || height > 65535) return { ok: false, problem: 'Sizes between 1 and 65535' };
  return { ok: true, value: { width, height } };
}

export function formatResolution(width: number | null, height: number | null): string {
  return width === null || height === null ? '' : `${width}x${height}`;
}

/**
 * A free parameter's value as typed: `true`/`false` are booleans, a plain decimal that prints
 * back the same is a number ("0.5", "12"), anything else stays text ("007", "1e3", "fast").
 */
export function parseExtraValue(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(trimmed) && String(Number(trimmed)) === trimmed) return Number(trimmed);
  return text;
}

export function formatExtraValue(value: string | number | boolean): string {
  return String(value);
}

/** A free parameter's or camera value's key: what the recipe schema accepts. */
export function checkKey(key: string, existing: readonly string[]): string | null {
  const trimmed = key.trim();
  if (trimmed === '') return 'Name it first';
  if (trimmed.length > 100) return 'At most 100 characters';
  if (['__proto__', 'constructor', 'prototype'].includes(trimmed)) return 'Reserved name';
  if (existing.includes(trimmed)) return 'Already there';
  return null;
}

/** Camera-control keys most video generators share (Kling, Runway, Luma…), shown as fields. */
export const CAMERA_KEYS = ['horizontal', 'vertical', 'pan', 'tilt', 'roll', 'zoom'] as const;

export const COST_UNITS = ['USD', 'EUR', 'credits', 'GPU-s'] as const;
