import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import type { ImageImportInput } from '../../../../electron/services/media/imageImport.ts';
import { MAX_FRAME_IMAGE_BYTES, importImageBytes } from '../../../../electron/services/media/imageImport.ts';
import { MEDIA_PATH_PATTERN, frameRefSchema } from '../../../../shared/model/media.ts';
import { faultyFs, flakyRename, openWithFailingHandle } from '../support/faultyFs.ts';
import { expectErr, expectOk } from '../support/library.ts';
import { namesIn, snapshotTree, useTempDir } from '../support/tempDir.ts';
import { gifBytes, jpegBytes, pngBytes, pngHeaderOnly, webpBytes } from './support/imageBytes.ts';

const tmp = useTempDir('shotcanvas-media-');
let projectDir: string;

beforeEach(async () => {
  projectDir = join(tmp(), 'Night Shoot');
  await mkdir(projectDir);
  await writeFile(join(projectDir, 'project.json'), '{}');
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const plenty = () => Promise.resolve(1e12);
const importAs = (fileName: string, bytes: Uint8Array, extra: Partial<ImageImportInput> = {}) =>
  importImageBytes({ fs: nodeFileSystem, projectDir, fileName, bytes, freeSpace: plenty, ...extra });

describe('importImageBytes: stores an image', () => {
  it('writes a PNG to media/<first 16 hex of its sha256>/<its name> and describes it', async () => {
    const bytes = pngBytes(32, 18);
    const hash = sha256(bytes);
    const frame = expectOk(await importAs('Shot 01 – wide.png', bytes));
    expect(frame).toEqual({ hash, path: `media/${hash.slice(0, 16)}/Shot 01 – wide.png`, width: 32, height: 18, mime: 'image/png' });
    expect(frame.path).toMatch(MEDIA_PATH_PATTERN);
    expect(frameRefSchema.safeParse(frame).success).toBe(true);
    expect(new Uint8Array(await readFile(join(projectDir, frame.path)))).toEqual(new Uint8Array(bytes));
    // Nothing else: no temp file left beside it.
    expect(await namesIn(join(projectDir, 'media', hash.slice(0, 16)))).toEqual(['Shot 01 – wide.png']);
  });

  it.each([
    ['JPEG', 'board.jpg', jpegBytes(640, 360), { width: 640, height: 360, mime: 'image/jpeg' }],
    ['WebP', 'board.webp', webpBytes(1920, 1080), { width: 1920, height: 1080, mime: 'image/webp' }],
    ['GIF', 'board.gif', gifBytes(320, 240), { width: 320, height: 240, mime: 'image/gif' }],
  ])('reads the size and type of a %s from its header', async (_kind, name, bytes, expected) => {
    const frame = expectOk(await importAs(name, bytes));
    expect(frame).toMatchObject({ ...expected, path: `media/${sha256(bytes).slice(0, 16)}/${name}` });
  });

  it('reports a JPEG rotated by its EXIF orientation the way it is displayed (sides swapped)', async () => {
    expect(expectOk(await importAs('portrait.jpg', jpegBytes(4000, 3000, 6)))).toMatchObject({ width: 3000, height: 4000 });
    expect(expectOk(await importAs('upright.jpg', jpegBytes(4000, 3000, 1)))).toMatchObject({ width: 4000, height: 3000 });
  });

  it('stores the same image once: again, and under another name, it returns the first reference', async () => {
    const bytes = pngBytes(8, 8, 3);
    const first = expectOk(await importAs('frame A.png', bytes));
    const again = expectOk(await importAs('frame A.png', bytes));
    const renamed = expectOk(await importAs('C:\\Downloads\\totally different.png', bytes));
    expect(again).toEqual(first);
    expect(renamed).toEqual(first);
    expect(await namesIn(join(projectDir, 'media'))).toEqual([first.hash.slice(0, 16)]);
    expect(await namesIn(join(projectDir, 'media', first.hash.slice(0, 16)))).toEqual(['frame A.png']);
  });

  it('stores the same image once when two imports of it run at the same time', async () => {
    const bytes = pngBytes(8, 8, 4);
    const [a, b] = await Promise.all([importAs('one.png', bytes), importAs('two.png', bytes)]);
    expect(expectOk(b)).toEqual(expectOk(a));
    expect(await namesIn(join(projectDir, 'media', sha256(bytes).slice(0, 16)))).toHaveLength(1);
  });

  it('keeps a different file that already holds the wanted name, storing the new one beside it', async () => {
    const bytes = pngBytes(8, 8, 5);
    const folder = join(projectDir, 'media', sha256(bytes).slice(0, 16));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'frame.png'), 'someone else put this here');
    const frame = expectOk(await importAs('frame.png', bytes));
    expect(frame.path.endsWith('/frame (2).png')).toBe(true);
    // Importing the same bytes again finds the stored copy, whatever the case of the name.
    expect(expectOk(await importAs('FRAME.png', bytes)).path).toBe(frame.path);
    expect(await readFile(join(folder, 'frame.png'), 'utf8')).toBe('someone else put this here');
  });

  it('treats names that differ only in case as taken (one file on Windows and macOS, and in a bundle)', async () => {
    const bytes = pngBytes(8, 8, 8);
    const folder = join(projectDir, 'media', sha256(bytes).slice(0, 16));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'Frame.PNG'), 'another file');
    expect(expectOk(await importAs('frame.png', bytes)).path.endsWith('/frame (2).png')).toBe(true);
    expect(await readFile(join(folder, 'Frame.PNG'), 'utf8')).toBe('another file');
  });

  it('names the file by its real type when the extension lies or is missing', async () => {
    const jpeg = expectOk(await importAs('actually-a-jpeg.png', jpegBytes(10, 10)));
    expect(jpeg.mime).toBe('image/jpeg');
    expect(jpeg.path.endsWith('/actually-a-jpeg.jpg')).toBe(true);
    expect(expectOk(await importAs('scan', pngBytes(4, 4, 6))).path.endsWith('/scan.png')).toBe(true);
    expect(expectOk(await importAs('.png', pngBytes(4, 4, 7))).path.endsWith('/png.png')).toBe(true);
  });
});

