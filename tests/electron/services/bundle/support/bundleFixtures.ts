import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { ImportBundleOptions, ImportBundleResult } from '../../../../../electron/services/bundle/bundleImport.ts';
import { importProjectBundle } from '../../../../../electron/services/bundle/bundleImport.ts';
import type { FreeSpaceProbe } from '../../../../../electron/services/diskSpace.ts';
import { nodeFileSystem } from '../../../../../electron/services/fileSystem.ts';
import { buildProjectFile, serializeProjectFile, writeProjectFile } from '../../../../../electron/services/projectFolder.ts';
import type { ProjectId } from '../../../../../shared/ids.ts';
import { newId } from '../../../../../shared/ids.ts';
import type { ProjectData, ProjectFile } from '../../../../../shared/model/projectFile.ts';
import type { Result } from '../../../../../shared/result.ts';
import { FIXED_NOW, projectData, shot } from '../../support/projectData.ts';
import { snapshotTree } from '../../support/tempDir.ts';
import type { RawEntry } from './rawZip.ts';
import { deflatedEntry, rawZip, storedEntry } from './rawZip.ts';

/** A free-space probe that never refuses (the real disk of a CI box may be small). */
export const plentyOfSpace: FreeSpaceProbe = () => Promise.resolve(1e15);
export const now = () => FIXED_NOW;

/** Project data valid for the current project-file schema (tombstones are added when missing). */
export function sampleData(name = 'Night Shoot'): ProjectData {
  const data = projectData([shot({ title: 'Opening' }), shot({ title: 'Close-up', tags: ['hero'] })], { name });
  return Object.assign({ tombstones: [] }, data);
}

export function sampleProjectFile(name = 'Night Shoot'): ProjectFile {
  return buildProjectFile(newId<ProjectId>(), 3, sampleData(name), FIXED_NOW);
}

/** A real project folder: project.json, media files (paths relative to media/), exports/, .backups/. */
export async function makeProject(dir: string, media: Record<string, Uint8Array>, file = sampleProjectFile()): Promise<ProjectFile> {
  for (const sub of ['media', 'exports', '.backups']) await mkdir(join(dir, sub), { recursive: true });
  await writeProjectFile(nodeFileSystem, dir, file);
  for (const [rel, bytes] of Object.entries(media)) {
    const path = join(dir, 'media', ...rel.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
  return file;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface BundleFile {
  readonly name: string;
  readonly content: Buffer;
}

export function projectJsonEntry(file = sampleProjectFile()): BundleFile {
  return { name: 'project.json', content: Buffer.from(serializeProjectFile(file), 'utf8') };
}

export function manifestFor(files: readonly BundleFile[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'shotcanvas.bundle',
    formatVersion: 1,
    projectId: newId<ProjectId>(),
    name: 'Night Shoot',
    createdAt: FIXED_NOW.toISOString(),
    writtenBy: { app: 'Shotcanvas', version: '0.1.0' },
    entries: files.map((f) => ({ path: f.name, size: f.content.length, sha256: sha256(f.content) })),
    ...overrides,
  };
}

export interface BundleOptions {
  /** The manifest object (default: one listing exactly `files`), or raw text. */
  readonly manifest?: Record<string, unknown> | string | null;
  /** Header lies and flags for chosen entries. */
  readonly override?: (name: string) => Partial<RawEntry> | undefined;
  /** Entries appended after the listed files (names yazl would refuse, links…). */
  readonly extra?: readonly RawEntry[];
  readonly deflate?: boolean;
}

/** A bundle's bytes built by hand: manifest first, then `files`, then `extra`. */
export function bundleBytes(files: readonly BundleFile[], options: BundleOptions = {}): Buffer {
  const entries: RawEntry[] = [];
  const manifest = options.manifest === undefined ? manifestFor(files) : options.manifest;
  const make = options.deflate ? deflatedEntry : storedEntry;
  if (manifest !== null) {
    const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
    entries.push(deflatedEntry('shotcanvas-bundle.json', Buffer.from(text, 'utf8'), options.override?.('shotcanvas-bundle.json')));
  }
  for (const f of files) entries.push(make(f.name, f.content, options.override?.(f.name)));
  return rawZip([...entries, ...(options.extra ?? [])]);
}

export interface ImportRun {
  readonly result: Result<ImportBundleResult>;
  readonly parentDir: string;
  readonly bundlePath: string;
}

/** Writes `bytes` as `<root>/incoming/bundle.shotcanvas` next to `<root>/parent` (holding one unrelated folder). */
export async function prepareImport(root: string, bytes: Uint8Array): Promise<{ bundlePath: string; parentDir: string }> {
  const bundlePath = join(root, 'incoming', 'bundle.shotcanvas');
  const parentDir = join(root, 'parent');
  await mkdir(dirname(bundlePath), { recursive: true });
  await mkdir(join(parentDir, 'Existing'), { recursive: true });
  await writeFile(join(parentDir, 'Existing', 'notes.txt'), 'keep me');
  await writeFile(bundlePath, bytes);
  return { bundlePath, parentDir };
}

export function runImport(bundlePath: string, parentDir: string, options: Partial<ImportBundleOptions> = {}): Promise<Result<ImportBundleResult>> {
  return importProjectBundle({ bundlePath, parentDir, signal: new AbortController().signal, freeSpace: plentyOfSpace, now, ...options });
}

export async function importBytes(root: string, bytes: Uint8Array, options: Partial<ImportBundleOptions> = {}): Promise<ImportRun> {
  const { bundlePath, parentDir } = await prepareImport(root, bytes);
  return { result: await runImport(bundlePath, parentDir, options), parentDir, bundlePath };
}

/**
 * Imports `bytes` and expects a refusal whose message names the bundle and matches `pattern`,
 * with the whole temp root (bundle folder, parent folder, anything else) unchanged.
 */
export async function expectRefused(root: string, bytes: Uint8Array, pattern: RegExp, options: Partial<ImportBundleOptions> = {}, code = 'INVALID_ARGUMENT') {
  const { bundlePath, parentDir } = await prepareImport(root, bytes);
  const before = await snapshotTree(root);
  const result = await runImport(bundlePath, parentDir, options);
  expect(result.ok, result.ok ? 'imported' : result.error.message).toBe(false);
  if (result.ok) return result.value;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toContain(bundlePath);
  expect(result.error.message).toMatch(pattern);
  expect(await snapshotTree(root)).toEqual(before);
  return result.error;
}
