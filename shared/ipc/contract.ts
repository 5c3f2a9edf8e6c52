import type { ProjectId } from '../ids.ts';
import type { FrameRate } from '../model/frameRate.ts';
import type { FrameRef } from '../model/media.ts';
import type { DocumentData } from '../model/documentData.ts';
import type { ProjectFile } from '../model/projectFile.ts';
import type { ProjectSettings } from '../model/projectSettings.ts';
import type { DocRecord } from '../model/records.ts';
import type { AppError, Result } from '../result.ts';
import type {
  CheckMediaInput,
  ImportMediaInput,
  MediaCheck,
  MediaPoster,
  ProbedMedia,
  ProjectMediaInput,
  RelinkMediaInput,
  ScrubStrip,
} from './mediaContract.ts';

export * from './mediaContract.ts';

/** The global the preload (desktop) or the bridge script (web host) defines: `window.shotcanvas`. */
export const BRIDGE_GLOBAL = 'shotcanvas';

/**
 * Everything the renderer may ask of the main process. The desktop preload and the web host's
 * bridge script both expose exactly these methods on `window.shotcanvas`. Every method takes at
 * most one plain-data argument (validated at runtime in main) and resolves to a Result.
 */
export interface MainApi {
  getHostInfo(): Promise<Result<HostInfo>>;
  listProjects(): Promise<Result<ProjectSummary[]>>;
  createProject(input: CreateProjectInput): Promise<Result<ProjectSummary>>;
  openProject(input: OpenProjectInput): Promise<Result<OpenedProject>>;
  closeProject(input: ProjectClientInput): Promise<Result<null>>;
  renameProject(input: RenameProjectInput): Promise<Result<ProjectSummary>>;
  duplicateProject(input: RenameProjectInput): Promise<Result<ProjectSummary>>;
  trashProject(input: ProjectPathInput): Promise<Result<TrashOutcome>>;
  forgetRecentProject(input: ProjectPathInput): Promise<Result<null>>;
  /** Whole document (first save after recovery, or after a revision conflict). */
  saveSnapshot(input: SaveSnapshotInput): Promise<Result<SnapshotAck>>;
  /** The records changed since `baseRevision`: the normal autosave, appended to the journal. */
  saveChanges(input: SaveChangesInput): Promise<Result<SnapshotAck>>;
  /** The owner of an open project answers main's "are you still there?" (single writer). */
  answerOwnerPing(input: OwnerPingAnswer): Promise<Result<null>>;
  listBackups(input: ProjectPathInput): Promise<Result<BackupInfo[]>>;
  createBackup(input: CreateBackupInput): Promise<Result<BackupInfo>>;
  /** Saves the current state as a backup, then replaces it with the backup (a job). */
  restoreBackup(input: RestoreBackupInput): Promise<Result<JobStarted>>;
  /** For a project whose project.json is damaged: set it aside and use this backup instead. */
  recoverProject(input: RecoverProjectInput): Promise<Result<RecoveredProject>>;
  exportBundle(input: ExportBundleInput): Promise<Result<JobStarted>>;
  importBundle(input: ImportBundleInput): Promise<Result<JobStarted>>;
  cancelJob(input: { jobId: string }): Promise<Result<{ cancelled: boolean }>>;
  getDiskStatus(input: ProjectPathInput): Promise<Result<DiskStatus>>;
  /**
   * Copies an image into the open project's media folder (deduplicated by content) and returns
   * the reference a shot's `frame` stores. Only the project's current writer may import.
   */
  importFrameImage(input: ImportFrameImageInput): Promise<Result<FrameRef>>;
  /**
   * Copies a video or image file (by path: a native dialog or a dropped file's path) into the
   * project's media folder, streamed and hashed, then probes it. A job: its result is ImportedMedia.
   * Only the project's current writer may import. (The web host also takes uploads: see HostFiles.)
   */
  importMedia(input: ImportMediaInput): Promise<Result<JobStarted>>;
  /** Reads a stored media file again: probe fields and generator metadata. */
  probeMedia(input: ProjectMediaInput): Promise<Result<ProbedMedia>>;
  /** A poster JPEG of a stored media file, generated once and cached under `.cache/thumbs/`. */
  getMediaPoster(input: ProjectMediaInput): Promise<Result<MediaPoster>>;
  /** Evenly spaced thumbnails of a stored video as one sprite JPEG, cached like the poster. */
  getScrubStrip(input: ProjectMediaInput): Promise<Result<ScrubStrip>>;
  /** Which referenced media files are missing or no longer hold the recorded bytes. */
  checkMedia(input: CheckMediaInput): Promise<Result<MediaCheck[]>>;
  /** Puts a found copy of a missing media file back in place, if its sha256 is the recorded one (a job). */
  relinkMedia(input: RelinkMediaInput): Promise<Result<JobStarted>>;
  getSettings(): Promise<Result<AppSettings>>;
  updateSettings(input: AppSettingsPatch): Promise<Result<AppSettings>>;
  browseFolder(input: BrowseFolderInput): Promise<Result<FolderListing>>;
  showOpenDialog(input: OpenDialogInput): Promise<Result<PickedPath>>;
  showSaveDialog(input: SaveDialogInput): Promise<Result<PickedPath>>;
  openExternal(input: { url: string }): Promise<Result<null>>;
  /** The renderer finished a `flushRequest` (its pending edits reached the folder, or failed). */
  acknowledgeFlush(input: FlushAck): Promise<Result<null>>;
}

