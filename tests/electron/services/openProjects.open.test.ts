import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import { faultyFs, gate } from './support/faultyFs.ts';
import { CLIENT, asClient, createProject, expectErr, expectOk, makeLibrary, openAs } from './support/library.ts';
import { FIXED_NOW, documentData, shot } from './support/projectData.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

describe('OpenProjects.openProject', () => {
  it('reads the project, registers it and touches the recent list', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Open Me');
    const opened = await openAs(fx, p.path);
    expect(opened.summary).toEqual({ ...p, lastOpenedAt: FIXED_NOW.toISOString() });
    expect(opened.file).toEqual(expectOk(await readProjectFile(nodeFileSystem, p.path)));
    expect(opened.readOnly).toBeNull();
    expect(opened.notices).toEqual([]);
    expect(fx.projects.dirOf(p.projectId!)).toBe(p.path);
    expect(fx.projects.projectIdAt(p.path)).toBe(p.projectId);
    expect(fx.projects.isOpenAt(p.path)).toBe(true);
    expect(await fx.recent.list()).toEqual([{ path: p.path, lastOpenedAt: FIXED_NOW.toISOString() }]);
  });

  it('accepts the path of project.json itself', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Via File');
    expect((await openAs(fx, join(p.path, 'project.json'))).summary.path).toBe(p.path);
  });

  it('sweeps stale *.sctmp files left by a crash, in the folder and in .backups, and says so', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Crashed');
    await writeFile(join(p.path, '.project.json.999-dead.sctmp'), '{"half": ');
    await writeFile(join(p.path, '.backups', '.index.json.999-dead.sctmp'), '[');
    const opened = await openAs(fx, p.path);
    expect(await namesIn(p.path)).toEqual(['.backups', 'exports', 'media', 'project.json']);
    expect((await namesIn(join(p.path, '.backups'))).filter((n) => n.endsWith('.sctmp'))).toEqual([]);
    expect(opened.notices).toEqual(['Cleaned up 2 temporary files left by an interrupted save.']);
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
    const id = (await openAs(fx, p.path)).file.projectId;
    holding = true;
    const save = fx.projects.saveSnapshot({ ...asClient(id), revision: 1, data: documentData([shot()], { name: 'Reload' }) });
    await reached.promise;
    // The page reloads and opens the same project while the save waits on its rename.
    await openAs(fx, p.path);
    held.open();
    expect(expectOk(await save).revision).toBe(1);
    expect(expectOk(await readProjectFile(nodeFileSystem, p.path)).revision).toBe(1);
  });

  it('refuses an invalid project.json, changing nothing (no registration, no recent entry)', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Bad');
    await writeFile(join(p.path, 'project.json'), '{"format": "something-else"}');
    const before = await snapshotTree(tmp());
    expectErr(await fx.projects.openProject(p.path, CLIENT), 'INVALID_PROJECT_FILE', /not a Shotcanvas project file/, p.path);
    expect(fx.projects.isOpenAt(p.path)).toBe(false);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses a project.json that fails its integrity check, changing nothing', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Edited');
    const path = join(p.path, 'project.json');
    await writeFile(path, (await readFile(path, 'utf8')).replace('"Edited"', '"Edited by hand"'));
    const before = await snapshotTree(tmp());
    expectErr(await fx.projects.openProject(p.path, CLIENT), 'INVALID_PROJECT_FILE', /integrity check/, path);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('refuses a folder without project.json with NOT_FOUND', async () => {
    const fx = await makeLibrary(tmp());
    await mkdir(join(tmp(), 'plain'));
    expectErr(await fx.projects.openProject(join(tmp(), 'plain'), CLIENT), 'NOT_FOUND', join(tmp(), 'plain'));
    expect(await fx.recent.list()).toEqual([]);
  });

  it('opening the same folder twice from the same client is fine and asks nobody', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Twice');
    await openAs(fx, p.path);
    const again = await openAs(fx, p.path);
    expect(again.summary.projectId).toBe(p.projectId);
    expect(fx.pings).toEqual([]);
  });

  it('refuses a copy of an open project (same projectId, other folder) with CONFLICT', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Original');
    await openAs(fx, p.path);
    const copy = join(tmp(), 'copied', 'Original');
    await cp(p.path, copy, { recursive: true });
    const before = await snapshotTree(tmp());
    const error = expectErr(await fx.projects.openProject(copy, CLIENT), 'CONFLICT', copy, p.path, /Duplicate/);
    expect(error.where).toBe(copy);
    expect(fx.projects.dirOf(p.projectId!)).toBe(p.path);
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('after close, the copy can be opened', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Original');
    await openAs(fx, p.path);
    const copy = join(tmp(), 'copied', 'Original');
    await cp(p.path, copy, { recursive: true });
    expectOk(await fx.projects.close(asClient(p.projectId!)));
    expect(fx.projects.dirOf(p.projectId!)).toBeUndefined();
    expect(fx.projects.isOpenAt(p.path)).toBe(false);
    expect((await openAs(fx, copy)).summary.path).toBe(copy);
  });

  it('close of a project that is not open, or by a client that does not own it, is a no-op', async () => {
    const fx = await makeLibrary(tmp());
    expectOk(await fx.projects.close(asClient('00000000-0000-4000-8000-000000000000' as ProjectId)));
    const p = await createProject(fx, 'Kept');
    await openAs(fx, p.path);
    expectOk(await fx.projects.close(asClient(p.projectId!, 'someone-else')));
    expect(fx.projects.isOpenAt(p.path)).toBe(true);
  });

  it('closeAll closes every project', async () => {
    const fx = await makeLibrary(tmp());
    const a = await createProject(fx, 'A');
    const b = await createProject(fx, 'B');
    await openAs(fx, a.path);
    await openAs(fx, b.path);
    await fx.projects.closeAll();
    expect(fx.projects.isOpenAt(a.path)).toBe(false);
    expect(fx.projects.isOpenAt(b.path)).toBe(false);
  });
});
