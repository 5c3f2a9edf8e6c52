import type { ProjectId } from '../ids.ts';
import type { FrameRate } from '../model/frameRate.ts';
import type { ProjectData, ProjectFile } from '../model/projectFile.ts';
import type { Result } from '../result.ts';

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
  openProject(input: ProjectPathInput): Promise<Result<OpenedProject>>;
  closeProject(input: ProjectIdInput): Promise<Result<null>>;
  renameProject(input: RenameProjectInput): Promise<Result<ProjectSummary>>;
  duplicateProject(input: RenameProjectInput): Promise<Result<ProjectSummary>>;
  trashProject(input: ProjectPathInput): Promise<Result<TrashOutcome>>;
  forgetRecentProject(input: ProjectPathInput): Promise<Result<null>>;
  saveSnapshot(input: SaveSnapshotInput): Promise<Result<SnapshotAck>>;
  getSettings(): Promise<Result<AppSettings>>;
  updateSettings(input: AppSettingsPatch): Promise<Result<AppSettings>>;
  browseFolder(input: BrowseFolderInput): Promise<Result<FolderListing>>;
  showOpenDialog(input: OpenDialogInput): Promise<Result<PickedPath>>;
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
}

export const MENU_COMMANDS = [
  'new-project',
  'open-project',
  'close-project',
  'add-shot',
  'delete-selection',
  'select-all',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'zoom-fit',
  'toggle-inspector',
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

export interface ProjectIdInput {
  readonly projectId: ProjectId;
}

export interface RenameProjectInput {
  readonly path: string;
  readonly name: string;
}

export interface OpenedProject {
  readonly summary: ProjectSummary;
  readonly file: ProjectFile;
}

export interface TrashOutcome {
  /** Where the folder went (OS trash, or the workspace's .trash folder on the web host). */
  readonly location: string;
}

export interface SaveSnapshotInput {
  readonly projectId: ProjectId;
  readonly revision: number;
  readonly data: ProjectData;
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
}

export interface FolderEntry {
  readonly name: string;
  readonly path: string;
  readonly isProject: boolean;
}

export interface FolderListing {
  readonly path: string;
  /** Null at the root the picker may not leave. */
  readonly parent: string | null;
  readonly folders: readonly FolderEntry[];
}

export interface OpenDialogInput {
  readonly purpose: 'open-project' | 'choose-folder';
}

export interface PickedPath {
  /** Null when the user cancelled. */
  readonly path: string | null;
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
  'getSettings',
  'updateSettings',
  'browseFolder',
  'showOpenDialog',
  'openExternal',
  'acknowledgeFlush',
] as const satisfies readonly MainApiMethod[];

export const MAIN_EVENT_NAMES = ['menuCommand', 'flushRequest'] as const satisfies readonly MainEventName[];

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// If a method is added to MainApi but not to the list (or the reverse), this line fails to compile.
const methodsCoverApi: Exactly<(typeof MAIN_API_METHODS)[number], MainApiMethod> = true;
const eventsCoverEvents: Exactly<(typeof MAIN_EVENT_NAMES)[number], MainEventName> = true;
export const CONTRACT_IS_COMPLETE = methodsCoverApi && eventsCoverEvents;

export type MainApiArg<M extends MainApiMethod> = Parameters<MainApi[M]> extends [] ? undefined : Parameters<MainApi[M]>[0];
export type MainApiValue<M extends MainApiMethod> = Awaited<ReturnType<MainApi[M]>> extends Result<infer T> ? T : never;

/** `window.shotcanvas`: the API plus event subscription and the host's identity. */
export type ShotcanvasBridge = MainApi & {
  readonly hostKind: HostKind;
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
