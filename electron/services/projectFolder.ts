import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { APP_VERSION, MIN_READER_VERSION } from '../../shared/appInfo.ts';
import { APP_NAME, PROJECT_FILE_NAME, PROJECT_FORMAT_ID } from '../../shared/identity.ts';
import type { ProjectId } from '../../shared/ids.ts';
import type { ParsedProjectFile, ProjectData, ProjectFile } from '../../shared/model/projectFile.ts';
import { MAX_PROJECT_FILE_BYTES, PROJECT_SCHEMA_VERSION, parseProjectFile } from '../../shared/model/projectFile.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { contentHashOf } from './contentHash.ts';
import type { FileSystem } from './fileSystem.ts';
import { errorCode } from './fileSystem.ts';

/** Sub-folders every project has. media/ holds imported files; exports/ the hand-offs. */
export const PROJECT_SUBFOLDERS = ['media', 'exports', '.backups'] as const;

export function projectFilePath(projectDir: string): string {
  return join(projectDir, PROJECT_FILE_NAME);
}

export function buildProjectFile(projectId: ProjectId, revision: number, data: ProjectData, now: Date): ProjectFile {
  return {
    format: PROJECT_FORMAT_ID,
    schemaVersion: PROJECT_SCHEMA_VERSION,
    projectId,
    writtenBy: { app: APP_NAME, version: APP_VERSION },
    minReaderVersion: MIN_READER_VERSION,
    revision,
    savedAt: now.toISOString(),
    contentHash: contentHashOf(data),
    data,
  };
}

/** Serialize with the envelope first and the (large) data last, so a human can read the header. */
export function serializeProjectFile(file: ProjectFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

export async function writeProjectFile(fs: FileSystem, projectDir: string, file: ProjectFile, text = serializeProjectFile(file)): Promise<void> {
  await writeFileAtomic(projectFilePath(projectDir), text, { fs });
  rememberVerifiedText(text);
}

/**
 * Digests of project texts this process has fully validated (or written from validated data).
 * Listing the library validates every project; opening one right after would validate its 30 MB
 * again (schema + canonical hash: about half a second at 10,000 shots). Byte-identical text needs
 * no second check, only a parse. A digest is 64 bytes, so remembering a few costs nothing.
 */
const verifiedTexts = new Set<string>();
const MAX_VERIFIED_TEXTS = 32;

function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function rememberVerifiedText(text: string, digest = textDigest(text)): void {
  verifiedTexts.delete(digest);
  verifiedTexts.add(digest);
  if (verifiedTexts.size > MAX_VERIFIED_TEXTS) verifiedTexts.delete(verifiedTexts.values().next().value!);
}

/** The already-verified text, parsed without re-validation; null when it must be checked in full. */
function trustedParse(text: string, digest: string): ReadProjectFile | null {
  if (!verifiedTexts.has(digest)) return null;
  const raw = JSON.parse(text) as ProjectFile;
  if (raw.schemaVersion !== PROJECT_SCHEMA_VERSION) return null;
  return { file: raw, originalSchemaVersion: raw.schemaVersion, originalData: raw.data, readOnlyReason: null, text };
}

export interface ReadProjectFile extends ParsedProjectFile {
  /** The file's text as read (for a pre-migration backup of exactly what was on disk). */
  readonly text: string;
}

/**
 * Validates `project.json` text: JSON syntax, forbidden keys, format id, schema version (older
 * ones migrated, newer ones read-only when allowed), field types and the content hash (of the data
 * as written). Never throws.
 */
export function checkProjectFileText(text: string, where: string): Result<ReadProjectFile> {
  const digest = textDigest(text);
  const trusted = trustedParse(text, digest);
  if (trusted) return ok(trusted);
  const parsed = parseProjectFile(text, where, { readerVersion: APP_VERSION });
  if (!parsed.ok) return parsed;
  if (contentHashOf(parsed.value.originalData) !== parsed.value.file.contentHash) {
    return err('INVALID_PROJECT_FILE', `${where} failed its integrity check (the content hash does not match): it was cut short or edited by hand.`, where);
  }
  if (!parsed.value.readOnlyReason && parsed.value.originalSchemaVersion === PROJECT_SCHEMA_VERSION) rememberVerifiedText(text, digest);
  return ok({ ...parsed.value, text });
}

/** Reads and fully validates `project.json` (see checkProjectFileText); I/O errors other than "missing" are IO_ERROR. */
export async function readProjectFileDetailed(fs: FileSystem, projectDir: string): Promise<Result<ReadProjectFile>> {
  const path = projectFilePath(projectDir);
  let text: string;
  try {
    const info = await fs.stat(path);
    if (info.size > MAX_PROJECT_FILE_BYTES) {
      return err('INVALID_PROJECT_FILE', `${path} is ${Math.round(info.size / 1048576)} MB, above the ${MAX_PROJECT_FILE_BYTES / 1048576} MB limit.`, path);
    }
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return err('NOT_FOUND', `No Shotcanvas project at ${projectDir} (${PROJECT_FILE_NAME} is missing).`, path);
    }
    return err('IO_ERROR', `Could not read ${path}: ${error instanceof Error ? error.message : String(error)}`, path);
  }
  return checkProjectFileText(text, path);
}

/** The validated file in this build's schema; a file from a newer schema is NEWER_VERSION here. */
export async function readProjectFile(fs: FileSystem, projectDir: string): Promise<Result<ProjectFile>> {
  const read = await readProjectFileDetailed(fs, projectDir);
  if (!read.ok) return read;
  if (read.value.readOnlyReason) return err('NEWER_VERSION', read.value.readOnlyReason, projectFilePath(projectDir));
  return ok(read.value.file);
}
