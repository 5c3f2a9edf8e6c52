import { mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { AppSettingsStore } from '../../../../electron/services/appSettings.ts';
import type { FileSystem } from '../../../../electron/services/fileSystem.ts';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { ProjectLibrary } from '../../../../electron/services/projectLibrary.ts';
import { RecentProjects } from '../../../../electron/services/recentProjects.ts';
import type { CreateProjectInput, ProjectSummary } from '../../../../shared/ipc/contract.ts';
import type { ErrorCode, Result } from '../../../../shared/result.ts';
import { FIXED_NOW } from './projectData.ts';

export interface LibraryFixture {
  readonly library: ProjectLibrary;
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
}

/**
 * A ProjectLibrary over real folders under `root`, with the real settings and recent-projects
 * stores, a trash that moves folders into `<root>/trash`, and a fixed clock.
 */
export async function makeLibrary(
  root: string,
  options: { confineToWorkspace?: boolean; fs?: FileSystem; now?: () => Date; trash?: (path: string) => Promise<string> } = {},
): Promise<LibraryFixture> {
  const fs = options.fs ?? nodeFileSystem;
  const workspace = join(root, 'workspace');
  const userData = join(root, 'user-data');
  const trashDir = join(root, 'trash');
  await mkdir(workspace, { recursive: true });
  await mkdir(trashDir, { recursive: true });
  const settings = new AppSettingsStore(fs, userData, workspace);
  const recent = new RecentProjects(fs, userData);
  const trashed: string[] = [];
  const trash = async (path: string) => {
    trashed.push(path);
    if (options.trash) return options.trash(path);
    const target = join(trashDir, `${basename(path)}-${trashed.length}`);
    await rename(path, target);
    return target;
  };
  const library = new ProjectLibrary({
    fs,
    settings,
    recent,
    trash,
    now: options.now ?? (() => FIXED_NOW),
    confineToWorkspace: options.confineToWorkspace ?? false,
  });
  return { library, recent, settings, workspace, userData, trashDir, trashed };
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
