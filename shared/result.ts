/**
 * Expected failures travel as values, not exceptions: Electron keeps only `message` of an error
 * thrown across IPC, and the web host must send the same shape over HTTP.
 */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'INVALID_PROJECT_FILE'
  | 'NEWER_VERSION'
  | 'READ_ONLY'
  | 'FORBIDDEN'
  | 'IO_ERROR'
  | 'NO_SPACE'
  | 'NOT_SUPPORTED'
  | 'CONFLICT'
  | 'CANCELLED'
  | 'INTERNAL';

export interface AppError {
  readonly code: ErrorCode;
  /** A sentence for the user: what failed, where, and what to do. */
  readonly message: string;
  /** Where the problem is, when it has a location (a file, a field path, a line). */
  readonly where?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string, where?: string): Result<T> {
  return { ok: false, error: where === undefined ? { code, message } : { code, message, where } };
}

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; value?: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

/** Programmer errors (states the code must never reach) throw; they are not user input. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
