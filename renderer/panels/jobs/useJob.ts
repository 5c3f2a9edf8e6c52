import { useCallback, useRef, useState } from 'react';
import type { JobProgress, JobStarted } from '../../../shared/ipc/contract.ts';
import type { Result } from '../../../shared/result.ts';
import { callMain } from '../../platform/mainBridge.ts';
import { runJob } from '../../platform/jobTracker.ts';

export interface JobState {
  readonly title: string;
  readonly progress: JobProgress | null;
}

/** Runs one long job at a time for a screen: its dialog state, and cancel. */
export function useJob() {
  const [state, setState] = useState<JobState | null>(null);
  const jobId = useRef<string | null>(null);

  const run = useCallback(async (title: string, start: () => Promise<Result<JobStarted>>): Promise<Result<{ value: unknown; targetPath: string | null }>> => {
    setState({ title, progress: null });
    const started = await runJob(start, (progress) => setState({ title, progress }));
    if (!started.ok) {
      setState(null);
      return started;
    }
    jobId.current = started.value.jobId;
    const result = await started.value.done;
    jobId.current = null;
    setState(null);
    return result.ok ? { ok: true, value: { value: result.value, targetPath: started.value.targetPath } } : result;
  }, []);

  const cancel = useCallback(() => {
    if (jobId.current) void callMain('cancelJob', { jobId: jobId.current });
  }, []);

  return { state, run, cancel };
}
