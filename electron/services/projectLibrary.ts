import { basename, dirname, join, resolve } from 'node:path';
import type { CreateProjectInput, OpenedProject, ProjectSummary, SaveSnapshotInput, SnapshotAck, TrashOutcome } from '../../shared/ipc/contract.ts';
import { PROJECT_FILE_NAME } from '../../shared/identity.ts';
import type { ProjectId } from '../../shared/ids.ts';
import { newId } from '../../shared/ids.ts';
import { findFrameRate } from '../../shared/model/frameRate.ts';
import type { ProjectData, ProjectFile } from '../../shared/model/projectFile.ts';
import { validateProjectName } from '../../shared/model/projectName.ts';
import { defaultRecordStart } from '../../shared/model/projectSettings.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import type { AppSettingsStore } from './appSettings.ts';
import { sweepTempFiles } from './atomicWrite.ts';
import type { FileSystem } from './fileSystem.ts';
import { errorCode, pathExists } from './fileSystem.ts';
import { isRealPathInside } from './pathSafety.ts';
import { PROJECT_SUBFOLDERS, buildProjectFile, readProjectFile, writeProjectFile } from './projectFolder.ts';
import type { RecentProjects } from './recentProjects.ts';

export interface ProjectLibraryDeps {
  readonly fs: FileSystem;
  readonly settings: AppSettingsStore;
  readonly recent: RecentProjects;
  /** Moves a folder to the OS trash (desktop) or a recoverable place (web host); returns where. */
  readonly trash: (path: string) => Promise<string>;
  readonly now: () => Date;
  /**
   * Web host: projects must live inside the workspace folder (the browser page is less trusted
   * than a native dialog). Desktop: false, any folder the user picked is fine.
   */
  readonly confineToWorkspace: boolean;
}

interface OpenEntry {
  readonly dir: string;
  revision: number;
  /** Snapshot writes of one project run one after another, never interleaved. */
  queue: Promise<unknown>;
}

function ioError(action: string, path: string, error: unknown): Result<never> {
  const code = errorCode(error);
  if (code === 'ENOSPC') return err('NO_SPACE', `The disk is full: could not ${action} ${path}. Free some space and try again.`, path);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return err('IO_ERROR', `No permission to ${action} ${path}. Check the folder's permissions.`, path);
  }
  return err('IO_ERROR', `Could not ${action} ${path}: ${error instanceof Error ? error.message : String(error)}`, path);
}

/** The user's projects: create, list, open, rename, duplicate, trash, and snapshot saving. */
export class ProjectLibrary {
  private readonly deps: ProjectLibraryDeps;
  private readonly open = new Map<ProjectId, OpenEntry>();

  constructor(deps: ProjectLibraryDeps) {
    this.deps = deps;
  }

  async workspaceDir(): Promise<string> {
    return resolve((await this.deps.settings.get()).workspaceDir);
  }

  /** Normalizes a user-given path to a project folder and applies the workspace confinement. */
  private async projectDir(path: string): Promise<Result<string>> {
    let dir = resolve(path);
    if (basename(dir) === PROJECT_FILE_NAME) dir = dirname(dir);
    if (this.deps.confineToWorkspace) {
      const root = await this.workspaceDir();
      if (!(await isRealPathInside(this.deps.fs, root, dir))) {
        return err('FORBIDDEN', `${dir} is outside the workspace folder ${root}; the web host only opens projects inside it.`, dir);
      }
    }
    return ok(dir);
  }

  private summaryOf(dir: string, file: ProjectFile, lastOpenedAt: string | null): ProjectSummary {
    const { settings, shots } = file.data;
    return {
      projectId: file.projectId,
      name: settings.name,
      path: dir,
      frameRate: settings.frameRate,
      width: settings.width,
      height: settings.height,
      savedAt: file.savedAt,
      shotCount: shots.length,
      problem: null,
      lastOpenedAt,
    };
  }

  private async summarize(dir: string, lastOpenedAt: string | null): Promise<ProjectSummary> {
    const read = await readProjectFile(this.deps.fs, dir);
    if (read.ok) return this.summaryOf(dir, read.value, lastOpenedAt);
    return {
      projectId: null,
      name: basename(dir),
      path: dir,
      frameRate: null,
      width: null,
      height: null,
      savedAt: null,
      shotCount: 0,
      problem: read.error.message,
      lastOpenedAt,
    };
  }

