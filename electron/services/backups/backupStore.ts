import { join } from 'node:path';
import type { ProjectFile } from '../../../shared/model/projectFile.ts';
import { parseProjectFileText } from '../../../shared/model/projectFile.ts';
import type { Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';
import { writeFileAtomic } from '../atomicWrite.ts';
import { contentHashOf } from '../contentHash.ts';
import type { FileSystem } from '../fileSystem.ts';
import { errorCode } from '../fileSystem.ts';
import {
  BACKUP_INDEX_FILE,
  BACKUPS_FOLDER,
  MAX_BACKUP_NOTE_LENGTH,
  backupIdFor,
  entrySchema,
  gunzipBytes,
  gzipBytes,
  indexSchema,
  newestFirst,
  parseBackupId,
  writtenSchemaVersion,
} from './backupFiles.ts';
import type { BackupEntry, BackupKind } from './backupPolicy.ts';
import { isBackupKind, selectBackupsToKeep } from './backupPolicy.ts';

export { BACKUP_INDEX_FILE, BACKUPS_FOLDER, backupIdFor, parseBackupId };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

interface Loaded {
  readonly entries: BackupEntry[];
  /** Backup file names on disk, indexed or not. */
  readonly names: ReadonlySet<string>;
}

interface Verified {
  readonly result: Result<string>;
  /** The parsed JSON when the file decoded (also for a NEWER_VERSION backup, so it can be listed). */
  readonly raw: unknown;
  readonly sizeBytes: number;
}

/**
 * The backups of one project, in `<projectDir>/.backups/`: each is the full `project.json` text,
 * gzip-compressed, beside an `index.json` that lists them so the history panel opens without
 * decompressing anything. The index is derived data: when it is missing or invalid it is rebuilt
 * from the files, entries whose file is gone are dropped, and stray backup files are added.
 * Operations run one at a time, so concurrent creates cannot lose an index update.
 */
export class BackupStore {
  readonly folder: string;
  private readonly fs: FileSystem;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();
  /** Backup files that could not be read, with why; remembered so they are not re-read every time. */
  private readonly unreadable = new Map<string, string>();
  private lastProblems: string[] = [];

  constructor(options: { fs: FileSystem; projectDir: string; now: () => Date }) {
    this.fs = options.fs;
    this.folder = join(options.projectDir, BACKUPS_FOLDER);
    this.now = options.now;
  }

  /** What the last look at the folder found wrong: an invalid index, unreadable backup files. */
  get problems(): readonly string[] {
    return this.lastProblems;
  }

  create(kind: BackupKind, file: ProjectFile, text: string, note?: string | null): Promise<BackupEntry> {
    return this.serialized(async () => {
      if (!isBackupKind(kind)) throw new TypeError(`Unknown backup kind ${JSON.stringify(kind)}`);
      const { entries, names } = await this.load();
      const taken = new Set([...names, ...entries.map((e) => e.id)]);
      // Ids are unique: a second backup of the same kind and revision in the same millisecond is dated 1 ms later.
      let time = this.now().getTime();
      while (taken.has(backupIdFor(new Date(time), kind, file.revision))) time += 1;
      const id = backupIdFor(new Date(time), kind, file.revision);
      const bytes = await gzipBytes(Buffer.from(text, 'utf8'));
      await this.fs.mkdir(this.folder, { recursive: true });
      await writeFileAtomic(join(this.folder, id), bytes, { fs: this.fs });
      const entry: BackupEntry = {
        id,
        kind,
        createdAt: new Date(time).toISOString(),
        revision: file.revision,
        schemaVersion: writtenSchemaVersion(text) ?? file.schemaVersion,
        projectId: file.projectId,
        contentHash: file.contentHash,
        sizeBytes: bytes.length,
        shotCount: file.data.shots.length,
        // Backups also hold files of other formats, whose data may have no takes.
        takeCount: (file.data.takes as readonly unknown[] | undefined)?.length ?? 0,
        note: note ? note.slice(0, MAX_BACKUP_NOTE_LENGTH) : null,
      };
      const all = [...entries, entry];
      const keep = selectBackupsToKeep(all, new Date(time));
      keep.add(id);
      try {
        await this.writeIndex(all.filter((e) => keep.has(e.id)));
      } catch (error) {
        await this.fs.unlink(join(this.folder, id)).catch(() => undefined);
        throw error;
      }
      await this.deleteFiles(all.filter((e) => !keep.has(e.id)));
      return entry;
    });
  }

  /** Newest first. */
  list(): Promise<BackupEntry[]> {
    return this.serialized(async () => (await this.load()).entries.sort(newestFirst));
  }

  /** The backup's text, decompressed and verified like a `project.json` (schema and content hash). */
  read(id: string): Promise<Result<{ entry: BackupEntry; text: string }>> {
    return this.serialized(async () => {
      const invalid = this.refuseId(id);
      if (invalid) return invalid;
      const { entries, names } = await this.load();
      const entry = entries.find((e) => e.id === id);
      if (!entry && !names.has(id)) return err('NOT_FOUND', `There is no backup ${id} in ${this.folder}.`, join(this.folder, id));
      const { result } = await this.readVerified(id);
      if (!result.ok) return result;
      if (!entry) return err('NOT_FOUND', `The backup ${id} is not in the index of ${this.folder}.`, join(this.folder, id));
      return ok({ entry, text: result.value });
    });
  }

  /** The newest backup that reads and verifies: what recovery falls back to when project.json is damaged. */
  newestValid(): Promise<Result<{ entry: BackupEntry; text: string }>> {
    return this.serialized(async () => {
      const { entries } = await this.load();
      for (const entry of entries.sort(newestFirst)) {
        const { result } = await this.readVerified(entry.id);
        if (result.ok) return ok({ entry, text: result.value });
      }
      return err('NOT_FOUND', `No readable backup in ${this.folder}.`, this.folder);
    });
  }

  remove(id: string): Promise<Result<BackupEntry>> {
    return this.serialized(async () => {
      const invalid = this.refuseId(id);
      if (invalid) return invalid;
      const path = join(this.folder, id);
      const { entries } = await this.load();
      const entry = entries.find((e) => e.id === id);
      if (!entry) return err('NOT_FOUND', `There is no backup ${id} in ${this.folder}.`, path);
      try {
        await this.fs.unlink(path).catch((error: unknown) => {
          if (errorCode(error) !== 'ENOENT') throw error;
        });
        await this.writeIndex(entries.filter((e) => e.id !== id));
      } catch (error) {
        return err(errorCode(error) === 'ENOSPC' ? 'NO_SPACE' : 'IO_ERROR', `Could not delete the backup ${path}: ${message(error)}`, path);
      }
      return ok(entry);
    });
  }

  /** Applies the retention rules now; returns the entries whose backups were deleted. */
  prune(): Promise<BackupEntry[]> {
    return this.serialized(async () => {
      const { entries } = await this.load();
      const keep = selectBackupsToKeep(entries, this.now());
      const dropped = entries.filter((e) => !keep.has(e.id));
      if (dropped.length === 0) return [];
      await this.writeIndex(entries.filter((e) => keep.has(e.id)));
      await this.deleteFiles(dropped);
      return dropped;
    });
  }

  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private refuseId(id: unknown): Result<never> | null {
    if (parseBackupId(id) !== null) return null;
    const shown = typeof id === 'string' ? JSON.stringify(id.slice(0, 120)) : typeof id;
    return err('INVALID_ARGUMENT', `${shown} is not a backup id.`);
  }

  /** The index, reconciled with the folder (rebuilt when missing or invalid) and rewritten when that changed it. */
  private async load(): Promise<Loaded> {
    let all: string[];
    try {
      all = await this.fs.readdir(this.folder);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') throw error;
      this.lastProblems = [];
      return { entries: [], names: new Set() };
    }
    const names = new Set(all.filter((name) => parseBackupId(name) !== null));
    const problems: string[] = [];
    const indexPath = join(this.folder, BACKUP_INDEX_FILE);
    let stored: BackupEntry[] | null = null;
    let indexMissing = false;
    const rebuilt = (why: string) => problems.push(`${indexPath} ${why}; it was rebuilt from the backup files.`);
    try {
      const parsed = indexSchema.safeParse(JSON.parse(await this.fs.readFile(indexPath, 'utf8')));
      if (parsed.success) stored = parsed.data;
      else rebuilt(`was invalid (${parsed.error.issues[0]?.message ?? 'unknown'})`);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') indexMissing = true;
      else rebuilt(error instanceof SyntaxError ? `was not valid JSON (${error.message})` : `could not be read (${message(error)})`);
    }
    const entries = (stored ?? []).filter((e) => names.has(e.id));
    let changed = stored === null ? !indexMissing : entries.length !== stored.length;
    const indexed = new Set(entries.map((e) => e.id));
    for (const name of [...names].sort()) {
      if (indexed.has(name)) continue;
      const scanned = this.unreadable.has(name) ? null : await this.scan(name);
      if (scanned) {
        entries.push(scanned);
        changed = true;
      } else problems.push(this.unreadable.get(name) ?? `${name} could not be read.`);
    }
    if (changed) {
      // Best effort: the index is derived data, rebuilt again next time if this write fails.
      await this.writeIndex(entries).catch((error: unknown) => problems.push(`Could not rewrite ${indexPath}: ${message(error)}`));
    }
    this.lastProblems = problems;
    return { entries, names };
  }

  /** An index entry for a backup file that is not in the index, or null (and a remembered problem) if it is unreadable. */
  private async scan(name: string): Promise<BackupEntry | null> {
    const parts = parseBackupId(name);
    const { result, raw, sizeBytes } = await this.readVerified(name);
    const usable = result.ok || result.error.code === 'NEWER_VERSION';
    const envelope = record(raw);
    const data = record(envelope['data']);
    const candidate = {
      id: name,
      kind: parts?.kind,
      createdAt: parts?.createdAt,
      revision: envelope['revision'],
      schemaVersion: envelope['schemaVersion'],
      projectId: envelope['projectId'],
      contentHash: envelope['contentHash'],
      sizeBytes,
      shotCount: count(data['shots']),
      takeCount: count(data['takes']),
      note: null,
    };
    const parsed = entrySchema.safeParse(candidate);
    if (usable && parsed.success) return parsed.data;
    this.unreadable.set(name, result.ok ? `${join(this.folder, name)} has an unexpected header.` : result.error.message);
    return null;
  }

  private async readVerified(name: string): Promise<Verified> {
    const path = join(this.folder, name);
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(path);
    } catch (error) {
      const code = errorCode(error) === 'ENOENT' ? 'NOT_FOUND' : 'IO_ERROR';
      return { result: err(code, `Could not read the backup ${path}: ${message(error)}`, path), raw: undefined, sizeBytes: 0 };
    }
    const fail = (detail: string, raw?: unknown): Verified => ({
      result: err('INVALID_PROJECT_FILE', `The backup ${path} is damaged: ${detail}.`, path),
      raw,
      sizeBytes: bytes.length,
    });
    let text: string;
    try {
      text = (await gunzipBytes(bytes)).toString('utf8');
    } catch (error) {
      return fail(`it does not decompress (${message(error)})`);
    }
    const parsed = parseProjectFileText(text, path);
    let raw: unknown;
    if (parsed.ok || parsed.error.code === 'NEWER_VERSION') raw = JSON.parse(text);
    if (!parsed.ok) return { result: parsed, raw, sizeBytes: bytes.length };
    const envelope = record(raw);
    if (contentHashOf(envelope['data']) !== envelope['contentHash']) return fail('its content hash does not match its data', raw);
    return { result: ok(text), raw, sizeBytes: bytes.length };
  }

  private async writeIndex(entries: readonly BackupEntry[]): Promise<void> {
    await this.fs.mkdir(this.folder, { recursive: true });
    const sorted = [...entries].sort(newestFirst);
    await writeFileAtomic(join(this.folder, BACKUP_INDEX_FILE), `${JSON.stringify(sorted, null, 1)}\n`, { fs: this.fs });
  }

  private async deleteFiles(entries: readonly BackupEntry[]): Promise<void> {
    for (const entry of entries) {
      // A file that will not go away comes back into the index on the next load and is pruned again later.
      await this.fs.unlink(join(this.folder, entry.id)).catch(() => undefined);
    }
  }
}
