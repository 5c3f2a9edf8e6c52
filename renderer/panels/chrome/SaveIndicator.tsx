import { AlertTriangle, Check, Loader2 } from 'lucide-react';
import type { SaveState } from '../../db/snapshotScheduler.ts';

/** Saved / saving / unsaved / failed (with the reason), always visible in the toolbar. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  switch (state.kind) {
    case 'saved':
      return (
        <span
          className="save-indicator saved"
          data-testid="save-state"
          data-state="saved"
          title={state.savedAt ? `Saved to the project folder at ${new Date(state.savedAt).toLocaleTimeString()}` : 'Everything is in the project folder'}
        >
          <Check size={13} /> Saved
        </span>
      );
    case 'saving':
      return (
        <span className="save-indicator saving" data-testid="save-state" data-state="saving">
          <Loader2 size={13} className="spin" /> Saving…
        </span>
      );
    case 'unsaved':
      return (
        <span
          className="save-indicator unsaved"
          data-testid="save-state"
          data-state="unsaved"
          title="Changes are kept in this window and written to the project folder within seconds"
        >
          <span className="dot" aria-hidden="true" /> Unsaved changes
        </span>
      );
    case 'failed':
      return (
        <button
          type="button"
          className="save-indicator failed"
          data-testid="save-state"
          data-state="failed"
          title={`${state.error.message} Retrying in ${Math.round(state.retryInMs / 1000)} s.`}
          onClick={onRetry}
        >
          <AlertTriangle size={13} /> Not saved — retry
        </button>
      );
  }
}