export interface FlushAck {
  readonly requestId: string;
  readonly saved: boolean;
}

/** What main pushes to the renderer. */
export interface MainEvents {
  /** A native menu item or accelerator was used. */
  menuCommand: { command: MenuCommand };
  /** Main wants pending edits written now (window blur, close, quit). */
  flushRequest: { requestId: string; reason: 'blur' | 'close' | 'quit' };
  jobProgress: JobProgress;
  jobFinished: JobSummary;
  /** Main asks the owner of an open project whether it is still there. */
  ownerPing: { projectId: string; nonce: string };
  /** Another window or tab took this project over; the old one must stop writing. */
  projectTakenOver: { projectId: string; clientId: string };
  /** Free disk space fell below the safety margin where a project or its backups live. */
  storageWarning: DiskStatus;
  /** The OS asked to open a project bundle (file association, double-click). */
  openBundle: { path: string };
}

export const MENU_COMMANDS = [
  'new-project',
  'open-project',
  'close-project',
  'import-bundle',
  'export-bundle',
  'project-history',
  'undo',
  'redo',
  'add-shot',
  'add-note',
  'duplicate',
  'group-into-scene',
  'delete-selection',
  'select-all',
  'search',
  'show-shortcuts',
  'zoom-selection',
  'toggle-snapping',
  'toggle-grid-snap',
  'toggle-strip',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'zoom-fit',
  'toggle-inspector',
  'import-take-media',
  'show-takes',
  'fork-take',
  'circle-take',
  'compare-takes',
  'filter-takes',
  'take-metrics',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type HostKind = 'desktop' | 'web';

export interface HostInfo {
  readonly kind: HostKind;
  readonly appVersion: string;
  readonly platform: string;
  /** Where new projects are created and where the web host's path picker is rooted. */
  readonly workspaceDir: string;
  readonly schemaVersion: number;
}

export interface ProjectSummary {
  readonly projectId: ProjectId | null;
  readonly name: string;
  readonly path: string;
  readonly frameRate: FrameRate | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly savedAt: string | null;
  readonly shotCount: number;
  /** Set when the folder is missing or its project.json cannot be read; the text says why. */
  readonly problem: string | null;
  readonly lastOpenedAt: string | null;
}

export interface CreateProjectInput {
  readonly name: string;
  readonly frameRate: FrameRate;
  readonly dropFrame: boolean;
  readonly width: number;
  readonly height: number;
  /** Parent folder; defaults to the workspace folder. */
  readonly parentDir?: string;
}

export interface ProjectPathInput {
  readonly path: string;
}

export interface RenameProjectInput {
  readonly path: string;
  readonly name: string;
}

export interface OpenProjectInput {
  readonly path: string;
  /** This window's or tab's id: one client writes a project at a time. */
  readonly clientId: string;
}

export interface ProjectClientInput {
  readonly projectId: ProjectId;
  readonly clientId: string;
}

export interface OpenedProject {
  readonly summary: ProjectSummary;
  readonly file: ProjectFile;
  /** Set when the project must not be written (made by a newer version); the text says why. */
  readonly readOnly: string | null;
  /** What recovery did on open (swept temp files, replayed edits, migrated format…), for notices. */
  readonly notices: readonly string[];
}

export interface OwnerPingAnswer {
  readonly projectId: string;
  readonly nonce: string;
  readonly clientId: string;
}

export type BackupKind = 'auto' | 'launch' | 'pre-migration' | 'pre-import' | 'pre-bulk-delete' | 'pre-restore' | 'pre-recovery';

/** One entry of the Project history panel. */
export interface BackupInfo {
  readonly id: string;
  readonly kind: BackupKind;
  readonly createdAt: string;
  readonly revision: number;
  readonly schemaVersion: number;
  readonly sizeBytes: number;
  readonly shotCount: number;
  readonly takeCount: number;
  readonly note: string | null;
}

export interface CreateBackupInput extends ProjectClientInput {
  readonly kind: 'pre-bulk-delete' | 'pre-import';
  readonly note: string | null;
}

export interface RestoreBackupInput extends ProjectClientInput {
  readonly backupId: string;
}

export interface RecoverProjectInput {
  readonly path: string;
  readonly backupId: string;
}

export interface RecoveredProject {
  readonly path: string;
  /** Where the damaged project.json was kept. */
  readonly damagedFileKeptAs: string;
}

export interface ExportBundleInput {
  readonly path: string;
  /** Absent: `<project>/exports/<name> <time>.shotcanvas`. */
  readonly targetPath?: string;
}

export interface ImportBundleInput {
  readonly bundlePath: string;
  readonly name?: string;
}

export interface JobStarted {
  readonly jobId: string;
  /** Where the job writes, when that is known at the start (bundle export). */
  readonly targetPath: string | null;
}

export interface DiskStatus {
  readonly path: string;
  readonly freeBytes: number;
  /** Below the safety margin: large writes are refused and the user is warned. */
  readonly low: boolean;
  readonly message: string | null;
}

/** The largest image a storyboard frame may be (the renderer refuses bigger files before reading them). */
export const MAX_FRAME_IMAGE_BYTES = 64 * 1024 * 1024;

export interface ImportFrameImageInput extends ProjectClientInput {
  /** The name the file had on the user's disk; it is stored under its sanitized base name. */
  readonly fileName: string;
  /** The file's bytes, base64-encoded (plain data crosses IPC and HTTP the same way). */
  readonly dataBase64: string;
}

export interface SaveDialogInput {
  readonly purpose: 'export-bundle';
  readonly defaultName: string;
}

export interface TrashOutcome {
  /** Where the folder went (OS trash, or the workspace's .trash folder on the web host). */
  readonly location: string;
}

export interface SaveSnapshotInput extends ProjectClientInput {
  readonly revision: number;
  readonly data: DocumentData;
}

export interface SaveChangesInput extends ProjectClientInput {
  readonly baseRevision: number;
  readonly revision: number;
  readonly puts: readonly DocRecord[];
  readonly deletes: readonly string[];
  readonly settings: ProjectSettings | null;
}

export interface SnapshotAck {
  readonly revision: number;
  readonly savedAt: string;
}

export interface AppSettings {
  readonly workspaceDir: string;
  readonly inspectorWidth: number;
  readonly showInspector: boolean;
}

export type AppSettingsPatch = Partial<AppSettings>;

export interface BrowseFolderInput {
  /** Absent: the workspace folder. */
  readonly path?: string;
  /** Also list files with these extensions (e.g. ['shotcanvas']), for the web host's file picker. */
  readonly fileExtensions?: readonly string[];
}

export interface FolderEntry {
  readonly name: string;
  readonly path: string;
  readonly isProject: boolean;
  /** A file (listed only when fileExtensions asked for it), not a folder. */
  readonly isFile: boolean;
}

export interface FolderListing {
  readonly path: string;
  /** Null at the root the picker may not leave. */
  readonly parent: string | null;
  readonly folders: readonly FolderEntry[];
}

export interface OpenDialogInput {
  readonly purpose: 'open-project' | 'choose-folder' | 'import-bundle';
}

export interface PickedPath {
  /** Null when the user cancelled. */
  readonly path: string | null;
}

export const JOB_KINDS = ['bundle-export', 'bundle-import', 'backup-restore', 'media-import', 'media-relink'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Progress of a long job (bundle export/import, restore, media import/relink), pushed as the `jobProgress` event. */
export interface JobProgress {
  readonly jobId: string;
  readonly kind: JobKind;
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly phase: string | null;
}

/** The end of a job, pushed as the `jobFinished` event. */
export interface JobSummary {
  readonly jobId: string;
  readonly kind: JobKind;
  readonly label: string;
  readonly ok: boolean;
  readonly error: AppError | null;
  readonly value: unknown;
}

export type MainApiMethod = keyof MainApi;
export type MainEventName = keyof MainEvents;

/** Every method, checked at compile time to cover `MainApi` exactly (see the assertion below). */
export const MAIN_API_METHODS = [
  'getHostInfo',
  'listProjects',
  'createProject',
  'openProject',
  'closeProject',
  'renameProject',
  'duplicateProject',
  'trashProject',
  'forgetRecentProject',
  'saveSnapshot',
  'saveChanges',
  'answerOwnerPing',
  'listBackups',
  'createBackup',
  'restoreBackup',
  'recoverProject',
  'exportBundle',
  'importBundle',
  'cancelJob',
  'getDiskStatus',
  'importFrameImage',
  'importMedia',
  'probeMedia',
  'getMediaPoster',
  'getScrubStrip',
  'checkMedia',
  'relinkMedia',
  'getSettings',
  'updateSettings',
  'browseFolder',
  'showOpenDialog',
  'showSaveDialog',
  'openExternal',
  'acknowledgeFlush',
] as const satisfies readonly MainApiMethod[];

export const MAIN_EVENT_NAMES = [
  'menuCommand',
  'flushRequest',
  'jobProgress',
  'jobFinished',
  'ownerPing',
  'projectTakenOver',
  'storageWarning',
  'openBundle',
] as const satisfies readonly MainEventName[];

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// If a method is added to MainApi but not to the list (or the reverse), this line fails to compile.
const methodsCoverApi: Exactly<(typeof MAIN_API_METHODS)[number], MainApiMethod> = true;
const eventsCoverEvents: Exactly<(typeof MAIN_EVENT_NAMES)[number], MainEventName> = true;
export const CONTRACT_IS_COMPLETE = methodsCoverApi && eventsCoverEvents;

export type MainApiArg<M extends MainApiMethod> = Parameters<MainApi[M]> extends [] ? undefined : Parameters<MainApi[M]>[0];
export type MainApiValue<M extends MainApiMethod> = Awaited<ReturnType<MainApi[M]>> extends Result<infer T> ? T : never;

/** The parts of a DOM File the host helpers need (shared/ has no DOM types; a File satisfies this). */
export interface FileLike {
  readonly name: string;
  readonly size: number;
}

export interface MediaUploadTarget extends ProjectClientInput {
  readonly fileName: string;
}

export interface MediaUpload {
  /** The import job the upload turned into (follow it like any job), or why the upload failed. */
  readonly done: Promise<Result<JobStarted>>;
  /** Stops the upload; the web host removes what it received. */
  abort(): void;
}

/**
 * Things only one host can do with a File from a drop or a file input; not IPC methods (they run
 * in the preload or the bridge script). A missing function means this host cannot do it.
 */
export interface HostFiles {
  /** Desktop: the file's path on disk (Electron's webUtils.getPathForFile); '' when it has none. */
  readonly pathForFile?: (file: FileLike) => string;
  /** Web host: streams the file to the upload route, which starts a `media-import` job. */
  readonly uploadMedia?: (file: FileLike, target: MediaUploadTarget, onProgress: (sent: number, total: number) => void) => MediaUpload;
}

/** `window.shotcanvas`: the API plus event subscription, the host's identity and its file helpers. */
export type ShotcanvasBridge = MainApi & {
  readonly hostKind: HostKind;
  readonly files: HostFiles;
  on<E extends MainEventName>(event: E, listener: (payload: MainEvents[E]) => void): () => void;
};

export function apiChannel(method: MainApiMethod): `api:${MainApiMethod}` {
  return `api:${method}`;
}

export function eventChannel(event: MainEventName): `event:${MainEventName}` {
  return `event:${event}`;
}

export function isMainApiMethod(value: unknown): value is MainApiMethod {
  return typeof value === 'string' && (MAIN_API_METHODS as readonly string[]).includes(value);
}

export function isMainEventName(value: unknown): value is MainEventName {
  return typeof value === 'string' && (MAIN_EVENT_NAMES as readonly string[]).includes(value);
}
