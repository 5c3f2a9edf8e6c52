import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { WORKSPACE_TRASH_FOLDER, moveToWorkspaceTrash } from '../../../electron/services/workspaceTrash.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { namesIn, snapshotTree, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const when = new Date('2025-06-07T08:09:10.123Z');

async function project(name: string) {
  const dir = join(tmp(), name);
  await mkdir(join(dir, 'media'), { recursive: true });
  await writeFile(join(dir, 'project.json'), `{"name": "${name}"}`);
  return dir;
}

describe('moveToWorkspaceTrash', () => {
  it('moves the folder into <workspace>/.trash with the deletion time in its name', async () => {
    const dir = await project('Film');
    const target = await moveToWorkspaceTrash(nodeFileSystem, tmp(), dir, when);
    expect(WORKSPACE_TRASH_FOLDER).toBe('.trash');
    expect(target).toBe(join(tmp(), '.trash', 'Film (deleted 2025-06-07T08-09-10-123Z)'));
    expect(await namesIn(tmp())).toEqual(['.trash']);
    expect(await readFile(join(target, 'project.json'), 'utf8')).toBe('{"name": "Film"}');
    // Windows forbids ':' in names; the stamp must not contain one.
    expect(target.slice(tmp().length)).not.toMatch(/:/);
  });

  it('does not collide when two folders of the same name are deleted at the same time', async () => {
    const first = await moveToWorkspaceTrash(nodeFileSystem, tmp(), await project('Film'), when);
    const second = await moveToWorkspaceTrash(nodeFileSystem, tmp(), await project('Film'), when);
    const third = await moveToWorkspaceTrash(nodeFileSystem, tmp(), await project('Film'), when);
    expect(new Set([first, second, third]).size).toBe(3);
    expect(second).toBe(`${first} 2`);
    expect(third).toBe(`${first} 3`);
    expect(await namesIn(join(tmp(), '.trash'))).toHaveLength(3);
  });

  it('leaves the folder where it was when the move fails', async () => {
    const dir = await project('Film');
    const before = await snapshotTree(dir);
    const fs = faultyFs({ rename: (() => Promise.reject(fsError('EXDEV', 'rename'))) as never });
    await expect(moveToWorkspaceTrash(fs, tmp(), dir, when)).rejects.toMatchObject({ code: 'EXDEV' });
    expect(await snapshotTree(dir)).toEqual(before);
  });
});
