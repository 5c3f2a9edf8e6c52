import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importMediaSource } from '../../../renderer/platform/importMedia.ts';
import type { MediaImportProgress } from '../../../renderer/platform/importMedia.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import type { FileLike, JobProgress, JobSummary, MediaUploadTarget } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';

const TARGET = { projectId: randomUUID() as ProjectId, clientId: 'tab-import-test' };
const IMPORTED = { media: { hash: 'a'.repeat(64), path: `media/${'a'.repeat(16)}/clip.mp4` }, metadata: { entries: {}, warnings: [] }, deduplicated: false };

/** One event hub for the whole file: the job tracker subscribes once, on the first bridge it sees. */
const listeners = new Map<string, Set<(payload: unknown) => void>>();
function emit(event: 'jobProgress', payload: JobProgress): void;
function emit(event: 'jobFinished', payload: JobSummary): void;
function emit(event: string, payload: unknown): void {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeBridge(hostKind: 'desktop' | 'web', files: Record<string, unknown>) {
  const calls: Array<{ method: string; arg: unknown }> = [];
  const jobId = randomUUID();
  const bridge = {
    hostKind,
    files,
    importMedia: (arg: unknown) => {
      calls.push({ method: 'importMedia', arg });
      return Promise.resolve({ ok: true, value: { jobId, targetPath: null } });
    },
    cancelJob: (arg: unknown) => {
      calls.push({ method: 'cancelJob', arg });
      return Promise.resolve({ ok: true, value: { cancelled: true } });
    },
    on: (event: string, listener: (payload: unknown) => void) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
  vi.stubGlobal('window', { shotcanvas: bridge });
  const finish = (ok = true) =>
    emit('jobFinished', {
      jobId,
      kind: 'media-import',
      label: 'Importing clip.mp4',
      ok,
      error: ok ? null : { code: 'CANCELLED', message: 'cancelled' },
      value: ok ? IMPORTED : null,
    });
  const progress = (done: number, phase: string) => emit('jobProgress', { jobId, kind: 'media-import', label: 'x', done, total: 100, phase });
  return { calls, jobId, finish, progress };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('importMediaSource', () => {
  it('imports a path (a dialog answer) as a job, reporting its phases', async () => {
    const fake = fakeBridge('desktop', {});
    const seen: MediaImportProgress[] = [];
    const running = importMediaSource({ path: '/home/me/Renders/clip.mp4' }, TARGET, (p) => seen.push(p));
    await flush();
    expect(fake.calls).toEqual([{ method: 'importMedia', arg: { ...TARGET, sourcePath: '/home/me/Renders/clip.mp4' } }]);
    fake.progress(50, 'copying');
    fake.progress(100, 'probing');
    fake.finish();
    expect(await running.done).toEqual({ ok: true, value: IMPORTED });
    expect(seen).toEqual([
      { phase: 'copying', done: 50, total: 100 },
      { phase: 'probing', done: 100, total: 100 },
    ]);
  });

  it('on the desktop turns a dropped File into its path (preload) and imports that', async () => {
    const fake = fakeBridge('desktop', { pathForFile: (file: FileLike) => `/drops/${file.name}` });
    const running = importMediaSource(new File(['x'], 'take 3.mov'), TARGET);
    await flush();
    expect(fake.calls[0]).toEqual({ method: 'importMedia', arg: { ...TARGET, sourcePath: '/drops/take 3.mov', fileName: 'take 3.mov' } });
    fake.finish();
    expect((await running.done).ok).toBe(true);
  });

  it('on the desktop refuses a File without a path on disk, clearly', async () => {
    const fake = fakeBridge('desktop', { pathForFile: () => '' });
    const result = await importMediaSource(new File(['x'], 'from the browser.png'), TARGET).done;
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    expect(result.ok ? '' : result.error.message).toContain('Save it to a folder first');
    expect(fake.calls).toEqual([]);
  });

  it('on the web host uploads the File (with progress), then follows the import job', async () => {
    let resolveUpload!: (result: Result<{ jobId: string; targetPath: null }>) => void;
    const uploads: Array<{ name: string; target: MediaUploadTarget }> = [];
    const fake = fakeBridge('web', {
      uploadMedia: (file: FileLike, target: MediaUploadTarget, onProgress: (sent: number, total: number) => void) => {
        uploads.push({ name: file.name, target });
        onProgress(10, 40);
        return { done: new Promise((resolve) => (resolveUpload = resolve)), abort: () => undefined };
      },
    });
    const seen: MediaImportProgress[] = [];
    const running = importMediaSource(new File(['x'.repeat(40)], 'clip.mp4'), TARGET, (p) => seen.push(p));
    await flush();
    expect(uploads).toEqual([{ name: 'clip.mp4', target: { ...TARGET, fileName: 'clip.mp4' } }]);
    resolveUpload({ ok: true, value: { jobId: fake.jobId, targetPath: null } });
    await flush();
    fake.progress(100, 'placing');
    fake.finish();
    expect(await running.done).toEqual({ ok: true, value: IMPORTED });
    expect(seen).toEqual([
      { phase: 'uploading', done: 10, total: 40 },
      { phase: 'placing', done: 100, total: 100 },
    ]);
    expect(fake.calls).toEqual([]);
  });

  it('cancel aborts a running upload, or cancels the job once it runs', async () => {
    let aborted = 0;
    fakeBridge('web', {
      uploadMedia: () => {
        let settle!: (r: Result<never>) => void;
        return {
          done: new Promise((resolve) => (settle = resolve)),
          abort: () => {
            aborted += 1;
            settle({ ok: false, error: { code: 'CANCELLED', message: 'The upload was cancelled; nothing was kept.' } });
          },
        };
      },
    });
    const upload = importMediaSource(new File(['x'], 'clip.mp4'), TARGET);
    await flush();
    upload.cancel();
    expect(await upload.done).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(aborted).toBe(1);

    const fake = fakeBridge('desktop', {});
    const job = importMediaSource({ path: '/a/clip.mp4' }, TARGET);
    await flush();
    job.cancel();
    expect(fake.calls.at(-1)).toEqual({ method: 'cancelJob', arg: { jobId: fake.jobId } });
    fake.finish(false);
    expect(await job.done).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
