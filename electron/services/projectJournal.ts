import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../shared/canonicalJson.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import { projectSettingsSchema } from '../../shared/model/projectSettings.ts';
import type { DocRecord } from '../../shared/model/records.ts';
import { docRecordSchema } from '../../shared/model/records.ts';
import { findForbiddenKey } from '../../shared/validation.ts';
import type { FileSystem } from './fileSystem.ts';
import { errorCode } from './fileSystem.ts';

/**
 * The change journal next to project.json. Between full snapshots, each acknowledged save is one
 * appended, fsynced line: the records that changed since the previous revision. Appending a few
 * KB instead of rewriting tens of MB keeps autosave cheap at feature-film scale; compaction folds
 * the journal back into project.json.
 *
 * A line is `{"v":1,"base":B,"rev":R,"at":…,"puts":[…],"deletes":[…],"settings":…,"sha":…}` where
 * `sha` is the sha256 of the canonical JSON of the other fields. A crash can only tear the last
 * line; replay stops at the first line that is incomplete, fails its hash or does not continue
 * the chain (base = previous rev).
 */
export const JOURNAL_FILE_NAME = 'project.journal';
export const JOURNAL_FORMAT_VERSION = 1;

export interface ChangeSet {
  readonly baseRevision: number;
  readonly revision: number;
  readonly puts: readonly DocRecord[];
  readonly deletes: readonly string[];
  /** New settings when they changed, else null. */
  readonly settings: ProjectSettings | null;
}

export interface JournalEntry extends ChangeSet {
  readonly at: string;
}

const lineSchema = z.strictObject({
  v: z.literal(JOURNAL_FORMAT_VERSION),
  base: z.number().int().min(0),
  rev: z.number().int().min(1),
  at: z.iso.datetime(),
  puts: z.array(docRecordSchema),
  deletes: z.array(z.uuid()),
  settings: projectSettingsSchema.nullable(),
  sha: z.string().regex(/^[0-9a-f]{64}$/),
});

export function journalPath(projectDir: string): string {
  return join(projectDir, JOURNAL_FILE_NAME);
}

type LineBody = Omit<z.infer<typeof lineSchema>, 'sha' | 'puts' | 'deletes' | 'settings'> & {
  puts: readonly unknown[];
  deletes: readonly string[];
  settings: ProjectSettings | null;
};

function digest(body: LineBody): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export function encodeJournalLine(entry: JournalEntry): string {
  const body = {
    v: JOURNAL_FORMAT_VERSION,
    base: entry.baseRevision,
    rev: entry.revision,
    at: entry.at,
    puts: entry.puts,
    deletes: entry.deletes,
    settings: entry.settings,
  } as const;
  return `${JSON.stringify({ ...body, sha: digest(body) })}\n`;
}

export interface JournalReadout {
  /** Entries that continue the chain from `fromRevision`, in order. */
  readonly entries: readonly JournalEntry[];
  /** Lines at or below `fromRevision` (already folded into project.json before a crash). */
  readonly alreadyApplied: number;
  /** Why reading stopped early (a torn or corrupt line), or null. */
  readonly stoppedBecause: string | null;
  readonly bytes: number;
}

/** Reads the entries that follow `fromRevision`. Never throws for bad content. */
export async function readJournal(fs: FileSystem, projectDir: string, fromRevision: number): Promise<JournalReadout> {
  let text: string;
  try {
    text = await fs.readFile(journalPath(projectDir), 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { entries: [], alreadyApplied: 0, stoppedBecause: null, bytes: 0 };
    throw error;
  }
  const entries: JournalEntry[] = [];
  let alreadyApplied = 0;
  let revision = fromRevision;
  let stoppedBecause: string | null = null;
  const lines = text.split('\n');
  // The text after the last newline is a line whose append never completed.
  const complete = lines.slice(0, -1);
  if (lines[lines.length - 1] !== '') stoppedBecause = 'the last change was cut short by a crash (it was never acknowledged)';
  for (const [index, line] of complete.entries()) {
    const problem = (reason: string) => `line ${index + 1} of ${JOURNAL_FILE_NAME} ${reason}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      stoppedBecause = problem('is not valid JSON');
      break;
    }
    if (findForbiddenKey(raw)) {
      stoppedBecause = problem('contains a forbidden key');
      break;
    }
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success) {
      stoppedBecause = problem('has an unexpected shape');
      break;
    }
    const { sha, ...body } = parsed.data;
    if (digest(body) !== sha) {
      stoppedBecause = problem('failed its checksum');
      break;
    }
    if (body.rev <= fromRevision) {
      alreadyApplied += 1;
      continue;
    }
    if (body.base !== revision || body.rev <= body.base) {
      stoppedBecause = problem(`does not continue revision ${revision}`);
      break;
    }
    entries.push({
      baseRevision: body.base,
      revision: body.rev,
      at: body.at,
      puts: body.puts as unknown as DocRecord[],
      deletes: body.deletes,
      settings: body.settings,
    });
    revision = body.rev;
  }
  return { entries, alreadyApplied, stoppedBecause, bytes: text.length };
}

/**
 * Appends one line and fsyncs it; the save is acknowledged only after this resolves. If the write
 * fails half-way (disk full), the file is cut back to its previous length so the next append does
 * not glue onto a torn line.
 */
export async function appendJournalLine(fs: FileSystem, projectDir: string, line: string): Promise<void> {
  const handle = await fs.open(journalPath(projectDir), 'a');
  let sizeBefore = -1;
  try {
    sizeBefore = (await handle.stat()).size;
    await handle.writeFile(line);
    await handle.sync();
  } catch (error) {
    if (sizeBefore >= 0) await handle.truncate(sizeBefore).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
}

/** Removes the journal after its entries were folded into project.json. */
export async function removeJournal(fs: FileSystem, projectDir: string): Promise<void> {
  await fs.unlink(journalPath(projectDir)).catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw error;
  });
}
