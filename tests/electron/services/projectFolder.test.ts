import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APP_VERSION, MIN_READER_VERSION } from '../../../shared/appInfo.ts';
import { contentHashOf } from '../../../electron/services/contentHash.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import {
  PROJECT_SUBFOLDERS,
  buildProjectFile,
  projectFilePath,
  readProjectFile,
  serializeProjectFile,
  writeProjectFile,
} from '../../../electron/services/projectFolder.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import { newId } from '../../../shared/ids.ts';
import { PROJECT_SCHEMA_VERSION } from '../../../shared/model/projectFile.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { FIXED_NOW, projectData, projectDataArb, projectIdArb, shot } from './support/projectData.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const fs = nodeFileSystem;

async function savedProject(dir = tmp()) {
  const file = buildProjectFile(newId<ProjectId>(), 7, projectData([shot({ title: 'Opening' }), shot({ title: 'Close-up' })]), FIXED_NOW);
  await writeProjectFile(fs, dir, file);
  return file;
}

async function expectFailure(dir: string, code: string, pattern: RegExp) {
  const result = await readProjectFile(fs, dir);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(pattern);
  return result.error;
}

describe('project file envelope', () => {
  it('buildProjectFile fills format, versions, revision, time and hash', () => {
    const data = projectData();
    const id = newId<ProjectId>();
    expect(buildProjectFile(id, 3, data, FIXED_NOW)).toEqual({
      format: 'shotcanvas.project',
      schemaVersion: PROJECT_SCHEMA_VERSION,
      projectId: id,
      writtenBy: { app: 'Shotcanvas', version: APP_VERSION },
      minReaderVersion: MIN_READER_VERSION,
      revision: 3,
      savedAt: FIXED_NOW.toISOString(),
      contentHash: contentHashOf(data),
      data,
    });
  });

  it('serializes the envelope before the data so a human can read the header', () => {
    const text = serializeProjectFile(buildProjectFile(newId<ProjectId>(), 0, projectData(), FIXED_NOW));
    expect(text.indexOf('"format"')).toBeLessThan(text.indexOf('"data"'));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('lists the sub-folders every project has', () => {
    expect([...PROJECT_SUBFOLDERS]).toEqual(['media', 'exports', '.backups']);
  });
});

describe('writeProjectFile + readProjectFile', () => {
  it('round-trips a project', async () => {
    const file = await savedProject();
    expect(await readProjectFile(fs, tmp())).toEqual({ ok: true, value: file });
    expect(await namesIn(tmp())).toEqual(['project.json']);
  });

  it('accepts the path of the folder only; project.json is found inside it', () => {
    expect(projectFilePath('/p/Film')).toBe(join('/p/Film', 'project.json'));
  });

  it('refuses a file edited by hand (title changed, hash not updated) as failing its integrity check', async () => {
    await savedProject();
    const path = projectFilePath(tmp());
    const text = await readFile(path, 'utf8');
    expect(text).toContain('"Opening"');
    await writeFile(path, text.replace('"Opening"', '"Opening (edited)"'));
    const error = await expectFailure(tmp(), 'INVALID_PROJECT_FILE', /integrity/);
    expect(error?.message).toContain(path);
    expect(error?.where).toBe(path);
  });

  it('refuses a truncated file as not valid JSON, naming the file', async () => {
    await savedProject();
    const path = projectFilePath(tmp());
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.slice(0, Math.floor(text.length / 2)));
    const error = await expectFailure(tmp(), 'INVALID_PROJECT_FILE', /JSON/);
    expect(error?.message).toContain(path);
  });

  it('refuses JSON that is not a Shotcanvas project', async () => {
    await writeFile(projectFilePath(tmp()), '{"name": "my notes", "items": []}');
    await expectFailure(tmp(), 'INVALID_PROJECT_FILE', /not a Shotcanvas project file/);
    await writeFile(projectFilePath(tmp()), '[1, 2, 3]');
    await expectFailure(tmp(), 'INVALID_PROJECT_FILE', /does not contain a project object/);
  });

  it('refuses a __proto__ key, naming where it is', async () => {
    const file = await savedProject();
    const tampered = serializeProjectFile(file).replace('"settings": {', '"settings": {"__proto__": {"polluted": true},');
    await writeFile(projectFilePath(tmp()), tampered);
    await expectFailure(tmp(), 'INVALID_PROJECT_FILE', /__proto__/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses damaged envelope fields, naming the field', async () => {
    const file = await savedProject();
    await writeFile(projectFilePath(tmp()), serializeProjectFile({ ...file, revision: -1 }));
    await expectFailure(tmp(), 'INVALID_PROJECT_FILE', /\$\.revision/);
  });

  it('refuses two shots with the same id', async () => {
    const one = shot();
    const data = projectData([one, { ...one, title: 'dup' }]);
    await writeFile(projectFilePath(tmp()), serializeProjectFile(buildProjectFile(newId<ProjectId>(), 0, data, FIXED_NOW)));
    await expectFailure(tmp(), 'INVALID_PROJECT_FILE', /appears twice/);
  });

  it('reports schemaVersion 99 as NEWER_VERSION with both versions', async () => {
    const file = await savedProject();
    await writeFile(projectFilePath(tmp()), serializeProjectFile({ ...file, schemaVersion: 99, writtenBy: { app: 'Shotcanvas', version: '9.0.0' } }));
    const error = await expectFailure(tmp(), 'NEWER_VERSION', /format 99/);
    expect(error?.message).toContain('9.0.0');
    expect(error?.message).toContain(`up to format ${PROJECT_SCHEMA_VERSION}`);
  });

  it('reports a missing folder or missing project.json as NOT_FOUND', async () => {
    const missing = join(tmp(), 'nope');
    const error = await expectFailure(missing, 'NOT_FOUND', /No Shotcanvas project/);
    expect(error?.message).toContain(missing);
    await mkdir(join(tmp(), 'empty'));
    await expectFailure(join(tmp(), 'empty'), 'NOT_FOUND', /project\.json is missing/);
  });

  it('reports other read errors as IO_ERROR', async () => {
    await savedProject();
    const failing = faultyFs({ readFile: (() => Promise.reject(fsError('EIO', 'read'))) as never });
    const result = await readProjectFile(failing, tmp());
    expect(result.ok ? null : result.error.code).toBe('IO_ERROR');
  });

  it('refuses an oversized file before reading it', async () => {
    await savedProject();
    let read = false;
    const huge = faultyFs({
      stat: (async () => ({ size: 600 * 1024 * 1024 })) as never,
      readFile: (() => {
        read = true;
        return Promise.reject(new Error('must not read'));
      }) as never,
    });
    const result = await readProjectFile(huge, tmp());
    expect(result.ok ? null : result.error.message).toMatch(/600 MB, above the 512 MB limit/);
    expect(read).toBe(false);
  });

  it('load(save(x)) deep-equals x for random project data', async () => {
    await fc.assert(
      fc.asyncProperty(projectIdArb, fc.nat({ max: 1_000_000 }), projectDataArb, async (id, revision, data) => {
        const file = buildProjectFile(id, revision, data, FIXED_NOW);
        await writeProjectFile(fs, tmp(), file);
        const loaded = await readProjectFile(fs, tmp());
        if (!loaded.ok) throw new Error(loaded.error.message);
        expect(loaded.value.data).toEqual(data);
        expect(loaded.value).toEqual(file);
      }),
      { numRuns: 60 },
    );
    expect(await namesIn(tmp())).toEqual(['project.json']);
  });
});
