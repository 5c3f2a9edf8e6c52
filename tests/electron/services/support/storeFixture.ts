import type { FileSystem } from '../../../../electron/services/fileSystem.ts';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { buildProjectFile, readProjectFileDetailed, writeProjectFile } from '../../../../electron/services/projectFolder.ts';
import type { ChangeSet } from '../../../../electron/services/projectJournal.ts';
import type { CompactionPolicy, OpenedStore, ProjectStoreHooks } from '../../../../electron/services/projectStore.ts';
import { ProjectStore } from '../../../../electron/services/projectStore.ts';
import type { ProjectId } from '../../../../shared/ids.ts';
import { newId } from '../../../../shared/ids.ts';
import type { ProjectData } from '../../../../shared/model/projectFile.ts';
import type { DocRecord } from '../../../../shared/model/records.ts';
import { FIXED_NOW, projectData, shot } from './projectData.ts';

/** Never compacts on its own: every save is one journal line (a "large" project). */
export const JOURNAL_ONLY: CompactionPolicy = {
  fullWriteBelowBytes: 0,
  maxJournalBytes: Number.MAX_SAFE_INTEGER,
  maxJournalRatio: Number.MAX_SAFE_INTEGER,
  maxJournalEntries: Number.MAX_SAFE_INTEGER,
  maxAgeMs: Number.MAX_SAFE_INTEGER,
};

/** A clock the test moves by hand. */
export function manualClock(start = FIXED_NOW) {
  let time = start.getTime();
  return {
    now: () => new Date(time),
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** Writes a project.json for `data` at `revision` into `dir`. */
export async function writeProject(dir: string, data: ProjectData = projectData([]), revision = 0, projectId: ProjectId = newId<ProjectId>()) {
  const file = buildProjectFile(projectId, revision, data, FIXED_NOW);
  await writeProjectFile(nodeFileSystem, dir, file);
  return file;
}

export interface OpenStoreOptions {
  readonly fs?: FileSystem;
  readonly now?: () => Date;
  readonly policy?: CompactionPolicy;
  readonly hooks?: ProjectStoreHooks;
  readonly readOnlyReason?: string | null;
}

/** Opens `dir` the way OpenProjects does: read and validate project.json, then ProjectStore.open (journal replay). */
export async function openStore(dir: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const fs = options.fs ?? nodeFileSystem;
  const read = await readProjectFileDetailed(fs, dir);
  if (!read.ok) throw new Error(`${read.error.code}: ${read.error.message}`);
  return ProjectStore.open({
    fs,
    dir,
    file: read.value.file,
    fileBytes: read.value.text.length,
    now: options.now ?? (() => FIXED_NOW),
    readOnlyReason: options.readOnlyReason ?? null,
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.hooks ? { hooks: options.hooks } : {}),
  });
}

/** A change set from `base` to `base + 1`. */
export function change(base: number, puts: readonly DocRecord[], deletes: readonly string[] = [], revision = base + 1): ChangeSet {
  return { baseRevision: base, revision, puts, deletes, settings: null };
}

/**
 * Data whose project.json is above DEFAULT_COMPACTION.fullWriteBelowBytes (2 MiB), so the real
 * OpenProjects keeps its saves in the journal instead of rewriting project.json each time.
 */
export function largeProjectData(name = 'Epic'): ProjectData {
  const shots = Array.from({ length: 130 }, (_, i) => shot({ title: `Shot ${i}`, order: `a${String(i).padStart(4, '0')}`, description: 'd'.repeat(18_000) }));
  return projectData(shots, { name });
}
