import type { MainApi } from '../../shared/ipc/contract.ts';
import { AppSettingsStore } from './appSettings.ts';
import type { FileSystem } from './fileSystem.ts';
import { FlushCoordinator } from './flushCoordinator.ts';
import type { HostBindings } from './mainApiService.ts';
import { createMainApi } from './mainApiService.ts';
import { ProjectLibrary } from './projectLibrary.ts';
import { RecentProjects } from './recentProjects.ts';

export interface ServiceConfig {
  readonly fs: FileSystem;
  /** App-private folder: settings, recent projects (Electron: app.getPath('userData')). */
  readonly userDataDir: string;
  /** Where projects are created unless the user picks another folder (default ~/Shotcanvas). */
  readonly defaultWorkspaceDir: string;
  readonly trash: (folder: string) => Promise<string>;
  readonly now: () => Date;
  readonly confineToWorkspace: boolean;
  readonly host: HostBindings;
}

export interface Services {
  readonly api: MainApi;
  readonly library: ProjectLibrary;
  readonly settings: AppSettingsStore;
  readonly flush: FlushCoordinator;
}

/** Wires the plain-Node services together; Electron main and the web host both call this. */
export function createServices(config: ServiceConfig): Services {
  const settings = new AppSettingsStore(config.fs, config.userDataDir, config.defaultWorkspaceDir);
  const recent = new RecentProjects(config.fs, config.userDataDir);
  const library = new ProjectLibrary({
    fs: config.fs,
    settings,
    recent,
    trash: config.trash,
    now: config.now,
    confineToWorkspace: config.confineToWorkspace,
  });
  const flush = new FlushCoordinator();
  return { api: createMainApi({ fs: config.fs, library, settings, host: config.host, flush }), library, settings, flush };
}