describe('importImageBytes: file names are made safe', () => {
  it.each([
    ['../../evil.png', 'evil.png'],
    ['..\\..\\Windows\\evil.png', 'evil.png'],
    ['..', 'frame.png'],
    ['CON.png', '_CON.png'],
    ['lpt1.png', '_lpt1.png'],
    ['aux.final.png', '_aux.final.png'],
    ['a<b>:c"d|e?f*.png', 'a_b__c_d_e_f_.png'],
    ['tab\there\u0000.png', 'tabhere.png'],
    ['gnp.\u202eexe.png', 'gnp.exe.png'],
    ['trailing dots... .png', 'trailing dots.png'],
    ['  spaced  .png', 'spaced.png'],
    ['IMG_0042.PNG', 'IMG_0042.PNG'],
  ])('%j is stored as %j, inside its media folder', async (given, stored) => {
    const bytes = pngBytes(4, 4, given.length);
    const frame = expectOk(await importAs(given, bytes));
    expect(frame.path).toBe(`media/${sha256(bytes).slice(0, 16)}/${stored}`);
    expect(frame.path).toMatch(MEDIA_PATH_PATTERN);
    expect(await readFile(join(projectDir, frame.path))).toEqual(bytes);
    // Nothing landed outside media/.
    expect((await readdir(projectDir)).sort()).toEqual(['media', 'project.json']);
  });

  it('caps long names (120 UTF-8 bytes) without splitting a character, keeping the extension', async () => {
    const frame = expectOk(await importAs(`${'東京'.repeat(100)}.png`, pngBytes(4, 4, 9)));
    const name = frame.path.split('/')[2]!;
    expect(name.endsWith('.png')).toBe(true);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(120);
    expect(name.startsWith('東京東京')).toBe(true);
    expect(name).not.toContain('\uFFFD');
  });
});

