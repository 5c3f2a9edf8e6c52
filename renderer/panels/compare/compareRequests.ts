/**
 * How any panel asks the workspace to open the compare view (the take list with takes
 * multi-selected, a command) without threading a callback through every component in between.
 * The workspace listens while it is mounted; with no listener a request is dropped.
 */
type CompareListener = (takeIds: readonly string[]) => void;

const listeners = new Set<CompareListener>();

/** Opens the compare view on these takes (2–4; extra ones are ignored, fewer show a notice). */
export function requestCompare(takeIds: readonly string[]): void {
  for (const listener of listeners) listener(takeIds);
}

export function onCompareRequest(listener: CompareListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
