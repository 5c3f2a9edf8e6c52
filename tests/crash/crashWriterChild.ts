/**
 * The process the crash test kills: opens the project like the app does (sweep, validate, replay
 * the journal) and saves scripted changes as fast as it can, printing "ack <revision>" after
 * each one is acknowledged (stdout to a pipe is synchronous on Linux and macOS, so a printed ack
 * really happened before any later kill).
 */
import { nodeFileSystem } from '../../electron/services/fileSystem.ts';
import type { CompactionPolicy } from '../../electron/services/projectStore.ts';
import { ProjectStore } from '../../electron/services/projectStore.ts';
import { readProjectFileDetailed } from '../../electron/services/projectFolder.ts';
import { sweepTempFiles } from '../../electron/services/atomicWrite.ts';
import { changeFor } from './changeScript.ts';

const [dir, mode] = process.argv.slice(2);
if (!dir || (mode !== 'full' && mode !== 'journal')) {
  process.stderr.write('usage: crashWriterChild.ts <project-dir> full|journal\n');
  process.exit(2);
}

// 'full' rewrites project.json after every save (small projects); 'journal' appends and compacts
// every few entries (large projects), so both write paths get killed mid-way.
const policy: CompactionPolicy =
  mode === 'full'
    ? { fullWriteBelowBytes: Number.MAX_SAFE_INTEGER, maxJournalBytes: Infinity, maxJournalRatio: Infinity, maxJournalEntries: Infinity, maxAgeMs: Infinity }
    : { fullWriteBelowBytes: 0, maxJournalBytes: Infinity, maxJournalRatio: Infinity, maxJournalEntries: 6, maxAgeMs: Infinity };

await sweepTempFiles(dir, nodeFileSystem);
const read = await readProjectFileDetailed(nodeFileSystem, dir);
if (!read.ok) {
  process.stderr.write(`cannot open: ${read.error.message}\n`);
  process.exit(3);
}
const { store } = await ProjectStore.open({
  fs: nodeFileSystem,
  dir,
  file: read.value.file,
  fileBytes: read.value.text.length,
  now: () => new Date(),
  readOnlyReason: null,
  policy,
});
process.stdout.write(`ready ${store.revision}\n`);
for (;;) {
  const revision = store.revision + 1;
  const change = changeFor(revision);
  const result = await store.applyChanges({ baseRevision: revision - 1, revision, puts: change.puts, deletes: change.deletes, settings: null });
  if (!result.ok) {
    process.stderr.write(`save failed: ${result.error.message}\n`);
    process.exit(4);
  }
  process.stdout.write(`ack ${result.value.revision}\n`);
}
