/**
 * Branded ids: a ShotId cannot be passed where a SceneId is expected. Ids are random UUIDs so
 * records created on two machines never collide (ready for sync later), and are never array
 * positions.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ProjectId = Brand<string, 'ProjectId'>;
export type ShotId = Brand<string, 'ShotId'>;
export type SceneId = Brand<string, 'SceneId'>;
export type TakeId = Brand<string, 'TakeId'>;
export type NoteId = Brand<string, 'NoteId'>;
export type ArrowId = Brand<string, 'ArrowId'>;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface RandomUuidSource {
  randomUUID(): string;
}

/** Web Crypto exists in browsers, Electron and Node ≥ 19 under the same global name. */
function uuidSource(): RandomUuidSource {
  const source = (globalThis as { crypto?: RandomUuidSource }).crypto;
  if (!source || typeof source.randomUUID !== 'function') {
    throw new Error('crypto.randomUUID is not available in this runtime');
  }
  return source;
}

export function newId<T extends Brand<string, string>>(): T {
  return uuidSource().randomUUID() as T;
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** A branded string's runtime type; used where compile-time brands meet runtime schemas. */
export type Unbranded<T> = T extends string & { readonly [brand]: string } ? string : T;