  /** Projects in the workspace folder plus recently opened ones elsewhere, most recent first. */
  async list(): Promise<Result<ProjectSummary[]>> {
    const root = await this.workspaceDir();
    const recent = await this.deps.recent.list();
    const lastOpened = new Map(recent.map((r) => [resolve(r.path), r.lastOpenedAt]));
    const dirs = new Set<string>();
    try {
      const entries = await this.deps.fs.readdir(root, { withFileTypes: true });
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
        const dir = join(root, entry.name);
        if (await pathExists(this.deps.fs, join(dir, PROJECT_FILE_NAME))) dirs.add(dir);
      }
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') return ioError('list', root, error);
    }
    for (const r of recent) {
      if (!this.deps.confineToWorkspace || (await isRealPathInside(this.deps.fs, root, r.path))) dirs.add(resolve(r.path));
    }
    const summaries = await Promise.all([...dirs].map((dir) => this.summarize(dir, lastOpened.get(dir) ?? null)));
    summaries.sort((a, b) => (b.lastOpenedAt ?? b.savedAt ?? '').localeCompare(a.lastOpenedAt ?? a.savedAt ?? '') || a.name.localeCompare(b.name));
    return ok(summaries);
  }

  async create(input: CreateProjectInput): Promise<Result<ProjectSummary>> {
    const name = validateProjectName(input.name);
    if (!name.ok) return name;
    const rate = findFrameRate(input.frameRate);
    if (!rate) return err('INVALID_ARGUMENT', `${input.frameRate.num}/${input.frameRate.den} fps is not a supported timeline rate.`, 'frameRate');
    if (input.dropFrame && !rate.dropFrameAllowed) {
      return err('INVALID_ARGUMENT', `Drop-frame timecode exists only at 29.97 and 59.94 fps, not ${rate.label}.`, 'dropFrame');
    }
    const parent = await this.projectDir(input.parentDir ?? (await this.workspaceDir()));
    if (!parent.ok) return parent;
    const dir = join(parent.value, name.value);
    if (await pathExists(this.deps.fs, dir)) {
      return err('ALREADY_EXISTS', `A folder named "${name.value}" already exists in ${parent.value}. Choose another name.`, 'name');
    }
    const data: ProjectData = {
      settings: {
        name: name.value,
        frameRate: rate.rate,
        dropFrame: input.dropFrame,
        width: input.width,
        height: input.height,
        recordStartFrames: defaultRecordStart(rate.rate, input.dropFrame),
      },
      shots: [],
    };
    const file = buildProjectFile(newId<ProjectId>(), 0, data, this.deps.now());
    let madeDir = false;
    try {
      await this.deps.fs.mkdir(parent.value, { recursive: true });
      const alreadyThere = await this.deps.fs.mkdir(dir).then(
        () => false,
        (error: unknown) => {
          if (errorCode(error) === 'EEXIST') return true;
          throw error;
        },
      );
      // Another program made the folder after the check above: it is theirs, not ours.
      if (alreadyThere) return err('ALREADY_EXISTS', `A folder named "${name.value}" already exists in ${parent.value}. Choose another name.`, 'name');
      madeDir = true;
      for (const sub of PROJECT_SUBFOLDERS) await this.deps.fs.mkdir(join(dir, sub));
      await writeProjectFile(this.deps.fs, dir, file);
    } catch (error) {
      // Leave nothing half-made behind: a folder without a valid project.json is clutter. Only
      // ever remove the folder this call made; one that appeared meanwhile belongs to someone else.
      if (madeDir && !(await pathExists(this.deps.fs, join(dir, PROJECT_FILE_NAME)))) {
        await this.deps.fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
      }
      return ioError('create the project folder', dir, error);
    }
    return ok(this.summaryOf(dir, file, null));
  }

  async openProject(path: string): Promise<Result<OpenedProject>> {
    const dirResult = await this.projectDir(path);
    if (!dirResult.ok) return dirResult;
    const dir = dirResult.value;
    // Temp files of a folder that is open here may belong to a save in flight, not to a crash.
    if (!this.isOpenAt(dir)) await sweepTempFiles(dir, this.deps.fs).catch(() => 0);
    const read = await readProjectFile(this.deps.fs, dir);
    if (!read.ok) return read;
    const file = read.value;
    const existing = this.open.get(file.projectId);
    if (existing && existing.dir !== dir) {
      return err(
        'CONFLICT',
        `${dir} is a copy of the open project at ${existing.dir} (same project id). Close that one first, or use Duplicate to make an independent copy.`,
        dir,
      );
    }
    if (!existing) this.open.set(file.projectId, { dir, revision: file.revision, queue: Promise.resolve() });
    const now = this.deps.now();
    await this.deps.recent.touch(dir, now).catch(() => undefined);
    return ok({ summary: this.summaryOf(dir, file, now.toISOString()), file });
  }

  async close(projectId: ProjectId): Promise<Result<null>> {
    const entry = this.open.get(projectId);
    if (entry) {
      await entry.queue;
      this.open.delete(projectId);
    }
    return ok(null);
  }

  /** The folder of an open project (media protocol, exports), or undefined when not open. */
  openProjectDir(projectId: string): string | undefined {
    return this.open.get(projectId as ProjectId)?.dir;
  }

  isOpenAt(dir: string): boolean {
    const key = resolve(dir);
    return [...this.open.values()].some((e) => e.dir === key);
  }

  async rename(path: string, newName: string): Promise<Result<ProjectSummary>> {
    const name = validateProjectName(newName);
    if (!name.ok) return name;
    const dirResult = await this.projectDir(path);
    if (!dirResult.ok) return dirResult;
    const dir = dirResult.value;
    if (this.isOpenAt(dir)) return err('CONFLICT', `Close "${basename(dir)}" before renaming it.`, dir);
    const read = await readProjectFile(this.deps.fs, dir);
    if (!read.ok) return read;
    const target = join(dirname(dir), name.value);
    const folderChanges = target !== dir;
    if (folderChanges && (await pathExists(this.deps.fs, target)) && target.toLowerCase() !== dir.toLowerCase()) {
      return err('ALREADY_EXISTS', `A folder named "${name.value}" already exists next to this project.`, 'name');
    }
    const file = read.value;
    const renamed = buildProjectFile(
      file.projectId,
      file.revision + 1,
      { ...file.data, settings: { ...file.data.settings, name: name.value } },
      this.deps.now(),
    );
    try {
      if (folderChanges) await this.deps.fs.rename(dir, target);
    } catch (error) {
      return ioError('rename', dir, error);
    }
    try {
      await writeProjectFile(this.deps.fs, target, renamed);
    } catch (error) {
      // Put the folder back so name and folder stay consistent.
      if (folderChanges) await this.deps.fs.rename(target, dir).catch(() => undefined);
      return ioError('rename', dir, error);
    }
    await this.deps.recent.replace(dir, target).catch(() => undefined);
    return ok(this.summaryOf(target, renamed, null));
  }

  async duplicate(path: string, newName: string): Promise<Result<ProjectSummary>> {
    const name = validateProjectName(newName);
    if (!name.ok) return name;
    const dirResult = await this.projectDir(path);
    if (!dirResult.ok) return dirResult;
    const dir = dirResult.value;
    const read = await readProjectFile(this.deps.fs, dir);
    if (!read.ok) return read;
    const target = join(dirname(dir), name.value);
    if (await pathExists(this.deps.fs, target)) return err('ALREADY_EXISTS', `A folder named "${name.value}" already exists next to this project.`, 'name');
    // Copy into a hidden staging folder, then rename: a failed copy never looks like a project.
    const staging = join(dirname(dir), `.${name.value}.copying-${Date.now()}`);
    const copy = buildProjectFile(newId<ProjectId>(), 0, { ...read.value.data, settings: { ...read.value.data.settings, name: name.value } }, this.deps.now());
    try {
      await this.deps.fs.cp(dir, staging, {
        recursive: true,
        errorOnExist: true,
        filter: (source) => basename(source) !== '.backups' && basename(source) !== PROJECT_FILE_NAME,
      });
      await this.deps.fs.mkdir(join(staging, '.backups'), { recursive: true });
      await writeProjectFile(this.deps.fs, staging, copy);
      await this.deps.fs.rename(staging, target);
    } catch (error) {
      await this.deps.fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      return ioError('duplicate', dir, error);
    }
    return ok(this.summaryOf(target, copy, null));
  }

  async trashProject(path: string): Promise<Result<TrashOutcome>> {
    const dirResult = await this.projectDir(path);
    if (!dirResult.ok) return dirResult;
    const dir = dirResult.value;
    if (this.isOpenAt(dir)) return err('CONFLICT', `Close "${basename(dir)}" before moving it to the trash.`, dir);
    if (!(await pathExists(this.deps.fs, join(dir, PROJECT_FILE_NAME)))) {
      return err('NOT_FOUND', `${dir} is not a Shotcanvas project folder; nothing was moved.`, dir);
    }
    try {
      const location = await this.deps.trash(dir);
      await this.deps.recent.forget(dir).catch(() => undefined);
      return ok({ location });
    } catch (error) {
      return ioError('move to the trash', dir, error);
    }
  }

  async forgetRecent(path: string): Promise<Result<null>> {
    await this.deps.recent.forget(path);
    return ok(null);
  }

  /**
   * Writes the renderer's snapshot as the new `project.json` and acknowledges its revision.
   * Snapshots older than what is on disk are acknowledged without writing (they arrived late).
   */
  saveSnapshot(input: SaveSnapshotInput): Promise<Result<SnapshotAck>> {
    const entry = this.open.get(input.projectId);
    if (!entry) return Promise.resolve(err('NOT_FOUND', 'This project is not open any more; reopen it to keep editing.', input.projectId));
    const run = entry.queue.then(async (): Promise<Result<SnapshotAck>> => {
      if (input.revision <= entry.revision) {
        return ok({ revision: entry.revision, savedAt: this.deps.now().toISOString() });
      }
      const file = buildProjectFile(input.projectId, input.revision, input.data, this.deps.now());
      try {
        await writeProjectFile(this.deps.fs, entry.dir, file);
      } catch (error) {
        return ioError('save', join(entry.dir, PROJECT_FILE_NAME), error);
      }
      entry.revision = input.revision;
      return ok({ revision: file.revision, savedAt: file.savedAt });
    });
    entry.queue = run.catch(() => undefined);
    return run;
  }
}
