import type { MainApi } from '../../shared/ipc/contract.ts';
import { AppSettingsStore } from './appSettings.ts';
import type { FreeSpaceProbe } from './diskSpace.ts';
import { MIN_FREE_BYTES, formatBytes, nodeFreeSpace } from './diskSpace.ts';
import type { FileSystem } from './fileSystem.ts';
import { FlushCoordinator } from './flushCoordinator.ts';
import { JobRegistry } from './jobs.ts';
import type { EmitEvent, HostBindings } from './mainApiService.ts';
import { createMainApi } from './mainApiService.ts';
import { MediaService } from './media/mediaService.ts';
import type { MediaToolPaths } from './media/mediaTools.ts';
import { OpenProjects } from './openProjects.ts';
import { OwnerPings } from './ownerPings.ts';
import { ProjectLibrary } from './projectLibrary.ts';
import { RecentProjects } from './recentProjects.ts';
import { WorkspacePaths } from './workspacePaths.ts';

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
  /** Pushes an event to the renderer(s): IPC on the desktop, server-sent events on the web host. */
  readonly emit: EmitEvent;
  readonly log?: (message: string, error?: unknown) => void;
  readonly freeSpace?: FreeSpaceProbe;
  /** How long an open project's owner has to answer before another window may take it over. */
  readonly ownerTimeoutMs?: number;
  /** Explicit ffprobe/ffmpeg binaries; by default the installer package or PATH. */
  readonly mediaTools?: MediaToolPaths;
}

export interface Services {
  readonly api: MainApi;
  readonly library: ProjectLibrary;
  readonly projects: OpenProjects;
  readonly settings: AppSettingsStore;
  readonly flush: FlushCoordinator;
  readonly jobs: JobRegistry;
  /** Media import and thumbnails; the web host's upload route streams into it. */
  readonly media: MediaService;
}

/**
 * After saves, checks the free space where a project lives (at most once a minute per folder)
 * and pushes a `storageWarning` when it is below the safety margin.
 */
function lowDiskWarner(probe: FreeSpaceProbe, emit: EmitEvent, now: () => Date): (dir: string) => Promise<void> {
  const lastCheck = new Map<string, number>();
  return async (dir) => {
    const at = now().getTime();
    if (at - (lastCheck.get(dir) ?? -Infinity) < 60_000) return;
    lastCheck.set(dir, at);
    const freeBytes = await probe(dir).catch(() => Infinity);
    if (freeBytes < MIN_FREE_BYTES * 2) {
      emit('storageWarning', {
        path: dir,
        freeBytes,
        low: true,
        message: `Only ${formatBytes(freeBytes)} free on the disk holding ${dir}. Free some space: saves and backups need room.`,
      });
    }
  };
}

/** Wires the plain-Node services together; Electron main and the web host both call this. */
export function createServices(config: ServiceConfig): Services {
  const log = config.log ?? (() => undefined);
  const settings = new AppSettingsStore(config.fs, config.userDataDir, config.defaultWorkspaceDir);
  const recent = new RecentProjects(config.fs, config.userDataDir);
  const paths = new WorkspacePaths(config.fs, settings, config.confineToWorkspace);
  const owners = new OwnerPings((payload) => config.emit('ownerPing', payload));
  const projects = new OpenProjects({
    fs: config.fs,
    paths,
    recent,
    now: config.now,
    owners,
    announceTakeover: (projectId, clientId) => config.emit('projectTakenOver', { projectId, clientId }),
    log,
    ...(config.ownerTimeoutMs === undefined ? {} : { ownerTimeoutMs: config.ownerTimeoutMs }),
    warnLowDisk: lowDiskWarner(config.freeSpace ?? nodeFreeSpace, config.emit, config.now),
  });
  const library = new ProjectLibrary({ fs: config.fs, paths, recent, trash: config.trash, now: config.now, isOpenAt: (dir) => projects.isOpenAt(dir) });
  const flush = new FlushCoordinator();
  const jobs = new JobRegistry({ progress: (p) => config.emit('jobProgress', p), finished: (s) => config.emit('jobFinished', s) });
  const media = new MediaService({
    fs: config.fs,
    projects,
    paths,
    jobs,
    ...(config.freeSpace ? { freeSpace: config.freeSpace } : {}),
    ...(config.mediaTools ? { tools: config.mediaTools } : {}),
  });
  const api = createMainApi({
    fs: config.fs,
    paths,
    library,
    projects,
    settings,
    host: config.host,
    flush,
    jobs,
    owners,
    now: config.now,
    ...(config.freeSpace ? { freeSpace: config.freeSpace } : {}),
    media,
  });
  return { api, library, projects, settings, flush, jobs, media };
}
