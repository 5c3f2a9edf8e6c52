import { MIN_READER_VERSION } from '../../shared/appInfo.ts';
import { RETIRED_MODELS_FORMAT_4 } from '../../shared/takes/retiredModels.ts';

/**
 * Pure row transforms for Dexie schema upgrades. Each Dexie `version(n + 1)` applies one of these
 * to every affected row; each has a test that opens the old schema, seeds it, and reopens.
 */

/** v1 → v2: the meta row records the project-file schema of its rows and the oldest reader. */
export function upgradeMetaRowToV2(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return {
    ...row,
    // v1 rows were in project format 1; shots did not change shape in format 2.
    schemaVersion: 2,
    minReaderVersion: typeof row['minReaderVersion'] === 'string' ? row['minReaderVersion'] : MIN_READER_VERSION,
  };
}

/** v2 → v3 (project format 3): shots gain a storyboard frame, none yet. */
export function upgradeShotRowToV3(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { ...row, frame: row['frame'] ?? null };
}

/** v2 → v3: the rows are now in project format 3 (scenes, notes and arrows tables are new and empty). */
export function upgradeMetaRowToV3(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { ...row, schemaVersion: 3 };
}

/**
 * v3 → v4 (project format 4): the takes table is new and empty; the settings gain the list of
 * retired models, seeded exactly as the project-file migration 3→4 seeds it, so a working copy
 * that is ahead of its folder matches the folder once both are in format 4.
 */
export function upgradeMetaRowToV4(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const settings = row['settings'];
  const upgraded =
    typeof settings === 'object' && settings !== null && !Array.isArray(settings) && !('retiredModels' in settings)
      ? { ...settings, retiredModels: RETIRED_MODELS_FORMAT_4.map((entry) => ({ ...entry })) }
      : settings;
  return { ...row, settings: upgraded, schemaVersion: 4 };
}
