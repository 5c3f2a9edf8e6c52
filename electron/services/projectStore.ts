import type { ProjectId } from '../../shared/ids.ts';
import type { DocumentData, Tombstone } from '../../shared/model/documentData.ts';
import { TOMBSTONE_TTL_MS } from '../../shared/model/documentData.ts';
import type { ProjectData, ProjectFile } from '../../shared/model/projectFile.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import type { DocRecord } from '../../shared/model/records.ts';
import { allRecords } from '../../shared/model/documentData.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import type { FileSystem } from './fileSystem.ts';
import { errorCode } from './fileSystem.ts';
import type { ChangeSet } from './projectJournal.ts';
import { appendJournalLine, encodeJournalLine, readJournal, removeJournal } from './projectJournal.ts';
import { buildProjectFile, projectFilePath, readProjectFile, serializeProjectFile, writeProjectFile } from './projectFolder.ts';

export interface CompactionPolicy {
  /**
   * Below this size project.json is simply rewritten after every save (cheap, and the file is
   * always current); the journal only pays off for large projects.
   */
  readonly fullWriteBelowBytes: number;
  /** Fold the journal into project.json once it is this large… */
  readonly maxJournalBytes: number;
  /** …or this large relative to project.json… */
  readonly maxJournalRatio: number;
  /** …or has this many entries… */
  readonly maxJournalEntries: number;
  /** …or the last full write is this old. */
  readonly maxAgeMs: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = {
  fullWriteBelowBytes: 2 * 1024 * 1024,
  maxJournalBytes: 8 * 1024 * 1024,
  maxJournalRatio: 0.25,
  maxJournalEntries: 400,
  maxAgeMs: 10 * 60 * 1000,
};

export interface SaveAck {
  readonly revision: number;
  readonly savedAt: string;
}

export interface ProjectStoreHooks {
  /** After every full write of project.json (rolling backups hang here). Failures are logged only. */
  readonly afterFullWrite?: (file: ProjectFile, text: string) => Promise<void>;
  readonly log?: (message: string, error?: unknown) => void;
}

export interface OpenedStore {
  readonly store: ProjectStore;
  /** Journal entries replayed on open (edits acknowledged before a crash, not yet compacted). */
  readonly replayed: number;
  /** Why journal replay stopped early (a torn last line), if it did. */
  readonly journalProblem: string | null;
}

function saveError(action: string, path: string, error: unknown): Result<never> {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC')
    return err('NO_SPACE', `The disk is full: could not ${action} ${path}. Free some space; your edits are kept in this window and retried.`, path);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    // Retrying alone cannot fix this: say what the user has to check.
    return err('IO_ERROR', `No permission to ${action} ${path}. Check the folder's permissions; your edits are kept in this window and retried.`, path);
  }
  return err('IO_ERROR', `Could not ${action} ${path} (${detail}). Your edits are kept in this window and retried.`, path);
}

/**
 * The main process's copy of one open project and the only writer of its folder. Saves arrive as
 * change sets (appended to the journal, fsynced, then acknowledged) or whole documents (written
 * as a new project.json). Writes are serialized; memory holds one copy of the document.
 */
export class ProjectStore {
  readonly dir: string;
  readonly projectId: ProjectId;
  readonly readOnlyReason: string | null;
  private readonly fs: FileSystem;
  private readonly now: () => Date;
  private readonly policy: CompactionPolicy;
  private readonly hooks: ProjectStoreHooks;
  private settings: ProjectSettings;
  /** Every record by id (ids are unique across kinds). */
  private readonly records = new Map<string, DocRecord>();
  // Keyed by plain string: ids arrive from the journal and the renderer as validated strings.
  private readonly tombstones = new Map<string, Tombstone>();
  private revisionValue: number;
  private savedAtValue: string;
  private journalBytes = 0;
  private journalEntries = 0;
  private fileBytes = 0;
  private lastFullWriteAt: number;
  private queue: Promise<unknown> = Promise.resolve();
  /** The project file of the current revision, when one was built or read (see currentFile). */
  private fileCache: ProjectFile | null = null;

  private constructor(options: {
    fs: FileSystem;
    dir: string;
    file: ProjectFile;
    now: () => Date;
    policy: CompactionPolicy;
    hooks: ProjectStoreHooks;
    readOnlyReason: string | null;
  }) {
    this.fs = options.fs;
    this.dir = options.dir;
    this.now = options.now;
    this.policy = options.policy;
    this.hooks = options.hooks;
    this.readOnlyReason = options.readOnlyReason;
    this.projectId = options.file.projectId;
    this.settings = options.file.data.settings;
    for (const record of allRecords(options.file.data)) this.records.set(record.id, record);
    for (const tombstone of options.file.data.tombstones) this.tombstones.set(tombstone.id, tombstone);
    this.revisionValue = options.file.revision;
    this.savedAtValue = options.file.savedAt;
    this.lastFullWriteAt = options.now().getTime();
    this.fileCache = options.file;
  }

