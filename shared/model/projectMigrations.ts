import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { RETIRED_MODELS_FORMAT_4 } from '../takes/retiredModels.ts';

/**
 * Project-file migrations: a chain of pure functions on the raw `data` of each schema version.
 * Each step has a golden fixture (tests/fixtures/project-files/v<N>.json) that must migrate to the
 * next fixture exactly. Never edit a shipped step; add the next one.
 */
export interface MigrationStep {
  readonly from: number;
  readonly to: number;
  readonly describe: string;
  readonly migrate: (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

export const PROJECT_MIGRATIONS: readonly MigrationStep[] = [
  {
    from: 1,
    to: 2,
    describe: 'deletes leave tombstones (data.tombstones)',
    migrate: (data) => ({ ...data, tombstones: [] }),
  },
  {
    from: 2,
    to: 3,
    describe: 'scenes, sticky notes and arrows; shots get a storyboard frame (null)',
    migrate: (data) => ({
      ...data,
      shots: Array.isArray(data['shots'])
        ? data['shots'].map((shot: unknown) => (typeof shot === 'object' && shot !== null ? { ...shot, frame: null } : shot))
        : data['shots'],
      scenes: [],
      notes: [],
      arrows: [],
    }),
  },
  {
    from: 3,
    to: 4,
    describe: 'takes (data.takes); settings get the editable list of retired models, seeded with the format-4 defaults',
    migrate: (data) => ({
      ...data,
      settings: withRetiredModels(data['settings']),
      takes: [],
    }),
  },
];

/** Settings that are not an object are left for validation to report; a list already there is kept. */
function withRetiredModels(settings: unknown): unknown {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return settings;
  if ('retiredModels' in settings) return { ...settings };
  // A fresh copy of every entry: the migrated data must not share objects with the frozen list.
  return { ...settings, retiredModels: RETIRED_MODELS_FORMAT_4.map((entry) => ({ ...entry })) };
}

/** Runs every step from `fromVersion` up to `toVersion`. Input is not modified. */
export function migrateProjectData(data: unknown, fromVersion: number, toVersion: number): Result<Record<string, unknown>> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return err('INVALID_PROJECT_FILE', `The project data of format ${fromVersion} is not an object.`);
  }
  let current = data as Record<string, unknown>;
  for (let version = fromVersion; version < toVersion; version += 1) {
    const step = PROJECT_MIGRATIONS.find((s) => s.from === version);
    if (!step) return err('INVALID_PROJECT_FILE', `No migration from project format ${version} to ${version + 1}.`);
    current = step.migrate(current);
  }
  return ok(current);
}
