import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../../../electron/services/contentHash.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import {
  buildProjectFile,
  checkProjectFileText,
  projectFilePath,
  readProjectFile,
  readProjectFileDetailed,
  serializeProjectFile,
  writeProjectFile,
} from '../../../electron/services/projectFolder.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import { newId } from '../../../shared/ids.ts';
import { PROJECT_SCHEMA_VERSION } from '../../../shared/model/projectFile.ts';
import { expectErr, expectOk } from './support/library.ts';
import { FIXED_NOW, documentData, projectData, shot } from './support/projectData.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const fs = nodeFileSystem;
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'project-files');
/** A schema this build does not know yet. */
const NEWER = PROJECT_SCHEMA_VERSION + 1;

/** project.json text as another app version wrote it: `data` as given, hashed as written. */
function writtenBy(schemaVersion: number, data: unknown, envelope: Record<string, unknown> = {}): string {
  const base = buildProjectFile(newId<ProjectId>(), 4, projectData([]), FIXED_NOW);
  return `${JSON.stringify({ ...base, schemaVersion, ...envelope, contentHash: contentHashOf(data), data }, null, 1)}\n`;
}

describe('readProjectFileDetailed', () => {
  it('migrates a format-1 file in memory (nothing is written) and checks the hash of the data as written', async () => {
    await copyFile(join(FIXTURES, 'v1.json'), projectFilePath(tmp()));
    const text = await readFile(projectFilePath(tmp()), 'utf8');
    const read = expectOk(await readProjectFileDetailed(fs, tmp()));
    expect(read.text).toBe(text);
    expect(read.originalSchemaVersion).toBe(1);
    expect(read.readOnlyReason).toBeNull();
    expect(read.file.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(read.file.data.tombstones).toEqual([]);
    expect(await readFile(projectFilePath(tmp()), 'utf8')).toBe(text);
    expect(expectOk(await readProjectFile(fs, tmp()))).toEqual(read.file);
  });

  it('migrates a format-2 file to the current format in memory, checking the hash of the data as written', async () => {
    await copyFile(join(FIXTURES, 'v2.json'), projectFilePath(tmp()));
    const text = await readFile(projectFilePath(tmp()), 'utf8');
    const written = JSON.parse(text) as { contentHash: string; data: unknown };
    const read = expectOk(await readProjectFileDetailed(fs, tmp()));
    expect(read.originalSchemaVersion).toBe(2);
    expect(read.originalData).toEqual(written.data);
    expect(read.file.schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(read.file.data).toMatchObject({ scenes: [], notes: [], arrows: [] });
    expect(read.file.data.shots.every((s) => s.frame === null)).toBe(true);
    // The hash covers the format-2 data as written, not the migrated data.
    expect(read.file.contentHash).toBe(written.contentHash);
    expect(contentHashOf(read.file.data)).not.toBe(written.contentHash);
    expect(await readFile(projectFilePath(tmp()), 'utf8')).toBe(text);
  });

  it('refuses a format-2 file edited by hand (a shot retitled, hash not updated) as failing its integrity check', async () => {
    const text = await readFile(join(FIXTURES, 'v2.json'), 'utf8');
    await writeFile(projectFilePath(tmp()), text.replace('Wide – harbour at dawn', 'Wide – harbour at dusk'));
    expectErr(await readProjectFileDetailed(fs, tmp()), 'INVALID_PROJECT_FILE', /integrity check/, projectFilePath(tmp()));
  });

  it('refuses a format-1 file edited by hand as failing its integrity check', async () => {
    const text = await readFile(join(FIXTURES, 'v1.json'), 'utf8');
    await writeFile(projectFilePath(tmp()), text.replace('Harbour – Teaser', 'Harbour – Edited'));
    expectErr(await readProjectFileDetailed(fs, tmp()), 'INVALID_PROJECT_FILE', /integrity check/, projectFilePath(tmp()));
  });

  it('reads a newer file it may show as read-only; readProjectFile refuses it with NEWER_VERSION', async () => {
    const data = { ...projectData([shot()]), futureThings: [] };
    await writeFile(projectFilePath(tmp()), writtenBy(NEWER, data, { writtenBy: { app: 'Shotcanvas', version: '0.7.0' } }));
    const read = expectOk(await readProjectFileDetailed(fs, tmp()));
    expect(read.readOnlyReason).toMatch(new RegExp(`0\\.7\\.0 \\(project format ${NEWER}\\).*read-only`));
    expect(read.originalData).toEqual(data);
    const error = expectErr(await readProjectFile(fs, tmp()), 'NEWER_VERSION', /read-only/);
    expect(error.where).toBe(projectFilePath(tmp()));
  });

  it('refuses a newer file whose minReaderVersion is above this app from both readers', async () => {
    await writeFile(projectFilePath(tmp()), writtenBy(NEWER, projectData([]), { minReaderVersion: '99.0.0' }));
    expectErr(await readProjectFileDetailed(fs, tmp()), 'NEWER_VERSION', '99.0.0');
    expectErr(await readProjectFile(fs, tmp()), 'NEWER_VERSION', '99.0.0');
  });

  it('a newer file with a wrong hash fails the integrity check before anything else is trusted', async () => {
    const text = writtenBy(NEWER, projectData([shot({ title: 'Original' })]));
    await writeFile(projectFilePath(tmp()), text.replace('"Original"', '"Tampered"'));
    expectErr(await readProjectFileDetailed(fs, tmp()), 'INVALID_PROJECT_FILE', /integrity check/);
  });
});

describe('checkProjectFileText', () => {
  it('validates text without touching the disk and names where it came from', () => {
    const file = buildProjectFile(newId<ProjectId>(), 2, projectData([shot()]), FIXED_NOW);
    const text = serializeProjectFile(file);
    expect(expectOk(checkProjectFileText(text, 'backup X')).file).toEqual(file);
    const error = expectErr(checkProjectFileText(text.slice(0, 50), 'backup X'), 'INVALID_PROJECT_FILE', 'backup X', /JSON/);
    expect(error.where).toBe('backup X');
    expectErr(checkProjectFileText(writtenBy(2, documentData()), 'backup Y'), 'INVALID_PROJECT_FILE', 'data.tombstones');
  });
});

describe('writeProjectFile', () => {
  it('writes the given text when one is passed (the exact bytes a backup also keeps)', async () => {
    const file = buildProjectFile(newId<ProjectId>(), 1, projectData([]), FIXED_NOW);
    const text = serializeProjectFile(file);
    await writeProjectFile(fs, tmp(), file, text);
    expect(await readFile(projectFilePath(tmp()), 'utf8')).toBe(text);
    await writeProjectFile(fs, tmp(), file);
    expect(await readFile(projectFilePath(tmp()), 'utf8')).toBe(text);
  });
});
