import { z } from 'zod';
import { APP_VERSION } from '../../../shared/appInfo.ts';
import { APP_NAME, PROJECT_FILE_NAME } from '../../../shared/identity.ts';
import { describeSchemaIssues, findForbiddenKey } from '../../../shared/model/projectFile.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';

/**
 * A project bundle (`.shotcanvas`) is a zip holding exactly:
 *   shotcanvas-bundle.json   the manifest (first entry): format, version, and every other
 *                            entry's path, size and sha256
 *   project.json             the project file, as readProjectFile validates it
 *   media/**                 the project's media files
 * Nothing else: no folders entries, no links, no .backups/ or exports/.
 */
export const BUNDLE_FORMAT_ID = 'shotcanvas.bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'shotcanvas-bundle.json';
export const BUNDLE_PROJECT_FILE = PROJECT_FILE_NAME;
export const MEDIA_PREFIX = 'media/';
export const MAX_ENTRY_NAME_LENGTH = 1024;

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export interface BundleLimits {
  /** Entries in the zip, manifest included. */
  readonly maxEntries: number;
  /** Uncompressed bytes of one entry. */
  readonly maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  readonly maxTotalBytes: number;
  /** Uncompressed bytes of the manifest and of project.json (they are read into memory). */
  readonly maxJsonBytes: number;
  /** Uncompressed ÷ compressed, checked for entries larger than `ratioThresholdBytes`. */
  readonly maxCompressionRatio: number;
  readonly ratioThresholdBytes: number;
}

export const BUNDLE_LIMITS: BundleLimits = Object.freeze({
  maxEntries: 100_000,
  maxEntryBytes: 16 * GiB,
  maxTotalBytes: 64 * GiB,
  maxJsonBytes: 512 * MiB,
  maxCompressionRatio: 200,
  ratioThresholdBytes: 1 * MiB,
});

/** The defaults with some caps replaced (tests use small ones). */
export function bundleLimits(overrides: Partial<BundleLimits> = {}): BundleLimits {
  return { ...BUNDLE_LIMITS, ...overrides };
}

