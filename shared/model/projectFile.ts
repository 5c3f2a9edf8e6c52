import { z } from 'zod';
import { compareVersions } from '../appInfo.ts';
import type { ProjectId } from '../ids.ts';
import { PROJECT_FORMAT_ID } from '../identity.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { describeSchemaIssues, findForbiddenKey } from '../validation.ts';
import type { DocumentData, Tombstone } from './documentData.ts';
import { MAX_RECORDS, MAX_SHOTS, allRecords, documentDataSchema, tombstoneSchema } from './documentData.ts';
import { migrateProjectData } from './projectMigrations.ts';

/** The project-file schema this build writes. */
export const PROJECT_SCHEMA_VERSION = 4;
export const MAX_PROJECT_FILE_BYTES = 512 * 1024 * 1024;
export { MAX_SHOTS };

/** Everything in `project.json`'s `data`: the document plus what main keeps beside it. */
export interface ProjectData extends DocumentData {
  readonly tombstones: readonly Tombstone[];
}

/** `project.json`: the durable, self-describing snapshot of a project folder. */
export interface ProjectFile {
  readonly format: typeof PROJECT_FORMAT_ID;
  readonly schemaVersion: number;
  readonly projectId: ProjectId;
  /** Which app wrote it, so a support question can be answered from the file alone. */
  readonly writtenBy: { readonly app: string; readonly version: string };
  /** The oldest app version that understands this schema. */
  readonly minReaderVersion: string;
  /** Monotonic revision of the document; the renderer's IndexedDB copy is compared against it. */
  readonly revision: number;
  readonly savedAt: string;
  /** `sha256:<hex>` of the canonical JSON of `data`; a mismatch means a torn or edited file. */
  readonly contentHash: string;
  readonly data: ProjectData;
}

export const projectDataSchema = z.strictObject({
  ...documentDataSchema.shape,
  tombstones: z.array(tombstoneSchema).max(MAX_RECORDS * 5),
});

export { documentDataSchema };

const envelopeSchema = z.strictObject({
  format: z.literal(PROJECT_FORMAT_ID),
  schemaVersion: z.number().int().min(1),
  projectId: z.uuid(),
  writtenBy: z.strictObject({ app: z.string().max(100), version: z.string().max(50) }),
  minReaderVersion: z.string().max(50),
  revision: z.number().int().min(0),
  savedAt: z.iso.datetime(),
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  data: z.unknown(),
});

/**
 * Ids are unique across every kind; arrows must connect records that exist. Take references are
 * not checked: deleting a shot deletes its takes in the same step, but if a take ever outlived its
 * shot, refusing the whole project (and falling back to an older backup) would lose far more than
 * the stray take, which nothing shows or counts. Likewise a deleted parent makes a fork a lineage
 * root, and a dangling selectedTakeId reads as no selection.
 */
function checkRecords(data: ProjectData, where: string): Result<ProjectData> {
  const ids = new Set<string>();
  for (const record of allRecords(data)) {
    if (ids.has(record.id)) return err('INVALID_PROJECT_FILE', `${where}: ${record.kind} id ${record.id} appears twice.`, where);
    ids.add(record.id);
  }
  for (const arrow of data.arrows) {
    if (!ids.has(arrow.fromId) || !ids.has(arrow.toId))
      return err('INVALID_PROJECT_FILE', `${where}: arrow ${arrow.id} points at a record that does not exist.`, where);
  }
  return ok(data);
}

export function validateProjectData(raw: unknown, where: string): Result<ProjectData> {
  const forbidden = findForbiddenKey(raw, 'data');
  if (forbidden) return err('INVALID_PROJECT_FILE', `${where}: the key ${forbidden} is not allowed.`, where);
  const parsed = projectDataSchema.safeParse(raw);
  if (!parsed.success) {
    return err('INVALID_PROJECT_FILE', `${where} is not a valid Shotcanvas project: ${describeSchemaIssues(parsed.error, 'data')}.`, where);
  }
  return checkRecords(parsed.data as unknown as ProjectData, where);
}

export interface ParsedProjectFile {
  /** The file in this build's schema (migrated when it was older). */
  readonly file: ProjectFile;
  /** The schema version as written; lower than PROJECT_SCHEMA_VERSION when migrated. */
  readonly originalSchemaVersion: number;
  /** `data` exactly as written, which is what `contentHash` covers. */
  readonly originalData: unknown;
  /** Set when the file comes from a newer schema this build can read but must not write. */
  readonly readOnlyReason: string | null;
}

