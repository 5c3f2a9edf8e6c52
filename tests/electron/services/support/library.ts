import { mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { AppSettingsStore } from '../../../../electron/services/appSettings.ts';
import type { FileSystem } from '../../../../electron/services/fileSystem.ts';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { OpenProjects } from '../../../../electron/services/openProjects.ts';
import { OwnerPings } from '../../../../electron/services/ownerPings.ts';
import { ProjectLibrary } from '../../../../electron/services/projectLibrary.ts';
import { RecentProjects } from '../../../../electron/services/recentProjects.ts';
import { WorkspacePaths } from '../../../../electron/services/workspacePaths.ts';
import type { CreateProjectInput, OpenedProject, ProjectClientInput, ProjectSummary } from '../../../../shared/ipc/contract.ts';
import type { ProjectId } from '../../../../shared/ids.ts';
import type { ErrorCode, Result } from '../../../../shared/result.ts';
import { FIXED_NOW } from './projectData.ts';

/** The window or tab that opens projects in these tests (the renderer's client id). */
export const CLIENT = 'client-window-1';
export const OTHER_CLIENT = 'client-window-2';

export interface LibraryFixture {
  readonly library: ProjectLibrary;
  readonly projects: OpenProjects;
  readonly paths: WorkspacePaths;
  readonly owners: OwnerPings;
  readonly recent: RecentProjects;
  readonly settings: AppSettingsStore;
  /** <root>/workspace: where projects are created by default. */
  readonly workspace: string;
  /** <root>/user-data: settings.json and recent-projects.json. */
  readonly userData: string;
  /** <root>/trash: where the fake OS trash moves folders. */
  readonly trashDir: string;
  /** Paths the fake trash was asked to move. */
  readonly trashed: string[];
  /** Clients whose (fake) window answers main's "are you still there?" pings at once. */
  readonly liveClients: Set<string>;
  /** Every ping main sent. */
  readonly pings: Array<{ projectId: string; nonce: string }>;
  /** Every takeover announced: the project and the client that lost it. */
  readonly takeovers: Array<{ projectId: string; clientId: string }>;
  /** What the services logged. */
  readonly logged: string[];
}

export interface LibraryOptions {
  readonly confineToWorkspace?: boolean;
  readonly fs?: FileSystem;
  readonly now?: () => Date;
  readonly trash?: (path: string) => Promise<string>;
  readonly ownerTimeoutMs?: number;
}

/**
 * A ProjectLibrary and the OpenProjects beside it over real folders under `root`, with the real
 * settings and recent-projects stores, a trash that moves folders into `<root>/trash`, owner pings
 * answered by the clients in `liveClients`, and a fixed clock.
 */
export async function makeLibrary(root: string, options: LibraryOptions = {}): Promise<LibraryFixture> {
  const fs = options.fs ?? nodeFileSystem;
  const now = options.now ?? (() => FIXED_NOW);
  const workspace = join(root, 'workspace');
  const userData = join(root, 'user-data');
  const trashDir = join(root, 'trash');
  await mkdir(workspace, { recursive: true });
  await mkdir(trashDir, { recursive: true });
  const settings = new AppSettingsStore(fs, userData, workspace);
  const recent = new RecentProjects(fs, userData);
  const paths = new WorkspacePaths(fs, settings, options.confineToWorkspace ?? false);
  const trashed: string[] = [];
  const trash = async (path: string) => {
    trashed.push(path);
    if (options.trash) return options.trash(path);
    const target = join(trashDir, `${basename(path)}-${trashed.length}`);
    await rename(path, target);
    return target;
  };
  const liveClients = new Set<string>();
  const pings: Array<{ projectId: string; nonce: string }> = [];
  const takeovers: Array<{ projectId: string; clientId: string }> = [];
  const logged: string[] = [];
  const owners: OwnerPings = new OwnerPings((payload) => {
    pings.push(payload);
    // Every live window hears the ping; only the owner's answer counts.
    for (const client of liveClients) owners.answer(payload.nonce, client, payload.projectId);
  });
  const projects = new OpenProjects({
    fs,
    paths,
    recent,
    now,
    owners,
    announceTakeover: (projectId, clientId) => takeovers.push({ projectId, clientId }),
    log: (message) => logged.push(message),
    ownerTimeoutMs: options.ownerTimeoutMs ?? 50,
  });
  const library = new ProjectLibrary({ fs, paths, recent, trash, now, isOpenAt: (dir) => projects.isOpenAt(dir) });
  return { library, projects, paths, owners, recent, settings, workspace, userData, trashDir, trashed, liveClients, pings, takeovers, logged };
}

export function createInput(name: string, overrides: Partial<CreateProjectInput> = {}): CreateProjectInput {
  return { name, frameRate: { num: 24, den: 1 }, dropFrame: false, width: 1920, height: 1080, ...overrides };
}

/** Unwraps an ok Result, failing the test with the error message otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Asserts an error Result with `code` whose message matches every pattern; returns the error. */
export function expectErr(result: Result<unknown>, code: ErrorCode, ...patterns: Array<RegExp | string>) {
  if (result.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(result.value).slice(0, 200)}`);
  expect(result.error.code).toBe(code);
  for (const pattern of patterns) {
    if (typeof pattern === 'string') expect(result.error.message).toContain(pattern);
    else expect(result.error.message).toMatch(pattern);
  }
  return result.error;
}

export async function createProject(fixture: LibraryFixture, name: string, overrides: Partial<CreateProjectInput> = {}): Promise<ProjectSummary> {
  return expectOk(await fixture.library.create(createInput(name, overrides)));
}

/** Opens a project for `clientId` (default CLIENT), failing the test if it does not open. */
export async function openAs(fixture: LibraryFixture, path: string, clientId = CLIENT): Promise<OpenedProject> {
  return expectOk(await fixture.projects.openProject(path, clientId));
}

/** The { projectId, clientId } pair every per-project call carries. */
export function asClient(projectId: ProjectId, clientId = CLIENT): ProjectClientInput {
  return { projectId, clientId };
}
