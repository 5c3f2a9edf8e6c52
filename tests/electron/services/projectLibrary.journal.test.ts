import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { readProjectFile } from '../../../electron/services/projectFolder.ts';
import { encodeJournalLine, journalPath } from '../../../electron/services/projectJournal.ts';
import type { ShotId } from '../../../shared/ids.ts';
import { createProject, expectOk, makeLibrary, openAs } from './support/library.ts';
import { FIXED_NOW, shot } from './support/projectData.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const read = async (dir: string) => expectOk(await readProjectFile(nodeFileSystem, dir));
const JOURNALED = shot({ id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' as ShotId, title: 'only in the journal' });

/** A closed project whose last session crashed after journaling one edit (revision 0 → 1). */
async function crashedProject() {
  const fx = await makeLibrary(tmp());
  const p = await createProject(fx, 'Film');
  const line = encodeJournalLine({ baseRevision: 0, revision: 1, at: FIXED_NOW.toISOString(), puts: [JOURNALED], deletes: [], settings: null });
  await writeFile(journalPath(p.path), line);
  return { fx, p };
}

describe('ProjectLibrary with a journal left by an interrupted session', () => {
  it('rename keeps the journaled edit: the renamed project.json holds it at the next revision', async () => {
    const { fx, p } = await crashedProject();
    const summary = expectOk(await fx.library.rename(p.path, 'Feature'));
    expect(summary.shotCount).toBe(1);
    const file = await read(summary.path);
    expect(file.revision).toBe(2);
    expect(file.data.shots).toEqual([JOURNALED]);
    expect(file.data.settings.name).toBe('Feature');
    // The old journal lines are not newer than project.json: opening must not apply them twice.
    const opened = await openAs(fx, summary.path);
    expect(opened.file.revision).toBe(2);
    expect(opened.file.data.shots).toEqual([JOURNALED]);
    expect(opened.notices).toEqual([]);
    expect(await namesIn(summary.path)).not.toContain('project.journal');
  });

  it('duplicate copies the journaled edit into a fresh project.json and leaves the journal and temp files behind', async () => {
    const { fx, p } = await crashedProject();
    await writeFile(join(p.path, '.project.json.1-dead.sctmp'), '{');
    const journalBefore = await readFile(journalPath(p.path), 'utf8');
    const copy = expectOk(await fx.library.duplicate(p.path, 'Film copy'));
    expect(await namesIn(copy.path)).toEqual(['.backups', 'exports', 'media', 'project.json']);
    const file = await read(copy.path);
    expect(file.revision).toBe(0);
    expect(file.data.shots).toEqual([JOURNALED]);
    expect(file.data.tombstones).toEqual([]);
    // The original is untouched, journal included.
    expect(await readFile(journalPath(p.path), 'utf8')).toBe(journalBefore);
    expect((await read(p.path)).revision).toBe(0);
  });
});
