import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../../electron/services/fileSystem.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import type { JournalEntry } from '../../../electron/services/projectJournal.ts';
import { JOURNAL_FILE_NAME, appendJournalLine, encodeJournalLine, journalPath, readJournal, removeJournal } from '../../../electron/services/projectJournal.ts';
import type { ShotId } from '../../../shared/ids.ts';
import { faultyFs, fsError, openWithFailingHandle } from './support/faultyFs.ts';
import { FIXED_NOW, settings, shot } from './support/projectData.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const fs = nodeFileSystem;
const at = (seconds: number) => new Date(FIXED_NOW.getTime() + seconds * 1000).toISOString();

function entry(baseRevision: number, revision: number, overrides: Partial<JournalEntry> = {}): JournalEntry {
  return { baseRevision, revision, at: at(revision), puts: [shot({ title: `rev ${revision}` })], deletes: [], settings: null, ...overrides };
}

async function writeLines(...entries: JournalEntry[]): Promise<string[]> {
  const lines = entries.map(encodeJournalLine);
  await writeFile(journalPath(tmp()), lines.join(''));
  return lines;
}

/** Replaces line `index` (0-based) of the journal with `replacement` (which must end with "\n"). */
async function replaceLine(index: number, replacement: string): Promise<void> {
  const lines = (await readFile(journalPath(tmp()), 'utf8')).split('\n');
  lines[index] = replacement.replace(/\n$/, '');
  await writeFile(journalPath(tmp()), lines.join('\n'));
}

