import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_LIMITS,
  bundleLimits,
  buildManifest,
  checkEntryName,
  exceedsCompressionRatio,
  findNameClash,
  parseManifest,
  unixEntryType,
} from '../../../../electron/services/bundle/bundleFormat.ts';
import { BundleFailure, MeterStream, sink } from '../../../../electron/services/bundle/bundleStreams.ts';
import { baseNameFor, candidateName } from '../../../../electron/services/bundle/importFinish.ts';
import { FIXED_NOW } from '../support/projectData.ts';
import { manifestFor, projectJsonEntry } from './support/bundleFixtures.ts';

describe('checkEntryName', () => {
  it.each(['shotcanvas-bundle.json', 'project.json', 'media/a.png', 'media/ab/cd/clip one.mp4', 'media/ünïcode é.mov', 'media/.hidden', 'media/x..y'])(
    'accepts %j',
    (name) => {
      expect(checkEntryName(name)).toEqual({ ok: true, value: name });
    },
  );

  it.each([
    ['', /empty name/],
    ['../evil', /climbs out/],
    ['media/../../evil', /climbs out/],
    ['media/..', /climbs out/],
    ['/abs', /absolute path/],
    ['/media/a.png', /absolute path/],
    ['C:\\x', /backslash/],
    ['C:/x', /drive letter/],
    ['c:media/x', /drive letter/],
    ['media\\a.png', /backslash/],
    ['media//a.png', /empty path segment/],
    ['media/', /empty path segment/],
    ['media/./a.png', /empty path segment/],
    ['media/a\u0000.png', /control characters/],
    ['media/a\n.png', /control characters/],
    ['media/a\u0085.png', /control characters/],
    ['media/a:stream', /not allowed in file names/],
    ['media/what?.png', /not allowed in file names/],
    ['media/CON', /reserved Windows device name/],
    ['media/nul.txt', /reserved Windows device name/],
    ['media/trailing.', /ending in a dot or space/],
    ['media/trailing ', /ending in a dot or space/],
    ['media', /outside what a bundle may hold/],
    ['notes.txt', /outside what a bundle may hold/],
    ['Project.json', /outside what a bundle may hold/],
    ['Media/a.png', /outside what a bundle may hold/],
    ['exports/cut.edl', /outside what a bundle may hold/],
    ['.backups/x.json', /outside what a bundle may hold/],
    [`media/${'x'.repeat(1100)}`, /longer than 1024/],
  ])('rejects %j', (name, pattern) => {
    const result = checkEntryName(name);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_ARGUMENT');
      expect(result.error.message).toMatch(pattern);
      if (name.length > 0 && name.length < 100) expect(result.error.message).toContain(JSON.stringify(name));
    }
  });

  it('rejects values that are not strings', () => {
    expect(checkEntryName(42).ok).toBe(false);
    expect(checkEntryName(null).ok).toBe(false);
  });
});

describe('findNameClash', () => {
  it('finds exact, case, Unicode-form and file-versus-folder clashes', () => {
    expect(findNameClash(['media/a.png', 'media/b.png', 'project.json'])).toBeNull();
    expect(findNameClash(['media/a.png', 'media/a.png'])).toEqual({ first: 'media/a.png', second: 'media/a.png' });
    expect(findNameClash(['media/A.png', 'media/a.png'])).toEqual({ first: 'media/A.png', second: 'media/a.png' });
    expect(findNameClash(['media/\u00e9.png', 'media/e\u0301.png'])).not.toBeNull();
    expect(findNameClash(['media/a', 'media/a/b'])).not.toBeNull();
    expect(findNameClash(['media/A/b', 'media/a'])).not.toBeNull();
    expect(findNameClash(['media/a/b', 'media/a/c'])).toBeNull();
  });
});

