import type { HostKind, MainApi, OpenDialogInput, PickedPath } from '../../shared/ipc/contract.ts';
import { PROJECT_SCHEMA_VERSION } from '../../shared/model/projectFile.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import type { AppSettingsStore } from './appSettings.ts';
import { APP_VERSION } from './appVersion.ts';
import type { FileSystem } from './fileSystem.ts';
import type { FlushCoordinator } from './flushCoordinator.ts';
import { browseFolder } from './folderBrowser.ts';
import type { ProjectLibrary } from './projectLibrary.ts';

/** What differs between the desktop app and the web host; everything else is shared. */
export interface HostBindings {
  readonly kind: HostKind;
  readonly platform: string;
  showOpenDialog(input: OpenDialogInput): Promise<Result<PickedPath>>;
  openExternal(url: string): Promise<void>;
  /** The folder the in-app picker may not leave. */
  browseRoot(): Promise<string>;
}

/** Only https links leave the app; anything else (file:, javascript:, custom schemes) is refused. */
export function checkExternalUrl(url: string): Result<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err('INVALID_ARGUMENT', `"${url.slice(0, 100)}" is not a valid link.`, 'url');
  }
  if (parsed.protocol !== 'https:') return err('FORBIDDEN', `Only https links can be opened, not ${parsed.protocol} links.`, 'url');
  return ok(parsed.toString());
}

/** The one implementation of MainApi, used by Electron's IPC handlers and by the web host. */
export function createMainApi(deps: {
  fs: FileSystem;
  library: ProjectLibrary;
  settings: AppSettingsStore;
  host: HostBindings;
  flush: FlushCoordinator;
}): MainApi {
  const { fs, library, settings, host, flush } = deps;
  return {
    getHostInfo: async () =>
      ok({
        kind: host.kind,
        appVersion: APP_VERSION,
        platform: host.platform,
        workspaceDir: await library.workspaceDir(),
        schemaVersion: PROJECT_SCHEMA_VERSION,
      }),
    listProjects: () => library.list(),
    createProject: (input) => library.create(input),
    openProject: (input) => library.openProject(input.path),
    closeProject: (input) => library.close(input.projectId),
    renameProject: (input) => library.rename(input.path, input.name),
    duplicateProject: (input) => library.duplicate(input.path, input.name),
    trashProject: (input) => library.trashProject(input.path),
    forgetRecentProject: (input) => library.forgetRecent(input.path),
    saveSnapshot: (input) => library.saveSnapshot(input),
    getSettings: async () => ok(await settings.get()),
    updateSettings: async (patch) => ok(await settings.update(patch)),
    browseFolder: async (input) => browseFolder(fs, await host.browseRoot(), input.path),
    showOpenDialog: (input) => host.showOpenDialog(input),
    openExternal: async (input) => {
      const checked = checkExternalUrl(input.url);
      if (!checked.ok) return checked;
      await host.openExternal(checked.value);
      return ok(null);
    },
    acknowledgeFlush: (ack) => {
      flush.acknowledge(ack);
      return Promise.resolve(ok(null));
    },
  };
}
