import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../shared/appInfo.ts';
import { PROJECT_SCHEMA_VERSION, parseProjectFile } from '../../../shared/model/projectFile.ts';
import { PROJECT_MIGRATIONS, migrateProjectData } from '../../../shared/model/projectMigrations.ts';
import { RETIRED_MODELS_FORMAT_4 } from '../../../shared/takes/retiredModels.ts';
import { contentHash } from '../fixtures.ts';

/**
 * Golden fixtures: tests/fixtures/project-files/v<N>.json is a realistic project.json as format N
 * wrote it. Each must migrate exactly to the next one. Never edit a shipped fixture; add v<N+1>.
 */
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'project-files');
const fixtureText = (version: number) => readFileSync(join(FIXTURES, `v${version}.json`), 'utf8');
const fixture = (version: number) => JSON.parse(fixtureText(version)) as { schemaVersion: number; contentHash: string; data: Record<string, unknown> };
const VERSIONS = Array.from({ length: PROJECT_SCHEMA_VERSION }, (_, i) => i + 1);

/** Deep-freezes a value so a migration that writes into its input throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The keys of `data` some step writes (1→2 tombstones; 2→3 shots' frames and the new collections; 3→4 takes and settings). */
const OWNED_BY_A_STEP = new Set(['tombstones', 'shots', 'scenes', 'notes', 'arrows', 'takes', 'settings']);

describe('project-file migrations', () => {
  it('has a golden fixture for every schema version, each declaring its version and a correct content hash', () => {
    for (const version of VERSIONS) {
      const file = fixture(version);
      expect(file.schemaVersion, `v${version}.json`).toBe(version);
      expect(contentHash(file.data), `v${version}.json`).toBe(file.contentHash);
    }
  });

  it('the chain has exactly one step from each version to the next, 1 … PROJECT_SCHEMA_VERSION', () => {
    expect(PROJECT_MIGRATIONS.map((s) => [s.from, s.to])).toEqual(VERSIONS.slice(0, -1).map((v) => [v, v + 1]));
    for (const step of PROJECT_MIGRATIONS) expect(step.describe.length, `step ${step.from}`).toBeGreaterThan(0);
  });

  it.each(VERSIONS.slice(0, -1))('v%i.json migrates exactly to the next fixture', (version) => {
    const migrated = migrateProjectData(fixture(version).data, version, version + 1);
    expect(migrated).toEqual({ ok: true, value: fixture(version + 1).data });
  });

  it('v1.json migrates through the whole chain to the current fixture', () => {
    expect(migrateProjectData(fixture(1).data, 1, PROJECT_SCHEMA_VERSION)).toEqual({ ok: true, value: fixture(PROJECT_SCHEMA_VERSION).data });
  });

  it('every step is pure: a frozen input is neither modified nor shared with the output', () => {
    for (const step of PROJECT_MIGRATIONS) {
      const input = deepFreeze(fixture(step.from).data);
      const before = JSON.stringify(input);
      const output = step.migrate(input);
      expect(JSON.stringify(input)).toBe(before);
      expect(output).not.toBe(input);
      // Same input, same output: no clock, randomness or hidden state.
      expect(step.migrate(input)).toEqual(output);
    }
  });

  it('every step keeps arbitrary extra fields of the data it does not own', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !OWNED_BY_A_STEP.has(k) && k !== '__proto__'),
          fc.jsonValue(),
        ),
        (extra) => {
          for (const step of PROJECT_MIGRATIONS) {
            const output = step.migrate(extra);
            for (const [key, value] of Object.entries(extra)) expect(output[key]).toEqual(value);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('2→3 gives every shot a null frame and adds empty scenes, notes and arrows; odd shapes are left for validation', () => {
    const step = PROJECT_MIGRATIONS.find((s) => s.from === 2)!;
    const shotRow = { id: 'a', title: 'Wide', frame: 'ignored?' };
    expect(step.migrate({ shots: [{ id: 'a', title: 'Wide' }], tombstones: [] })).toEqual({
      shots: [{ id: 'a', title: 'Wide', frame: null }],
      scenes: [],
      notes: [],
      arrows: [],
      tombstones: [],
    });
    // Format 2 had no frames: whatever sits in that field is not a FrameRef this build wrote.
    expect((step.migrate({ shots: [shotRow] })['shots'] as unknown[])[0]).toEqual({ ...shotRow, frame: null });
    expect(step.migrate({ shots: [null, 3, 'x'] })['shots']).toEqual([null, 3, 'x']);
    expect(step.migrate({ shots: 'not a list' })['shots']).toBe('not a list');
    expect(step.migrate({})).toEqual({ shots: undefined, scenes: [], notes: [], arrows: [] });
  });

  it('3→4 adds an empty takes collection and seeds the settings with the format-4 retired models', () => {
    const step = PROJECT_MIGRATIONS.find((s) => s.from === 3)!;
    const settings = { name: 'Harbour', frameRate: { num: 25, den: 1 } };
    const output = step.migrate({ settings, shots: [], tombstones: [] });
    expect(output).toEqual({ settings: { ...settings, retiredModels: RETIRED_MODELS_FORMAT_4 }, shots: [], tombstones: [], takes: [] });
    // A fresh copy: editing the project's list never touches the frozen defaults.
    expect((output['settings'] as { retiredModels: unknown[] }).retiredModels[0]).not.toBe(RETIRED_MODELS_FORMAT_4[0]);
    // A list already there is kept; settings that are not an object are left for validation.
    const own = { ...settings, retiredModels: [] };
    expect(step.migrate({ settings: own })['settings']).toEqual(own);
    expect(step.migrate({ settings: 'odd' })['settings']).toBe('odd');
    expect(step.migrate({})).toEqual({ settings: undefined, takes: [] });
  });

  it('the format-4 fixture carries the retired models the migration seeds', () => {
    expect((fixture(4).data['settings'] as { retiredModels: unknown }).retiredModels).toEqual(RETIRED_MODELS_FORMAT_4);
    expect(fixture(4).data['takes']).toEqual([]);
  });

  it('refuses data that is not an object and a version with no step, without throwing', () => {
    for (const bad of [null, [], 'data', 42]) expect(migrateProjectData(bad, 1, 2).ok).toBe(false);
    const missing = migrateProjectData({}, 0, 2);
    expect(missing.ok ? null : missing.error.message).toMatch(/No migration from project format 0 to 1/);
  });

  it.each(VERSIONS)('v%i.json parses with parseProjectFile into the current schema, keeping what was written', (version) => {
    const text = fixtureText(version);
    const parsed = parseProjectFile(text, `v${version}.json`, { readerVersion: APP_VERSION });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.originalSchemaVersion).toBe(version);
    expect(parsed.value.readOnlyReason).toBeNull();
    expect(parsed.value.originalData).toEqual(fixture(version).data);
    expect(parsed.value.file.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(parsed.value.file.data).toEqual(fixture(PROJECT_SCHEMA_VERSION).data);
  });
});
