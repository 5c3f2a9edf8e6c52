import type { z } from 'zod';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Finds `__proto__`-style keys anywhere: they must never reach object spreads or merges. */
export function findForbiddenKey(value: unknown, path = '$'): string | null {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, `${at}[${i}]`]));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return `${at}.${key}`;
      stack.push([(node as Record<string, unknown>)[key], `${at}.${key}`]);
    }
  }
  return null;
}

/** Turns a zod issue list into one sentence naming the first bad field. */
export function describeSchemaIssues(error: z.ZodError, prefix: string): string {
  const first = error.issues[0];
  if (!first) return 'the data does not match the expected shape';
  const where = [prefix, ...first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `${where}: ${first.message}${more}`;
}
