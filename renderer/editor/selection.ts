import type { DocRecordId } from './documentStore.ts';

/**
 * Which records are selected. Kept outside the document: selecting is not an edit, is not
 * persisted, and (later) does not clear redo.
 */
export class Selection {
  private ids: ReadonlySet<DocRecordId> = new Set();
  private listeners = new Set<() => void>();

  get current(): ReadonlySet<DocRecordId> {
    return this.ids;
  }

  has(id: DocRecordId): boolean {
    return this.ids.has(id);
  }

  set(ids: Iterable<DocRecordId>): void {
    const next = new Set(ids);
    if (next.size === this.ids.size && [...next].every((id) => this.ids.has(id))) return;
    this.ids = next;
    this.emit();
  }

  toggle(id: DocRecordId): void {
    const next = new Set(this.ids);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.ids = next;
    this.emit();
  }

  clear(): void {
    this.set([]);
  }

  /** Drops ids that no longer exist (after a delete or undo). */
  retain(exists: (id: DocRecordId) => boolean): void {
    const kept = [...this.ids].filter(exists);
    if (kept.length !== this.ids.size) this.set(kept);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
