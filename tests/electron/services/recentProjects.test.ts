import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { RecentProjects } from '../../../electron/services/recentProjects.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const recentStore = () => new RecentProjects(nodeFileSystem, tmp());
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 10, minute));

describe('RecentProjects', () => {
  it('is empty when the file is missing', async () => {
    expect(await recentStore().list()).toEqual([]);
    expect(await namesIn(tmp())).toEqual([]);
  });

  it('lists newest first and persists across instances', async () => {
    const recent = recentStore();
    await recent.touch('/p/a', at(1));
    await recent.touch('/p/b', at(2));
    expect(await recentStore().list()).toEqual([
      { path: resolve('/p/b'), lastOpenedAt: at(2).toISOString() },
      { path: resolve('/p/a'), lastOpenedAt: at(1).toISOString() },
    ]);
  });

  it('moves a touched project to the front without duplicating it (paths compared resolved)', async () => {
    const recent = recentStore();
    await recent.touch('/p/a', at(1));
    await recent.touch('/p/b', at(2));
    await recent.touch('/p/x/../a/', at(3));
    expect((await recent.list()).map((r) => r.path)).toEqual([resolve('/p/a'), resolve('/p/b')]);
    expect((await recent.list())[0]!.lastOpenedAt).toBe(at(3).toISOString());
  });

  it('caps the list at 20, dropping the oldest', async () => {
    const recent = recentStore();
    for (let i = 0; i < 25; i += 1) await recent.touch(`/p/${i}`, at(i));
    const list = await recent.list();
    expect(list).toHaveLength(20);
    expect(list[0]!.path).toBe(resolve('/p/24'));
    expect(list[19]!.path).toBe(resolve('/p/5'));
  });

  it('keeps every project when several are touched without waiting in between', async () => {
    const recent = recentStore();
    await Promise.all(['/p/a', '/p/b', '/p/c'].map((p, i) => recent.touch(p, at(i))));
    expect((await recent.list()).map((r) => r.path).sort()).toEqual(['/p/a', '/p/b', '/p/c'].map((p) => resolve(p)));
  });

  it('forget removes one entry and leaves the file alone when it was not listed', async () => {
    const recent = recentStore();
    await recent.touch('/p/a', at(1));
    await recent.touch('/p/b', at(2));
    await recent.forget('/p/a/');
    expect((await recent.list()).map((r) => r.path)).toEqual([resolve('/p/b')]);
    const before = await readFile(join(tmp(), 'recent-projects.json'), 'utf8');
    await recent.forget('/p/zzz');
    expect(await readFile(join(tmp(), 'recent-projects.json'), 'utf8')).toBe(before);
  });

  it('replace swaps a path in place and keeps its time; unknown paths change nothing', async () => {
    const recent = recentStore();
    await recent.touch('/p/a', at(1));
    await recent.touch('/p/b', at(2));
    await recent.replace('/p/a', '/p/renamed');
    expect(await recent.list()).toEqual([
      { path: resolve('/p/b'), lastOpenedAt: at(2).toISOString() },
      { path: resolve('/p/renamed'), lastOpenedAt: at(1).toISOString() },
    ]);
    const before = await readFile(join(tmp(), 'recent-projects.json'), 'utf8');
    await recent.replace('/p/none', '/p/other');
    expect(await readFile(join(tmp(), 'recent-projects.json'), 'utf8')).toBe(before);
  });

  it('sets an invalid file aside and starts empty', async () => {
    await writeFile(join(tmp(), 'recent-projects.json'), '[{"path": "/p/a", "lastOpenedAt": "yesterday"}]');
    expect(await recentStore().list()).toEqual([]);
    expect((await namesIn(tmp()))[0]).toMatch(/^recent-projects\.json\.invalid-\d+$/);
  });

  it('rejects a __proto__ key', async () => {
    await writeFile(join(tmp(), 'recent-projects.json'), `[{"path": "/p/a", "lastOpenedAt": "${at(1).toISOString()}", "__proto__": {}}]`);
    expect(await recentStore().list()).toEqual([]);
    expect((await namesIn(tmp()))[0]).toMatch(/^recent-projects\.json\.invalid-/);
  });
});
