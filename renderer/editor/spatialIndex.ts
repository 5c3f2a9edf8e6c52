import RBush from 'rbush';
import type { DocRecord, RecordKind } from '../../shared/model/records.ts';
import type { Point, Rect } from './camera.ts';
import type { Diff, DocumentStore } from './documentStore.ts';
import { recordBounds } from './geometry.ts';

export interface IndexedItem {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  readonly id: string;
  readonly kind: RecordKind;
}

/** Which kinds sit on top when they overlap: notes over shots over scenes. */
const LAYER: Readonly<Record<RecordKind, number>> = { scene: 0, arrow: 1, shot: 2, note: 3, take: 4 };

/**
 * An R-tree (rbush) of every record's bounds, kept in step with the document by its diffs. The
 * canvas asks it what is in view (culling), what is under the pointer (hit testing), what a
 * marquee covers and what is near a dragged card (snapping) — all in O(log n), never a scan of
 * 10,000 cards.
 */
export class SpatialIndex {
  private readonly tree = new RBush<IndexedItem>(16);
  private readonly items = new Map<string, IndexedItem>();
  private readonly unsubscribe: () => void;
  private versionValue = 0;

  constructor(store: DocumentStore) {
    const all: IndexedItem[] = [];
    for (const record of store.all()) {
      const item = toItem(record);
      if (item) {
        all.push(item);
        this.items.set(item.id, item);
      }
    }
    this.tree.load(all);
    this.unsubscribe = store.subscribe((diff) => this.apply(diff));
  }

  /** Changes whenever the index changes (cheap memo key for views). */
  get version(): number {
    return this.versionValue;
  }

  private apply(diff: Diff): void {
    if (diff.changes.length === 0) return;
    for (const change of diff.changes) {
      const old = this.items.get(change.id);
      if (old) {
        this.tree.remove(old);
        this.items.delete(change.id);
      }
      const item = change.after ? toItem(change.after) : null;
      if (item) {
        this.tree.insert(item);
        this.items.set(item.id, item);
      }
    }
    this.versionValue += 1;
  }

  bounds(id: string): Rect | null {
    const item = this.items.get(id);
    return item ? { x: item.minX, y: item.minY, width: item.maxX - item.minX, height: item.maxY - item.minY } : null;
  }

  /** Items intersecting `rect`. */
  search(rect: Rect): IndexedItem[] {
    return this.tree.search({ minX: rect.x, minY: rect.y, maxX: rect.x + rect.width, maxY: rect.y + rect.height });
  }

  /** Items whose bounds lie completely inside `rect` (marquee selection). */
  within(rect: Rect): IndexedItem[] {
    return this.search(rect).filter((i) => i.minX >= rect.x && i.minY >= rect.y && i.maxX <= rect.x + rect.width && i.maxY <= rect.y + rect.height);
  }

  /**
   * The topmost item under a point, among those `accept` allows (hidden shots of collapsed
   * scenes are refused by the caller). Ties within a layer go to the later-created record.
   */
  hitTest(point: Point, accept: (item: IndexedItem) => boolean = () => true): IndexedItem | null {
    const hits = this.tree.search({ minX: point.x, minY: point.y, maxX: point.x, maxY: point.y }).filter(accept);
    if (hits.length === 0) return null;
    hits.sort((a, b) => LAYER[b.kind] - LAYER[a.kind] || area(a) - area(b));
    return hits[0]!;
  }

  /** The world bounds of everything (minimap, zoom to fit), or null when empty. */
  totalBounds(): Rect | null {
    if (this.items.size === 0) return null;
    const { minX, minY, maxX, maxY } = this.tree.toJSON() as IndexedItem & { minX: number };
    return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
  }

  dispose(): void {
    this.unsubscribe();
  }
}

function area(item: IndexedItem): number {
  return (item.maxX - item.minX) * (item.maxY - item.minY);
}

function toItem(record: DocRecord): IndexedItem | null {
  const r = recordBounds(record);
  if (!r) return null;
  return { minX: r.x, minY: r.y, maxX: r.x + r.width, maxY: r.y + r.height, id: record.id, kind: record.kind };
}
