import { basename, join } from 'node:path';
import { APP_VERSION } from '../../shared/appInfo.ts';
import { BUNDLE_EXTENSION } from '../../shared/identity.ts';
import type { DiskStatus, HostKind, MainApi, MainEventName, MainEvents, OpenDialogInput, PickedPath, SaveDialogInput } from '../../shared/ipc/contract.ts';
import { PROJECT_SCHEMA_VERSION } from '../../shared/model/projectFile.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import type { AppSettingsStore } from './appSettings.ts';
import { exportProjectBundle } from './bundle/bundleExport.ts';
import { importProjectBundle } from './bundle/bundleImport.ts';
import type { FreeSpaceProbe } from './diskSpace.ts';
import { MIN_FREE_BYTES, formatBytes, nodeFreeSpace } from './diskSpace.ts';
import type { FileSystem } from './fileSystem.ts';
import type { FlushCoordinator } from './flushCoordinator.ts';
import { browseFolder } from './folderBrowser.ts';
import type { JobRegistry } from './jobs.ts';
import { importImageBytes } from './media/imageImport.ts';
import { MediaService } from './media/mediaService.ts';
import { shownFileName } from './media/mediaFileName.ts';
import type { OpenProjects } from './openProjects.ts';
import type { OwnerPings } from './ownerPings.ts';
import type { ProjectLibrary } from './projectLibrary.ts';
import type { WorkspacePaths } from './workspacePaths.ts';

/** What differs between the desktop app and the web host; everything else is shared. */
export interface HostBindings {
  readonly kind: HostKind;
  readonly platform: string;
  showOpenDialog(input: OpenDialogInput): Promise<Result<PickedPath>>;
  showSaveDialog(input: SaveDialogInput): Promise<Result<PickedPath>>;
  openExternal(url: string): Promise<void>;
  /** The folder the in-app picker may not leave. */
  browseRoot(): Promise<string>;
}

export type EmitEvent = <E extends MainEventName>(event: E, payload: MainEvents[E]) => void;

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

export interface MainApiDeps {
  readonly fs: FileSystem;
  readonly paths: WorkspacePaths;
  readonly library: ProjectLibrary;
  readonly projects: OpenProjects;
  readonly settings: AppSettingsStore;
  readonly host: HostBindings;
  readonly flush: FlushCoordinator;
  readonly jobs: JobRegistry;
  readonly owners: OwnerPings;
  readonly now: () => Date;
  readonly freeSpace?: FreeSpaceProbe;
  /** Built from the other deps when absent; the service container passes its own (the web host's upload route uses it too). */
  readonly media?: MediaService;
}

function timestampForFileName(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');
}

/**
 * Strict base64, or null: Buffer.from silently skips characters it does not know, takes base64url
 * too and stops at a misplaced `=`, so a mangled upload would store a different file.
 */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return bytes.length === (text.length / 4) * 3 - padding ? bytes : null;
}

