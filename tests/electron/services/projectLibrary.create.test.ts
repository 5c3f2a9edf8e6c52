import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { isUuid } from '../../../shared/ids.ts';
import { DEFAULT_RETIRED_MODELS } from '../../../shared/takes/retiredModels.ts';
import { faultyFs, flakyRename } from './support/faultyFs.ts';
import { createInput, createProject, expectErr, expectOk, makeLibrary } from './support/library.ts';
import { FIXED_NOW } from './support/projectData.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

describe('ProjectLibrary.create', () => {
  it('makes the folder layout and returns its summary', async () => {
    const fx = await makeLibrary(tmp());
    const summary = await createProject(fx, 'Night Shoot', { width: 3840, height: 2160 });
    const dir = join(fx.workspace, 'Night Shoot');
    expect(await namesIn(dir)).toEqual(['.backups', 'exports', 'media', 'project.json']);
    expect(await namesIn(join(dir, 'media'))).toEqual([]);
    expect(summary).toEqual({
      projectId: expect.any(String),
      name: 'Night Shoot',
      path: dir,
      frameRate: { num: 24, den: 1 },
      width: 3840,
      height: 2160,
      savedAt: FIXED_NOW.toISOString(),
      shotCount: 0,
      problem: null,
      lastOpenedAt: null,
    });
    expect(isUuid(summary.projectId)).toBe(true);
    const file = expectOk(await readProjectFile(nodeFileSystem, dir));
    expect(file.projectId).toBe(summary.projectId);
    expect(file.revision).toBe(0);
    expect(file.data).toEqual({
      settings: {
        name: 'Night Shoot',
        frameRate: { num: 24, den: 1 },
        dropFrame: false,
        width: 3840,
        height: 2160,
        recordStartFrames: 86400,
        retiredModels: DEFAULT_RETIRED_MODELS,
      },
      shots: [],
      scenes: [],
      notes: [],
      arrows: [],
      takes: [],
      tombstones: [],
    });
  });

  it('normalizes the name (trims) and uses it as the folder name', async () => {
    const fx = await makeLibrary(tmp());
    const summary = await createProject(fx, '  Spot 2  ');
    expect(summary.name).toBe('Spot 2');
    expect(await namesIn(fx.workspace)).toEqual(['Spot 2']);
  });

  it('uses the canonical rate and a drop-frame record start at 29.97 DF', async () => {
    const fx = await makeLibrary(tmp());
    const summary = await createProject(fx, 'DF', { frameRate: { num: 60000, den: 2002 }, dropFrame: true });
    expect(summary.frameRate).toEqual({ num: 30000, den: 1001 });
    const file = expectOk(await readProjectFile(nodeFileSystem, summary.path));
    expect(file.data.settings.dropFrame).toBe(true);
    expect(file.data.settings.recordStartFrames).toBe(107892);
  });

  it('gives every project its own id', async () => {
    const fx = await makeLibrary(tmp());
    const a = await createProject(fx, 'A');
    const b = await createProject(fx, 'B');
    expect(a.projectId).not.toBe(b.projectId);
  });

  it('creates inside another parent folder, making it if needed', async () => {
    const fx = await makeLibrary(tmp());
    const parent = join(tmp(), 'elsewhere', 'jobs');
    const summary = await createProject(fx, 'Client', { parentDir: parent });
    expect(summary.path).toBe(join(parent, 'Client'));
    expect(await namesIn(join(parent, 'Client'))).toContain('project.json');
  });

  it.each([
    ['a/b', /cannot contain "\/"/],
    ['a\\b', /cannot contain "\\"/],
    ['CON', /reserved device name/],
    ['lpt1.txt', /reserved device name/],
    ['..', /cannot be used/],
    ['.', /cannot be used/],
    ['x\u0000y', /control characters/],
    ['   ', /Give the project a name/],
    ['trailing.', /end with a dot/],
    ['x'.repeat(121), /121 characters/],
  ])('refuses the name %j with INVALID_ARGUMENT and creates nothing', async (name, pattern) => {
    const fx = await makeLibrary(tmp());
    const before = await snapshotTree(tmp());
    const error = expectErr(await fx.library.create(createInput(name)), 'INVALID_ARGUMENT', pattern);
    expect(error.where).toBe('name');
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses an unsupported frame rate (23/1) naming it, and creates nothing', async () => {
    const fx = await makeLibrary(tmp());
    const before = await snapshotTree(tmp());
    const error = expectErr(await fx.library.create(createInput('Rate', { frameRate: { num: 23, den: 1 } })), 'INVALID_ARGUMENT', '23/1 fps');
    expect(error.where).toBe('frameRate');
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses drop-frame at 24 fps and creates nothing', async () => {
    const fx = await makeLibrary(tmp());
    const before = await snapshotTree(tmp());
    const error = expectErr(await fx.library.create(createInput('DF24', { dropFrame: true })), 'INVALID_ARGUMENT', /Drop-frame/, '24 fps');
    expect(error.where).toBe('dropFrame');
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses an existing folder with ALREADY_EXISTS and leaves it untouched', async () => {
    const fx = await makeLibrary(tmp());
    await mkdir(join(fx.workspace, 'Taken'));
    await writeFile(join(fx.workspace, 'Taken', 'notes.txt'), 'mine');
    const before = await snapshotTree(tmp());
    expectErr(await fx.library.create(createInput('Taken')), 'ALREADY_EXISTS', '"Taken"', fx.workspace);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('never deletes a folder that appeared between its check and its mkdir', async () => {
    const fx0 = await makeLibrary(tmp());
    const dir = join(fx0.workspace, 'Race');
    // Another program creates the folder (with the user's file) just before our mkdir runs.
    const fs = faultyFs({
      mkdir: (async (path: string, options?: unknown) => {
        if (path === dir) {
          await mkdir(dir);
          await writeFile(join(dir, 'precious.txt'), 'keep me');
        }
        return mkdir(path, options as never);
      }) as never,
    });
    const fx = await makeLibrary(tmp(), { fs });
    const result = await fx.library.create(createInput('Race'));
    expect(result.ok).toBe(false);
    expect(await readFile(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
    expectErr(result, 'ALREADY_EXISTS', '"Race"');
  });

  it('two creates of the same name at once: one wins, the other gets ALREADY_EXISTS, the project is whole', async () => {
    const fx = await makeLibrary(tmp());
    const results = await Promise.all([fx.library.create(createInput('Twin')), fx.library.create(createInput('Twin'))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expectErr(
      results.find((r) => !r.ok)!,
      'ALREADY_EXISTS',
      '"Twin"',
    );
    const winner = expectOk(results.find((r) => r.ok)!);
    expect(expectOk(await readProjectFile(nodeFileSystem, winner.path)).projectId).toBe(winner.projectId);
    expect(await namesIn(winner.path)).toEqual(['.backups', 'exports', 'media', 'project.json']);
  });

  it('removes the half-made folder when the disk is full, reporting NO_SPACE', async () => {
    const { rename } = flakyRename('ENOSPC', 1, (_from, to) => to.endsWith('project.json'));
    const fx = await makeLibrary(tmp(), { fs: faultyFs({ rename }) });
    const error = expectErr(await fx.library.create(createInput('Full')), 'NO_SPACE', /disk is full/, 'Full');
    expect(error.where).toBe(join(fx.workspace, 'Full'));
    expect(await namesIn(fx.workspace)).toEqual([]);
  });
});