export interface BundleManifestEntry {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

export interface BundleManifest {
  readonly format: typeof BUNDLE_FORMAT_ID;
  readonly formatVersion: typeof BUNDLE_FORMAT_VERSION;
  readonly projectId: string;
  readonly name: string;
  readonly createdAt: string;
  readonly writtenBy: { readonly app: string; readonly version: string };
  readonly entries: readonly BundleManifestEntry[];
}

const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT_ID),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  projectId: z.uuid(),
  name: z.string().max(1000),
  createdAt: z.iso.datetime(),
  writtenBy: z.strictObject({ app: z.string().max(100), version: z.string().max(50) }),
  entries: z.array(
    z.strictObject({
      path: z.string().min(1).max(MAX_ENTRY_NAME_LENGTH),
      size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export function buildManifest(projectId: string, name: string, createdAt: Date, entries: readonly BundleManifestEntry[]): BundleManifest {
  return {
    format: BUNDLE_FORMAT_ID,
    formatVersion: BUNDLE_FORMAT_VERSION,
    projectId,
    name,
    createdAt: createdAt.toISOString(),
    writtenBy: { app: APP_NAME, version: APP_VERSION },
    entries,
  };
}

/**
 * Parses and validates the manifest text. `where` names the bundle in messages. Checks format and
 * version before the schema so that a newer bundle gets "update the app", not "damaged".
 */
export function parseManifest(text: string, where: string): Result<BundleManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return err(
      'INVALID_ARGUMENT',
      `${where} is not a Shotcanvas bundle: its ${MANIFEST_NAME} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      where,
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err('INVALID_ARGUMENT', `${where} is not a Shotcanvas bundle: its ${MANIFEST_NAME} does not hold an object.`, where);
  }
  const record = raw as Record<string, unknown>;
  if (record['format'] !== BUNDLE_FORMAT_ID) {
    const shown = JSON.stringify(record['format'] ?? null).slice(0, 60);
    return err('INVALID_ARGUMENT', `${where} is not a Shotcanvas bundle (its manifest format is ${shown}, expected "${BUNDLE_FORMAT_ID}").`, where);
  }
  const version = record['formatVersion'];
  if (typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_FORMAT_VERSION) {
    return err(
      'NEWER_VERSION',
      `${where} was made by a newer Shotcanvas (bundle format ${version}); this app reads bundle format ${BUNDLE_FORMAT_VERSION}. Update Shotcanvas to import it.`,
      where,
    );
  }
  const forbidden = findForbiddenKey(raw, 'manifest');
  if (forbidden) return err('INVALID_ARGUMENT', `${where} has a damaged manifest: the key ${forbidden} is not allowed.`, where);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    return err('INVALID_ARGUMENT', `${where} has a damaged manifest: ${describeSchemaIssues(parsed.error, 'manifest')}.`, where);
  }
  return ok(parsed.data as BundleManifest);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
/** Illegal in Windows file names; ':' would also address an NTFS alternate data stream. */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Whether `name` may appear in a bundle. Only relative, forward-slash paths made of names that
 * are valid on Windows, macOS and Linux, under the allowed top level, pass: an entry that passes
 * can be joined to the extraction folder without ever leaving it.
 */
export function checkEntryName(name: unknown): Result<string> {
  if (typeof name !== 'string' || name.length === 0) return err('INVALID_ARGUMENT', 'An entry has an empty name.');
  const shown = JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);
  const bad = (reason: string) => err<string>('INVALID_ARGUMENT', `The entry ${shown} ${reason}.`, name.slice(0, 200));
  if (name.length > MAX_ENTRY_NAME_LENGTH) return bad(`has a name longer than ${MAX_ENTRY_NAME_LENGTH} characters`);
  if (CONTROL_CHARACTERS.test(name)) return bad('has control characters in its name');
  if (name.includes('\\')) return bad('uses backslashes in its path');
  if (name.startsWith('/')) return bad('has an absolute path');
  if (/^[a-zA-Z]:/.test(name)) return bad('has a drive letter in its path');
  const segments = name.split('/');
  for (const segment of segments) {
    if (segment === '..') return bad('climbs out of its folder ("..")');
    if (segment === '' || segment === '.') return bad('has an empty path segment');
    if (WINDOWS_FORBIDDEN.test(segment)) return bad('has characters that are not allowed in file names (< > : " | ? *)');
    if (RESERVED_WINDOWS_NAMES.test(segment)) return bad('uses a reserved Windows device name');
    if (segment.endsWith('.') || segment.endsWith(' ')) return bad('has a path segment ending in a dot or space');
  }
  const allowed = name === MANIFEST_NAME || name === BUNDLE_PROJECT_FILE || (name.startsWith(MEDIA_PREFIX) && segments.length >= 2);
  if (!allowed) return bad(`is outside what a bundle may hold (${MANIFEST_NAME}, ${BUNDLE_PROJECT_FILE} and media/)`);
  return ok(name);
}

/** Two names with the same key land on the same file on a case-insensitive or normalizing disk. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * Finds two names that would become the same file (case or Unicode normalization), or a file
 * whose path is also used as a folder (`media/a` and `media/a/b`). Null when all are distinct.
 */
export function findNameClash(names: Iterable<string>): { readonly first: string; readonly second: string } | null {
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  for (const name of names) {
    const key = collisionKey(name);
    const existing = files.get(key) ?? folders.get(key);
    if (existing !== undefined) return { first: existing, second: name };
    files.set(key, name);
    const parts = key.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const folder = parts.slice(0, i).join('/');
      const asFile = files.get(folder);
      if (asFile !== undefined) return { first: asFile, second: name };
      if (!folders.has(folder)) folders.set(folder, name);
    }
  }
  return null;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

/** The Unix file type stored in a zip entry's external attributes: 'file', 'symlink', 'other' or 'none'. */
export function unixEntryType(externalFileAttributes: number): 'file' | 'symlink' | 'other' | 'none' {
  const type = (externalFileAttributes >>> 16) & S_IFMT;
  if (type === 0) return 'none';
  if (type === S_IFREG) return 'file';
  if (type === S_IFLNK) return 'symlink';
  return 'other';
}

/** True when an entry of this size compresses suspiciously well (a decompression bomb). */
export function exceedsCompressionRatio(uncompressed: number, compressed: number, limits: BundleLimits): boolean {
  if (uncompressed <= limits.ratioThresholdBytes) return false;
  return uncompressed / Math.max(compressed, 1) > limits.maxCompressionRatio;
}
