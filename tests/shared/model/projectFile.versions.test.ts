import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseOptions } from '../../../shared/model/projectFile.ts';
import { PROJECT_SCHEMA_VERSION, parseProjectFile, parseProjectFileText } from '../../../shared/model/projectFile.ts';
import { RECORD_KINDS } from '../../../shared/model/records.ts';
import { RETIRED_MODELS_FORMAT_4 } from '../../../shared/takes/retiredModels.ts';
import { projectDataArb } from '../../electron/services/support/projectData.ts';
import { contentHash, documentData, projectData, projectFile, shot } from '../fixtures.ts';

const WHERE = '/projects/Teaser/project.json';
const READER: ParseOptions = { readerVersion: '0.1.0' };
/** A schema this build does not know yet. */
const NEWER = PROJECT_SCHEMA_VERSION + 1;

/** A shot as formats 1 and 2 wrote it: no storyboard frame (format 3 added it). */
function oldShot(draft: Parameters<typeof shot>[0] = {}) {
  const { frame: _addedInFormat3, ...rest } = shot(draft);
  return rest;
}

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
  it('a format-1 file gets tombstones (and the format-3 and format-4 collections and settings) and reports what was written', () => {
    const wide = oldShot({ title: 'Wide' });
    const { retiredModels: _format4, ...v1Settings } = documentData().settings;
    const v1 = { settings: v1Settings, shots: [wide] };
    const result = parsed(written(1, v1));
    expect(result.originalSchemaVersion).toBe(1);
    expect(result.originalData).toEqual(v1);
    expect(result.readOnlyReason).toBeNull();
    expect(result.file.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(result.file.data).toEqual({
      settings: { ...v1Settings, retiredModels: RETIRED_MODELS_FORMAT_4 },
      shots: [{ ...wide, frame: null }],
      scenes: [],
      notes: [],
      arrows: [],
      takes: [],
      tombstones: [],
    });
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
  it('validates tombstones: uuid ids, a record kind, non-negative integer times', () => {
    const id = shot().id;
    const kept = RECORD_KINDS.map((kind, i) => ({ id: shot().id, kind, deletedAt: i }));
    expect(parsed(written(PROJECT_SCHEMA_VERSION, projectData([], {}, [{ id, kind: 'shot', deletedAt: 5 }]))).file.data.tombstones).toEqual([
      { id, kind: 'shot', deletedAt: 5 },
    ]);
    expect(parsed(written(PROJECT_SCHEMA_VERSION, projectData([], {}, kept))).file.data.tombstones).toEqual(kept);
    for (const bad of [
      { id: 'x', kind: 'shot', deletedAt: 5 },
      { id, kind: 'lens', deletedAt: 5 },
      { id, kind: 'shot', deletedAt: -1 },
      { id, kind: 'shot' },
    ]) {
      const error = refused(written(PROJECT_SCHEMA_VERSION, { ...projectData([]), tombstones: [bad] }));
      expect(error.message).toContain('data.tombstones[0]');
    }
  });

  it('requires tombstones in format 2 (only format 1 may lack them)', () => {
    expect(refused(written(2, { settings: documentData().settings, shots: [oldShot()] })).message).toContain('data.tombstones');
  });

  it.each(['scenes', 'notes', 'arrows', 'takes'] as const)('requires %s in the current format (only older formats may lack them)', (collection) => {
    const { [collection]: _missing, ...data } = projectData();
    expect(refused(written(PROJECT_SCHEMA_VERSION, data)).message).toContain(`data.${collection}`);
  });

  it('requires a frame (null or a FrameRef) on every shot of the current format', () => {
    const data = projectData([oldShot() as ReturnType<typeof shot>]);
    expect(refused(written(PROJECT_SCHEMA_VERSION, data)).message).toContain('data.shots[0].frame');
  });
});

describe('parseProjectFile: newer schemas', () => {
  const future = (extra: Record<string, unknown> = {}) => ({ ...projectData([shot({ title: 'Kept' })]), futureThings: [{ id: 1 }], ...extra });

  it('opens a newer file read-only when its minReaderVersion allows this app, ignoring unknown collections', () => {
    const data = future();
    const result = parsed(written(NEWER, data, { writtenBy: { app: 'Shotcanvas', version: '0.4.0' }, minReaderVersion: '0.1.0' }));
    expect(result.readOnlyReason).toContain(`Shotcanvas 0.4.0 (project format ${NEWER})`);
    expect(result.readOnlyReason).toMatch(/read-only/);
    expect(result.readOnlyReason).toMatch(/update Shotcanvas to edit it/);
    expect(result.originalSchemaVersion).toBe(NEWER);
    expect(result.originalData).toEqual(data);
    expect(result.file.data).toEqual(projectData(data.shots));
    expect(result.file.schemaVersion).toBe(NEWER);
  });

  it('a newer file without tombstones still opens read-only', () => {
    const { tombstones: _dropped, ...data } = future();
    expect(parsed(written(NEWER, data)).file.data.tombstones).toEqual([]);
  });

  it('a newer file without scenes, notes or arrows still opens read-only, with those collections empty', () => {
    const { scenes: _s, notes: _n, arrows: _a, ...data } = future();
    expect(parsed(written(NEWER, data)).file.data).toMatchObject({ scenes: [], notes: [], arrows: [] });
  });

  it('refuses a newer file that needs a newer reader with NEWER_VERSION naming the version to install', () => {
    const error = refused(written(NEWER, future(), { minReaderVersion: '99.0.0' }));
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toContain('needs Shotcanvas 99.0.0 or later');
  });

  it('refuses a newer file whose known collections changed shape with NEWER_VERSION', () => {
    const error = refused(written(NEWER, future({ shots: [{ id: 'renamed-fields' }] })));
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toMatch(/changed in ways this version cannot show/);
  });

  it('parseProjectFileText refuses what would only open read-only', () => {
    const result = parseProjectFileText(written(NEWER, future()), WHERE, '0.1.0');
    expect(result.ok ? null : result.error.code).toBe('NEWER_VERSION');
  });
});

describe('parseProjectFile properties', () => {
  it('load(save(x)) equals x for random current-schema project data, every record kind and tombstones included', () => {
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
      data: fc.oneof(
        fc.jsonValue(),
        projectDataArb.map((d) => ({ ...d, extra: [1] })),
      ),
    });
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json(),
      envelope.map((e) => JSON.stringify({ ...projectFile(), ...e })),
    );
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