describe('manifest', () => {
  const where = '/tmp/x.shotcanvas';
  const valid = () => manifestFor([projectJsonEntry()]);

  it('round-trips what buildManifest writes', () => {
    const manifest = buildManifest('9b2f4c1e-0d7a-4f59-8a55-3c0e6f1b2a10', 'Film', FIXED_NOW, [{ path: 'project.json', size: 3, sha256: 'a'.repeat(64) }]);
    expect(parseManifest(JSON.stringify(manifest), where)).toEqual({ ok: true, value: manifest });
    expect(parseManifest(JSON.stringify(valid()), where).ok).toBe(true);
  });

  it.each([
    ['not JSON', 'nope', 'INVALID_ARGUMENT', /not valid JSON/],
    ['an array', '[]', 'INVALID_ARGUMENT', /does not hold an object/],
    ['another format', JSON.stringify({ ...valid(), format: 'zip.of.things' }), 'INVALID_ARGUMENT', /not a Shotcanvas bundle.*zip\.of\.things/],
    ['a newer version', JSON.stringify({ ...valid(), formatVersion: 2 }), 'NEWER_VERSION', /newer Shotcanvas.*bundle format 2/],
    ['version 0', JSON.stringify({ ...valid(), formatVersion: 0 }), 'INVALID_ARGUMENT', /formatVersion/],
    ['an unknown key', JSON.stringify({ ...valid(), extra: 1 }), 'INVALID_ARGUMENT', /damaged manifest/],
    ['a bad hash', JSON.stringify({ ...valid(), entries: [{ path: 'project.json', size: 1, sha256: 'xyz' }] }), 'INVALID_ARGUMENT', /entries\[0\]\.sha256/],
    ['a negative size', JSON.stringify({ ...valid(), entries: [{ path: 'project.json', size: -1, sha256: 'a'.repeat(64) }] }), 'INVALID_ARGUMENT', /size/],
    ['a __proto__ key', '{"format":"shotcanvas.bundle","formatVersion":1,"__proto__":{}}', 'INVALID_ARGUMENT', /__proto__/],
  ])('refuses %s', (_label, text, code, pattern) => {
    const result = parseManifest(text, where);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(where);
      expect(result.error.message).toMatch(pattern);
    }
  });
});

describe('limits and entry types', () => {
  it('has the documented defaults and per-call overrides', () => {
    expect(BUNDLE_LIMITS).toEqual({
      maxEntries: 100_000,
      maxEntryBytes: 16 * 2 ** 30,
      maxTotalBytes: 64 * 2 ** 30,
      maxJsonBytes: 512 * 2 ** 20,
      maxCompressionRatio: 200,
      ratioThresholdBytes: 2 ** 20,
    });
    expect(bundleLimits({ maxEntries: 3 })).toEqual({ ...BUNDLE_LIMITS, maxEntries: 3 });
  });

  it('applies the ratio cap only above the threshold', () => {
    expect(exceedsCompressionRatio(2 ** 20, 1, BUNDLE_LIMITS)).toBe(false);
    expect(exceedsCompressionRatio(2 ** 20 + 1, 2 ** 20 / 200 + 1, BUNDLE_LIMITS)).toBe(false);
    expect(exceedsCompressionRatio(20 * 2 ** 20, 20 * 2 ** 10, BUNDLE_LIMITS)).toBe(true);
    expect(exceedsCompressionRatio(20 * 2 ** 20, 0, BUNDLE_LIMITS)).toBe(true);
  });

  it('reads the Unix type from external attributes', () => {
    expect(unixEntryType(0)).toBe('none');
    expect(unixEntryType((0o100644 << 16) >>> 0)).toBe('file');
    expect(unixEntryType((0o120777 << 16) >>> 0)).toBe('symlink');
    expect(unixEntryType((0o040755 << 16) >>> 0)).toBe('other');
  });
});

describe('MeterStream', () => {
  const signal = new AbortController().signal;

  it('stops a stream the moment it passes its byte cap', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65536;
        this.push(Buffer.alloc(65536));
      },
    });
    const meter = new MeterStream({ maxBytes: 100_000, tooLarge: (n) => `too large at ${n}`, signal });
    await expect(pipeline(endless, meter, sink(null))).rejects.toThrow(/too large at 131072/);
    expect(produced).toBeLessThan(1_000_000);
  });

  it('checks size and hash at the end when told what to expect', async () => {
    const mismatch = () => new BundleFailure('INVALID_ARGUMENT', 'mismatch');
    const run = (data: string, size: number, sha256: string) => {
      const source = new PassThrough();
      source.end(data);
      return pipeline(source, new MeterStream({ maxBytes: 100, tooLarge: () => 'big', signal, expect: { size, sha256, mismatch } }), sink(null));
    };
    const abcHash = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    await expect(run('abc', 3, abcHash)).resolves.toBeUndefined();
    await expect(run('abd', 3, abcHash)).rejects.toThrow('mismatch');
    await expect(run('ab', 3, abcHash)).rejects.toThrow('mismatch');
  });
});

describe('import names', () => {
  it('numbers taken names and keeps them valid', () => {
    expect(candidateName('Film', 1)).toBe('Film');
    expect(candidateName('Film', 2)).toBe('Film (2)');
    const long = 'x'.repeat(120);
    expect(candidateName(long, 12)).toBe(`${'x'.repeat(115)} (12)`);
  });

  it('falls back from a bad bundle name to the file name, but refuses a bad requested name', () => {
    expect(baseNameFor(undefined, 'Good name', '/a/b.shotcanvas')).toBe('Good name');
    expect(baseNameFor(undefined, 'bad/name', '/a/From File.shotcanvas')).toBe('From File');
    expect(baseNameFor(undefined, 'CON', '/a/..shotcanvas')).toBe('Imported project');
    expect(() => baseNameFor('a/b', 'Good', '/a/b.shotcanvas')).toThrow(/cannot contain "\/"/);
  });
});
