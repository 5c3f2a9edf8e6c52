import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../../../../electron/services/backups/backupPolicy.ts';
import { backupIdFor, parseBackupId, writtenSchemaVersion } from '../../../../electron/services/backups/backupFiles.ts';
import { BackupStore } from '../../../../electron/services/backups/backupStore.ts';
import type { FileSystem } from '../../../../electron/services/fileSystem.ts';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import type { ProjectFile } from '../../../../shared/model/projectFile.ts';
import { faultyFs, fsError } from '../support/faultyFs.ts';
import { namesIn, snapshotTree, useTempDir } from '../support/tempDir.ts';
import { DAY, MINUTE, fakeClock, sampleProject } from './support/backupFixtures.ts';

const tmp = useTempDir('shotcanvas-backups-');
const START = '2025-03-04T05:06:07.000Z';

function setup(fs: FileSystem = nodeFileSystem) {
  const clock = fakeClock(START);
  const open = (withFs: FileSystem = fs) => new BackupStore({ fs: withFs, projectDir: tmp(), now: clock.now });
  const folder = join(tmp(), '.backups');
  return { clock, store: open(), open, folder, index: join(folder, 'index.json') };
}

async function readIndex(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

describe('BackupStore basics', () => {
  it('creates, lists and reads back the exact text, gzip-compressed on disk', async () => {
    const { store, folder } = setup();
    const { file, text } = sampleProject({ revision: 7, shots: 3 });
    const entry = await store.create('pre-import', file, text, 'Before importing Reel 2');
    expect(entry).toEqual({
      id: '20250304T050607000Z_pre-import_r7.json.gz',
      kind: 'pre-import',
      createdAt: START,
      revision: 7,
      schemaVersion: 1,
      projectId: file.projectId,
      contentHash: file.contentHash,
      sizeBytes: (await readFile(join(folder, entry.id))).length,
      shotCount: 3,
      takeCount: 0,
      note: 'Before importing Reel 2',
    });
    expect(await namesIn(folder)).toEqual([entry.id, 'index.json']);
    const bytes = await readFile(join(folder, entry.id));
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    expect(await store.list()).toEqual([entry]);
    expect(await store.read(entry.id)).toEqual({ ok: true, value: { entry, text } });
    expect(await readIndex(join(folder, 'index.json'))).toEqual([entry]);
  });

  it('counts takes when the document has them', async () => {
    const { store } = setup();
    const { file, text } = sampleProject();
    const withTakes = { ...file, data: { ...file.data, takes: [{}, {}, {}] } } as unknown as ProjectFile;
    expect((await store.create('auto', withTakes, text)).takeCount).toBe(3);
  });

  it('lists newest first and keeps ids unique within one millisecond', async () => {
    const { store, clock } = setup();
    const { file, text } = sampleProject({ revision: 4 });
    const a = await store.create('launch', file, text);
    const b = await store.create('launch', file, text);
    clock.advance(MINUTE);
    const c = await store.create('pre-import', file, text);
    expect(b.id).toBe('20250304T050607001Z_launch_r4.json.gz');
    expect((await store.list()).map((e) => e.id)).toEqual([c.id, b.id, a.id]);
  });

  it('names backups by time, kind and revision, and parses only such names', () => {
    const id = backupIdFor(new Date(START), 'pre-bulk-delete', 12);
    expect(id).toBe('20250304T050607000Z_pre-bulk-delete_r12.json.gz');
    expect(parseBackupId(id)).toEqual({ createdAt: START, kind: 'pre-bulk-delete', revision: 12 });
    for (const bad of ['index.json', '20251304T050607000Z_auto_r1.json.gz', '20250304T050607000Z_auto_r1.json', 'x/20250304T050607000Z_auto_r1.json.gz']) {
      expect(parseBackupId(bad)).toBeNull();
    }
  });

  it('reads the schema version from the header of the text as written', () => {
    expect(writtenSchemaVersion(sampleProject().text)).toBe(1);
    expect(writtenSchemaVersion(JSON.stringify({ format: 'x', writtenBy: { app: 'a' }, schemaVersion: 3 }))).toBe(3);
    expect(writtenSchemaVersion('{"data": {"schemaVersion": 3}}')).toBeNull();
  });

  it('lists nothing and creates nothing for a project without backups', async () => {
    const { store } = setup();
    expect(await store.list()).toEqual([]);
    expect(await store.newestValid()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await namesIn(tmp())).toEqual([]);
  });

  it('removes a backup and its file', async () => {
    const { store, folder } = setup();
    const { file, text } = sampleProject();
    const entry = await store.create('pre-import', file, text);
    expect(await store.remove(entry.id)).toEqual({ ok: true, value: entry });
    expect(await namesIn(folder)).toEqual(['index.json']);
    expect(await store.list()).toEqual([]);
    expect(await store.remove(entry.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('BackupStore index', () => {
  async function threeBackups() {
    const ctx = setup();
    const made = [];
    for (const [kind, note] of [
      ['launch', null],
      ['pre-import', 'Reel 2'],
      ['auto', null],
    ] as const) {
      const { file, text } = sampleProject({ revision: made.length + 1, shots: made.length });
      made.push(await ctx.store.create(kind, file, text, note));
      ctx.clock.advance(MINUTE);
    }
    return { ...ctx, made: made.reverse() };
  }

  it('rebuilds a deleted index from the files (notes are not in the files)', async () => {
    const { open, index, made } = await threeBackups();
    await rm(index);
    const store = open();
    expect(await store.list()).toEqual(made.map((e) => ({ ...e, note: null })));
    expect(store.problems).toEqual([]);
    expect(await readIndex(index)).toEqual(made.map((e) => ({ ...e, note: null })));
  });

  it.each([
    ['garbage', 'garbage{'],
    ['a wrong shape', JSON.stringify([{ id: '../project.json', kind: 'auto' }])],
  ])('rebuilds an index that holds %s, and says so', async (_what, content) => {
    const { open, index, made } = await threeBackups();
    await writeFile(index, content);
    const store = open();
    expect(await store.list()).toEqual(made.map((e) => ({ ...e, note: null })));
    expect(store.problems.join('\n')).toMatch(/index\.json .*rebuilt/);
    expect(await readIndex(index)).toHaveLength(3);
  });

  it('drops entries whose file is gone and adds backup files the index missed', async () => {
    const { store, folder, index, clock } = setup();
    const { file, text } = sampleProject();
    const first = await store.create('launch', file, text);
    const second = await store.create('pre-import', file, text, 'note kept');
    const before = await readFile(index, 'utf8');
    clock.advance(MINUTE);
    const third = await store.create('auto', file, text, 'note lost');
    await writeFile(index, before);
    await rm(join(folder, first.id));
    expect(await store.list()).toEqual([{ ...third, note: null }, second]);
  });
});

describe('BackupStore damaged backups', () => {
  it('reports a corrupt backup on read, and newestValid skips it', async () => {
    const { store, clock, folder } = setup();
    const { file, text } = sampleProject();
    const older = await store.create('auto', file, text);
    clock.advance(MINUTE);
    const newer = await store.create('pre-import', file, text);
    await writeFile(join(folder, newer.id), 'not gzip at all');
    const read = await store.read(newer.id);
    expect(read).toMatchObject({ ok: false, error: { code: 'INVALID_PROJECT_FILE', where: join(folder, newer.id) } });
    if (!read.ok) expect(read.error.message).toContain(newer.id);
    expect(await store.newestValid()).toEqual({ ok: true, value: { entry: older, text } });
  });

  it('rejects content that is not a project, or whose hash does not match', async () => {
    const { store, clock, folder } = setup();
    const { file, text } = sampleProject();
    const good = await store.create('auto', file, text);
    clock.advance(MINUTE);
    const tampered = await store.create('pre-recovery', file, text.replace('Shot 1', 'Shot X'));
    clock.advance(MINUTE);
    const notJson = await store.create('launch', file, text);
    await writeFile(join(folder, notJson.id), gzipSync('{"format": "shotcanvas.project", '));
    expect(await store.read(tampered.id)).toMatchObject({ ok: false, error: { code: 'INVALID_PROJECT_FILE', message: expect.stringMatching(/hash/) } });
    expect(await store.read(notJson.id)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PROJECT_FILE', message: expect.stringMatching(/not valid JSON/) },
    });
    expect(await store.newestValid()).toMatchObject({ ok: true, value: { entry: good } });
  });

  it('reports a backup from a newer app as NEWER_VERSION, and still lists it after a rebuild', async () => {
    const { store, open, index } = setup();
    const { file, text } = sampleProject({ envelope: { schemaVersion: 99, minReaderVersion: '99.0.0' } });
    const entry = await store.create('pre-migration', file, text);
    expect(await store.read(entry.id)).toMatchObject({ ok: false, error: { code: 'NEWER_VERSION' } });
    await rm(index);
    expect(await open().list()).toEqual([{ ...entry, note: null }]);
    expect(await store.newestValid()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('leaves unreadable files out of a rebuilt index and names them', async () => {
    const { store, open, index, folder } = setup();
    const { file, text } = sampleProject();
    const entry = await store.create('pre-import', file, text);
    await writeFile(join(folder, entry.id), 'junk');
    await rm(index);
    const fresh = open();
    expect(await fresh.list()).toEqual([]);
    expect(fresh.problems.join('\n')).toContain(entry.id);
    expect(await fresh.read(entry.id)).toMatchObject({ ok: false, error: { code: 'INVALID_PROJECT_FILE' } });
  });
});

describe('BackupStore pruning and safety', () => {
  it('prunes on create and deletes the files of dropped entries', async () => {
    const { store, clock, folder } = setup();
    const { file, text } = sampleProject();
    const launches = [];
    for (let i = 0; i < 12; i += 1) {
      launches.push(await store.create('launch', file, text));
      clock.advance(DAY);
    }
    const survivors = launches.slice(2).reverse();
    expect(await store.list()).toEqual(survivors);
    expect(await namesIn(folder)).toEqual([...survivors.map((e) => e.id).sort(), 'index.json']);
  });

  it('prune() drops pre-* backups after 30 days', async () => {
    const { store, clock, folder } = setup();
    const { file, text } = sampleProject();
    const old = await store.create('pre-import', file, text);
    const restore = await store.create('pre-restore', file, text);
    clock.advance(29 * DAY);
    expect(await store.prune()).toEqual([]);
    clock.advance(DAY);
    expect(await store.prune()).toEqual([old]);
    expect(await namesIn(folder)).toEqual([restore.id, 'index.json']);
  });

  it('serializes concurrent creates: 20 at once leave a valid index of 20', async () => {
    const { store, folder, index } = setup();
    const kinds: BackupKind[] = ['pre-migration', 'pre-import', 'pre-bulk-delete', 'pre-restore', 'pre-recovery'];
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const { file, text } = sampleProject({ revision: i % 3 });
        return store.create(kinds[i % kinds.length]!, file, text);
      }),
    );
    expect(new Set(made.map((e) => e.id)).size).toBe(20);
    const listed = await readIndex(index);
    expect(listed).toHaveLength(20);
    expect(new Set((listed as { id: string }[]).map((e) => e.id))).toEqual(new Set(made.map((e) => e.id)));
    expect(await namesIn(folder)).toHaveLength(21);
  });

  it('refuses ids that are not backup file names and deletes nothing', async () => {
    const { store } = setup();
    const { file, text } = sampleProject();
    await writeFile(join(tmp(), 'project.json'), text);
    await store.create('pre-import', file, text);
    const before = await snapshotTree(tmp());
    const bad = [
      '../project.json',
      '..',
      '',
      'index.json',
      'a/b.json.gz',
      '20250304T050607000Z_auto_r7.json.gz/../../project.json',
      '20250304T050607000Z_evil_r7.json.gz',
    ];
    for (const id of [...bad, 42 as unknown as string]) {
      expect(await store.remove(id)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(await store.read(id)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await store.read('20990101T000000000Z_auto_r1.json.gz')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await snapshotTree(tmp())).toEqual(before);
  });

  it('rejects create when the disk is full and leaves index.json as it was', async () => {
    const { store, open, folder, index, clock } = setup();
    const { file, text } = sampleProject();
    const first = await store.create('pre-import', file, text);
    const before = await readFile(index);
    const full = open(faultyFs({ rename: () => Promise.reject(fsError('ENOSPC', 'rename')) }));
    clock.advance(MINUTE);
    await expect(full.create('pre-import', file, text)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(index)).toEqual(before);
    expect(await namesIn(folder)).toEqual([first.id, 'index.json']);
    expect(await store.list()).toEqual([first]);
  });
});
