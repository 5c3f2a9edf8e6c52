import type { Diff, DocumentStore } from './documentStore.ts';

export const HISTORY_LIMIT = 500;

/**
 * Undo/redo of document edits. Every user transaction is one step (a multi-card drag, a text
 * field commit, a paste), kept in a bounded stack owned by the session, so it survives switching
 * panels. Selection is not part of the document, so selecting never clears redo.
 */
export class History {
  private undoStack: Diff[] = [];
  private redoStack: Diff[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly store: DocumentStore;
  private readonly limit: number;
  private readonly unsubscribe: () => void;

  constructor(store: DocumentStore, limit = HISTORY_LIMIT) {
    this.store = store;
    this.limit = limit;
    this.unsubscribe = store.subscribe((diff) => {
      if (diff.origin !== 'user') return;
      this.undoStack.push(diff);
      if (this.undoStack.length > this.limit) this.undoStack.splice(0, this.undoStack.length - this.limit);
      this.redoStack = [];
      this.emit();
    });
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Puts every record of the last step back as it was before it. */
  undo(): boolean {
    const step = this.undoStack.at(-1);
    // A read-only document refuses the restore: the step stays where it is.
    if (!step || !this.store.restore(step.changes.map((c) => ({ id: c.id, record: c.before })))) return false;
    this.undoStack.pop();
    this.redoStack.push(step);
    this.emit();
    return true;
  }

  redo(): boolean {
    const step = this.redoStack.at(-1);
    if (!step || !this.store.restore(step.changes.map((c) => ({ id: c.id, record: c.after })))) return false;
    this.redoStack.pop();
    this.undoStack.push(step);
    this.emit();
    return true;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }
}
