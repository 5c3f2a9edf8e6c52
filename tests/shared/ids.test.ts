import { describe, expect, it } from 'vitest';
import type { ShotId } from '../../shared/ids.ts';
import { isUuid, newId } from '../../shared/ids.ts';

describe('ids', () => {
  it('creates RFC 4122 version-4 UUIDs', () => {
    const id = newId<ShotId>();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuid(id)).toBe(true);
  });

  it('never repeats an id', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newId<ShotId>()));
    expect(ids.size).toBe(5000);
  });

  it.each([
    '',
    'not-a-uuid',
    '123e4567-e89b-12d3-a456-42661417400',
    '123e4567-e89b-12d3-a456-4266141740000',
    '123E4567-E89B-12D3-A456-426614174000',
    '123e4567e89b12d3a456426614174000',
    ' 123e4567-e89b-12d3-a456-426614174000',
    42,
    null,
  ])('isUuid rejects %j', (value) => {
    expect(isUuid(value)).toBe(false);
  });

  it('isUuid accepts a lower-case UUID', () => {
    expect(isUuid('123e4567-e89b-12d3-a456-426614174000')).toBe(true);
  });
});