describe('journal lines', () => {
  it('encode + read round-trips entries, settings and deletes included', async () => {
    const deleted = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' as ShotId;
    const entries = [entry(0, 1), entry(1, 3, { deletes: [deleted], settings: settings({ name: 'Renamed' }) }), entry(3, 4, { puts: [] })];
    const lines = await writeLines(...entries);
    for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    const readout = await readJournal(fs, tmp(), 0);
    expect(readout).toEqual({ entries, alreadyApplied: 0, stoppedBecause: null, bytes: lines.join('').length });
  });

  it('a missing journal reads as empty', async () => {
    expect(await readJournal(fs, tmp(), 5)).toEqual({ entries: [], alreadyApplied: 0, stoppedBecause: null, bytes: 0 });
  });

  it('lines at or below the file revision count as already applied and are skipped', async () => {
    const entries = [entry(0, 1), entry(1, 2), entry(2, 3)];
    await writeLines(...entries);
    const readout = await readJournal(fs, tmp(), 2);
    expect(readout.alreadyApplied).toBe(2);
    expect(readout.entries).toEqual([entries[2]]);
    expect(readout.stoppedBecause).toBeNull();
  });

  it('ignores and reports a torn last line (an append a crash cut short)', async () => {
    const entries = [entry(0, 1), entry(1, 2)];
    const lines = await writeLines(...entries);
    const torn = encodeJournalLine(entry(2, 3));
    await writeFile(journalPath(tmp()), lines.join('') + torn.slice(0, Math.floor(torn.length / 2)));
    const readout = await readJournal(fs, tmp(), 0);
    expect(readout.entries).toEqual(entries);
    expect(readout.stoppedBecause).toMatch(/cut short by a crash/);
  });

  it('stops at a corrupt middle line: nothing after it is replayed', async () => {
    const entries = [entry(0, 1), entry(1, 2), entry(2, 3)];
    await writeLines(...entries);
    await replaceLine(1, '{"v":1,"base":1,"rev":2,"puts":[{"id"');
    const readout = await readJournal(fs, tmp(), 0);
    expect(readout.entries).toEqual([entries[0]]);
    expect(readout.stoppedBecause).toBe(`line 2 of ${JOURNAL_FILE_NAME} is not valid JSON`);
  });

  it('stops at a line whose checksum does not match its content', async () => {
    const entries = [entry(0, 1), entry(1, 2)];
    const lines = await writeLines(...entries);
    const edited = lines[1]!.replace('"rev 2"', '"rev 2 (edited)"');
    expect(edited).not.toBe(lines[1]);
    await replaceLine(1, edited);
    const readout = await readJournal(fs, tmp(), 0);
    expect(readout.entries).toEqual([entries[0]]);
    expect(readout.stoppedBecause).toBe(`line 2 of ${JOURNAL_FILE_NAME} failed its checksum`);
  });

  it('stops at a line with an unexpected shape or a forbidden key', async () => {
    const lines = await writeLines(entry(0, 1), entry(1, 2));
    await replaceLine(1, lines[1]!.replace('{"v":1,', '{"v":1,"extra":true,'));
    expect((await readJournal(fs, tmp(), 0)).stoppedBecause).toBe(`line 2 of ${JOURNAL_FILE_NAME} has an unexpected shape`);
    await replaceLine(1, lines[1]!.replace('{"v":1,', '{"__proto__":{"polluted":true},"v":1,'));
    expect((await readJournal(fs, tmp(), 0)).stoppedBecause).toBe(`line 2 of ${JOURNAL_FILE_NAME} contains a forbidden key`);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('stops where the chain breaks (a base that is not the previous revision)', async () => {
    const entries = [entry(0, 1), entry(2, 3), entry(3, 4)];
    await writeLines(...entries);
    const readout = await readJournal(fs, tmp(), 0);
    expect(readout.entries).toEqual([entries[0]]);
    expect(readout.stoppedBecause).toBe(`line 2 of ${JOURNAL_FILE_NAME} does not continue revision 1`);
    // The first line must continue the file's revision too.
    await writeLines(entry(5, 6));
    expect((await readJournal(fs, tmp(), 4)).stoppedBecause).toMatch(/line 1 .* does not continue revision 4/);
  });

  it('reading fails loudly for I/O errors other than a missing file', async () => {
    await writeLines(entry(0, 1));
    const failing = faultyFs({ readFile: (() => Promise.reject(fsError('EIO', 'read'))) as never });
    await expect(readJournal(failing, tmp(), 0)).rejects.toMatchObject({ code: 'EIO' });
  });
});

/** An `open` whose journal handles write the first half of the data, then fail with ENOSPC (a disk filling up mid-write). */
function halfWritingOpen(failing: { on: boolean }): FileSystem['open'] {
  return (async (path: string, flags?: string) => {
    const handle = await nodeFs.open(path, flags);
    if (!failing.on || !path.endsWith(JOURNAL_FILE_NAME)) return handle;
    return new Proxy(handle, {
      get(target, prop) {
        if (prop === 'writeFile') {
          return async (data: string) => {
            await target.writeFile(data.slice(0, Math.floor(data.length / 2)));
            throw fsError('ENOSPC', 'write', path);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as FileHandle;
  }) as FileSystem['open'];
}

describe('appendJournalLine', () => {
  it('appends whole lines one after another', async () => {
    const entries = [entry(0, 1), entry(1, 2)];
    for (const e of entries) await appendJournalLine(fs, tmp(), encodeJournalLine(e));
    expect((await readJournal(fs, tmp(), 0)).entries).toEqual(entries);
  });

  it('a write that fails half-way (disk full) is cut back, so the next append is clean', async () => {
    const failing = { on: false };
    const faulty = faultyFs({ open: halfWritingOpen(failing) });
    await appendJournalLine(faulty, tmp(), encodeJournalLine(entry(0, 1)));
    const sizeBefore = (await stat(journalPath(tmp()))).size;
    failing.on = true;
    await expect(appendJournalLine(faulty, tmp(), encodeJournalLine(entry(1, 2)))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect((await stat(journalPath(tmp()))).size).toBe(sizeBefore);
    failing.on = false;
    const retried = entry(1, 2, { puts: [shot({ title: 'retried' })] });
    await appendJournalLine(faulty, tmp(), encodeJournalLine(retried));
    const readout = await readJournal(fs, tmp(), 0);
    expect(readout.stoppedBecause).toBeNull();
    expect(readout.entries.map((e) => e.revision)).toEqual([1, 2]);
    expect(readout.entries[1]).toEqual(retried);
  });

  it('a failing fsync is reported and the unsynced line is cut back too', async () => {
    await appendJournalLine(fs, tmp(), encodeJournalLine(entry(0, 1)));
    const before = await readFile(journalPath(tmp()), 'utf8');
    const faulty = faultyFs({ open: openWithFailingHandle('sync', 'EIO', (path) => path.endsWith(JOURNAL_FILE_NAME)) });
    await expect(appendJournalLine(faulty, tmp(), encodeJournalLine(entry(1, 2)))).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(journalPath(tmp()), 'utf8')).toBe(before);
  });
});

describe('removeJournal', () => {
  it('removes the journal, and a missing one is fine', async () => {
    await writeLines(entry(0, 1));
    await removeJournal(fs, tmp());
    expect(await namesIn(tmp())).toEqual([]);
    await removeJournal(fs, tmp());
  });

  it('passes other errors on', async () => {
    const failing = faultyFs({ unlink: (() => Promise.reject(fsError('EACCES', 'unlink'))) as never });
    await expect(removeJournal(failing, tmp())).rejects.toMatchObject({ code: 'EACCES' });
  });
});
