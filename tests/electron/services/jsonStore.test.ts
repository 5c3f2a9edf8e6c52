import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { JsonStore } from '../../../electron/services/jsonStore.ts';
import { faultyFs, flakyRename, fsError } from './support/faultyFs.ts';
import { namesIn, useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
const schema = z.object({ count: z.number().int(), label: z.string() });
type Doc = z.infer<typeof schema>;

function store(path = join(tmp(), 'doc.json'), fs = nodeFileSystem) {
  return new JsonStore<Doc>({ fs, path, schema, defaults: () => ({ count: 0, label: 'default' }) });
}

describe('JsonStore', () => {
  it('returns defaults without a problem when the file is missing, and creates nothing', async () => {
    expect(await store().load()).toEqual({ value: { count: 0, label: 'default' }, problem: null });
    expect(await namesIn(tmp())).toEqual([]);
  });

  it('saves pretty JSON atomically and loads it back in a new instance', async () => {
    await store().save({ count: 3, label: 'three' });
    expect(await readFile(join(tmp(), 'doc.json'), 'utf8')).toBe('{\n  "count": 3,\n  "label": "three"\n}\n');
    expect(await store().load()).toEqual({ value: { count: 3, label: 'three' }, problem: null });
    expect(await namesIn(tmp())).toEqual(['doc.json']);
  });

  it('creates missing parent folders on save', async () => {
    const path = join(tmp(), 'deep', 'er', 'doc.json');
    await store(path).save({ count: 1, label: 'x' });
    expect((await store(path).load()).value.count).toBe(1);
  });

  it('sets invalid JSON aside as *.invalid-<time>, uses defaults and says where and why', async () => {
    const path = join(tmp(), 'doc.json');
    await writeFile(path, '{"count": 3, "lab');
    const loaded = await store(path).load();
    expect(loaded.value).toEqual({ count: 0, label: 'default' });
    expect(loaded.problem).toContain(path);
    expect(loaded.problem).toMatch(/not valid JSON/);
    const names = await namesIn(tmp());
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^doc\.json\.invalid-\d+$/);
    expect(await readFile(join(tmp(), names[0]!), 'utf8')).toBe('{"count": 3, "lab');
  });

  it('sets aside content that fails the schema', async () => {
    await writeFile(join(tmp(), 'doc.json'), '{"count": "three", "label": "x"}');
    const loaded = await store().load();
    expect(loaded.value.count).toBe(0);
    expect(loaded.problem).toMatch(/invalid content/);
    expect((await namesIn(tmp()))[0]).toMatch(/^doc\.json\.invalid-/);
  });

  it('rejects a __proto__ key anywhere, even when the schema would accept the rest', async () => {
    await writeFile(join(tmp(), 'doc.json'), '{"count": 1, "label": "x", "__proto__": {"polluted": true}}');
    const loaded = await store().load();
    expect(loaded.value).toEqual({ count: 0, label: 'default' });
    expect(loaded.problem).toContain('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await namesIn(tmp()))[0]).toMatch(/^doc\.json\.invalid-/);
  });

  it('reports a read error other than "missing" without setting anything aside', async () => {
    await writeFile(join(tmp(), 'doc.json'), '{"count": 1, "label": "x"}');
    const fs = faultyFs({ readFile: (() => Promise.reject(fsError('EACCES', 'open'))) as never });
    const loaded = await store(join(tmp(), 'doc.json'), fs).load();
    expect(loaded.value.count).toBe(0);
    expect(loaded.problem).toMatch(/Could not read .*doc\.json/);
    expect(await namesIn(tmp())).toEqual(['doc.json']);
  });

  it('serializes quick successive saves: the last one wins', async () => {
    const s = store();
    await Promise.all([1, 2, 3, 4, 5].map((count) => s.save({ count, label: `v${count}` })));
    expect((await store().load()).value.count).toBe(5);
    expect(await namesIn(tmp())).toEqual(['doc.json']);
  });

  it('a failed save rejects, keeps the previous file, and does not block later saves', async () => {
    await store().save({ count: 1, label: 'one' });
    const { rename } = flakyRename('ENOSPC', 1);
    const s = store(join(tmp(), 'doc.json'), faultyFs({ rename }));
    await expect(s.save({ count: 2, label: 'two' })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect((await store().load()).value.count).toBe(1);
    await s.save({ count: 3, label: 'three' });
    expect((await store().load()).value.count).toBe(3);
    expect(await namesIn(tmp())).toEqual(['doc.json']);
  });

  it('a folder in place of the file is reported, not thrown', async () => {
    await mkdir(join(tmp(), 'doc.json'));
    const loaded = await store().load();
    expect(loaded.value.count).toBe(0);
    expect(loaded.problem).not.toBeNull();
  });
});