export interface ParseOptions {
  /** This app's version, to decide whether a newer file's minReaderVersion still lets us read it. */
  readonly readerVersion: string;
}

/**
 * Parses and validates the text of a `project.json`, never throwing. Older schemas are migrated
 * (pure steps). A newer schema opens read-only when its minReaderVersion allows this app and its
 * data still has the shape we know (newer versions may add collections, which are ignored);
 * otherwise it is refused with NEWER_VERSION.
 */
export function parseProjectFile(text: string, where: string, options: ParseOptions): Result<ParsedProjectFile> {
  if (text.length > MAX_PROJECT_FILE_BYTES) {
    return err('INVALID_PROJECT_FILE', `${where} is larger than ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB; refusing to load it.`, where);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return err('INVALID_PROJECT_FILE', `${where} is not valid JSON (${detail}).`, where);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err('INVALID_PROJECT_FILE', `${where} does not contain a project object.`, where);
  }
  const forbidden = findForbiddenKey(raw);
  if (forbidden) return err('INVALID_PROJECT_FILE', `${where}: the key ${forbidden} is not allowed.`, where);
  const record = raw as Record<string, unknown>;
  if (record['format'] !== PROJECT_FORMAT_ID) {
    return err('INVALID_PROJECT_FILE', `${where} is not a Shotcanvas project file (format is ${JSON.stringify(record['format'] ?? null)}).`, where);
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return err('INVALID_PROJECT_FILE', `${where} is damaged: ${describeSchemaIssues(envelope.error, '$')}.`, where);
  }
  const { schemaVersion, minReaderVersion, writtenBy } = envelope.data;
  const originalData = envelope.data.data;
  let data: Result<ProjectData>;
  let readOnlyReason: string | null = null;
  if (schemaVersion > PROJECT_SCHEMA_VERSION) {
    const newer = `${where} was written by Shotcanvas ${writtenBy.version} (project format ${schemaVersion}); this app reads up to format ${PROJECT_SCHEMA_VERSION}`;
    if (compareVersions(options.readerVersion, minReaderVersion) < 0) {
      return err('NEWER_VERSION', `${newer} and it needs Shotcanvas ${minReaderVersion} or later. Update Shotcanvas to open it.`, where);
    }
    // Keep only the collections this build knows; they must still have the shape we know.
    const known = pickKnownCollections(originalData);
    data = validateProjectData(known, where);
    if (!data.ok) return err('NEWER_VERSION', `${newer}, and its data changed in ways this version cannot show. Update Shotcanvas to open it.`, where);
    readOnlyReason = `${newer}. It is open read-only so nothing of the newer version's data can be lost; update Shotcanvas to edit it.`;
  } else if (schemaVersion < PROJECT_SCHEMA_VERSION) {
    const migrated = migrateProjectData(originalData, schemaVersion, PROJECT_SCHEMA_VERSION);
    if (!migrated.ok) return err(migrated.error.code, `${where}: ${migrated.error.message}`, where);
    data = validateProjectData(migrated.value, where);
  } else {
    data = validateProjectData(originalData, where);
  }
  if (!data.ok) return data;
  const file: ProjectFile = {
    ...envelope.data,
    format: PROJECT_FORMAT_ID,
    projectId: envelope.data.projectId as ProjectId,
    schemaVersion: Math.max(schemaVersion, PROJECT_SCHEMA_VERSION),
    data: data.value,
  };
  return ok({ file, originalSchemaVersion: schemaVersion, originalData, readOnlyReason });
}

function pickKnownCollections(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const source = data as Record<string, unknown>;
  return {
    settings: source['settings'],
    shots: source['shots'],
    scenes: source['scenes'] ?? [],
    notes: source['notes'] ?? [],
    arrows: source['arrows'] ?? [],
    takes: source['takes'] ?? [],
    tombstones: source['tombstones'] ?? [],
  };
}

/** Parse for callers that only read files of this build's schema or older (tests, tools). */
export function parseProjectFileText(text: string, where: string, readerVersion = '0.0.0'): Result<ProjectFile> {
  const parsed = parseProjectFile(text, where, { readerVersion });
  if (!parsed.ok) return parsed;
  if (parsed.value.readOnlyReason) return err('NEWER_VERSION', parsed.value.readOnlyReason, where);
  return ok(parsed.value.file);
}

export { describeSchemaIssues, findForbiddenKey } from '../validation.ts';
