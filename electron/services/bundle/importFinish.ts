import { basename, extname, join } from 'node:path';
import type { ProjectId } from '../../../shared/ids.ts';
import { newId } from '../../../shared/ids.ts';
import { MAX_PROJECT_NAME_LENGTH, validateProjectName } from '../../../shared/model/projectName.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode, pathExists } from '../fileSystem.ts';
import { PROJECT_SUBFOLDERS, buildProjectFile, readProjectFile, writeProjectFile } from '../projectFolder.ts';
import { BundleFailure } from './bundleStreams.ts';

/** Prefix and suffix of the hidden staging folder an import extracts into before it becomes a project. */
export const IMPORT_STAGING_PREFIX = '.import-';
export const IMPORT_STAGING_SUFFIX = '.sctmp-dir';
const STAGING_PATTERN = /^\.import-[0-9a-f]+\.sctmp-dir$/;

/**
 * Removes staging folders a crashed import left in `parentDir` (an import that fails cleans up
 * after itself; a killed process cannot). Only folders older than `olderThanMs` go, so an import
 * running in another window is never touched. Returns how many were removed; never throws.
 */
export async function sweepImportStaging(fs: FileSystem, parentDir: string, now: Date, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  let removed = 0;
  try {
    for (const entry of await fs.readdir(parentDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !STAGING_PATTERN.test(entry.name)) continue;
      const path = join(parentDir, entry.name);
      const info = await fs.lstat(path);
      if (now.getTime() - info.mtimeMs < olderThanMs) continue;
      await fs.rm(path, { recursive: true, force: true });
      removed += 1;
    }
  } catch {
    // Best effort: a folder we cannot list or remove now is tried again next start.
  }
  return removed;
}

export interface FinishInput {
  readonly fs: FileSystem;
  readonly bundlePath: string;
  readonly parentDir: string;
  /** The fully extracted staging folder. */
  readonly staging: string;
  /** Name the user asked for (validated strictly), else the bundle's project name. */
  readonly requestedName: string | undefined;
  readonly bundleName: string;
  readonly now: () => Date;
}

/** The name the user gave must be valid; a bad name inside a bundle falls back to the file name. */
export function baseNameFor(requested: string | undefined, bundleName: string, bundlePath: string): string {
  if (requested !== undefined) {
    const valid = validateProjectName(requested);
    if (!valid.ok) throw new BundleFailure(valid.error.code, valid.error.message, valid.error.where);
    return valid.value;
  }
  for (const candidate of [bundleName, basename(bundlePath, extname(bundlePath))]) {
    const valid = validateProjectName(candidate);
    if (valid.ok) return valid.value;
  }
  return 'Imported project';
}

/** "Name", "Name (2)", "Name (3)" …, each a valid project name (the base is shortened if needed). */
export function candidateName(base: string, n: number): string {
  if (n === 1) return base;
  const suffix = ` (${n})`;
  const trimmed = base
    .slice(0, MAX_PROJECT_NAME_LENGTH - suffix.length)
    .trimEnd()
    .replace(/\.+$/, '');
  return `${trimmed}${suffix}`;
}

const MAX_ATTEMPTS = 1000;

/**
 * Validates the extracted project.json (older schema versions are handled by readProjectFile),
 * gives the project a new id and a free name, adds the standard sub-folders and renames the
 * staging folder into place. Throws BundleFailure; the caller removes the staging folder.
 */
export async function finishImport(input: FinishInput): Promise<{ projectDir: string; projectId: ProjectId; name: string }> {
  const { fs, staging, parentDir } = input;
  const read = await readProjectFile(fs, staging);
  if (!read.ok) {
    const message = read.error.message.split(staging).join(`${input.bundlePath} ›`);
    throw new BundleFailure(read.error.code, `Cannot import ${input.bundlePath}: ${message} Nothing was imported.`, input.bundlePath);
  }
  const base = baseNameFor(input.requestedName, input.bundleName, input.bundlePath);
  const projectId = newId<ProjectId>();
  for (const sub of PROJECT_SUBFOLDERS) await fs.mkdir(join(staging, sub), { recursive: true });
  for (let n = 1; n <= MAX_ATTEMPTS; n += 1) {
    const name = candidateName(base, n);
    const target = join(parentDir, name);
    if (await pathExists(fs, target)) continue;
    const { data } = read.value;
    const file = buildProjectFile(projectId, 0, { ...data, settings: { ...data.settings, name } }, input.now());
    await writeProjectFile(fs, staging, file);
    try {
      await fs.rename(staging, target);
    } catch (error) {
      // Someone created that folder after our check: take the next name.
      const code = errorCode(error);
      if ((code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'EPERM') && (await pathExists(fs, target))) continue;
      throw error;
    }
    return { projectDir: target, projectId, name };
  }
  throw new BundleFailure(
    'ALREADY_EXISTS',
    `Cannot import ${input.bundlePath}: folders named "${base}" up to "${candidateName(base, MAX_ATTEMPTS)}" already exist in ${parentDir}.`,
    parentDir,
  );
}
