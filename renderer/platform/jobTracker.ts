import type { JobProgress, JobStarted, JobSummary } from '../../shared/ipc/contract.ts';
import type { AppError, Result } from '../../shared/result.ts';
import { onMainEvent } from './mainBridge.ts';

/**
 * Follows long jobs (bundle export/import, restore) by their events. A fast job can finish
 * before the call that started it returns, so finished jobs are remembered by id.
 */
const finished = new Map<string, JobSummary>();
const progressListeners = new Map<string, Set<(p: JobProgress) => void>>();
const finishListeners = new Map<string, Set<(s: JobSummary) => void>>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  onMainEvent('jobProgress', (progress) => progressListeners.get(progress.jobId)?.forEach((l) => l(progress)));
  onMainEvent('jobFinished', (summary) => {
    finished.set(summary.jobId, summary);
    if (finished.size > 100) finished.delete(finished.keys().next().value!);
    finishListeners.get(summary.jobId)?.forEach((l) => l(summary));
  });
}

export interface RunningJob {
  readonly jobId: string;
  readonly targetPath: string | null;
  /** Resolves with the job's own Result (CANCELLED when cancelled). */
  readonly done: Promise<Result<unknown>>;
}

/** Starts a job through `start` and follows it; `onProgress` sees every progress event. */
export async function runJob(start: () => Promise<Result<JobStarted>>, onProgress: (progress: JobProgress) => void): Promise<Result<RunningJob>> {
  install();
  const started = await start();
  if (!started.ok) return started;
  const { jobId, targetPath } = started.value;
  const done = new Promise<Result<unknown>>((resolve) => {
    const finish = (summary: JobSummary) => {
      progressListeners.delete(jobId);
      finishListeners.delete(jobId);
      resolve(summary.ok ? { ok: true, value: summary.value } : { ok: false, error: summary.error as AppError });
    };
    const already = finished.get(jobId);
    if (already) return finish(already);
    progressListeners.set(jobId, new Set([onProgress]));
    finishListeners.set(jobId, new Set([finish]));
  });
  return { ok: true, value: { jobId, targetPath, done } };
}
