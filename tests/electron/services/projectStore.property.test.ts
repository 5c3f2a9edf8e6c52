import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ShotId } from '../../../shared/ids.ts';
import type { ShotRecord } from '../../../shared/model/shot.ts';
import { expectOk } from './support/library.ts';
import { projectData, shot } from './support/projectData.ts';
import { JOURNAL_ONLY, change, openStore, writeProject } from './support/storeFixture.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir('shotcanvas-store-property-');

/** A small pool of ids, so random puts and deletes hit the same records again and again. */
const IDS = Array.from({ length: 6 }, (_, i) => `0000000${i}-aaaa-4bbb-8ccc-dddddddddddd` as ShotId);

const putArb = fc.record({ id: fc.constantFrom(...IDS), title: fc.string({ maxLength: 30 }), x: fc.integer({ min: -5000, max: 5000 }), order: fc.constantFrom('a0', 'a1', 'b') });
const changeArb = fc.record({
  puts: fc.uniqueArray(putArb, { maxLength: 3, selector: (p) => p.id }),
  deletes: fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 2 }),
});

const byOrderThenId = (a: ShotRecord, b: ShotRecord) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1);

describe('ProjectStore against a plain Map (property)', () => {
  it('applying random change sets, then reopening from disk, gives the same document and tombstones as the model', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(1, 2, 3, Number.MAX_SAFE_INTEGER),
        fc.uniqueArray(fc.constantFrom(...IDS), { maxLength: 3 }),
        async (changes, maxJournalEntries, initialIds) => {
          const dir = await mkdtemp(join(tmp(), 'run-'));
          const initial = initialIds.map((id) => shot({ id, order: 'a0', title: 'initial' }));
          await writeProject(dir, projectData(initial));
          const model = new Map<string, ShotRecord>(initial.map((s) => [s.id, s]));
          const tombstoned = new Set<string>();
          const { store } = await openStore(dir, { policy: { ...JOURNAL_ONLY, maxJournalEntries } });
          for (const [index, c] of changes.entries()) {
            const puts = c.puts.map((p) => shot({ ...p, rev: index }));
            expectOk(await store.applyChanges(change(index, puts, c.deletes)));
            // The store's rule: deletes first, then puts (a record both put and deleted is kept).
            for (const id of c.deletes) {
              if (model.delete(id)) tombstoned.add(id);
            }
            for (const p of puts) {
              model.set(p.id, p);
              tombstoned.delete(p.id);
            }
          }
          const expectedShots = [...model.values()].sort(byOrderThenId);
          expect(store.documentData().shots).toEqual(expectedShots);
          // A crash here (no close): reopen from what is on disk.
          const reopened = await openStore(dir, { policy: JOURNAL_ONLY });
          expect(reopened.store.revision).toBe(changes.length);
          expect(reopened.store.documentData().shots).toEqual(expectedShots);
          expect(reopened.store.currentFile().data.tombstones.map((t) => t.id).sort()).toEqual([...tombstoned].sort());
        },
      ),
      { numRuns: 30 },
    );
  });
});
