import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import { faultyFs, gate } from './support/faultyFs.ts';
import { createProject, expectErr, expectOk, makeLibrary } from './support/library.ts';
import { FIXED_NOW, projectData, shot } from './support/projectData.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

describe('ProjectLibrary.list', () => {
  it('is empty for an empty or missing workspace', async () => {
    const fx = await makeLibrary(tmp());
    expect(expectOk(await fx.library.list())).toEqual([]);
    await fx.settings.update({ workspaceDir: join(tmp(), 'missing') });
    expect(expectOk(await fx.library.list())).toEqual([]);
  });

  it('lists workspace projects and recent ones elsewhere, most recently opened first', async () => {
    let tick = 0;
    const fx = await makeLibrary(tmp(), { now: () => new Date(FIXED_NOW.getTime() + 60_000 * tick++) });
    const a = await createProject(fx, 'Alpha');
    await createProject(fx, 'Beta');
    const outside = await createProject(fx, 'Outside', { parentDir: join(tmp(), 'other') });
    expectOk(await fx.library.openProject(outside.path));
    await mkdir(join(fx.workspace, 'not-a-project'));
    await mkdir(join(fx.workspace, '.hidden'));
    await writeFile(join(fx.workspace, 'loose.txt'), 'x');
    const list = expectOk(await fx.library.list());
    // Opened last wins; the others follow by when they were saved (Beta after Alpha).
    expect(list.map((s) => s.name)).toEqual(['Outside', 'Beta', 'Alpha']);
    expect(list[0]!.lastOpenedAt).toBe(new Date(FIXED_NOW.getTime() + 60_000 * 3).toISOString());
    expect(list[2]).toEqual({ ...a, lastOpenedAt: null });
    expect(list.map((s) => s.problem)).toEqual([null, null, null]);
  });

  it('shows a broken project with its problem instead of failing the list', async () => {
    const fx = await makeLibrary(tmp());
    const broken = await createProject(fx, 'Broken');
    await createProject(fx, 'Fine');
    const path = join(broken.path, 'project.json');
    await writeFile(path, (await readFile(path, 'utf8')).slice(0, 40));
    const list = expectOk(await fx.library.list());
    const entry = list.find((s) => s.name === 'Broken')!;
    expect(entry).toMatchObject({ projectId: null, path: broken.path, frameRate: null, shotCount: 0 });
    expect(entry.problem).toMatch(/not valid JSON/);
    expect(entry.problem).toContain(path);
    expect(list.find((s) => s.name === 'Fine')!.problem).toBeNull();
  });

  it('shows a recent project whose folder is gone with a problem', async () => {
    const fx = await makeLibrary(tmp());
    await fx.recent.touch(join(tmp(), 'gone', 'Lost'), FIXED_NOW);
    const [entry] = expectOk(await fx.library.list());
    expect(entry).toMatchObject({ name: 'Lost', projectId: null, lastOpenedAt: FIXED_NOW.toISOString() });
    expect(entry!.problem).toMatch(/No Shotcanvas project/);
  });

  it('counts shots', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Shots');
    const opened = expectOk(await fx.library.openProject(p.path));
    expectOk(await fx.library.saveSnapshot({ projectId: opened.file.projectId, revision: 1, data: projectData([shot(), shot()], { name: 'Shots' }) }));
    expect(expectOk(await fx.library.list())[0]!.shotCount).toBe(2);
  });
});

