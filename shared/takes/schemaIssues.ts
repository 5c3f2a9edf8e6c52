import type { z } from 'zod';

/**
 * Zod issues as short sentences for people who type JSON by hand: "params.steps: expected a whole
 * number". The path uses dots and [i], the way the field is written in the file.
 */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  return out;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'string') return `is longer than ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `has more than ${String(issue.maximum)} items`;
      return `must be at most ${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'must not be empty' : `is shorter than ${String(issue.minimum)} characters`;
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} items`;
      return `must be at least ${String(issue.minimum)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'expected text, a number or true/false';
    default:
      // Our schemas give their own sentences for formats and refinements.
      return issue.message;
  }
}

/** One sentence per problem, unknown keys named one by one ("params.foo: unknown field"). */
export function issueSentences(error: z.ZodError, root = '(top level)'): string[] {
  const out: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(`${issuePath([...issue.path, key])}: unknown field`);
      continue;
    }
    const where = issuePath(issue.path);
    out.push(`${where === '' ? root : where}: ${describeIssue(issue)}`);
  }
  return out;
}
