import { z } from 'zod';
import type { ProjectId } from '../ids.ts';
import { PROJECT_FORMAT_ID } from '../identity.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import type { ProjectSettings } from './projectSettings.ts';
import { projectSettingsSchema } from './projectSettings.ts';
import type { ShotRecord } from './shot.ts';
import { shotRecordSchema } from './shot.ts';

/** The project-file schema this build writes. Readers refuse to write files from a newer one. */
export const PROJECT_SCHEMA_VERSION = 1;
export const MAX_PROJECT_FILE_BYTES = 512 * 1024 * 1024;
export const MAX_SHOTS = 200_000;

/** The document: everything the renderer edits, as plain data. */
export interface ProjectData {
  readonly settings: ProjectSettings;
  readonly shots: readonly ShotRecord[];
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
  settings: projectSettingsSchema,
  shots: z.array(shotRecordSchema).max(MAX_SHOTS),
});

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

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Finds `__proto__`-style keys anywhere: they must never reach object spreads or merges. */
export function findForbiddenKey(value: unknown, path = '$'): string | null {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, `${at}[${i}]`]));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return `${at}.${key}`;
      stack.push([(node as Record<string, unknown>)[key], `${at}.${key}`]);
    }
  }
  return null;
}

/** Turns a zod issue list into one sentence naming the first bad field. */
export function describeSchemaIssues(error: z.ZodError, prefix: string): string {
  const first = error.issues[0];
  if (!first) return 'the data does not match the expected shape';
  const where = [prefix, ...first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `${where}: ${first.message}${more}`;
}

export function validateProjectData(raw: unknown, where: string): Result<ProjectData> {
  const forbidden = findForbiddenKey(raw, 'data');
  if (forbidden) return err('INVALID_PROJECT_FILE', `${where}: the key ${forbidden} is not allowed.`, where);
  const parsed = projectDataSchema.safeParse(raw);
  if (!parsed.success) {
    return err('INVALID_PROJECT_FILE', `${where} is not a valid Shotcanvas project: ${describeSchemaIssues(parsed.error, 'data')}.`, where);
  }
  const ids = new Set<string>();
  for (const shot of parsed.data.shots) {
    if (ids.has(shot.id)) return err('INVALID_PROJECT_FILE', `${where}: shot id ${shot.id} appears twice.`, where);
    ids.add(shot.id);
  }
  return ok(parsed.data as unknown as ProjectData);
}

/**
 * Parses and validates the text of a `project.json`. Never throws. A file from a newer schema is
 * reported as NEWER_VERSION (with its version) so the caller can explain or open it read-only.
 */
export function parseProjectFileText(text: string, where: string): Result<ProjectFile> {
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
  const version = record['schemaVersion'];
  if (typeof version === 'number' && Number.isInteger(version) && version > PROJECT_SCHEMA_VERSION) {
    const by = (record['writtenBy'] as { version?: unknown } | undefined)?.version;
    return err(
      'NEWER_VERSION',
      `${where} was written by a newer Shotcanvas${typeof by === 'string' ? ` (${by.slice(0, 20)})` : ''} with project format ${version}; this app reads up to format ${PROJECT_SCHEMA_VERSION}. Update Shotcanvas to open it.`,
      where,
    );
  }
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return err('INVALID_PROJECT_FILE', `${where} is damaged: ${describeSchemaIssues(envelope.error, '$')}.`, where);
  }
  const data = validateProjectData(envelope.data.data, where);
  if (!data.ok) return data;
  return ok({ ...envelope.data, projectId: envelope.data.projectId as ProjectId, format: PROJECT_FORMAT_ID, data: data.value });
}
