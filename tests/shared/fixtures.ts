import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import type { ArrowId, NoteId, ProjectId, SceneId, ShotId } from '../../shared/ids.ts';
import { PROJECT_FORMAT_ID } from '../../shared/identity.ts';
import type { ArrowRecord } from '../../shared/model/arrow.ts';
import type { DocumentData, Tombstone } from '../../shared/model/documentData.ts';
import type { NoteRecord } from '../../shared/model/note.ts';
import { NOTE_COLORS, NOTE_SIZE } from '../../shared/model/note.ts';
import type { SceneRecord } from '../../shared/model/scene.ts';
import { SCENE_COLORS } from '../../shared/model/scene.ts';
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
    retiredModels: [],
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

/** A scene frame with a fresh id (600 × 400 at the origin unless given). */
export function scene(overrides: Partial<SceneRecord> = {}, now = FIXED_NOW): SceneRecord {
  return {
    id: randomUUID() as SceneId,
    kind: 'scene',
    x: 0,
    y: 0,
    width: 600,
    height: 400,
    number: '1',
    title: '',
    color: SCENE_COLORS[0],
    collapsed: false,
    createdAt: now,
    updatedAt: now,
    rev: 0,
    ...overrides,
  };
}

export function note(overrides: Partial<NoteRecord> = {}, now = FIXED_NOW): NoteRecord {
  return {
    id: randomUUID() as NoteId,
    kind: 'note',
    x: 0,
    y: 0,
    ...NOTE_SIZE,
    text: '',
    color: NOTE_COLORS[0],
    createdAt: now,
    updatedAt: now,
    rev: 0,
    ...overrides,
  };
}

export function arrow(fromId: string, toId: string, overrides: Partial<ArrowRecord> = {}, now = FIXED_NOW): ArrowRecord {
  return { id: randomUUID() as ArrowId, kind: 'arrow', fromId, toId, label: '', createdAt: now, updatedAt: now, rev: 0, ...overrides };
}

export function contentHash(data: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex')}`;
}

/** Scenes, notes, arrows and takes of a document (format 4); empty unless a test gives some. */
export type OtherRecords = Partial<Pick<DocumentData, 'scenes' | 'notes' | 'arrows' | 'takes'>>;

/** What the renderer edits and sends: settings and records of every kind. */
export function documentData(
  shots: readonly ShotRecord[] = [shot(), shot()],
  settingsOverrides: Partial<ProjectSettings> = {},
  others: OtherRecords = {},
): DocumentData {
  return { settings: settings(settingsOverrides), shots, scenes: [], notes: [], arrows: [], takes: [], ...others };
}

/** `data` of a schema-4 project.json: the document plus tombstones. */
export function projectData(
  shots: readonly ShotRecord[] = [shot(), shot()],
  settingsOverrides: Partial<ProjectSettings> = {},
  tombstones: readonly Tombstone[] = [],
  others: OtherRecords = {},
): ProjectData {
  return { ...documentData(shots, settingsOverrides, others), tombstones };
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
