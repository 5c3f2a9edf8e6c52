import { randomUUID } from 'node:crypto';
import type { JobKind, JobProgress, JobSummary } from '../../shared/ipc/contract.ts';
import type { Result } from '../../shared/result.ts';
import { err } from '../../shared/result.ts';

export interface JobContext {
  readonly signal: AbortSignal;
  /** Report progress; cheap to call often (events are throttled here). */
  progress(done: number, total: number, phase?: string): void;
}

export type JobEvents = {
  progress(progress: JobProgress): void;
  finished(summary: JobSummary): void;
};

const PROGRESS_INTERVAL_MS = 100;

/**
 * Long work (bundle export/import, backup restore) runs as a job: it reports progress as events
 * and can be cancelled through an AbortSignal. The caller gets the job id at once and the Result
 * through a `finished` event (and the returned promise, for services and tests).
 */
export class JobRegistry {
  private readonly running = new Map<string, AbortController>();
  private readonly events: JobEvents;

  constructor(events: JobEvents) {
    this.events = events;
  }

  start<T>(kind: JobKind, label: string, run: (ctx: JobContext) => Promise<Result<T>>): { jobId: string; done: Promise<Result<T>> } {
    const jobId = randomUUID();
    const controller = new AbortController();
    this.running.set(jobId, controller);
    let lastSent = 0;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (done, total, phase) => {
        const now = Date.now();
        if (now - lastSent < PROGRESS_INTERVAL_MS && done < total) return;
        lastSent = now;
        this.events.progress({ jobId, kind, label, done, total, phase: phase ?? null });
      },
    };
    const done = run(ctx)
      .catch((error: unknown): Result<T> => {
        if (controller.signal.aborted) return err('CANCELLED', `${label} was cancelled; nothing was changed.`);
        return err('INTERNAL', `${label} failed: ${error instanceof Error ? error.message : String(error)}`);
      })
      .then((result) => {
        this.running.delete(jobId);
        this.events.finished({
          jobId,
          kind,
          label,
          ok: result.ok,
          error: result.ok ? null : result.error,
          value: result.ok ? (result.value as unknown) : null,
        });
        return result;
      });
    return { jobId, done };
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }
}
