import { FileWarning, Link2 } from 'lucide-react';
import { useState } from 'react';
import type { MediaStatus } from '../../../shared/ipc/contract.ts';
import type { MediaRef } from '../../../shared/model/take.ts';
import type { ProjectSession } from '../../app/projectSession.ts';
import { runJob } from '../../platform/jobTracker.ts';
import { callMain, hostFiles, hostKind } from '../../platform/mainBridge.ts';
import { setMediaStatus } from '../../platform/mediaChecks.ts';
import { forgetPoster } from '../../platform/mediaPosters.ts';
import { FolderPickerDialog } from '../library/FolderPickerDialog.tsx';
import { pickFiles, TAKE_MEDIA_ACCEPT } from './pickFiles.ts';
import { shortHash } from './takeLabels.ts';

const EXTENSIONS = ['mp4', 'm4v', 'mov', 'webm', 'png', 'jpg', 'jpeg', 'webp'];

interface Props {
  readonly session: ProjectSession;
  readonly media: MediaRef;
  readonly status: MediaStatus | undefined;
  readonly onRelinked: () => void;
}

/**
 * A take whose file is gone from the project folder (or no longer holds the recorded bytes): says
 * so in red and offers Relink…, which puts a found copy back in place once main has checked that
 * its sha256 is the recorded one. A wrong file is refused with main's message.
 */
export function MediaMissing({ session, media, status, onRelinked }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [browsing, setBrowsing] = useState(false);

  const relinkFrom = async (newSourcePath: string) => {
    setBusy(true);
    setProblem(null);
    const started = await runJob(
      () => callMain('relinkMedia', { projectId: session.projectId, clientId: session.clientId, hash: media.hash, path: media.path, newSourcePath }),
      () => undefined,
    );
    const result = started.ok ? await started.value.done : started;
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setMediaStatus(session.projectId, media.hash, 'ok');
    forgetPoster(session.projectId, media.hash);
    onRelinked();
  };

  const choose = async () => {
    if (hostKind() === 'web') return setBrowsing(true);
    const [file] = await pickFiles(TAKE_MEDIA_ACCEPT, false);
    if (!file) return;
    const path = hostFiles().pathForFile?.(file) ?? '';
    if (path === '') return setProblem(`"${file.name}" has no file on disk; save it to a folder first.`);
    await relinkFrom(path);
  };

  return (
    <div className="media-missing" role="alert" data-testid="media-missing">
      <div className="media-missing-title">
        <FileWarning size={16} />
        {status === 'changed' ? 'Media changed' : 'Media missing'}
      </div>
      <p>
        {status === 'changed'
          ? `${media.name} in the project folder no longer holds the bytes this take recorded (sha256 ${shortHash(media.hash)}…).`
          : `${media.name} is not in the project folder any more (moved, renamed or deleted).`}{' '}
        Relink it to a copy of the original file.
      </p>
      <span className="media-missing-path mono" title={media.path}>
        {media.path}
      </span>
      <button type="button" className="btn btn-small" disabled={busy || session.store.readOnly !== null} onClick={() => void choose()}>
        <Link2 size={13} /> {busy ? 'Checking…' : 'Relink…'}
      </button>
      {problem ? (
        <span className="field-error" data-testid="relink-error">
          {problem}
        </span>
      ) : null}
      <FolderPickerDialog
        open={browsing}
        title={`Find ${media.name}`}
        fileExtensions={EXTENSIONS}
        actionLabel="Relink"
        onCancel={() => setBrowsing(false)}
        onPick={(path) => {
          setBrowsing(false);
          void relinkFrom(path);
        }}
      />
    </div>
  );
}
