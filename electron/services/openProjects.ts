import { join } from 'node:path';
import type {
  BackupInfo,
  CreateBackupInput,
  OpenedProject,
  ProjectClientInput,
  RecoveredProject,
  SaveChangesInput,
  SnapshotAck,
} from '../../shared/ipc/contract.ts';
import { PROJECT_FILE_NAME } from '../../shared/identity.ts';
import type { ProjectId } from '../../shared/ids.ts';
import type { DocumentData } from '../../shared/model/documentData.ts';
import { PROJECT_SCHEMA_VERSION } from '../../shared/model/projectFile.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import { sweepTempFiles, writeFileAtomic } from './atomicWrite.ts';
import type { BackupEntry } from './backups/backupPolicy.ts';
import { shouldTakeAutoBackup } from './backups/backupPolicy.ts';
import { BackupStore } from './backups/backupStore.ts';
import type { FileSystem } from './fileSystem.ts';
import type { OwnerPings } from './ownerPings.ts';
import { checkProjectFileText, projectFilePath, readProjectFileDetailed, serializeProjectFile } from './projectFolder.ts';
import type { ProjectStoreHooks } from './projectStore.ts';
import { ProjectStore } from './projectStore.ts';
import { ioError, summaryOf } from './projectSummary.ts';
import type { RecentProjects } from './recentProjects.ts';
import type { WorkspacePaths } from './workspacePaths.ts';

export interface OpenProjectsDeps {
  readonly fs: FileSystem;
  readonly paths: WorkspacePaths;
  readonly recent: RecentProjects;
  readonly now: () => Date;
  readonly owners: OwnerPings;
  /** Tells a former owner it lost the project (it must stop writing). */
  readonly announceTakeover: (projectId: string, clientId: string) => void;
  readonly log: (message: string, error?: unknown) => void;
  /** How long a live owner has to answer before its project is taken over. */
  readonly ownerTimeoutMs?: number;
  /** Warns the user when the disk holding a project runs low (checked after full writes). */
  readonly warnLowDisk?: (dir: string) => Promise<void>;
}

interface OpenEntry {
  readonly store: ProjectStore;
  readonly backups: BackupStore;
  owner: string;
}

export function toBackupInfo(entry: BackupEntry): BackupInfo {
  const { id, kind, createdAt, revision, schemaVersion, sizeBytes, shotCount, takeCount, note } = entry;
  return { id, kind, createdAt, revision, schemaVersion, sizeBytes, shotCount, takeCount, note };
}

/**
 * The projects open in this process, each with its single writer (a window or tab, by client id),
 * its ProjectStore and its backups. Opening runs the recovery steps: sweep temp files, validate,
 * migrate (after a backup), replay the journal, take the launch backup.
 */
export class OpenProjects {
  private readonly deps: OpenProjectsDeps;
  private readonly open = new Map<ProjectId, OpenEntry>();
  /** Projects opened since this process started (one launch backup each). */
  private readonly launched = new Set<string>();

  constructor(deps: OpenProjectsDeps) {
    this.deps = deps;
  }

  dirOf(projectId: string): string | undefined {
    return this.open.get(projectId as ProjectId)?.store.dir;
  }

  projectIdAt(dir: string): ProjectId | undefined {
    return [...this.open.values()].find((e) => e.store.dir === dir)?.store.projectId;
  }

  /** Folds pending journal entries into project.json (before a bundle export reads the folder). */
  async compact(projectId: ProjectId): Promise<void> {
    await this.open.get(projectId)?.store.compact();
  }

  isOpenAt(dir: string): boolean {
    return [...this.open.values()].some((e) => e.store.dir === dir);
  }