/** The one implementation of MainApi, used by Electron's IPC handlers and by the web host. */
export function createMainApi(deps: MainApiDeps): MainApi {
  const { fs, paths, library, projects, settings, host, flush, jobs, owners, now } = deps;
  const freeSpace = deps.freeSpace ?? nodeFreeSpace;
  const media = deps.media ?? new MediaService({ fs, projects, paths, jobs, freeSpace });

  const diskStatus = async (path: string): Promise<Result<DiskStatus>> => {
    try {
      const freeBytes = await freeSpace(path);
      const low = freeBytes < MIN_FREE_BYTES * 2;
      const message = low ? `Only ${formatBytes(freeBytes)} free on the disk holding ${path}. Free some space: saves and backups need room.` : null;
      return ok({ path, freeBytes, low, message });
    } catch (error) {
      return err('IO_ERROR', `Could not read the free space of ${path}: ${error instanceof Error ? error.message : String(error)}`, path);
    }
  };

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
    openProject: (input) => projects.openProject(input.path, input.clientId),
    closeProject: (input) => projects.close(input),
    renameProject: (input) => library.rename(input.path, input.name),
    duplicateProject: (input) => library.duplicate(input.path, input.name),
    trashProject: (input) => library.trashProject(input.path),
    forgetRecentProject: (input) => library.forgetRecent(input.path),
    saveSnapshot: (input) => projects.saveSnapshot(input),
    saveChanges: (input) => projects.saveChanges(input),
    answerOwnerPing: (input) => {
      owners.answer(input.nonce, input.clientId, input.projectId);
      return Promise.resolve(ok(null));
    },
    listBackups: (input) => projects.listBackups(input.path),
    createBackup: (input) => projects.createBackup(input),
    restoreBackup: (input) => {
      const { jobId } = jobs.start('backup-restore', 'Restoring a backup', (ctx) => projects.restoreBackup(input, ctx.signal, ctx.progress));
      return Promise.resolve(ok({ jobId, targetPath: null }));
    },
    recoverProject: (input) => projects.recoverProject(input.path, input.backupId),
    exportBundle: async (input) => {
      const dir = await paths.projectDir(input.path);
      if (!dir.ok) return dir;
      const targetPath = input.targetPath ?? join(dir.value, 'exports', `${basename(dir.value)} ${timestampForFileName(now())}.${BUNDLE_EXTENSION}`);
      const target = await paths.checkAllowed(targetPath);
      if (!target.ok) return target;
      // Pending edits go into project.json first, so the bundle has everything.
      const open = projects.projectIdAt(dir.value);
      if (open) await projects.compact(open);
      const { jobId } = jobs.start('bundle-export', `Exporting ${basename(dir.value)}`, (ctx) =>
        exportProjectBundle({ fs, projectDir: dir.value, targetPath: target.value, signal: ctx.signal, onProgress: ctx.progress, freeSpace, now }),
      );
      return ok({ jobId, targetPath: target.value });
    },
    importBundle: async (input) => {
      const bundle = await paths.checkAllowed(input.bundlePath);
      if (!bundle.ok) return bundle;
      const parentDir = await library.workspaceDir();
      await fs.mkdir(parentDir, { recursive: true });
      const { jobId } = jobs.start('bundle-import', `Importing ${basename(bundle.value)}`, (ctx) =>
        importProjectBundle({
          fs,
          bundlePath: bundle.value,
          parentDir,
          ...(input.name ? { name: input.name } : {}),
          signal: ctx.signal,
          onProgress: ctx.progress,
          freeSpace,
          now,
        }),
      );
      return ok({ jobId, targetPath: null });
    },
    cancelJob: (input) => Promise.resolve(ok({ cancelled: jobs.cancel(input.jobId) })),
    getDiskStatus: async (input) => {
      const dir = await paths.checkAllowed(input.path);
      if (!dir.ok) return dir;
      return diskStatus(dir.value);
    },
    importFrameImage: async (input) => {
      const dir = projects.ownedDir(input.projectId, input.clientId);
      if (!dir.ok) return dir;
      const bytes = decodeBase64(input.dataBase64);
      if (!bytes)
        return err('INVALID_ARGUMENT', `The data of "${shownFileName(input.fileName)}" did not arrive intact (malformed base64). Try again.`, 'dataBase64');
      return importImageBytes({ fs, projectDir: dir.value, fileName: input.fileName, bytes, freeSpace });
    },
    importMedia: (input) => media.importMedia(input),
    probeMedia: (input) => media.probeMedia(input),
    getMediaPoster: (input) => media.getMediaPoster(input),
    getScrubStrip: (input) => media.getScrubStrip(input),
    checkMedia: (input) => media.checkMedia(input),
    relinkMedia: (input) => media.relinkMedia(input),
    getSettings: async () => ok(await settings.get()),
    updateSettings: async (patch) => ok(await settings.update(patch)),
    browseFolder: async (input) => browseFolder(fs, await host.browseRoot(), input.path, input.fileExtensions ?? []),
    showOpenDialog: (input) => host.showOpenDialog(input),
    showSaveDialog: (input) => host.showSaveDialog(input),
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
