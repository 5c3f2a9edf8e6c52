import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { isPathInside, isRealPathInside, realpathLenient } from '../../../electron/services/pathSafety.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const fs = nodeFileSystem;

describe('isPathInside', () => {
  it.each([
    ['/a/b', '/a/b', true],
    ['/a/b', '/a/b/', true],
    ['/a/b', '/a/b/c', true],
    ['/a/b', '/a/b/c/d.txt', true],
    ['/a/b/', '/a/b/c', true],
    ['/a/b', '/a/b/./c', true],
    ['/a/b', '/a/b/..foo', true],
    ['/a/b', '/a/b/c/../d', true],
    ['/a/b', '/a/bc', false],
    ['/a/b', '/a/b-evil/x', false],
    ['/a/b', '/a', false],
    ['/a/b', '/a/b/..', false],
    ['/a/b', '/a/b/../c', false],
    ['/a/b', '/a/b/c/../../x', false],
    ['/a/b', '/', false],
    ['/a/b', '/x/a/b', false],
  ])('isPathInside(%s, %s) is %s', (root, target, expected) => {
    expect(isPathInside(root, target)).toBe(expected);
  });

  it('resolves relative paths against the working directory', () => {
    expect(isPathInside('.', 'sub/file')).toBe(true);
    expect(isPathInside('sub', '.')).toBe(false);
    expect(isPathInside(process.cwd(), resolve('x'))).toBe(true);
  });
});

describe('realpathLenient', () => {
  it('returns the real path of an existing path', async () => {
    await mkdir(join(tmp(), 'a'));
    expect(await realpathLenient(fs, join(tmp(), 'a'))).toBe(join(tmp(), 'a'));
  });

  it('keeps a missing tail as text after resolving the existing prefix', async () => {
    await mkdir(join(tmp(), 'real'));
    await symlink(join(tmp(), 'real'), join(tmp(), 'link'));
    expect(await realpathLenient(fs, join(tmp(), 'link', 'new', 'deeper.txt'))).toBe(join(tmp(), 'real', 'new', 'deeper.txt'));
  });

  it('keeps the tail when nothing but the root exists', async () => {
    expect(await realpathLenient(fs, join(tmp(), 'x', 'y'))).toBe(join(tmp(), 'x', 'y'));
  });

  it('treats a path through a file as a missing tail (ENOTDIR)', async () => {
    await writeFile(join(tmp(), 'f.txt'), 'x');
    expect(await realpathLenient(fs, join(tmp(), 'f.txt', 'child'))).toBe(join(tmp(), 'f.txt', 'child'));
  });

  it('rethrows unexpected errors instead of guessing', async () => {
    const failing = faultyFs({ realpath: (() => Promise.reject(fsError('EACCES', 'realpath'))) as never });
    await expect(realpathLenient(failing, join(tmp(), 'x'))).rejects.toMatchObject({ code: 'EACCES' });
  });
});

describe('isRealPathInside', () => {
  it('accepts real children, missing ones included', async () => {
    await mkdir(join(tmp(), 'root', 'a'), { recursive: true });
    const root = join(tmp(), 'root');
    expect(await isRealPathInside(fs, root, join(root, 'a'))).toBe(true);
    expect(await isRealPathInside(fs, root, join(root, 'a', 'not-yet', 'file'))).toBe(true);
    expect(await isRealPathInside(fs, root, root)).toBe(true);
  });

  it('refuses a symlink inside the root that points outside it, and anything below it', async () => {
    const root = join(tmp(), 'root');
    await mkdir(root);
    await mkdir(join(tmp(), 'outside'));
    await writeFile(join(tmp(), 'outside', 'secret.txt'), 'secret');
    await symlink(join(tmp(), 'outside'), join(root, 'escape'));
    expect(isPathInside(root, join(root, 'escape', 'secret.txt'))).toBe(true);
    expect(await isRealPathInside(fs, root, join(root, 'escape'))).toBe(false);
    expect(await isRealPathInside(fs, root, join(root, 'escape', 'secret.txt'))).toBe(false);
    expect(await isRealPathInside(fs, root, join(root, 'escape', 'missing', 'x'))).toBe(false);
  });

  it('accepts a symlink that stays inside the root', async () => {
    const root = join(tmp(), 'root');
    await mkdir(join(root, 'real'), { recursive: true });
    await symlink(join(root, 'real'), join(root, 'alias'));
    expect(await isRealPathInside(fs, root, join(root, 'alias', 'x'))).toBe(true);
  });

  it('compares real paths when the root itself is reached through a symlink', async () => {
    await mkdir(join(tmp(), 'real-root', 'p'), { recursive: true });
    await symlink(join(tmp(), 'real-root'), join(tmp(), 'root-link'));
    expect(await isRealPathInside(fs, join(tmp(), 'root-link'), join(tmp(), 'real-root', 'p'))).toBe(true);
    expect(await isRealPathInside(fs, join(tmp(), 'real-root'), join(tmp(), 'root-link', 'p'))).toBe(true);
  });

  it('refuses the prefix trick with real folders', async () => {
    await mkdir(join(tmp(), 'ws'));
    await mkdir(join(tmp(), 'ws-other'));
    expect(await isRealPathInside(fs, join(tmp(), 'ws'), join(tmp(), 'ws-other'))).toBe(false);
  });
});
