import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { browseFolder } from '../../../electron/services/folderBrowser.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { expectErr, expectOk } from './support/library.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const fs = nodeFileSystem;
let root: string;

beforeEach(async () => {
  root = join(tmp(), 'workspace');
  for (const name of ['Zulu', 'alpha', 'Beta', 'shot 10', 'shot 9', '.hidden', '.trash', 'Project A', 'Project A/media']) {
    await mkdir(join(root, name), { recursive: true });
  }
  await writeFile(join(root, 'Project A', 'project.json'), '{}');
  await writeFile(join(root, 'notes.txt'), 'a file, not a folder');
  await mkdir(join(tmp(), 'outside', 'secret'), { recursive: true });
  await symlink(join(tmp(), 'outside'), join(root, 'link-out'));
});

describe('browseFolder', () => {
  it('lists sub-folders of the root, sorted naturally and case-insensitively, hidden ones and files skipped', async () => {
    const listing = expectOk(await browseFolder(fs, root, undefined));
    expect(listing.path).toBe(root);
    expect(listing.parent).toBeNull();
    expect(listing.folders.map((f) => f.name)).toEqual(['alpha', 'Beta', 'Project A', 'shot 9', 'shot 10', 'Zulu']);
    expect(listing.folders.find((f) => f.name === 'Beta')!.path).toBe(join(root, 'Beta'));
  });

  it('marks project folders', async () => {
    const listing = expectOk(await browseFolder(fs, root, undefined));
    expect(listing.folders.filter((f) => f.isProject).map((f) => f.name)).toEqual(['Project A']);
    expect(listing.folders.every((f) => !f.isFile)).toBe(true);
  });

  it('lists files with the asked extensions (any case) after the folders, skipping hidden files and symlinks to files outside', async () => {
    await writeFile(join(root, 'Teaser 10.shotcanvas'), 'zip');
    await writeFile(join(root, 'teaser 9.SHOTCANVAS'), 'zip');
    await writeFile(join(root, '.hidden.shotcanvas'), 'zip');
    await writeFile(join(root, 'Teaser.shotcanvas.txt'), 'not a bundle');
    await mkdir(join(root, 'folder.shotcanvas'));
    await writeFile(join(tmp(), 'outside', 'stolen.shotcanvas'), 'zip');
    await symlink(join(tmp(), 'outside', 'stolen.shotcanvas'), join(root, 'stolen.shotcanvas'));
    const listing = expectOk(await browseFolder(fs, root, undefined, ['shotcanvas']));
    const files = listing.folders.filter((f) => f.isFile);
    expect(files).toEqual([
      { name: 'teaser 9.SHOTCANVAS', path: join(root, 'teaser 9.SHOTCANVAS'), isProject: false, isFile: true },
      { name: 'Teaser 10.shotcanvas', path: join(root, 'Teaser 10.shotcanvas'), isProject: false, isFile: true },
    ]);
    // Folders come first; a folder whose name ends like a bundle is still a folder.
    expect(listing.folders.slice(0, -2).every((f) => !f.isFile)).toBe(true);
    expect(listing.folders.find((f) => f.name === 'folder.shotcanvas')?.isFile).toBe(false);
    // Without extensions, no files at all.
    expect(expectOk(await browseFolder(fs, root, undefined)).folders.some((f) => f.isFile)).toBe(false);
  });

  it('does not list symlinked folders (they could lead anywhere)', async () => {
    const listing = expectOk(await browseFolder(fs, root, root));
    expect(listing.folders.map((f) => f.name)).not.toContain('link-out');
  });

  it('lists a sub-folder with its parent', async () => {
    const listing = expectOk(await browseFolder(fs, root, join(root, 'Project A')));
    expect(listing).toEqual({
      path: join(root, 'Project A'),
      parent: root,
      folders: [{ name: 'media', path: join(root, 'Project A', 'media'), isProject: false, isFile: false }],
    });
  });

  it('has a null parent at the root even when given with a trailing slash', async () => {
    expect(expectOk(await browseFolder(fs, `${root}/`, `${root}/`)).parent).toBeNull();
  });

  it('refuses a path outside the root, naming both', async () => {
    const outside = join(tmp(), 'outside');
    const error = expectErr(await browseFolder(fs, root, outside), 'FORBIDDEN', outside, root);
    expect(error.where).toBe(outside);
    expectErr(await browseFolder(fs, root, tmp()), 'FORBIDDEN');
    expectErr(await browseFolder(fs, root, '/'), 'FORBIDDEN');
  });

  it('refuses ../ that climbs out', async () => {
    expectErr(await browseFolder(fs, root, `${root}/../outside`), 'FORBIDDEN', join(tmp(), 'outside'));
    expectErr(await browseFolder(fs, root, `${root}/alpha/../../outside/secret`), 'FORBIDDEN');
  });

  it('refuses a symlink inside the root pointing outside', async () => {
    expectErr(await browseFolder(fs, root, join(root, 'link-out')), 'FORBIDDEN', join(root, 'link-out'));
    expectErr(await browseFolder(fs, root, join(root, 'link-out', 'secret')), 'FORBIDDEN');
  });

  it('refuses the prefix trick (a sibling whose name starts like the root)', async () => {
    await mkdir(`${root}-evil`);
    expectErr(await browseFolder(fs, root, `${root}-evil`), 'FORBIDDEN');
  });

  it('reports a missing folder or a file as NOT_FOUND', async () => {
    expectErr(await browseFolder(fs, root, join(root, 'missing')), 'NOT_FOUND', join(root, 'missing'));
    expectErr(await browseFolder(fs, root, join(root, 'notes.txt')), 'NOT_FOUND');
  });

  it('reports other listing errors as IO_ERROR', async () => {
    const failing = faultyFs({ readdir: (() => Promise.reject(fsError('EACCES', 'scandir'))) as never });
    expectErr(await browseFolder(failing, root, root), 'IO_ERROR', /Could not list/, root);
  });
});
