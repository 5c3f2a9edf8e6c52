import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMP_SUFFIX, isTempFileName, sweepTempFiles, tempPathFor, writeFileAtomic } from '../../../electron/services/atomicWrite.ts';
import { faultyFs, flakyRename, fsError, openWithFailingHandle } from './support/faultyFs.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const noWait = () => Promise.resolve();
const isTemp = (path: string) => path.endsWith(TEMP_SUFFIX);

describe('writeFileAtomic', () => {
  it('creates a new file with the given text', async () => {
    const target = join(tmp(), 'a.json');
    await writeFileAtomic(target, '{"a":1}\n');
    expect(await readFile(target, 'utf8')).toBe('{"a":1}\n');
    expect(await namesIn(tmp())).toEqual(['a.json']);
  });

  it('replaces existing content completely (no leftover tail from a longer old file)', async () => {
    const target = join(tmp(), 'a.json');
    await writeFile(target, 'old content that is much longer than the new one');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('writes bytes as given', async () => {
    const target = join(tmp(), 'bytes.bin');
    const bytes = new Uint8Array([0, 255, 1, 254, 10, 13]);
    await writeFileAtomic(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('leaves no temp file behind on success', async () => {
    const target = join(tmp(), 'a.json');
    for (let i = 0; i < 3; i += 1) await writeFileAtomic(target, `v${i}`);
    expect(await namesIn(tmp())).toEqual(['a.json']);
  });

  it('retries a rename that fails with EPERM twice, then succeeds', async () => {
    const target = join(tmp(), 'a.json');
    await writeFile(target, 'old');
    const { rename, calls } = flakyRename('EPERM', 2);
    const sleeps: number[] = [];
    await writeFileAtomic(target, 'new', {
      fs: faultyFs({ rename }),
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(calls.map((c) => c.failed)).toEqual([true, true, false]);
    // Exponential back-off: 50 ms, then 100 ms.
    expect(sleeps).toEqual([50, 100]);
    expect(await namesIn(tmp())).toEqual(['a.json']);
  });

  it('retries EBUSY the same way', async () => {
    const target = join(tmp(), 'a.json');
    const { rename, calls } = flakyRename('EBUSY', 2);
    await writeFileAtomic(target, 'new', { fs: faultyFs({ rename }), sleep: noWait });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(calls).toHaveLength(3);
  });

  it('gives up after the retry budget, removes the temp file and keeps the old file', async () => {
    const target = join(tmp(), 'a.json');
    await writeFile(target, 'old');
    const { rename, calls } = flakyRename('EBUSY', 100);
    await expect(writeFileAtomic(target, 'new', { fs: faultyFs({ rename }), sleep: noWait, retries: 3 })).rejects.toMatchObject({ code: 'EBUSY' });
    expect(calls).toHaveLength(4);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await namesIn(tmp())).toEqual(['a.json']);
  });

  it('does not retry ENOSPC: rejects at once, old file intact, no temp file left', async () => {
    const target = join(tmp(), 'a.json');
    await writeFile(target, 'old');
    const { rename, calls } = flakyRename('ENOSPC', 1);
    const sleeps: number[] = [];
    const write = writeFileAtomic(target, 'new', {
      fs: faultyFs({ rename }),
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    });
    await expect(write).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await namesIn(tmp())).toEqual(['a.json']);
  });

  it('a failing fsync of the temp file leaves the old file intact and removes the temp file', async () => {
    const target = join(tmp(), 'a.json');
    await writeFile(target, 'old');
    const fs = faultyFs({ open: openWithFailingHandle('sync', 'EIO', isTemp) });
    await expect(writeFileAtomic(target, 'new', { fs, sleep: noWait })).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await namesIn(tmp())).toEqual(['a.json']);
  });

  it('a failing write (disk full) leaves the old file intact and removes the temp file', async () => {
    const target = join(tmp(), 'a.json');
    await writeFile(target, 'old');
    const fs = faultyFs({ open: openWithFailingHandle('writeFile', 'ENOSPC', isTemp) });
    await expect(writeFileAtomic(target, 'new', { fs, sleep: noWait })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await namesIn(tmp())).toEqual(['a.json']);
  });

  it('a failing folder fsync after the rename is tolerated (network mounts refuse it)', async () => {
    const target = join(tmp(), 'a.json');
    const fs = faultyFs({ open: openWithFailingHandle('sync', 'EINVAL', (path) => path === tmp()) });
    await writeFileAtomic(target, 'new', { fs });
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('rejects when the folder does not exist, creating nothing', async () => {
    const target = join(tmp(), 'missing', 'a.json');
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await namesIn(tmp())).toEqual([]);
  });

  it('names temp files in the same folder, hidden, unique and recognisable', () => {
    const target = join(tmp(), 'project.json');
    const a = tempPathFor(target);
    const b = tempPathFor(target);
    expect(a).not.toBe(b);
    expect(a.startsWith(join(tmp(), '.project.json.'))).toBe(true);
    expect(isTempFileName(a)).toBe(true);
    expect(isTempFileName(target)).toBe(false);
  });
});

describe('sweepTempFiles', () => {
  it('removes only *.sctmp files and returns how many', async () => {
    const dir = tmp();
    await writeFile(join(dir, 'project.json'), '{}');
    await writeFile(join(dir, '.project.json.123-abcd.sctmp'), 'partial');
    await writeFile(join(dir, '.settings.json.9-ffff.sctmp'), 'partial');
    await writeFile(join(dir, 'notes.sctmp.txt'), 'keep');
    await writeFile(join(dir, 'sctmp'), 'keep');
    await mkdir(join(dir, 'media'));
    expect(await sweepTempFiles(dir)).toBe(2);
    expect(await namesIn(dir)).toEqual(['media', 'notes.sctmp.txt', 'project.json', 'sctmp']);
  });

  it('does not descend into sub-folders', async () => {
    const dir = tmp();
    await mkdir(join(dir, 'media'));
    await writeFile(join(dir, 'media', 'x.sctmp'), 'keep');
    expect(await sweepTempFiles(dir)).toBe(0);
    expect(await namesIn(join(dir, 'media'))).toEqual(['x.sctmp']);
  });

  it('counts only files it really removed', async () => {
    const dir = tmp();
    // A folder that happens to end in .sctmp is not one of our temp files; unlink refuses it.
    await mkdir(join(dir, 'odd.sctmp'));
    await writeFile(join(dir, 'a.sctmp'), 'partial');
    expect(await sweepTempFiles(dir)).toBe(1);
    expect(await namesIn(dir)).toEqual(['odd.sctmp']);
  });

  it('returns 0 for a missing folder', async () => {
    expect(await sweepTempFiles(join(tmp(), 'nope'))).toBe(0);
  });

  it('rethrows other listing errors', async () => {
    const fs = faultyFs({ readdir: (() => Promise.reject(fsError('EACCES', 'scandir'))) as never });
    await expect(sweepTempFiles(tmp(), fs)).rejects.toMatchObject({ code: 'EACCES' });
  });
});
