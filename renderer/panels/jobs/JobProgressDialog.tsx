import type { JobProgress } from '../../../shared/ipc/contract.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';

interface Props {
  readonly title: string;
  readonly progress: JobProgress | null;
  readonly open: boolean;
  readonly onCancel: () => void;
}

function percent(progress: JobProgress | null): number {
  if (!progress || progress.total <= 0) return 0;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}

/** Progress of a long job with a cancel button; the job reports its phase as it goes. */
export function JobProgressDialog({ title, progress, open, onCancel }: Props) {
  const value = percent(progress);
  return (
    <ModalDialog open={open} onOpenChange={(o) => !o && onCancel()} title={title}>
      <div className="dialog-body">
        <div className="progress-row">
          <span className="progress-phase">{progress?.phase ?? 'Starting…'}</span>
          <span className="tabular">{value}%</span>
        </div>
        <div className="progress-bar" role="progressbar" aria-label={title} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
          <div className="progress-fill" style={{ width: `${value}%` }} />
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
