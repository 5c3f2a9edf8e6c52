import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importProjectBundle } from '../../../../electron/services/bundle/bundleImport.ts';
import { isResult } from '../../../../shared/result.ts';
import { snapshotTree, useTempDir } from '../support/tempDir.ts';
import type { BundleFile } from './support/bundleFixtures.ts';
import { bundleBytes, manifestFor, now, plentyOfSpace, projectJsonEntry } from './support/bundleFixtures.ts';
import { SYMLINK_ATTRIBUTES } from './support/rawZip.ts';

const tmp = useTempDir('shotcanvas-bundle-prop-');

/** Path fragments that have broken extractors before: traversal, roots, drives, case, Unicode forms, devices. */
const NASTY = [
  '..',
  '.',
  '',
  'media',
  'Media',
  'project.json',
  'shotcanvas-bundle.json',
  'a',
  'A',
  'a.png',
  '\\',
  '..\\..',
  'C:',
  'c:\\windows',
  '\u0000',
  'e\u0301',
  '\u00e9',
  'CON',
  'x.',
  ' ',
  '%2e%2e',
  '~',
  '.import-x.sctmp-dir',
  '\u202e',
];

const nameArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/')),
  fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 4 }).map((parts) => `media/${parts.join('/')}`),
  fc.constantFrom('media/a.png', 'media/b/c.mov', '/etc/passwd', '../../outside.txt'),
);

const entryArb = fc.record({
  name: nameArb,
  content: fc.uint8Array({ maxLength: 300 }),
  deflate: fc.boolean(),
  symlink: fc.boolean(),
  claimedSize: fc.option(fc.nat({ max: 5000 }), { nil: undefined }),
});

/** Plain, valid entries, so that some archives are well-formed and the success path is exercised too. */
const goodEntryArb = fc.record({
  name: fc.constantFrom('media/a.png', 'media/b/c.mov', 'media/d e.txt', 'media/ü.png'),
  content: fc.uint8Array({ maxLength: 300 }),
  deflate: fc.boolean(),
  symlink: fc.constant(false),
  claimedSize: fc.constant(undefined),
});

/** `value` in one case out of `oneIn`, undefined otherwise. */
const sometimes = <T>(value: fc.Arbitrary<T>, oneIn: number) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: oneIn - 1 }, { arbitrary: value, weight: 1 });

const bundleArb = fc.record({
  entries: fc.array(fc.oneof({ arbitrary: entryArb, weight: 1 }, { arbitrary: goodEntryArb, weight: 2 }), { maxLength: 5 }),
  withProject: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  manifest: fc.constantFrom('exact', 'exact', 'exact', 'none', 'garbage'),
  truncateAt: sometimes(fc.double({ min: 0, max: 1, noNaN: true }), 6),
  rawBytes: sometimes(fc.uint8Array({ maxLength: 400 }), 6),
});

type BundleCase = typeof bundleArb extends fc.Arbitrary<infer T> ? T : never;

function bytesOf(c: BundleCase): Buffer {
  if (c.rawBytes) return Buffer.from(c.rawBytes);
  const files: BundleFile[] = c.entries.map((e) => ({ name: e.name, content: Buffer.from(e.content) }));
  if (c.withProject) files.unshift(projectJsonEntry());
  const byName = new Map(c.entries.map((e) => [e.name, e]));
  const bytes = bundleBytes(files, {
    manifest: c.manifest === 'exact' ? manifestFor(files) : c.manifest === 'none' ? null : '{"format":"shotcanvas.bundle","formatVersion":1,"entries":"x"}',
    deflate: c.entries.some((e) => e.deflate),
    override: (name) => {
      const e = byName.get(name);
      if (!e) return undefined;
      return { ...(e.symlink ? { externalAttributes: SYMLINK_ATTRIBUTES } : {}), ...(e.claimedSize !== undefined ? { uncompressedSize: e.claimedSize } : {}) };
    },
  });
  return c.truncateAt === undefined ? bytes : bytes.subarray(0, Math.floor(bytes.length * c.truncateAt));
}

describe('importProjectBundle on arbitrary archives', () => {
  it('never throws and never writes outside the new project folder', async () => {
    const root = tmp();
    let run = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(bundleArb, async (c) => {
        run += 1;
        const dir = join(root, `run-${run}`);
        const parentDir = join(dir, 'parent');
        const bundlePath = join(dir, 'in.shotcanvas');
        await mkdir(join(parentDir, 'Existing'), { recursive: true });
        await writeFile(join(parentDir, 'Existing', 'keep.txt'), 'keep');
        await writeFile(bundlePath, bytesOf(c));
        const before = await snapshotTree(root);

        let result: unknown;
        try {
          result = await importProjectBundle({
            bundlePath,
            parentDir,
            signal: new AbortController().signal,
            freeSpace: plentyOfSpace,
            now,
            limits: { maxEntries: 50 },
          });
        } catch (error) {
          throw new Error(`importProjectBundle threw: ${String(error)}`, { cause: error });
        }
        expect(isResult(result)).toBe(true);
        const after = await snapshotTree(root);
        const added = Object.keys(after).filter((k) => !(k in before));
        const changed = Object.keys(before).filter((k) => after[k] !== before[k]);
        expect(changed).toEqual([]);
        const typed = result as Awaited<ReturnType<typeof importProjectBundle>>;
        if (typed.ok) {
          imported += 1;
          const prefix = `run-${run}/parent/${typed.value.name}`;
          expect(typed.value.projectDir).toBe(join(root, prefix));
          expect(added.every((k) => k === prefix || k.startsWith(`${prefix}/`))).toBe(true);
        } else {
          expect(added).toEqual([]);
          expect(typed.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 50 },
    );
    // The generator reaches both outcomes often enough to matter; log it for whoever tunes it.
    expect(run).toBe(50);
    console.info(`bundle property: ${imported}/${run} archives imported, the rest refused`);
  });
});