  /**
   * Opens a validated project file: replays journal entries newer than it (edits acknowledged
   * before a crash) and, if there were any, folds them into project.json right away.
   */
  static async open(options: {
    fs: FileSystem;
    dir: string;
    file: ProjectFile;
    fileBytes: number;
    now: () => Date;
    readOnlyReason: string | null;
    policy?: CompactionPolicy;
    hooks?: ProjectStoreHooks;
  }): Promise<OpenedStore> {
    const store = new ProjectStore({ ...options, policy: options.policy ?? DEFAULT_COMPACTION, hooks: options.hooks ?? {} });
    store.fileBytes = options.fileBytes;
    if (options.readOnlyReason) return { store, replayed: 0, journalProblem: null };
    const journal = await readJournal(options.fs, options.dir, options.file.revision);
    for (const entry of journal.entries) store.applyInMemory(entry, Date.parse(entry.at));
    if (journal.bytes > 0) {
      // Fold everything into project.json now, so new appends never follow a torn line.
      await store.writeFull();
    }
    return { store, replayed: journal.entries.length, journalProblem: journal.stoppedBecause };
  }

  get revision(): number {
    return this.revisionValue;
  }

  /** The document as of the latest acknowledged revision, as a project file. */
  currentFile(): ProjectFile {
    // Hashing tens of MB is not free: reuse the file built for this revision if there is one.
    if (this.fileCache?.revision === this.revisionValue) return this.fileCache;
    const file = { ...buildProjectFile(this.projectId, this.revisionValue, this.data(), new Date(this.savedAtValue)), savedAt: this.savedAtValue };
    this.fileCache = file;
    return file;
  }

  documentData(): DocumentData {
    const byKind = { shot: [] as DocRecord[], scene: [] as DocRecord[], note: [] as DocRecord[], arrow: [] as DocRecord[], take: [] as DocRecord[] };
    for (const record of this.records.values()) byKind[record.kind].push(record);
    // Deterministic order: shots in cut order, everything else by id (stable diffs of project.json).
    const byOrder = (a: DocRecord, b: DocRecord) => {
      const oa = a.kind === 'shot' ? a.order : '';
      const ob = b.kind === 'shot' ? b.order : '';
      return oa < ob ? -1 : oa > ob ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };
    return {
      settings: this.settings,
      shots: byKind.shot.sort(byOrder) as DocumentData['shots'][number][],
      scenes: byKind.scene.sort(byOrder) as DocumentData['scenes'][number][],
      notes: byKind.note.sort(byOrder) as DocumentData['notes'][number][],
      arrows: byKind.arrow.sort(byOrder) as DocumentData['arrows'][number][],
      takes: byKind.take.sort(byOrder) as DocumentData['takes'][number][],
    };
  }

