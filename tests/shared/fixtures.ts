import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import type { ProjectId, ShotId } from '../../shared/ids.ts';
import { PROJECT_FORMAT_ID } from '../../shared/identity.ts';
import type { DocumentData, Tombstone } from '../../shared/model/documentData.ts';
import type { ProjectData, ProjectFile } from '../../shared/model/projectFile.ts';
import { PROJECT_SCHEMA_VERSION } from '../../shared/model/projectFile.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import type { ShotDraft, ShotRecord } from '../../shared/model/shot.ts';
import { makeShot } from '../../shared/model/shot.ts';

/** Test fixtures: valid ids, shots and project files built from the real model helpers. */

export const FIXED_NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

export function shotId(): ShotId {
  return randomUUID() as ShotId;
}

export function projectId(): ProjectId {
  return randomUUID() as ProjectId;
}

export function settings(overrides: Partial<ProjectSettings> = {}): ProjectSettings {
  return {
    name: 'Été – Teaser',
    frameRate: { num: 24, den: 1 },
    dropFrame: false,
    width: 1920,
    height: 1080,
    recordStartFrames: 86400,
    ...overrides,
  };
}

let orderCounter = 0;

/** A shot with a fresh id and an order key that sorts after every earlier fixture shot. */
export function shot(draft: Partial<ShotDraft> & { id?: ShotId } = {}, now = FIXED_NOW): ShotRecord {
  orderCounter += 1;
  const { id = shotId(), ...rest } = draft;
  return makeShot(id, { x: 0, y: 0, order: `a${String(orderCounter).padStart(6, '0')}`, ...rest }, now);
}

export function contentHash(data: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex')}`;
}

/** What the renderer edits and sends: settings and records. */
export function documentData(shots: readonly ShotRecord[] = [shot(), shot()], settingsOverrides: Partial<ProjectSettings> = {}): DocumentData {
  return { settings: settings(settingsOverrides), shots };
}

/** `data` of a schema-2 project.json: the document plus tombstones. */
export function projectData(
  shots: readonly ShotRecord[] = [shot(), shot()],
  settingsOverrides: Partial<ProjectSettings> = {},
  tombstones: readonly Tombstone[] = [],
): ProjectData {
  return { settings: settings(settingsOverrides), shots, tombstones };
}

export function projectFile(overrides: Partial<Omit<ProjectFile, 'data'>> & { data?: ProjectData } = {}): ProjectFile {
  const data = overrides.data ?? projectData();
  return {
    format: PROJECT_FORMAT_ID,
    schemaVersion: PROJECT_SCHEMA_VERSION,
    projectId: projectId(),
    writtenBy: { app: 'Shotcanvas', version: '0.1.0' },
    minReaderVersion: '0.1.0',
    revision: 3,
    savedAt: new Date(FIXED_NOW).toISOString(),
    contentHash: contentHash(data),
    ...overrides,
    data,
  };
}
