import type { FreeSpaceProbe } from '../../../../electron/services/diskSpace.ts';
import { nodeFileSystem } from '../../../../electron/services/fileSystem.ts';
import { FlushCoordinator } from '../../../../electron/services/flushCoordinator.ts';
import { JobRegistry } from '../../../../electron/services/jobs.ts';
import type { HostBindings } from '../../../../electron/services/mainApiService.ts';
import { createMainApi } from '../../../../electron/services/mainApiService.ts';
import type { JobProgress, JobSummary, OpenDialogInput, SaveDialogInput } from '../../../../shared/ipc/contract.ts';
import { ok } from '../../../../shared/result.ts';
import type { LibraryOptions } from './library.ts';
import { makeLibrary } from './library.ts';
import { FIXED_NOW } from './projectData.ts';

export function fakeHost(browseRoot: string) {
  const opened: string[] = [];
  const dialogs: OpenDialogInput[] = [];
  const saveDialogs: SaveDialogInput[] = [];
  const host: HostBindings = {
    kind: 'web',
    platform: 'test-os',
    showOpenDialog: (input) => {
      dialogs.push(input);
      return Promise.resolve(ok({ path: '/picked' }));
    },
    showSaveDialog: (input) => {
      saveDialogs.push(input);
      return Promise.resolve(ok({ path: `/picked/${input.defaultName}` }));
    },
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    browseRoot: () => Promise.resolve(browseRoot),
  };
  return { host, opened, dialogs, saveDialogs };
}

/**
 * The real MainApi over a real library and open-projects registry in `root`, a fake host, a job
 * registry whose events are recorded, and a free-space probe the test sets (`free.bytes`).
 */
export async function makeMainApi(root: string, options: LibraryOptions = {}) {
  const fx = await makeLibrary(root, options);
  const fake = fakeHost(fx.workspace);
  const flush = new FlushCoordinator();
  const progress: JobProgress[] = [];
  const finished: JobSummary[] = [];
  const jobs = new JobRegistry({ progress: (p) => progress.push(p), finished: (s) => finished.push(s) });
  const free = { bytes: 1e12, fail: false };
  const freeSpace: FreeSpaceProbe = (path) => (free.fail ? Promise.reject(new Error(`statfs ${path} failed`)) : Promise.resolve(free.bytes));
  const api = createMainApi({
    fs: options.fs ?? nodeFileSystem,
    paths: fx.paths,
    library: fx.library,
    projects: fx.projects,
    settings: fx.settings,
    host: fake.host,
    flush,
    jobs,
    owners: fx.owners,
    now: options.now ?? (() => FIXED_NOW),
    freeSpace,
  });
  /** Resolves with the jobFinished summary of `jobId` once it arrives. */
  const finishedJob = async (jobId: string): Promise<JobSummary> => {
    for (let i = 0; i < 500; i += 1) {
      const summary = finished.find((s) => s.jobId === jobId);
      if (summary) return summary;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`job ${jobId} did not finish`);
  };
  return { ...fx, ...fake, flush, jobs, api, progress, finished, free, finishedJob };
}
