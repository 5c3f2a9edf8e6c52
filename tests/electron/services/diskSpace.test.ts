import { describe, expect, it } from 'vitest';
import { MIN_FREE_BYTES, checkFreeSpace, formatBytes, nodeFreeSpace } from '../../../electron/services/diskSpace.ts';
import { expectErr, expectOk } from './support/library.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const MB = 1024 * 1024;
const probe = (free: number) => (path: string) => {
  probed.push(path);
  return Promise.resolve(free);
};
let probed: string[] = [];

describe('checkFreeSpace', () => {
  it('is ok when the volume keeps the safety margin after the write, returning the free bytes', async () => {
    probed = [];
    expect(expectOk(await checkFreeSpace('/films', 100 * MB, probe(MIN_FREE_BYTES + 100 * MB)))).toBe(MIN_FREE_BYTES + 100 * MB);
    expect(probed).toEqual(['/films']);
  });

  it('refuses with NO_SPACE when the write would eat into the margin, saying how much is free and needed', async () => {
    const error = expectErr(await checkFreeSpace('/films', 100 * MB, probe(MIN_FREE_BYTES + 100 * MB - 1)), 'NO_SPACE', '/films', /Free some space/);
    expect(error.message).toContain(`${formatBytes(100 * MB)} needed plus a 512 MB safety margin`);
    expect(error.where).toBe('/films');
    // Enough for the write alone is not enough.
    expectErr(await checkFreeSpace('/films', 100 * MB, probe(200 * MB)), 'NO_SPACE', '200 MB free');
  });

  it('uses a custom margin', async () => {
    expectOk(await checkFreeSpace('/films', 10, probe(20), 10));
    expectErr(await checkFreeSpace('/films', 11, probe(20), 10), 'NO_SPACE', '10 B safety margin');
  });

  it('reports a failing probe as IO_ERROR naming the path, without throwing', async () => {
    const error = expectErr(await checkFreeSpace('/gone', 1, () => Promise.reject(new Error('ENOENT: no such file'))), 'IO_ERROR', '/gone', 'ENOENT');
    expect(error.message).toMatch(/Could not read the free space/);
  });

  it('the real probe reads a positive number for a temporary folder', async () => {
    expect(await nodeFreeSpace(tmp())).toBeGreaterThan(0);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [10 * 1024, '10 KB'],
    [512 * MB, '512 MB'],
    [3.5 * 1024 * MB, '3.5 GB'],
    [5 * 1024 * 1024 * MB, '5.0 TB'],
    [2048 * 1024 * 1024 * MB, '2048 TB'],
  ])('%i bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