describe('importImageBytes: refusals leave the project folder as it was', () => {
  const refusals: Array<[string, string, () => Uint8Array, string, RegExp]> = [
    ['a text file named .png', 'notes.png', () => Buffer.from('just some notes, not a picture\n'), 'INVALID_ARGUMENT', /is not an image/],
    ['a zero-byte file', 'empty.png', () => new Uint8Array(0), 'INVALID_ARGUMENT', /is empty \(0 bytes\)/],
    ['a PNG cut right after its signature', 'cut.png', () => pngBytes(8, 8).subarray(0, 8), 'INVALID_ARGUMENT', /ends right after the PNG signature/],
    ['a PNG cut inside its header', 'cut2.png', () => pngBytes(8, 8).subarray(0, 20), 'INVALID_ARGUMENT', /damaged or incomplete/],
    [
      'a PNG whose header checksum is wrong',
      'bad-crc.png',
      () => {
        const b = Buffer.from(pngBytes(8, 8));
        b[20] = 0x7f; // height byte changed, CRC not updated
        return b;
      },
      'INVALID_ARGUMENT',
      /fails its checksum/,
    ],
    ['a PNG wider than 65,535 pixels', 'huge.png', () => pngHeaderOnly(70_000, 10), 'NOT_SUPPORTED', /70000 × 10 pixels.*at most 65535/],
    ['a PNG with a zero width', 'zero.png', () => pngHeaderOnly(0, 10), 'INVALID_ARGUMENT', /no usable size/],
    ['a JPEG without a size', 'nosize.jpg', () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9]), 'INVALID_ARGUMENT', /header cannot be read/],
    ['a WebP cut short', 'cut.webp', () => webpBytes(100, 100, 5000), 'INVALID_ARGUMENT', /cut short/],
    [
      'a TIFF',
      'scan.png',
      () => Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.alloc(60)]),
      'NOT_SUPPORTED',
      /is a TIFF image.*PNG, JPEG, WebP and GIF/,
    ],
    [
      'a HEIC photo',
      'IMG_1234.HEIC',
      () => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic', 'latin1'), Buffer.alloc(40)]),
      'NOT_SUPPORTED',
      /HEIC/,
    ],
    ['an SVG', 'logo.svg', () => Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'NOT_SUPPORTED', /is a SVG image/],
  ];

  it.each(refusals)('refuses %s with a message naming the file', async (_what, name, bytes, code, pattern) => {
    await mkdir(join(projectDir, 'media', '0123456789abcdef'), { recursive: true });
    await writeFile(join(projectDir, 'media', '0123456789abcdef', 'earlier.png'), pngBytes(2, 2));
    const before = await snapshotTree(projectDir);
    const error = expectErr(await importAs(name, bytes()), code as never, pattern, `"${name}"`);
    expect(error.message.length).toBeLessThan(400);
    expect(await snapshotTree(projectDir)).toEqual(before);
  });

  it('refuses a file over the size cap (64 MiB by default) before looking at it', async () => {
    expect(MAX_FRAME_IMAGE_BYTES).toBe(64 * 1024 * 1024);
    const before = await snapshotTree(projectDir);
    expectErr(
      await importAs('huge.png', new Uint8Array(MAX_FRAME_IMAGE_BYTES + 1)),
      'INVALID_ARGUMENT',
      /"huge.png" is over 64 MB; storyboard frames can be at most 64 MB/,
    );
    expectErr(await importAs('big.png', pngBytes(64, 64), { maxBytes: 100 }), 'INVALID_ARGUMENT', /"big.png" is .*at most 100 B/);
    expect(await snapshotTree(projectDir)).toEqual(before);
  });

  it('refuses when the disk is too full, creating nothing', async () => {
    const before = await snapshotTree(projectDir);
    const error = expectErr(
      await importAs('a.png', pngBytes(4, 4), { freeSpace: () => Promise.resolve(1024) }),
      'NO_SPACE',
      /Could not import "a.png"/,
      /Not enough free disk space/,
    );
    expect(error.where).toBe(projectDir);
    expect(await snapshotTree(projectDir)).toEqual(before);
  });

  it('ENOSPC on the final rename: NO_SPACE, and neither media/ nor its subfolder is left behind', async () => {
    const { rename, calls } = flakyRename('ENOSPC', 99);
    const fs = faultyFs({ rename });
    const before = await snapshotTree(projectDir);
    expectErr(await importAs('frame.png', pngBytes(4, 4), { fs }), 'NO_SPACE', /disk is full/, /"frame.png"/);
    expect(calls.length).toBeGreaterThan(0);
    expect(await snapshotTree(projectDir)).toEqual(before);
  });

  it('a failed write into an existing media/ removes only the subfolder it created', async () => {
    const earlier = expectOk(await importAs('earlier.png', pngBytes(4, 4, 1)));
    const before = await snapshotTree(projectDir);
    const fs = faultyFs({ open: openWithFailingHandle('writeFile', 'EIO', (p) => p.endsWith('.sctmp')) });
    expectErr(await importAs('new.png', pngBytes(4, 4, 2), { fs }), 'IO_ERROR', /Could not save "new.png"/);
    expect(await snapshotTree(projectDir)).toEqual(before);
    expect(await readFile(join(projectDir, earlier.path))).toEqual(pngBytes(4, 4, 1));
  });

  it('refuses a media/ folder that is a link leading outside the project, writing nothing there', async () => {
    const outside = join(tmp(), 'outside');
    await mkdir(outside);
    await symlink(outside, join(projectDir, 'media'));
    expectErr(await importAs('a.png', pngBytes(4, 4)), 'FORBIDDEN', /leads outside the project folder/);
    expect(await readdir(outside)).toEqual([]);
  });

  it('says NOT_FOUND when the project folder is gone', async () => {
    expectErr(
      await importImageBytes({ fs: nodeFileSystem, projectDir: join(tmp(), 'missing'), fileName: 'a.png', bytes: pngBytes(2, 2), freeSpace: plenty }),
      'NOT_FOUND',
    );
    expect(await namesIn(tmp())).toEqual(['Night Shoot']);
  });
});
