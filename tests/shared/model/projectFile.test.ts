import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../../shared/model/projectFile.ts';
import { PROJECT_SCHEMA_VERSION, parseProjectFileText } from '../../../shared/model/projectFile.ts';
import { findForbiddenKey } from '../../../shared/validation.ts';
import type { AppError } from '../../../shared/result.ts';
import { projectData, projectFile, shot } from '../fixtures.ts';

const WHERE = '/projects/Teaser/project.json';

function failure(text: string): AppError {
  const result = parseProjectFileText(text, WHERE);
  if (result.ok) throw new Error('expected the file to be rejected');
  expect(result.error.where).toBe(WHERE);
  return result.error;
}

/** JSON text of a valid file with one raw fragment spliced in (so `__proto__` really is a key). */
function withRaw(file: ProjectFile, search: string, replacement: string): string {
  const text = JSON.stringify(file);
  expect(text).toContain(search);
  return text.replace(search, replacement);
}

describe('parseProjectFileText: valid files', () => {
  it('round-trips a valid file', () => {
    const file = projectFile({ data: projectData([shot({ title: 'Wide', tags: ['day'], customFields: { Location: 'Beach' } }), shot()]) });
    expect(parseProjectFileText(JSON.stringify(file, null, 2), WHERE)).toEqual({ ok: true, value: file });
  });

  it('accepts an empty project and the current schema version', () => {
    const file = projectFile({ data: projectData([]), schemaVersion: PROJECT_SCHEMA_VERSION });
    expect(parseProjectFileText(JSON.stringify(file), WHERE).ok).toBe(true);
  });
});

describe('parseProjectFileText: damaged files', () => {
  it('reports text that is not JSON, naming the file', () => {
    const error = failure('{"format": "shotcanvas.project",');
    expect(error.code).toBe('INVALID_PROJECT_FILE');
    expect(error.message).toContain(WHERE);
    expect(error.message).toContain('JSON');
  });

  it.each(['[]', '[{"format":"shotcanvas.project"}]', 'null', '42', '"project"', 'true'])('rejects the top-level value %s', (text) => {
    const error = failure(text);
    expect(error.code).toBe('INVALID_PROJECT_FILE');
    expect(error.message).toContain(WHERE);
  });

  it('rejects a __proto__ key at the top level', () => {
    const text = withRaw(projectFile(), '"format":', '"__proto__":{"polluted":true},"format":');
    expect(Object.keys(JSON.parse(text) as object)).toContain('__proto__');
    const error = failure(text);
    expect(error.code).toBe('INVALID_PROJECT_FILE');
    expect(error.message).toContain('$.__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects a __proto__ key nested inside data', () => {
    const text = withRaw(projectFile(), '"settings":{', '"settings":{"__proto__":{"isAdmin":true},');
    const error = failure(text);
    expect(error.message).toContain('$.data.settings.__proto__');
  });

  it('rejects a constructor key inside customFields', () => {
    const file = projectFile({ data: projectData([shot({ customFields: { Location: 'Beach' } })]) });
    const text = withRaw(file, '"customFields":{', '"customFields":{"constructor":"x",');
    const error = failure(text);
    expect(error.code).toBe('INVALID_PROJECT_FILE');
    expect(error.message).toMatch(/\.shots\[0\]\.customFields\.constructor/);
  });

  it('names the field of a wrongly typed shot', () => {
    const file = projectFile({ data: projectData([shot(), shot({ x: 10 })]) });
    const text = withRaw(file, '"x":10,', '"x":"10",');
    const error = failure(text);
    expect(error.code).toBe('INVALID_PROJECT_FILE');
    expect(error.message).toContain('data.shots[1].x');
  });

  it('rejects an unknown shot status', () => {
    const file = projectFile({ data: projectData([shot({ status: 'approved' })]) });
    const error = failure(withRaw(file, '"status":"approved"', '"status":"published"'));
    expect(error.message).toContain('data.shots[0].status');
  });

  it('rejects a damaged envelope and names the field', () => {
    const file = projectFile();
    expect(failure(JSON.stringify({ ...file, revision: -1 })).message).toContain('$.revision');
    expect(failure(JSON.stringify({ ...file, contentHash: 'md5:abc' })).message).toContain('$.contentHash');
    expect(failure(JSON.stringify({ ...file, projectId: 'not-a-uuid' })).message).toContain('$.projectId');
    expect(failure(JSON.stringify({ ...file, unexpected: 1 })).code).toBe('INVALID_PROJECT_FILE');
  });

  it('reports a newer schema as NEWER_VERSION with the version in the message', () => {
    const newer = PROJECT_SCHEMA_VERSION + 4;
    const file = { ...projectFile(), schemaVersion: newer, writtenBy: { app: 'Shotcanvas', version: '9.1.0' }, data: { future: true } };
    const error = failure(JSON.stringify(file));
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toContain(`format ${newer}`);
    expect(error.message).toContain('9.1.0');
    expect(error.message).toMatch(/Update Shotcanvas/);
  });

  it('does not call an older or equal schema version newer', () => {
    expect(failure(JSON.stringify({ ...projectFile(), schemaVersion: 0 })).code).toBe('INVALID_PROJECT_FILE');
  });

  it('rejects another format id', () => {
    const error = failure(JSON.stringify({ ...projectFile(), format: 'otio.timeline' }));
    expect(error.code).toBe('INVALID_PROJECT_FILE');
    expect(error.message).toContain('"otio.timeline"');
    expect(failure(JSON.stringify({ ...projectFile(), format: undefined })).message).toContain('null');
  });

  it('rejects duplicate shot ids', () => {
    const first = shot();
    const twin = shot({ id: first.id, title: 'twin' });
    const error = failure(JSON.stringify(projectFile({ data: projectData([first, twin]) })));
    expect(error.code).toBe('INVALID_PROJECT_FILE');
    expect(error.message).toContain(first.id);
  });
});

describe('findForbiddenKey', () => {
  it('finds forbidden keys inside arrays and returns null for clean data', () => {
    expect(findForbiddenKey(JSON.parse('{"a":[1,{"b":{"prototype":1}}]}'))).toBe('$.a[1].b.prototype');
    expect(findForbiddenKey({ a: [1, { b: 'constructor' }] })).toBeNull();
  });
});

describe('parseProjectFileText never throws', () => {
  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const result = parseProjectFileText(text, WHERE);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('for arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const result = parseProjectFileText(text, WHERE);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('for arbitrary values stringified, including envelope-like objects', () => {
    const envelopeLike = fc.record({
      format: fc.oneof(fc.constant('shotcanvas.project'), fc.anything()),
      schemaVersion: fc.oneof(fc.integer(), fc.anything()),
      writtenBy: fc.anything(),
      data: fc.anything(),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), envelopeLike), (value) => {
        let text: string | undefined;
        try {
          text = JSON.stringify(value);
        } catch {
          return; // BigInt and cycles are not JSON; nothing to parse
        }
        const result = parseProjectFileText(text ?? 'undefined', WHERE);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('for a valid file with one field replaced by an arbitrary JSON value', () => {
    const base = projectFile();
    const keys = Object.keys(base) as Array<keyof ProjectFile>;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const result = parseProjectFileText(JSON.stringify({ ...base, [key]: value }), WHERE);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
