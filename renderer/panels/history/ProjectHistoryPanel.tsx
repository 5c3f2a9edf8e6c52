import { History, RotateCcw, X } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { BackupInfo } from '../../../shared/ipc/contract.ts';
import type { ProjectSession } from '../../app/projectSession.ts';
import { callMain } from '../../platform/mainBridge.ts';
import { ConfirmDialog } from '../common/ConfirmDialog.tsx';
import { JobProgressDialog } from '../jobs/JobProgressDialog.tsx';
import { useJob } from '../jobs/useJob.ts';
import { formatRelativeTime } from '../library/relativeTime.ts';
import { BACKUP_KIND_LABELS, formatDateTime, formatSize } from './backupLabels.ts';

interface Props {
  readonly session: ProjectSession;
  readonly onClose: () => void;
  /** Called after a restore replaced the project: the workspace reloads from the folder. */
  readonly onRestored: () => void;
}

/**
 * Project history: every backup with its time, kind, size and counts. Restoring saves the current
 * state as a backup first, so a restore is undone by restoring that one.
 */
export function ProjectHistoryPanel({ session, onClose, onRestored }: Props) {
  const [backups, setBackups] = useState<readonly BackupInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const job = useJob();

  const refresh = useCallback(
    () =>
      callMain('listBackups', { path: session.path }).then((result) => {
        setNow(Date.now());
        if (result.ok) {
          setBackups(result.value);
          setProblem(null);
        } else setProblem(result.error.message);
      }),
    [session.path],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const restore = async (backup: BackupInfo) => {
    setConfirm(null);
    // Everything typed so far reaches the folder first, so the pre-restore backup has it.
    const flushed = await session.flush();
    if (!flushed) {
      toast.error('Could not save the current state, so nothing was restored.', { description: 'Check the save indicator for the reason and try again.' });
      return;
    }
    const result = await job.run(`Restoring the backup of ${formatDateTime(backup.createdAt)}`, () =>
      callMain('restoreBackup', { projectId: session.projectId, clientId: session.clientId, backupId: backup.id }),
    );
    if (!result.ok) {
      if (result.error.code !== 'CANCELLED') toast.error('The restore failed; the project was not changed.', { description: result.error.message });
      else toast.info(result.error.message);
      return;
    }
    toast.success(`Restored the backup of ${formatDateTime(backup.createdAt)}.`, {
      description: 'The state before the restore is in Project history as "Before restore".',
    });
    onRestored();
  };

  const readOnly = session.store.readOnly !== null;
  return (
    <aside className="inspector history-panel" aria-label="Project history">
      <header className="inspector-header">
        <History size={15} className="history-icon" />
        <span className="inspector-title">Project history</span>
        <button type="button" className="icon-btn history-close" aria-label="Close project history" onClick={onClose}>
          <X size={15} />
        </button>
      </header>
      <p className="history-hint">
        Backups are kept in the project's .backups folder: every 10 minutes while you work, at each opening, and before upgrades, imports, bulk deletes and
        restores.
      </p>
      {problem ? <p className="field-error history-hint">{problem}</p> : null}
      {backups && backups.length === 0 ? <p className="history-hint">No backups yet. The first one is made within minutes of your first edit.</p> : null}
      <ul className="backup-list" aria-label="Backups">
        {backups?.map((b) => (
          <li key={b.id} className="backup-row" data-testid="backup-row">
            <div className="backup-main">
              <span className="backup-time" title={formatDateTime(b.createdAt)}>
                {formatRelativeTime(b.createdAt, now)}
              </span>
              <span className={`backup-kind kind-${b.kind}`}>{BACKUP_KIND_LABELS[b.kind]}</span>
            </div>
            <div className="backup-meta tabular">
              {formatDateTime(b.createdAt)} · {b.shotCount} {b.shotCount === 1 ? 'shot' : 'shots'}
              {b.takeCount > 0 ? ` · ${b.takeCount} takes` : ''} · {formatSize(b.sizeBytes)} · rev {b.revision}
            </div>
            {b.note ? <div className="backup-note">{b.note}</div> : null}
            <button
              type="button"
              className="btn btn-ghost backup-restore"
              disabled={readOnly}
              onClick={() => setConfirm(b)}
              aria-label={`Restore the backup of ${formatDateTime(b.createdAt)}`}
            >
              <RotateCcw size={13} /> Restore
            </button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? `Restore the backup of ${formatDateTime(confirm.createdAt)}?` : ''}
        message="The project goes back to that state. The current state is saved as a backup first; restore it to undo."
        confirmLabel="Restore"
        onCancel={() => setConfirm(null)}
        onConfirm={() => (confirm ? restore(confirm) : undefined)}
      />
      <JobProgressDialog open={job.state !== null} title={job.state?.title ?? ''} progress={job.state?.progress ?? null} onCancel={job.cancel} />
    </aside>
  );
}