describe('ProjectLibrary.openProject', () => {
  it('reads the project, registers it and touches the recent list', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Open Me');
    const opened = expectOk(await fx.library.openProject(p.path));
    expect(opened.summary).toEqual({ ...p, lastOpenedAt: FIXED_NOW.toISOString() });
    expect(opened.file).toEqual(expectOk(await readProjectFile(nodeFileSystem, p.path)));
    expect(fx.library.openProjectDir(p.projectId!)).toBe(p.path);
    expect(fx.library.isOpenAt(p.path)).toBe(true);
    expect(await fx.recent.list()).toEqual([{ path: p.path, lastOpenedAt: FIXED_NOW.toISOString() }]);
  });

  it('accepts the path of project.json itself', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Via File');
    expect(expectOk(await fx.library.openProject(join(p.path, 'project.json'))).summary.path).toBe(p.path);
  });

  it('sweeps stale *.sctmp files left by a crash', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Crashed');
    await writeFile(join(p.path, '.project.json.999-dead.sctmp'), '{"half": ');
    expectOk(await fx.library.openProject(p.path));
    expect(await namesIn(p.path)).toEqual(['.backups', 'exports', 'media', 'project.json']);
  });

  it('reopening an open project does not sweep away the temp file of a save in flight', async () => {
    const held = gate();
    const reached = gate();
    let holding = false;
    const fs = faultyFs({
      rename: (async (from: string, to: string) => {
        if (holding && to.endsWith('project.json')) {
          reached.open();
          await held.promise;
        }
        return nodeFileSystem.rename(from, to);
      }) as never,
    });
    const fx = await makeLibrary(tmp(), { fs });
    const p = await createProject(fx, 'Reload');
    const id = expectOk(await fx.library.openProject(p.path)).file.projectId;
    holding = true;
    const save = fx.library.saveSnapshot({ projectId: id, revision: 1, data: projectData([shot()], { name: 'Reload' }) });
    await reached.promise;
    // The page reloads and opens the same project while the save waits on its rename.
    expectOk(await fx.library.openProject(p.path));
    held.open();
    expect(expectOk(await save).revision).toBe(1);
    expect(expectOk(await readProjectFile(nodeFileSystem, p.path)).revision).toBe(1);
  });

  it('refuses an invalid project.json, changing nothing (no registration, no recent entry)', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Bad');
    await writeFile(join(p.path, 'project.json'), '{"format": "something-else"}');
    const before = await snapshotTree(tmp());
    expectErr(await fx.library.openProject(p.path), 'INVALID_PROJECT_FILE', /not a Shotcanvas project file/, p.path);
    expect(fx.library.isOpenAt(p.path)).toBe(false);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses a folder without project.json with NOT_FOUND', async () => {
    const fx = await makeLibrary(tmp());
    await mkdir(join(tmp(), 'plain'));
    expectErr(await fx.library.openProject(join(tmp(), 'plain')), 'NOT_FOUND', join(tmp(), 'plain'));
    expect(await fx.recent.list()).toEqual([]);
  });

  it('opening the same folder twice is fine', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Twice');
    expectOk(await fx.library.openProject(p.path));
    expectOk(await fx.library.openProject(p.path));
  });

  it('refuses a copy of an open project (same projectId, other folder) with CONFLICT', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Original');
    expectOk(await fx.library.openProject(p.path));
    const copy = join(tmp(), 'copied', 'Original');
    await cp(p.path, copy, { recursive: true });
    const before = await snapshotTree(tmp());
    const error = expectErr(await fx.library.openProject(copy), 'CONFLICT', copy, p.path, /Duplicate/);
    expect(error.where).toBe(copy);
    expect(fx.library.openProjectDir(p.projectId!)).toBe(p.path);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('after close, the copy can be opened', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Original');
    expectOk(await fx.library.openProject(p.path));
    const copy = join(tmp(), 'copied', 'Original');
    await cp(p.path, copy, { recursive: true });
    expectOk(await fx.library.close(p.projectId!));
    expect(fx.library.openProjectDir(p.projectId!)).toBeUndefined();
    expect(expectOk(await fx.library.openProject(copy)).summary.path).toBe(copy);
  });

  it('close of a project that is not open is a no-op', async () => {
    const fx = await makeLibrary(tmp());
    expectOk(await fx.library.close('00000000-0000-4000-8000-000000000000' as ProjectId));
  });
});
