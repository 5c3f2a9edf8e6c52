import { basename, dirname, resolve } from 'node:path';
import { PROJECT_FILE_NAME } from '../../shared/identity.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import type { AppSettingsStore } from './appSettings.ts';
import type { FileSystem } from './fileSystem.ts';
import { isRealPathInside } from './pathSafety.ts';

/**
 * Turns user-given paths into project folders. On the web host every path must lie inside the
 * workspace folder (symlinks resolved): the browser page is less trusted than a native dialog.
 */
export class WorkspacePaths {
  private readonly fs: FileSystem;
  private readonly settings: AppSettingsStore;
  readonly confineToWorkspace: boolean;

  constructor(fs: FileSystem, settings: AppSettingsStore, confineToWorkspace: boolean) {
    this.fs = fs;
    this.settings = settings;
    this.confineToWorkspace = confineToWorkspace;
  }

  async workspaceDir(): Promise<string> {
    return resolve((await this.settings.get()).workspaceDir);
  }

  async isAllowed(path: string): Promise<boolean> {
    return !this.confineToWorkspace || isRealPathInside(this.fs, await this.workspaceDir(), path);
  }

  /** A project folder path (a path to its project.json is accepted too), confinement applied. */
  async projectDir(path: string): Promise<Result<string>> {
    let dir = resolve(path);
    if (basename(dir) === PROJECT_FILE_NAME) dir = dirname(dir);
    return this.checkAllowed(dir);
  }

  /** Any file or folder path the user picked (bundles, export targets), confinement applied. */
  async checkAllowed(path: string): Promise<Result<string>> {
    const target = resolve(path);
    if (!(await this.isAllowed(target))) {
      const root = await this.workspaceDir();
      return err('FORBIDDEN', `${target} is outside the workspace folder ${root}; the web host only works inside it.`, target);
    }
    return ok(target);
  }
}