  private entryFor(input: ProjectClientInput): Result<OpenEntry> {
    const entry = this.open.get(input.projectId);
    if (!entry) return err('NOT_FOUND', 'This project is not open any more; reopen it to keep editing.', input.projectId);
    if (entry.owner !== input.clientId) {
      return err(
        'CONFLICT',
        'This project was opened in another window or tab, which is now the one that saves it. Reopen it here to continue.',
        input.projectId,
      );
    }
    return ok(entry);
  }

  /**
   * The folder of an open project, for a write by `clientId` that goes beside the store (media
   * import): NOT_FOUND when it is not open, CONFLICT when another client owns it, READ_ONLY when
   * it must not be written.
   */
  ownedDir(projectId: string, clientId: string): Result<string> {
    const entry = this.entryFor({ projectId: projectId as ProjectId, clientId });
    if (!entry.ok) return entry;
    if (entry.value.store.readOnlyReason) return err('READ_ONLY', entry.value.store.readOnlyReason, entry.value.store.dir);
    return ok(entry.value.store.dir);
  }

  private hooksFor(backups: BackupStore): ProjectStoreHooks {
    return {
      log: this.deps.log,
      afterFullWrite: async (file, text) => {
        // A rolling generation at most every 10 minutes while the project changes.
        const entries = await backups.list();
        if (shouldTakeAutoBackup(entries, this.deps.now(), file.contentHash)) await backups.create('auto', file, text);
        await this.deps.warnLowDisk?.(backups.folder);
      },
    };
  }

  async openProject(path: string, clientId: string): Promise<Result<OpenedProject>> {
    const dirResult = await this.deps.paths.projectDir(path);
    if (!dirResult.ok) return dirResult;
    const dir = dirResult.value;
    const existing = [...this.open.values()].find((e) => e.store.dir === dir);
    if (existing) return this.reopen(existing, clientId);

    const notices: string[] = [];
    const swept = (await sweepTempFiles(dir, this.deps.fs).catch(() => 0)) + (await sweepTempFiles(join(dir, '.backups'), this.deps.fs).catch(() => 0));
    if (swept > 0) notices.push(`Cleaned up ${swept} temporary file${swept === 1 ? '' : 's'} left by an interrupted save.`);
    const read = await readProjectFileDetailed(this.deps.fs, dir);
    if (!read.ok) return read;
    const { file, originalSchemaVersion, readOnlyReason, text } = read.value;
    const clash = this.open.get(file.projectId);
    if (clash) {
      return err(
        'CONFLICT',
        `${dir} is a copy of the open project at ${clash.store.dir} (same project id). Close that one first, or use Duplicate to make an independent copy.`,
        dir,
      );
    }
    const backups = new BackupStore({ fs: this.deps.fs, projectDir: dir, now: this.deps.now });
    if (!readOnlyReason && originalSchemaVersion < PROJECT_SCHEMA_VERSION) {
      // The file exactly as it was on disk, before the upgrade rewrites it. No backup, no upgrade.
      try {
        await backups.create('pre-migration', { ...file, schemaVersion: originalSchemaVersion }, text, `project format ${originalSchemaVersion}`);
      } catch (error) {
        return ioError('keep a backup of the old-format project (needed before upgrading it) in', dir, error);
      }
      notices.push(`Upgraded the project format from ${originalSchemaVersion} to ${PROJECT_SCHEMA_VERSION}; the original is kept in Project history.`);
    }
    let opened;
    try {
      opened = await ProjectStore.open({
        fs: this.deps.fs,
        dir,
        file,
        fileBytes: text.length,
        now: this.deps.now,
        readOnlyReason,
        hooks: this.hooksFor(backups),
      });
      if (!readOnlyReason && originalSchemaVersion < PROJECT_SCHEMA_VERSION && opened.replayed === 0) await opened.store.compact();
    } catch (error) {
      return ioError('open', dir, error);
    }
    if (opened.replayed > 0)
      notices.push(
        `Recovered ${opened.replayed} saved change${opened.replayed === 1 ? '' : 's'} that an interrupted session had not folded into project.json yet.`,
      );
    if (opened.journalProblem) this.deps.log(`journal of ${dir}: ${opened.journalProblem}`);
    this.open.set(file.projectId, { store: opened.store, backups, owner: clientId });
    if (!readOnlyReason && !this.launched.has(dir)) {
      this.launched.add(dir);
      // When nothing was replayed or migrated, the text read from disk is the current state and
      // is copied as is (serializing 10,000 shots again would cost a third of a second).
      const unchanged = opened.replayed === 0 && originalSchemaVersion === PROJECT_SCHEMA_VERSION;
      await this.takeLaunchBackup(opened.store, backups, unchanged ? text : null);
    }
    const now = this.deps.now();
    await this.deps.recent.touch(dir, now).catch(() => undefined);
    const current = opened.store.currentFile();
    return ok({ summary: summaryOf(dir, current, now.toISOString()), file: current, readOnly: readOnlyReason, notices });
  }

