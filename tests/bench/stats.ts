export interface Summary {
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly count: number;
}

/** Median, 95th percentile (nearest rank) and maximum of a sample. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) return { median: Number.NaN, p95: Number.NaN, max: Number.NaN, count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { median: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1]!, count: sorted.length };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
