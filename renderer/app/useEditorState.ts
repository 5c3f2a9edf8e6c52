import { useSyncExternalStore } from 'react';
import type { DocumentStore } from '../editor/documentStore.ts';
import type { Selection } from '../editor/selection.ts';
import type { SaveState } from '../db/snapshotScheduler.ts';
import type { ProjectSession } from './projectSession.ts';

/** Re-renders on every document notification (edits, read-only switch); returns a counter. */
export function useDocumentRevision(store: DocumentStore): number {
  return useSyncExternalStore(
    (notify) => store.subscribe(notify),
    () => store.viewVersion,
  );
}

export function useSelection(selection: Selection): ReadonlySet<string> {
  return useSyncExternalStore(
    (notify) => selection.subscribe(notify),
    () => selection.current,
  );
}

export function useSaveState(session: ProjectSession): SaveState {
  return useSyncExternalStore(
    (notify) => session.onSaveState(notify),
    () => session.saveState,
  );
}
