import type { FormEvent } from 'react';
import { useState } from 'react';
import type { ProjectSummary } from '../../../shared/ipc/contract.ts';
import type { FrameRateId } from '../../../shared/model/frameRate.ts';
import { FRAME_RATES, frameRateById } from '../../../shared/model/frameRate.ts';
import { validateProjectName } from '../../../shared/model/projectName.ts';
import { RESOLUTION_PRESETS } from '../../../shared/model/projectSettings.ts';
import type { AppError } from '../../../shared/result.ts';
import { callMain } from '../../platform/mainBridge.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';

interface Props {
  readonly open: boolean;
  readonly workspaceDir: string;
  readonly onCancel: () => void;
  readonly onCreated: (summary: ProjectSummary) => void;
}

/** New project: name, timeline frame rate (exact rational), drop-frame where it exists, resolution. */
export function CreateProjectDialog({ open, workspaceDir, onCancel, onCreated }: Props) {
  return (
    <ModalDialog
      open={open}
      onOpenChange={(o) => !o && onCancel()}
      title="New project"
      description={
        <>
          Created in <span className="mono">{workspaceDir}</span>
        </>
      }
    >
      {/* Mounted only while open: every opening starts with an empty form. */}
      <CreateProjectForm onCancel={onCancel} onCreated={onCreated} />
    </ModalDialog>
  );
}

function CreateProjectForm({ onCancel, onCreated }: Pick<Props, 'onCancel' | 'onCreated'>) {
  const [name, setName] = useState('');
  const [rateId, setRateId] = useState<FrameRateId>('24');
  const [dropFrame, setDropFrame] = useState(false);
  const [resolution, setResolution] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const rate = frameRateById(rateId);
  const nameCheck = name.trim() === '' ? null : validateProjectName(name);
  const nameProblem = nameCheck && !nameCheck.ok ? nameCheck.error.message : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const preset = RESOLUTION_PRESETS[resolution]!;
    setBusy(true);
    const result = await callMain('createProject', {
      name,
      frameRate: rate.rate,
      dropFrame: rate.dropFrameAllowed && dropFrame,
      width: preset.width,
      height: preset.height,
    });
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(result.error);
  };

  const shownError = nameProblem ?? error?.message ?? null;
  return (
    <form className="dialog-body" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="input"
          autoFocus
          placeholder="e.g. Nightfall – Teaser"
          value={name}
          aria-invalid={shownError ? 'true' : 'false'}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
        />
        {shownError ? (
          <span className="field-error" role="alert">
            {shownError}
          </span>
        ) : null}
      </label>
      <div className="field-row">
        <label className="field">
          <span className="field-label">Timeline frame rate</span>
          <select className="select" value={rateId} onChange={(e) => setRateId(e.target.value as FrameRateId)}>
            {FRAME_RATES.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Resolution</span>
          <select className="select" value={resolution} onChange={(e) => setResolution(Number(e.target.value))}>
            {RESOLUTION_PRESETS.map((preset, i) => (
              <option key={preset.label} value={i}>
                {preset.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="checkbox" aria-disabled={!rate.dropFrameAllowed}>
        <input
          type="checkbox"
          checked={rate.dropFrameAllowed && dropFrame}
          disabled={!rate.dropFrameAllowed}
          onChange={(e) => setDropFrame(e.target.checked)}
        />
        Drop-frame timecode {rate.dropFrameAllowed ? '' : '(only at 29.97 and 59.94 fps)'}
      </label>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || name.trim() === '' || nameProblem !== null}>
          Create project
        </button>
      </div>
    </form>
  );
}
