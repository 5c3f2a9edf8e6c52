import { randomBytes } from 'node:crypto';
import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { snapshotTree, useTempDir } from '../support/tempDir.ts';
import type { BundleFile } from './support/bundleFixtures.ts';
import { bundleBytes, expectRefused, importBytes, manifestFor, prepareImport, projectJsonEntry, runImport, sha256 } from './support/bundleFixtures.ts';
import { SYMLINK_ATTRIBUTES, storedEntry } from './support/rawZip.ts';

const tmp = useTempDir('shotcanvas-bundle-');
const MB = 1024 * 1024;

function baseFiles(): BundleFile[] {
  return [projectJsonEntry(), { name: 'media/a.png', content: randomBytes(100) }];
}

/** The entry named in a message: JSON-quoted, as the importer writes it. */
const named = (name: string) => new RegExp(JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

describe('importing a hand-built bundle', () => {
  it('accepts a well-formed one (the refusals below differ from it in one way each)', async () => {
    const root = tmp();
    const { result, parentDir } = await importBytes(root, bundleBytes(baseFiles()));
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    expect(result.ok && result.value.projectDir).toBe(join(parentDir, 'Night Shoot'));
  });
});

describe('importing a hostile bundle refuses it, names the entry and changes nothing', () => {
  it.each([
    '../evil',
    '../../evil',
    'media/../../evil',
    '/abs',
    '/tmp/evil',
    'C:\\x',
    'C:/x',
    'media\\..\\..\\evil',
    'media/a\u0000b.png',
    'media//x.png',
    'media/',
    'media/x:stream',
    'notes.txt',
    '.backups/x.json',
    'exports/cut.edl',
  ])('an entry named %j', async (name) => {
    const files = baseFiles();
    const evil = storedEntry(name, Buffer.from('evil'));
    await expectRefused(tmp(), bundleBytes(files, { extra: [evil] }), named(name));
    // Listed in the manifest too: still refused (the name check does not depend on the listing).
    const listed = [...files, { name, content: Buffer.from('evil') }];
    await expectRefused(tmp(), bundleBytes(files, { manifest: manifestFor(listed), extra: [evil] }), named(name));
  });

  it('an entry name over 1024 characters', async () => {
    const name = `media/${'x'.repeat(1100)}`;
    await expectRefused(tmp(), bundleBytes(baseFiles(), { extra: [storedEntry(name, Buffer.from('x'))] }), /longer than 1024/);
  });

  it('a symbolic link', async () => {
    const files = baseFiles();
    const link = { name: 'media/link.png', content: Buffer.from('/etc/passwd') };
    const bytes = bundleBytes([...files, link], { override: (n) => (n === link.name ? { externalAttributes: SYMLINK_ATTRIBUTES } : undefined) });
    await expectRefused(tmp(), bytes, /"media\/link\.png" is a symbolic link/);
  });

  it('a folder entry and other special files', async () => {
    const dir = storedEntry('media/sub/', Buffer.alloc(0), { externalAttributes: (0o040755 << 16) >>> 0 });
    await expectRefused(tmp(), bundleBytes(baseFiles(), { extra: [dir] }), /"media\/sub\/" has an empty path segment/);
    const fifo = storedEntry('media/pipe', Buffer.alloc(0), { externalAttributes: (0o010644 << 16) >>> 0 });
    await expectRefused(tmp(), bundleBytes(baseFiles(), { extra: [fifo] }), /"media\/pipe" is not a plain file/);
  });

  it('the same entry twice', async () => {
    const files = baseFiles();
    await expectRefused(tmp(), bundleBytes(files, { extra: [storedEntry('media/a.png', files[1]!.content)] }), /"media\/a\.png" appears twice/);
  });

  it('entries that differ only in case, Unicode form, or use a file as a folder', async () => {
    const pairs: Array<[string, string]> = [
      ['media/A.png', 'media/a.png'],
      ['media/\u00e9.png', 'media/e\u0301.png'],
      ['media/clip', 'media/clip/inner.png'],
    ];
    for (const [first, second] of pairs) {
      const files = [projectJsonEntry(), { name: first, content: Buffer.from('1') }, { name: second, content: Buffer.from('2') }];
      await expectRefused(tmp(), bundleBytes(files), new RegExp(`${named(first).source} and ${named(second).source} would become the same file`));
    }
  });

  it('an entry that inflates to more than its header says (a zip bomb), stopped while streaming', async () => {
    const bomb = Buffer.alloc(50 * MB);
    const files = [...baseFiles(), { name: 'media/bomb.bin', content: bomb.subarray(0, 1000) }];
    // The header and the manifest both claim 1000 bytes; the data inflates to 50 MB.
    const bytes = bundleBytes(files, {
      override: (n) => (n === 'media/bomb.bin' ? { method: 8, data: deflateRawSync(bomb), uncompressedSize: 1000 } : undefined),
    });
    const started = Date.now();
    await expectRefused(tmp(), bytes, /"media\/bomb\.bin"/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('an entry that compresses better than the ratio cap', async () => {
    const zeros = { name: 'media/zeros.bin', content: Buffer.alloc(20 * MB) };
    await expectRefused(tmp(), bundleBytes([...baseFiles(), zeros], { deflate: true }), /"media\/zeros\.bin" expands \d+ times \(above the 200:1 limit\)/);
    // The cap is per call: text that compresses ~4:1 passes by default and fails with a 2:1 cap.
    const text = { name: 'media/notes.txt', content: Buffer.from(Array.from({ length: 200_000 }, (_, i) => `line ${i % 977}\n`).join('')) };
    const bytes = bundleBytes([...baseFiles(), text], { deflate: true });
    await expectRefused(tmp(), bytes, /"media\/notes\.txt" expands \d+ times \(above the 2:1 limit\)/, { limits: { maxCompressionRatio: 2 } });
    expect((await importBytes(tmp(), bytes)).result.ok).toBe(true);
  });

  it('entries over the size caps, too many entries, an oversized project.json', async () => {
    const bytes = bundleBytes(baseFiles());
    const big = bundleBytes([projectJsonEntry(), { name: 'media/big.bin', content: randomBytes(20_000) }]);
    await expectRefused(tmp(), big, /"media\/big\.bin" is 20000 bytes, above the 19999 bytes limit/, { limits: { maxEntryBytes: 19_999 } });
    const project = projectJsonEntry();
    const cap = project.content.length - 1;
    expect(cap).toBeGreaterThan(1000); // larger than the manifest, which has the same cap
    await expectRefused(tmp(), bundleBytes([project]), new RegExp(`"project\\.json" is ${cap + 1} bytes, above the ${cap} bytes limit`), {
      limits: { maxJsonBytes: cap },
    });
    await expectRefused(tmp(), bytes, /has 3 entries, more than the 2/, { limits: { maxEntries: 2 } });
    await expectRefused(tmp(), bytes, /add up to more than the 500 bytes/, { limits: { maxTotalBytes: 500 } });
  });

  it('an encrypted entry or an unknown compression method', async () => {
    const encrypted = bundleBytes(baseFiles(), { deflate: true, override: (n) => (n === 'media/a.png' ? { flags: 1 } : undefined) });
    await expectRefused(tmp(), encrypted, /"media\/a\.png" is encrypted/);
    await expectRefused(
      tmp(),
      bundleBytes(baseFiles(), { override: (n) => (n === 'media/a.png' ? { method: 12 } : undefined) }),
      /"media\/a\.png" uses compression method 12/,
    );
  });

  it('a file that is not a zip, is empty, or is cut short', async () => {
    await expectRefused(tmp(), Buffer.from('just some text, not a bundle\n'), /not a Shotcanvas bundle/);
    await expectRefused(tmp(), Buffer.alloc(0), /not a Shotcanvas bundle/);
    const whole = bundleBytes(baseFiles());
    await expectRefused(tmp(), whole.subarray(0, Math.floor(whole.length / 2)), /not a Shotcanvas bundle|damaged/);
    // Data cut out of the middle while the directory at the end survives.
    const files = [projectJsonEntry(), { name: 'media/big.bin', content: randomBytes(100_000) }];
    const full = bundleBytes(files);
    const gutted = Buffer.concat([full.subarray(0, 60_000), full.subarray(70_000)]);
    await expectRefused(tmp(), gutted, /damaged/);
  });

  it('a missing, unreadable, foreign or newer manifest', async () => {
    const files = baseFiles();
    await expectRefused(tmp(), bundleBytes(files, { manifest: null }), /it has no shotcanvas-bundle\.json/);
    await expectRefused(tmp(), bundleBytes(files, { manifest: '{ nope' }), /not valid JSON/);
    await expectRefused(tmp(), bundleBytes(files, { manifest: manifestFor(files, { format: 'other.app' }) }), /not a Shotcanvas bundle.*other\.app/);
    await expectRefused(tmp(), bundleBytes(files, { manifest: manifestFor(files, { formatVersion: 9 }) }), /newer Shotcanvas/, {}, 'NEWER_VERSION');
    await expectRefused(tmp(), bundleBytes(files, { manifest: manifestFor(files, { extra: true }) }), /damaged manifest/);
  });

  it('a manifest that disagrees with the archive', async () => {
    const files = baseFiles();
    const extra = { name: 'media/b.png', content: Buffer.from('b') };
    await expectRefused(tmp(), bundleBytes([...files, extra], { manifest: manifestFor(files) }), /"media\/b\.png" is not listed in the bundle's manifest/);
    await expectRefused(tmp(), bundleBytes(files, { manifest: manifestFor([...files, extra]) }), /lists "media\/b\.png" but the archive does not contain it/);
    const lying = manifestFor(files);
    (lying['entries'] as Array<{ size: number }>)[1]!.size = 99;
    await expectRefused(tmp(), bundleBytes(files, { manifest: lying }), /"media\/a\.png" is 100 bytes in the archive but 99 bytes in the manifest/);
    await expectRefused(tmp(), bundleBytes([files[1]!], { manifest: manifestFor([files[1]!]) }), /no project\.json/);
  });

  it('media whose bytes were altered after the manifest was written', async () => {
    const files = baseFiles();
    const tampered = Buffer.from(files[1]!.content);
    tampered.writeUInt8(tampered.readUInt8(10) ^ 0xff, 10);
    const bytes = bundleBytes([files[0]!, { name: 'media/a.png', content: tampered }], { manifest: manifestFor(files) });
    expect(sha256(tampered)).not.toBe(sha256(files[1]!.content));
    await expectRefused(tmp(), bytes, /"media\/a\.png" does not match its checksum/);
  });

  it('a project.json that is not a valid project', async () => {
    const files = [{ name: 'project.json', content: Buffer.from('{"format":"shotcanvas.project"}') }, baseFiles()[1]!];
    const error = await expectRefused(tmp(), bundleBytes(files), /project\.json/, {}, 'INVALID_PROJECT_FILE');
    expect(JSON.stringify(error)).not.toContain('.import-');
  });

  it('a bundle path that is a folder', async () => {
    const root = tmp();
    await mkdir(join(root, 'folder.shotcanvas'));
    await mkdir(join(root, 'parent'));
    const before = await snapshotTree(root);
    const { result } = await importBytes(root, Buffer.alloc(0), { bundlePath: join(root, 'folder.shotcanvas') });
    expect(result.ok || result.error.message).toMatch(/is a folder/);
    expect(Object.keys(await snapshotTree(root)).filter((k) => !(k in before))).toEqual([
      'incoming',
      'incoming/bundle.shotcanvas',
      'parent/Existing',
      'parent/Existing/notes.txt',
    ]);
  });

  it('never writes through a link that already has the project name', async () => {
    const root = tmp();
    const { parentDir, bundlePath } = await prepareImport(root, bundleBytes(baseFiles()));
    await mkdir(join(root, 'elsewhere'));
    await symlink(join(root, 'elsewhere'), join(parentDir, 'Night Shoot'));
    const result = await runImport(bundlePath, parentDir);
    expect(result.ok && result.value.name).toBe('Night Shoot (2)');
    expect(await readdir(join(root, 'elsewhere'))).toEqual([]);
  });
});
