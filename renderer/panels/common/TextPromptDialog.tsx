import type { FormEvent } from 'react';
import { useState } from 'react';
import type { AppError, Result } from '../../../shared/result.ts';
import { ModalDialog } from './ModalDialog.tsx';

interface Props {
  readonly open: boolean;
  readonly title: string;
  readonly label: string;
  readonly initialValue: string;
  readonly submitLabel: string;
  /** An error Result is shown under the field; on success the caller closes the dialog. */
  readonly onSubmit: (value: string) => Promise<Result<unknown>>;
  readonly onCancel: () => void;
}

export function TextPromptDialog({ open, title, onCancel, ...form }: Props) {
  return (
    <ModalDialog open={open} onOpenChange={(o) => !o && onCancel()} title={title}>
      {/* Mounted only while open, so every opening starts from initialValue. */}
      <TextPromptForm {...form} onCancel={onCancel} />
    </ModalDialog>
  );
}

function TextPromptForm({ label, initialValue, submitLabel, onSubmit, onCancel }: Omit<Props, 'open' | 'title'>) {
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await onSubmit(value);
    setBusy(false);
    if (!result.ok) setError(result.error);
  };

  return (
    <form className="dialog-body" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span className="field-label">{label}</span>
        <input className="input" autoFocus value={value} aria-invalid={error ? 'true' : 'false'} onChange={(e) => setValue(e.target.value)} />
        {error ? (
          <span className="field-error" role="alert">
            {error.message}
          </span>
        ) : null}
      </label>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || value.trim() === ''}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
