import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeJournalLine, journalPath } from '../../../electron/services/projectJournal.ts';
import type { ShotId } from '../../../shared/ids.ts';
import { asClient, createProject, expectOk, makeLibrary, openAs } from './support/library.ts';
import { FIXED_NOW, documentData, settings, shot } from './support/projectData.ts';
import { snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const minutes = (n: number) => new Date(FIXED_NOW.getTime() + 60_000 * n);

describe('ProjectLibrary.list', () => {
  it('is empty for an empty or missing workspace', async () => {
    const fx = await makeLibrary(tmp());
    expect(expectOk(await fx.library.list())).toEqual([]);
    await fx.settings.update({ workspaceDir: join(tmp(), 'missing') });
    expect(expectOk(await fx.library.list())).toEqual([]);
  });

  it('lists workspace projects and recent ones elsewhere, most recently opened first', async () => {
    let now = minutes(0);
    const fx = await makeLibrary(tmp(), { now: () => now });
    const a = await createProject(fx, 'Alpha');
    now = minutes(1);
    await createProject(fx, 'Beta');
    now = minutes(2);
    const outside = await createProject(fx, 'Outside', { parentDir: join(tmp(), 'other') });
    now = minutes(3);
    await openAs(fx, outside.path);
    await mkdir(join(fx.workspace, 'not-a-project'));
    await mkdir(join(fx.workspace, '.hidden'));
    await writeFile(join(fx.workspace, 'loose.txt'), 'x');
    const list = expectOk(await fx.library.list());
    // Opened last wins; the others follow by when they were saved (Beta after Alpha).
    expect(list.map((s) => s.name)).toEqual(['Outside', 'Beta', 'Alpha']);
    expect(list[0]!.lastOpenedAt).toBe(minutes(3).toISOString());
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
    const opened = await openAs(fx, p.path);
    expectOk(await fx.projects.saveSnapshot({ ...asClient(opened.file.projectId), revision: 1, data: documentData([shot(), shot()], { name: 'Shots' }) }));
    expect(expectOk(await fx.library.list())[0]!.shotCount).toBe(2);
  });

  it('summarizes a project with the edits an interrupted session left in its journal, writing nothing', async () => {
    const fx = await makeLibrary(tmp());
    const p = await createProject(fx, 'Crashed');
    const journaled = shot({ id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' as ShotId });
    const line = encodeJournalLine({
      baseRevision: 0,
      revision: 1,
      at: minutes(5).toISOString(),
      puts: [journaled, shot()],
      deletes: [],
      settings: settings({ name: 'Crashed (renamed inside)' }),
    });
    await writeFile(journalPath(p.path), line);
    const before = await snapshotTree(tmp());
    const [entry] = expectOk(await fx.library.list());
    expect(entry).toMatchObject({ name: 'Crashed (renamed inside)', shotCount: 2, savedAt: minutes(5).toISOString(), problem: null });
    expect(await snapshotTree(tmp())).toEqual(before);
  });
});
