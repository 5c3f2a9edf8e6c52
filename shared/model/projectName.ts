import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';

/**
 * A project name becomes a folder name on Windows, macOS and Linux, so it must be valid on all
 * three: no separators, no control characters, no reserved device names, no trailing dot/space.
 */
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const FORBIDDEN_CHARACTERS = /[<>:"/\\|?*]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
export const MAX_PROJECT_NAME_LENGTH = 120;

export function validateProjectName(raw: unknown): Result<string> {
  if (typeof raw !== 'string') return err('INVALID_ARGUMENT', 'The project name must be text.', 'name');
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return err('INVALID_ARGUMENT', 'Give the project a name.', 'name');
  if (name.length > MAX_PROJECT_NAME_LENGTH) {
    return err('INVALID_ARGUMENT', `The project name is ${name.length} characters long; keep it under ${MAX_PROJECT_NAME_LENGTH}.`, 'name');
  }
  if (name === '.' || name === '..') return err('INVALID_ARGUMENT', `"${name}" cannot be used as a project name.`, 'name');
  const bad = FORBIDDEN_CHARACTERS.exec(name);
  if (bad) {
    return err('INVALID_ARGUMENT', `The project name cannot contain "${bad[0]}" (it becomes a folder name). Use letters, numbers, spaces, - or _.`, 'name');
  }
  if (CONTROL_CHARACTERS.test(name)) return err('INVALID_ARGUMENT', 'The project name contains control characters.', 'name');
  if (RESERVED_WINDOWS_NAMES.test(name)) {
    return err('INVALID_ARGUMENT', `"${name}" is a reserved device name on Windows; choose another project name.`, 'name');
  }
  if (name.endsWith('.')) return err('INVALID_ARGUMENT', 'The project name cannot end with a dot.', 'name');
  return ok(name);
}
