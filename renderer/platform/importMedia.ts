import type { ImportedMedia, JobProgress, JobStarted, MediaUpload } from '../../shared/ipc/contract.ts';
import type { Result } from '../../shared/result.ts';
import { err } from '../../shared/result.ts';
import type { ImportTarget } from './importImages.ts';
import { clampFileName } from './importImages.ts';
import { runJob } from './jobTracker.ts';
import { callMain, hostFiles, hostKind } from './mainBridge.ts';

/**
 * "Import this video or image into the project" for both hosts. A path (a native dialog's answer)
 * goes straight to main's import job. A File (a drop, a file input) becomes a path on the desktop
 * (the preload's webUtils.getPathForFile) and an upload to the web host (streamed by the bridge
 * script, which holds the access token). Either way the caller sees one progress stream, can
 * cancel, and gets the ImportedMedia (the MediaRef, raw generator metadata, whether deduplicated).
 */

export type MediaImportPhase = 'uploading' | 'copying' | 'probing' | 'placing';

export interface MediaImportProgress {
  readonly phase: MediaImportPhase;
  readonly done: number;
  readonly total: number;
}

export type MediaImportSource = File | { readonly path: string; readonly fileName?: string };

export interface MediaImport {
  /** The import's Result: CANCELLED after cancel(), nothing kept in the project. */
  readonly done: Promise<Result<ImportedMedia>>;
  cancel(): void;
}

const JOB_PHASES = new Set<MediaImportPhase>(['copying', 'probing', 'placing']);

function isPathSource(source: MediaImportSource): source is { readonly path: string; readonly fileName?: string } {
  return typeof (source as { path?: unknown }).path === 'string' && !('size' in source);
}

/** Starts importing `source` into the open project `target`; `onProgress` sees uploading, then the job's phases. */
export function importMediaSource(
  source: MediaImportSource,
  target: ImportTarget,
  onProgress: (progress: MediaImportProgress) => void = () => undefined,
): MediaImport {
  let cancelled = false;
  let upload: MediaUpload | null = null;
  let jobId: string | null = null;

  const followJob = async (start: () => Promise<Result<JobStarted>>): Promise<Result<ImportedMedia>> => {
    const running = await runJob(start, (p: JobProgress) => {
      const phase = JOB_PHASES.has(p.phase as MediaImportPhase) ? (p.phase as MediaImportPhase) : 'copying';
      onProgress({ phase, done: p.done, total: p.total });
    });
    if (!running.ok) return running;
    jobId = running.value.jobId;
    // cancel() may have come while the job was being started.
    if (cancelled) void callMain('cancelJob', { jobId });
    const result = await running.value.done;
    // A cancel that came too late (the file was already placed) leaves the finished import standing.
    return result.ok ? { ok: true, value: result.value as ImportedMedia } : result;
  };

  const byPath = (path: string, fileName: string | undefined) =>
    followJob(() =>
      callMain('importMedia', {
        projectId: target.projectId,
        clientId: target.clientId,
        sourcePath: path,
        ...(fileName !== undefined ? { fileName: clampFileName(fileName) } : {}),
      }),
    );

  const run = async (): Promise<Result<ImportedMedia>> => {
    if (isPathSource(source)) return byPath(source.path, source.fileName);
    const file = source;
    const files = hostFiles();
    if (hostKind() === 'desktop') {
      const path = files.pathForFile?.(file) ?? '';
      if (path === '') {
        return err(
          'NOT_SUPPORTED',
          `"${file.name}" has no file on disk (dragged from a browser or another app?). Save it to a folder first, then import it from there.`,
          file.name,
        );
      }
      return byPath(path, file.name);
    }
    if (!files.uploadMedia) return err('NOT_SUPPORTED', 'This host cannot receive files.', file.name);
    if (cancelled) return err('CANCELLED', `Importing "${file.name}" was cancelled; nothing was kept.`, file.name);
    upload = files.uploadMedia(file, { projectId: target.projectId, clientId: target.clientId, fileName: clampFileName(file.name) }, (sent, total) =>
      onProgress({ phase: 'uploading', done: sent, total }),
    );
    const started = await upload.done;
    upload = null;
    if (!started.ok) return started;
    return followJob(() => Promise.resolve(started));
  };

  return {
    done: run(),
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      upload?.abort();
      if (jobId !== null) void callMain('cancelJob', { jobId });
    },
  };
}