  /** The same folder again: the same client (a reload) continues; another one must take over. */
  private async reopen(entry: OpenEntry, clientId: string): Promise<Result<OpenedProject>> {
    const { store } = entry;
    if (entry.owner !== clientId) {
      const alive = await this.deps.owners.isAlive(store.projectId, entry.owner, this.deps.ownerTimeoutMs ?? 1500);
      if (alive) {
        return err(
          'CONFLICT',
          `"${store.documentData().settings.name}" is already open in another window or tab. Close it there, or switch to that window.`,
          store.dir,
        );
      }
      const previous = entry.owner;
      entry.owner = clientId;
      this.deps.announceTakeover(store.projectId, previous);
    }
    const file = store.currentFile();
    return ok({ summary: summaryOf(store.dir, file, this.deps.now().toISOString()), file, readOnly: store.readOnlyReason, notices: [] });
  }

  private async takeLaunchBackup(store: ProjectStore, backups: BackupStore, diskText: string | null): Promise<void> {
    try {
      const file = store.currentFile();
      const launches = (await backups.list()).filter((b) => b.kind === 'launch');
      if (launches[0]?.contentHash === file.contentHash) return;
      await backups.create('launch', file, diskText ?? serializeProjectFile(file));
    } catch (error) {
      this.deps.log(`launch backup of ${store.dir} failed`, error);
    }
  }

  async close(input: ProjectClientInput): Promise<Result<null>> {
    const entry = this.open.get(input.projectId);
    if (!entry || entry.owner !== input.clientId) return ok(null);
    await entry.store.close();
    this.open.delete(input.projectId);
    return ok(null);
  }

  async closeAll(): Promise<void> {
    for (const [id, entry] of this.open) {
      await entry.store.close().catch((error: unknown) => this.deps.log(`closing ${entry.store.dir} failed`, error));
      this.open.delete(id);
    }
  }

  saveChanges(input: SaveChangesInput): Promise<Result<SnapshotAck>> {
    const entry = this.entryFor(input);
    if (!entry.ok) return Promise.resolve(entry);
    return entry.value.store.applyChanges(input);
  }

  saveSnapshot(input: ProjectClientInput & { revision: number; data: DocumentData }): Promise<Result<SnapshotAck>> {
    const entry = this.entryFor(input);
    if (!entry.ok) return Promise.resolve(entry);
    return entry.value.store.replaceDocument(input.revision, input.data);
  }

  async listBackups(path: string): Promise<Result<BackupInfo[]>> {
    const dir = await this.deps.paths.projectDir(path);
    if (!dir.ok) return dir;
    const open = [...this.open.values()].find((e) => e.store.dir === dir.value);
    const backups = open?.backups ?? new BackupStore({ fs: this.deps.fs, projectDir: dir.value, now: this.deps.now });
    try {
      return ok((await backups.list()).map(toBackupInfo));
    } catch (error) {
      return ioError('list the backups of', dir.value, error);
    }
  }

