import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobRegistry } from '../../../electron/services/jobs.ts';
import type { JobProgress, JobSummary } from '../../../shared/ipc/contract.ts';
import { err, ok } from '../../../shared/result.ts';

function registry() {
  const progress: JobProgress[] = [];
  const finished: JobSummary[] = [];
  const jobs = new JobRegistry({ progress: (p) => progress.push(p), finished: (s) => finished.push(s) });
  return { jobs, progress, finished };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('JobRegistry', () => {
  it('runs the job, returns its id at once and reports the Result through `finished` and the promise', async () => {
    const { jobs, finished } = registry();
    const { jobId, done } = jobs.start('bundle-export', 'Exporting Film', () => Promise.resolve(ok({ path: '/x.shotcanvas' })));
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(jobs.isRunning(jobId)).toBe(true);
    expect(await done).toEqual(ok({ path: '/x.shotcanvas' }));
    expect(finished).toEqual([{ jobId, kind: 'bundle-export', label: 'Exporting Film', ok: true, error: null, value: { path: '/x.shotcanvas' } }]);
    expect(jobs.isRunning(jobId)).toBe(false);
    expect(jobs.start('bundle-export', 'again', () => Promise.resolve(ok(null))).jobId).not.toBe(jobId);
  });

  it('passes an error Result through unchanged', async () => {
    const { jobs, finished } = registry();
    const { done } = jobs.start('bundle-import', 'Importing', () => Promise.resolve(err('NO_SPACE', 'The disk is full.')));
    expect(await done).toEqual(err('NO_SPACE', 'The disk is full.'));
    expect(finished[0]).toMatchObject({ ok: false, error: { code: 'NO_SPACE', message: 'The disk is full.' }, value: null });
  });

  it('throttles progress to one event per 100 ms, but always sends the first and the last', async () => {
    let now = 10_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const { jobs, progress } = registry();
    const { jobId, done } = jobs.start('bundle-export', 'Exporting Film', (ctx) => {
      for (const [at, step] of [
        [10_000, 0],
        [10_040, 1],
        [10_099, 2],
        [10_100, 3],
        [10_150, 4],
        [10_160, 10],
      ] as const) {
        now = at;
        ctx.progress(step, 10, step === 10 ? 'Done' : undefined);
      }
      return Promise.resolve(ok(null));
    });
    await done;
    expect(progress).toEqual([
      { jobId, kind: 'bundle-export', label: 'Exporting Film', done: 0, total: 10, phase: null },
      { jobId, kind: 'bundle-export', label: 'Exporting Film', done: 3, total: 10, phase: null },
      { jobId, kind: 'bundle-export', label: 'Exporting Film', done: 10, total: 10, phase: 'Done' },
    ]);
  });

  it('cancel aborts the job’s signal; a job that then throws finishes as CANCELLED', async () => {
    const { jobs, finished } = registry();
    let seen: AbortSignal | undefined;
    const { jobId, done } = jobs.start('backup-restore', 'Restoring a backup', (ctx) => {
      seen = ctx.signal;
      return new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted mid-copy'))));
    });
    expect(seen?.aborted).toBe(false);
    expect(jobs.cancel(jobId)).toBe(true);
    expect(seen?.aborted).toBe(true);
    const result = await done;
    expect(result).toEqual(err('CANCELLED', 'Restoring a backup was cancelled; nothing was changed.'));
    expect(finished[0]).toMatchObject({ jobId, ok: false, error: { code: 'CANCELLED' } });
    expect(jobs.cancel(jobId)).toBe(false);
  });

  it('keeps the job’s own Result when it handles the cancellation itself', async () => {
    const { jobs } = registry();
    const { jobId, done } = jobs.start('bundle-import', 'Importing', (ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve(err('CANCELLED', 'Import cancelled; nothing imported.')))));
    jobs.cancel(jobId);
    expect(await done).toEqual(err('CANCELLED', 'Import cancelled; nothing imported.'));
  });

  it('a job that throws without being cancelled finishes as INTERNAL naming the job and the error', async () => {
    const { jobs, finished } = registry();
    const { done } = jobs.start('bundle-export', 'Exporting Film', () => Promise.reject(new Error('zip writer crashed')));
    expect(await done).toEqual(err('INTERNAL', 'Exporting Film failed: zip writer crashed'));
    expect(finished[0]).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('cancelling an unknown job does nothing', () => {
    expect(registry().jobs.cancel('00000000-0000-4000-8000-000000000000')).toBe(false);
  });
});
