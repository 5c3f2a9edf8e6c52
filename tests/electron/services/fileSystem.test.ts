import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCode, nodeFileSystem, pathExists } from '../../../electron/services/fileSystem.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();

describe('errorCode', () => {
  it('reads the code of node errors and nothing else', () => {
    expect(errorCode(fsError('ENOSPC'))).toBe('ENOSPC');
    expect(errorCode({ code: 'EPERM' })).toBe('EPERM');
    expect(errorCode({ code: 42 })).toBeUndefined();
    expect(errorCode(new Error('plain'))).toBeUndefined();
    expect(errorCode('ENOENT')).toBeUndefined();
    expect(errorCode(null)).toBeUndefined();
    expect(errorCode(undefined)).toBeUndefined();
  });
});

describe('pathExists', () => {
  it('is true for files and folders, false for missing paths', async () => {
    await writeFile(join(tmp(), 'f.txt'), 'x');
    await mkdir(join(tmp(), 'd'));
    expect(await pathExists(nodeFileSystem, join(tmp(), 'f.txt'))).toBe(true);
    expect(await pathExists(nodeFileSystem, join(tmp(), 'd'))).toBe(true);
    expect(await pathExists(nodeFileSystem, join(tmp(), 'missing'))).toBe(false);
  });

  it('is false for a path that goes through a file (ENOTDIR)', async () => {
    await writeFile(join(tmp(), 'f.txt'), 'x');
    expect(await pathExists(nodeFileSystem, join(tmp(), 'f.txt', 'child'))).toBe(false);
  });

  it('counts a dangling symlink as existing (the name is taken)', async () => {
    await symlink(join(tmp(), 'nowhere'), join(tmp(), 'link'));
    expect(await pathExists(nodeFileSystem, join(tmp(), 'link'))).toBe(true);
  });

  it('rethrows errors other than "missing"', async () => {
    const fs = faultyFs({ lstat: (() => Promise.reject(fsError('EACCES', 'lstat'))) as never });
    await expect(pathExists(fs, join(tmp(), 'x'))).rejects.toMatchObject({ code: 'EACCES' });
  });
});
