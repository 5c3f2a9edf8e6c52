import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseOptions } from '../../../shared/model/projectFile.ts';
import { PROJECT_SCHEMA_VERSION, parseProjectFile, parseProjectFileText } from '../../../shared/model/projectFile.ts';
import { projectDataArb } from '../../electron/services/support/projectData.ts';
import { contentHash, documentData, projectData, projectFile, shot } from '../fixtures.ts';

const WHERE = '/projects/Teaser/project.json';
const READER: ParseOptions = { readerVersion: '0.1.0' };

/** A project.json written by an older or newer app: `data` exactly as given, hashed as written. */
function written(schemaVersion: number, data: unknown, envelope: Record<string, unknown> = {}): string {
  const base = projectFile();
  return JSON.stringify({ ...base, schemaVersion, ...envelope, contentHash: contentHash(data), data });
}

function parsed(text: string, options = READER) {
  const result = parseProjectFile(text, WHERE, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function refused(text: string, options = READER) {
  const result = parseProjectFile(text, WHERE, options);
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.error.where).toBe(WHERE);
  return result.error;
}

describe('parseProjectFile: older schemas are migrated', () => {
  it('a format-1 file gets tombstones and reports what was written', () => {
    const v1 = documentData([shot({ title: 'Wide' })]);
    const result = parsed(written(1, v1));
    expect(result.originalSchemaVersion).toBe(1);
    expect(result.originalData).toEqual(v1);
    expect(result.readOnlyReason).toBeNull();
    expect(result.file.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(result.file.data).toEqual({ ...v1, tombstones: [] });
    // The hash still describes the data as written, which is what integrity checks compare.
    expect(result.file.contentHash).toBe(contentHash(v1));
  });

  it('a format-1 file whose data is damaged is refused after migration, naming the field', () => {
    const error = refused(written(1, { settings: documentData().settings, shots: [{ ...shot(), x: 'left' }] }));
    expect(error.code).toBe('INVALID_PROJECT_FILE');
    expect(error.message).toContain('data.shots[0].x');
  });

  it('a format-1 file whose data is not an object is refused without throwing', () => {
    expect(refused(written(1, ['not', 'an', 'object'])).code).toBe('INVALID_PROJECT_FILE');
  });
});

describe('parseProjectFile: the current schema', () => {
  it('validates tombstones: uuid ids, kind shot, non-negative integer times', () => {
    const id = shot().id;
    expect(parsed(written(2, projectData([], {}, [{ id, kind: 'shot', deletedAt: 5 }]))).file.data.tombstones).toEqual([{ id, kind: 'shot', deletedAt: 5 }]);
    for (const bad of [{ id: 'x', kind: 'shot', deletedAt: 5 }, { id, kind: 'take', deletedAt: 5 }, { id, kind: 'shot', deletedAt: -1 }, { id, kind: 'shot' }]) {
      const error = refused(written(2, { ...projectData([]), tombstones: [bad] }));
      expect(error.message).toContain('data.tombstones[0]');
    }
  });

  it('requires tombstones in format 2 (only format 1 may lack them)', () => {
    expect(refused(written(2, documentData())).message).toContain('data.tombstones');
  });
});

describe('parseProjectFile: newer schemas', () => {
  const future = (extra: Record<string, unknown> = {}) => ({ ...projectData([shot({ title: 'Kept' })]), futureThings: [{ id: 1 }], ...extra });

  it('opens a newer file read-only when its minReaderVersion allows this app, ignoring unknown collections', () => {
    const data = future();
    const result = parsed(written(3, data, { writtenBy: { app: 'Shotcanvas', version: '0.4.0' }, minReaderVersion: '0.1.0' }));
    expect(result.readOnlyReason).toMatch(/Shotcanvas 0\.4\.0 \(project format 3\)/);
    expect(result.readOnlyReason).toMatch(/read-only/);
    expect(result.readOnlyReason).toMatch(/update Shotcanvas to edit it/);
    expect(result.originalSchemaVersion).toBe(3);
    expect(result.originalData).toEqual(data);
    expect(result.file.data).toEqual(projectData(data.shots));
    expect(result.file.schemaVersion).toBe(3);
  });

  it('a newer file without tombstones still opens read-only', () => {
    const { tombstones: _dropped, ...data } = future();
    expect(parsed(written(3, data)).file.data.tombstones).toEqual([]);
  });

  it('refuses a newer file that needs a newer reader with NEWER_VERSION naming the version to install', () => {
    const error = refused(written(3, future(), { minReaderVersion: '99.0.0' }));
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toContain('needs Shotcanvas 99.0.0 or later');
  });

  it('refuses a newer file whose known collections changed shape with NEWER_VERSION', () => {
    const error = refused(written(3, future({ shots: [{ id: 'renamed-fields' }] })));
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toMatch(/changed in ways this version cannot show/);
  });

  it('parseProjectFileText refuses what would only open read-only', () => {
    const result = parseProjectFileText(written(3, future()), WHERE, '0.1.0');
    expect(result.ok ? null : result.error.code).toBe('NEWER_VERSION');
  });
});

describe('parseProjectFile properties', () => {
  it('load(save(x)) equals x for random schema-2 project data, tombstones included', () => {
    fc.assert(
      fc.property(projectDataArb, fc.nat({ max: 1_000_000 }), (data, revision) => {
        const file = projectFile({ data, revision });
        const result = parsed(JSON.stringify(file, null, 1));
        expect(result.file).toEqual(file);
        expect(result.originalSchemaVersion).toBe(PROJECT_SCHEMA_VERSION);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws for arbitrary text, JSON values or envelopes of any schema version and reader', () => {
    const envelope = fc.record({
      format: fc.constant('shotcanvas.project'),
      schemaVersion: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.jsonValue()),
      minReaderVersion: fc.oneof(fc.constantFrom('0.1.0', '99.0.0', '', 'x.y'), fc.jsonValue()),
      data: fc.oneof(fc.jsonValue(), projectDataArb.map((d) => ({ ...d, extra: [1] }))),
    });
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.json(), envelope.map((e) => JSON.stringify({ ...projectFile(), ...e })));
    const reader = fc.constantFrom('0.0.0', '0.1.0', '99.0.0', 'garbage');
    fc.assert(
      fc.property(text, reader, (input, readerVersion) => {
        const result = parseProjectFile(input, WHERE, { readerVersion });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 400 },
    );
  });
});
