import { AlertTriangle } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { BackupInfo, ProjectSummary } from '../../../shared/ipc/contract.ts';
import type { AppError } from '../../../shared/result.ts';
import { callMain } from '../../platform/mainBridge.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { BACKUP_KIND_LABELS, formatDateTime } from '../history/backupLabels.ts';

type ProjectRef = Pick<ProjectSummary, 'path' | 'name'>;

interface Props {
  readonly damaged: { readonly project: ProjectRef; readonly error: AppError } | null;
  readonly onCancel: () => void;
  readonly onRecovered: (project: ProjectRef, message: string) => void;
}

/**
 * Shown when a project's project.json is damaged: says what is wrong and offers the newest
 * backup (or another one). The damaged file is kept beside the project, never deleted.
 */
export function RecoverProjectDialog({ damaged, onCancel, onRecovered }: Props) {
  return (
    <ModalDialog open={damaged !== null} onOpenChange={(o) => !o && onCancel()} title={damaged ? `"${damaged.project.name}" needs recovery` : ''} width={560}>
      {damaged ? (
        <RecoverProjectForm key={damaged.project.path} project={damaged.project} error={damaged.error} onCancel={onCancel} onRecovered={onRecovered} />
      ) : null}
    </ModalDialog>
  );
}

function RecoverProjectForm({
  project,
  error,
  onCancel,
  onRecovered,
}: {
  project: ProjectRef;
  error: AppError;
  onCancel: () => void;
  onRecovered: Props['onRecovered'];
}) {
  const [backups, setBackups] = useState<readonly BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void callMain('listBackups', { path: project.path }).then((result) => {
      if (!result.ok) return setProblem(result.error.message);
      setBackups(result.value);
      setChosen(result.value[0]?.id ?? null);
    });
  }, [project.path]);

  const recover = async () => {
    if (!chosen) return;
    setBusy(true);
    const result = await callMain('recoverProject', { path: project.path, backupId: chosen });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    const entry = backups?.find((b) => b.id === chosen);
    onRecovered(
      project,
      `Recovered "${project.name}" from the backup of ${entry ? formatDateTime(entry.createdAt) : chosen}. The damaged file was kept as ${result.value.damagedFileKeptAs}.`,
    );
  };

  return (
    <div className="dialog-body">
      <p className="recovery-problem" role="alert">
        <AlertTriangle size={16} /> <span>{error.message}</span>
      </p>
      {backups && backups.length === 0 ? (
        <p className="field-hint">This project has no backups yet, so it cannot be recovered here. Its folder was not changed.</p>
      ) : null}
      {backups && backups.length > 0 ? (
        <>
          <p className="dialog-description">Choose a backup to continue from. The damaged project.json is kept next to it as project.corrupt-…json.</p>
          <ul className="backup-list compact" role="listbox" aria-label="Backups">
            {backups.map((b) => (
              <li
                key={b.id}
                role="option"
                aria-selected={chosen === b.id}
                className="backup-row"
                tabIndex={0}
                onClick={() => setChosen(b.id)}
                onKeyDown={(e) => e.key === 'Enter' && setChosen(b.id)}
              >
                <span className="backup-time">{formatDateTime(b.createdAt)}</span>
                <span className="backup-kind">{BACKUP_KIND_LABELS[b.kind]}</span>
                <span className="backup-meta tabular">
                  {b.shotCount} shots · rev {b.revision}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {problem ? <p className="field-error">{problem}</p> : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Not now
        </button>
        <button type="button" className="btn btn-primary" disabled={!chosen || busy} onClick={() => void recover()}>
          {chosen === backups?.[0]?.id ? 'Restore newest backup' : 'Restore this backup'}
        </button>
      </div>
    </div>
  );
}