  /** Folds pending edits into project.json, then keeps a copy of it as a backup of `kind`. */
  async createBackup(input: CreateBackupInput | (ProjectClientInput & { kind: 'pre-restore'; note: string | null })): Promise<Result<BackupInfo>> {
    const entry = this.entryFor(input);
    if (!entry.ok) return entry;
    if (entry.value.store.readOnlyReason) return err('READ_ONLY', entry.value.store.readOnlyReason);
    const compacted = await entry.value.store.compact();
    if (!compacted.ok) return compacted;
    try {
      const file = compacted.value;
      return ok(toBackupInfo(await entry.value.backups.create(input.kind, file, serializeProjectFile(file), input.note ?? undefined)));
    } catch (error) {
      return ioError('back up', entry.value.store.dir, error);
    }
  }

  /**
   * Replaces the project with a backup: first the current state becomes a 'pre-restore' backup
   * (so the restore can be undone by restoring that one), then the backup's document is written
   * at a new revision, newer than any working copy.
   */
  async restoreBackup(
    input: ProjectClientInput & { backupId: string },
    signal: AbortSignal,
    progress: (done: number, total: number, phase: string) => void,
  ): Promise<Result<SnapshotAck>> {
    const entry = this.entryFor(input);
    if (!entry.ok) return entry;
    const { store, backups } = entry.value;
    if (store.readOnlyReason) return err('READ_ONLY', store.readOnlyReason);
    progress(0, 3, 'Reading the backup');
    const backup = await backups.read(input.backupId);
    if (!backup.ok) return backup;
    const checked = checkProjectFileText(backup.value.text, `backup ${input.backupId}`);
    if (!checked.ok) return checked;
    if (checked.value.readOnlyReason) return err('NEWER_VERSION', checked.value.readOnlyReason);
    if (signal.aborted) return err('CANCELLED', 'The restore was cancelled; nothing was changed.');
    progress(1, 3, 'Saving the current state as a backup');
    const saved = await this.createBackup({ ...input, kind: 'pre-restore', note: `before restoring ${backup.value.entry.createdAt}` });
    if (!saved.ok) return saved;
    if (signal.aborted) return err('CANCELLED', 'The restore was cancelled; the current state was backed up and nothing else changed.');
    progress(2, 3, 'Restoring');
    const { settings, shots, scenes, notes, arrows, takes } = checked.value.file.data;
    const result = await store.replaceDocument(store.revision + 1, { settings, shots, scenes, notes, arrows, takes });
    progress(3, 3, 'Done');
    return result;
  }

  /**
   * A project whose project.json is damaged: the bad file is kept as project.corrupt-<time>.json
   * and the chosen backup becomes project.json. Refused while the project is open.
   */
  async recoverProject(path: string, backupId: string): Promise<Result<RecoveredProject>> {
    const dir = await this.deps.paths.projectDir(path);
    if (!dir.ok) return dir;
    if (this.isOpenAt(dir.value)) return err('CONFLICT', 'Close the project before recovering it.', dir.value);
    const backups = new BackupStore({ fs: this.deps.fs, projectDir: dir.value, now: this.deps.now });
    const backup = await backups.read(backupId);
    if (!backup.ok) return backup;
    const checked = checkProjectFileText(backup.value.text, `backup ${backupId}`);
    if (!checked.ok) return checked;
    const stamp = this.deps.now().toISOString().replace(/[:.]/g, '-');
    const keptAs = join(dir.value, `project.corrupt-${stamp}.json`);
    try {
      await this.deps.fs.rename(projectFilePath(dir.value), keptAs).catch((error: unknown) => {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
      });
      await writeFileAtomic(join(dir.value, PROJECT_FILE_NAME), backup.value.text, { fs: this.deps.fs });
    } catch (error) {
      return ioError('recover', dir.value, error);
    }
    return ok({ path: dir.value, damagedFileKeptAs: keptAs });
  }
}
