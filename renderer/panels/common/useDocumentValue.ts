import { useEffect, useState } from 'react';
import type { DocRecord, DocumentStore, RecordChange } from '../../editor/documentStore.ts';

/**
 * `read(store)`, re-read only when a change matters to the caller. A canvas drag rewrites x/y of
 * hundreds of shots every frame; a panel that lists 10,000 shots in cut order should neither
 * re-render nor recompute anything for that. `matters` and `read` must be module-level functions
 * (a new closure per render would not be picked up).
 */
export function useDocumentValue<T>(store: DocumentStore, matters: (change: RecordChange) => boolean, read: (store: DocumentStore) => T): T {
  const [state, setState] = useState(() => ({ store, value: read(store) }));
  let current = state;
  if (state.store !== store) {
    current = { store, value: read(store) };
    setState(current);
  }
  useEffect(
    () =>
      store.subscribe((diff) => {
        if (diff.origin === 'view' || diff.origin === 'load' || diff.changes.some(matters)) setState({ store, value: read(store) });
      }),
    // See above: both functions are module-level; resubscribing per render would be the bug.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store],
  );
  return current.value;
}

/** Whether `change` created or deleted a record, or changed one of `fields` of it. */
export function changedFields(change: RecordChange, fields: readonly string[]): boolean {
  const { before, after } = change;
  if (!before || !after) return true;
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return fields.some((f) => a[f] !== b[f]);
}

export function kindOf(change: RecordChange): DocRecord['kind'] {
  return (change.after ?? change.before)!.kind;
}
