import { basename, dirname, join, resolve } from 'node:path';
import type { CreateProjectInput, ProjectSummary, TrashOutcome } from '../../shared/ipc/contract.ts';
import { PROJECT_FILE_NAME } from '../../shared/identity.ts';
import type { ProjectId } from '../../shared/ids.ts';
import { newId } from '../../shared/ids.ts';
import { findFrameRate } from '../../shared/model/frameRate.ts';
import type { ProjectData } from '../../shared/model/projectFile.ts';
import { validateProjectName } from '../../shared/model/projectName.ts';
import { defaultRecordStart } from '../../shared/model/projectSettings.ts';
import { DEFAULT_RETIRED_MODELS } from '../../shared/takes/retiredModels.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import { isTempFileName } from './atomicWrite.ts';
import { sweepImportStaging } from './bundle/importFinish.ts';
import type { FileSystem } from './fileSystem.ts';
import { errorCode, pathExists } from './fileSystem.ts';
import { PROJECT_SUBFOLDERS, buildProjectFile, readProjectFileDetailed, writeProjectFile } from './projectFolder.ts';
import { JOURNAL_FILE_NAME } from './projectJournal.ts';
import { readCurrentProjectFile } from './projectStore.ts';
import { brokenSummary, ioError, summaryOf } from './projectSummary.ts';
import type { RecentProjects } from './recentProjects.ts';
import type { WorkspacePaths } from './workspacePaths.ts';

export interface ProjectLibraryDeps {
  readonly fs: FileSystem;
  readonly paths: WorkspacePaths;
  readonly recent: RecentProjects;
  /** Moves a folder to the OS trash (desktop) or a recoverable place (web host); returns where. */
  readonly trash: (path: string) => Promise<string>;
  readonly now: () => Date;
  /** Whether a folder is open for editing right now (it must not be renamed or trashed then). */
  readonly isOpenAt: (dir: string) => boolean;
}

/** The user's project folders: list, create, rename, duplicate, move to the trash. */
export class ProjectLibrary {
  private readonly deps: ProjectLibraryDeps;
  private readonly summaries = new Map<string, { stamp: string; summary: ProjectSummary }>();

  constructor(deps: ProjectLibraryDeps) {
    this.deps = deps;
  }

  workspaceDir(): Promise<string> {
    return this.deps.paths.workspaceDir();
  }

  private projectDir(path: string): Promise<Result<string>> {
    return this.deps.paths.projectDir(path);
  }

  private isOpenAt(dir: string): boolean {
    return this.deps.isOpenAt(dir);
  }

  private async summarize(dir: string, lastOpenedAt: string | null): Promise<ProjectSummary> {
    // Validating a 10,000-shot project takes a second: reuse the summary while its files are unchanged.
    const stamp = await this.fileStamp(dir);
    const cached = this.summaries.get(dir);
    if (cached && stamp !== null && cached.stamp === stamp) return { ...cached.summary, lastOpenedAt };
    const summary = await this.readSummary(dir, lastOpenedAt);
    if (stamp !== null) this.summaries.set(dir, { stamp, summary });
    return summary;
  }

  private async readSummary(dir: string, lastOpenedAt: string | null): Promise<ProjectSummary> {
    const read = await readCurrentProjectFile(this.deps.fs, dir, this.deps.now);
    if (read.ok) return summaryOf(dir, read.value, lastOpenedAt);
    // A project from a newer version is not broken: it opens read-only.
    const detailed = read.error.code === 'NEWER_VERSION' ? await readProjectFileDetailed(this.deps.fs, dir) : null;
    if (detailed?.ok) return summaryOf(dir, detailed.value.file, lastOpenedAt);
    return brokenSummary(dir, read.error.message, lastOpenedAt);
  }

  /** Size and modification time of project.json and the journal, or null when unreadable. */
  private async fileStamp(dir: string): Promise<string | null> {
    try {
      const file = await this.deps.fs.stat(join(dir, PROJECT_FILE_NAME));
      const journal = await this.deps.fs.stat(join(dir, JOURNAL_FILE_NAME)).catch(() => null);
      return `${file.size}:${file.mtimeMs}:${journal?.size ?? 0}:${journal?.mtimeMs ?? 0}`;
    } catch {
      return null;
    }
  }

  /** Projects in the workspace folder plus recently opened ones elsewhere, most recent first. */
  async list(): Promise<Result<ProjectSummary[]>> {
    const root = await this.workspaceDir();
    // Staging folders of imports that a crash interrupted (older than a day) are garbage.
    await sweepImportStaging(this.deps.fs, root, this.deps.now()).catch(() => 0);
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
      if (await this.deps.paths.isAllowed(r.path)) dirs.add(resolve(r.path));
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
        retiredModels: DEFAULT_RETIRED_MODELS,
      },
      shots: [],
      scenes: [],
      notes: [],
      arrows: [],
      takes: [],
      tombstones: [],
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
    return ok(summaryOf(dir, file, null));
  }

  async rename(path: string, newName: string): Promise<Result<ProjectSummary>> {
    const name = validateProjectName(newName);
    if (!name.ok) return name;
    const dirResult = await this.projectDir(path);
    if (!dirResult.ok) return dirResult;
    const dir = dirResult.value;
    if (this.isOpenAt(dir)) return err('CONFLICT', `Close "${basename(dir)}" before renaming it.`, dir);
    const read = await readCurrentProjectFile(this.deps.fs, dir, this.deps.now);
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
    return ok(summaryOf(target, renamed, null));
  }

  async duplicate(path: string, newName: string): Promise<Result<ProjectSummary>> {
    const name = validateProjectName(newName);
    if (!name.ok) return name;
    const dirResult = await this.projectDir(path);
    if (!dirResult.ok) return dirResult;
    const dir = dirResult.value;
    const read = await readCurrentProjectFile(this.deps.fs, dir, this.deps.now);
    if (!read.ok) return read;
    const target = join(dirname(dir), name.value);
    if (await pathExists(this.deps.fs, target)) return err('ALREADY_EXISTS', `A folder named "${name.value}" already exists next to this project.`, 'name');
    // Copy into a hidden staging folder, then rename: a failed copy never looks like a project.
    const staging = join(dirname(dir), `.${name.value}.copying-${Date.now()}`);
    const copy = buildProjectFile(
      newId<ProjectId>(),
      0,
      { ...read.value.data, tombstones: [], settings: { ...read.value.data.settings, name: name.value } },
      this.deps.now(),
    );
    try {
      await this.deps.fs.cp(dir, staging, {
        recursive: true,
        errorOnExist: true,
        // The copy starts with no history; project.json is rewritten with a new id below.
        filter: (source) => !['.backups', PROJECT_FILE_NAME, JOURNAL_FILE_NAME].includes(basename(source)) && !isTempFileName(basename(source)),
      });
      await this.deps.fs.mkdir(join(staging, '.backups'), { recursive: true });
      await writeProjectFile(this.deps.fs, staging, copy);
      await this.deps.fs.rename(staging, target);
    } catch (error) {
      await this.deps.fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
      return ioError('duplicate', dir, error);
    }
    return ok(summaryOf(target, copy, null));
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
}