  private data(): ProjectData {
    const cutoff = this.now().getTime() - TOMBSTONE_TTL_MS;
    const tombstones = [...this.tombstones.values()].filter((t) => t.deletedAt >= cutoff).sort((a, b) => a.deletedAt - b.deletedAt || (a.id < b.id ? -1 : 1));
    return { ...this.documentData(), tombstones };
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private refuseWrite(): Result<never> | null {
    return this.readOnlyReason ? err('READ_ONLY', this.readOnlyReason, projectFilePath(this.dir)) : null;
  }

  private applyInMemory(change: Omit<ChangeSet, 'baseRevision'>, at: number): void {
    for (const id of change.deletes) {
      const record = this.records.get(id);
      if (record && this.records.delete(id)) this.tombstones.set(id, { id, kind: record.kind, deletedAt: at });
    }
    for (const record of change.puts) {
      this.records.set(record.id, record);
      this.tombstones.delete(record.id);
    }
    if (change.settings) this.settings = change.settings;
    this.fileCache = null;
    this.revisionValue = change.revision;
    this.savedAtValue = new Date(at).toISOString();
  }

  /** Applies a journal entry in memory only (readCurrentProjectFile on a read-only peek store). */
  replayForPeek(entry: ChangeSet & { at: string }): void {
    this.applyInMemory(entry, Date.parse(entry.at));
  }

  /** Appends a change set to the journal and acknowledges it once it is on disk. */
  applyChanges(change: ChangeSet): Promise<Result<SaveAck>> {
    return this.serialized(async () => {
      const refused = this.refuseWrite();
      if (refused) return refused;
      if (change.revision <= this.revisionValue) return ok({ revision: this.revisionValue, savedAt: this.savedAtValue });
      if (change.baseRevision !== this.revisionValue) {
        return err(
          'CONFLICT',
          `The project folder is at revision ${this.revisionValue}, not ${change.baseRevision}; the whole document will be sent instead.`,
          this.dir,
        );
      }
      const at = this.now();
      const line = encodeJournalLine({ ...change, at: at.toISOString() });
      try {
        await appendJournalLine(this.fs, this.dir, line);
      } catch (error) {
        return saveError('save changes to', this.dir, error);
      }
      this.applyInMemory(change, at.getTime());
      this.journalBytes += line.length;
      this.journalEntries += 1;
      if (this.compactionDue()) await this.writeFull().catch((error: unknown) => this.hooks.log?.('compaction failed; the journal keeps the edits', error));
      return ok({ revision: this.revisionValue, savedAt: this.savedAtValue });
    });
  }

  /** Replaces the whole document (recovery, or after a revision conflict). Deleted records get tombstones. */
  replaceDocument(revision: number, document: DocumentData): Promise<Result<SaveAck>> {
    return this.serialized(async () => {
      const refused = this.refuseWrite();
      if (refused) return refused;
      if (revision <= this.revisionValue) return ok({ revision: this.revisionValue, savedAt: this.savedAtValue });
      const before = {
        settings: this.settings,
        records: new Map(this.records),
        tombstones: new Map(this.tombstones),
        revision: this.revisionValue,
        savedAt: this.savedAtValue,
      };
      const puts = allRecords(document);
      const incoming = new Set<string>(puts.map((r) => r.id));
      const removed = [...this.records.values()].filter((r) => !incoming.has(r.id));
      this.records.clear();
      this.applyInMemory({ revision, puts, deletes: [], settings: document.settings }, this.now().getTime());
      for (const r of removed) this.tombstones.set(r.id, { id: r.id, kind: r.kind, deletedAt: this.now().getTime() });
      try {
        await this.writeFull();
      } catch (error) {
        // Nothing reached the disk: go back to what is there.
        this.settings = before.settings;
        this.records.clear();
        for (const [id, record] of before.records) this.records.set(id, record);
        this.tombstones.clear();
        for (const [id, t] of before.tombstones) this.tombstones.set(id, t);
        this.revisionValue = before.revision;
        this.savedAtValue = before.savedAt;
        this.fileCache = null;
        return saveError('save', projectFilePath(this.dir), error);
      }
      return ok({ revision: this.revisionValue, savedAt: this.savedAtValue });
    });
  }

  /** Folds the journal into project.json now (before a backup, on close). */
  compact(): Promise<Result<ProjectFile>> {
    return this.serialized(async () => {
      if (this.readOnlyReason) return ok(this.currentFile());
      try {
        return ok(await this.writeFull());
      } catch (error) {
        return saveError('save', projectFilePath(this.dir), error);
      }
    });
  }

  private compactionDue(): boolean {
    const p = this.policy;
    return (
      this.fileBytes < p.fullWriteBelowBytes ||
      this.journalBytes >= p.maxJournalBytes ||
      this.journalEntries >= p.maxJournalEntries ||
      (this.fileBytes > 0 && this.journalBytes >= this.fileBytes * p.maxJournalRatio && this.journalBytes > 64 * 1024) ||
      this.now().getTime() - this.lastFullWriteAt >= p.maxAgeMs
    );
  }

  /** Writes project.json atomically at the current revision, then drops the journal. */
  private async writeFull(): Promise<ProjectFile> {
    const file = { ...buildProjectFile(this.projectId, this.revisionValue, this.data(), this.now()), savedAt: this.savedAtValue };
    const text = serializeProjectFile(file);
    await writeProjectFile(this.fs, this.dir, file, text);
    this.fileCache = file;
    // If a crash comes before this unlink, replay skips the entries: their revisions are not newer.
    await removeJournal(this.fs, this.dir);
    this.journalBytes = 0;
    this.journalEntries = 0;
    this.fileBytes = text.length;
    this.lastFullWriteAt = this.now().getTime();
    await this.hooks.afterFullWrite?.(file, text).catch((error: unknown) => this.hooks.log?.('after-write hook failed', error));
    return file;
  }

  /** Folds pending journal entries into project.json; used on close and quit. */
  async close(): Promise<void> {
    if (this.journalEntries > 0) await this.compact();
    await this.queue;
  }
}

/**
 * The current state of a project folder that is not open here: project.json plus any journal
 * entries an interrupted session left (folded in memory, nothing written). For the library's
 * summaries, rename and duplicate.
 */
export async function readCurrentProjectFile(fs: FileSystem, dir: string, now: () => Date): Promise<Result<ProjectFile>> {
  const read = await readProjectFile(fs, dir);
  if (!read.ok) return read;
  const journal = await readJournal(fs, dir, read.value.revision).catch(() => null);
  if (!journal || journal.entries.length === 0) return read;
  const opened = await ProjectStore.open({ fs, dir, file: read.value, fileBytes: 0, now, readOnlyReason: 'peek' });
  for (const entry of journal.entries) opened.store.replayForPeek(entry);
  return ok(opened.store.currentFile());
}
