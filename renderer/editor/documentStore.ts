import type { ShotId } from '../../shared/ids.ts';
import type { DocumentData } from '../../shared/model/documentData.ts';
import type { ProjectSettings } from '../../shared/model/projectSettings.ts';
import type { DocRecord, RecordKind, RecordOfKind } from '../../shared/model/records.ts';
import type { ShotRecord } from '../../shared/model/shot.ts';
import type { TakeRecord } from '../../shared/model/take.ts';

const NO_TAKES: readonly TakeRecord[] = Object.freeze([]);

export type { DocRecord };
/** Ids are UUID strings, unique across kinds. */
export type DocRecordId = string;

/** One record's change inside a transaction; `before`/`after` null mean created/deleted. */
export interface RecordChange {
  readonly id: DocRecordId;
  readonly before: DocRecord | null;
  readonly after: DocRecord | null;
}

/** The result of one transaction: what changed, and the document revision it produced. */
export interface Diff {
  readonly revision: number;
  readonly changes: readonly RecordChange[];
  readonly origin: DiffOrigin;
}

/**
 * 'user' edits are persisted and undoable; 'history' (undo/redo) is persisted but not recorded
 * again; 'load' replaces records from storage; 'view' changes nothing in the document (e.g. it
 * became read-only) but views must re-render.
 */
export type DiffOrigin = 'user' | 'history' | 'load' | 'view';

/** Whether a diff is an edit that must reach IndexedDB and the project folder. */
export function isPersistedOrigin(origin: DiffOrigin): boolean {
  return origin === 'user' || origin === 'history';
}

export interface Transaction {
  get(id: DocRecordId): DocRecord | undefined;
  /** Create or replace a record; the store stamps `rev` and `updatedAt`. */
  put(record: DocRecord): void;
  /** Patch a record; name its type (`update<ShotRecord>(…)`) to patch kind-specific fields. */
  update<R extends DocRecord = DocRecord>(id: string, patch: Partial<Omit<R, 'id' | 'kind'>>): void;
  remove(id: DocRecordId): void;
}

export type DiffListener = (diff: Diff) => void;

/**
 * The document in memory: the renderer's single source for the canvas and panels. Edits happen
 * in transactions that produce a Diff (before/after per record), which the persister writes to
 * IndexedDB in one Dexie transaction and history can invert for undo. No React, Konva or Dexie.
 */
export class DocumentStore {
  private records = new Map<DocRecordId, DocRecord>();
  private listeners = new Set<DiffListener>();
  private byKindCache = new Map<RecordKind, readonly DocRecord[]>();
  private takesByShotCache: Map<string, readonly TakeRecord[]> | null = null;
  private settingsValue: ProjectSettings;
  private revisionValue: number;
  private readonly now: () => number;
  /**
   * Why this document must not change (a project from a newer version, or one another window
   * took over); null when editable. Transactions are refused while set.
   */
  private readOnlyValue: string | null = null;
  private viewVersionValue = 0;

  constructor(settings: ProjectSettings, revision: number, records: Iterable<DocRecord>, now: () => number = Date.now) {
    this.settingsValue = settings;
    this.revisionValue = revision;
    this.now = now;
    for (const record of records) this.records.set(record.id, record);
  }

  get revision(): number {
    return this.revisionValue;
  }

  get readOnly(): string | null {
    return this.readOnlyValue;
  }

  /** Makes the document read-only (and tells subscribers, so the UI can say why). */
  setReadOnly(reason: string): void {
    this.readOnlyValue = reason;
    this.notify({ revision: this.revisionValue, changes: [], origin: 'view' });
  }

  /** Increments on every notification (edits and view-only changes): what React views watch. */
  get viewVersion(): number {
    return this.viewVersionValue;
  }

  private notify(diff: Diff): void {
    this.viewVersionValue += 1;
    for (const listener of this.listeners) listener(diff);
  }

  get settings(): ProjectSettings {
    return this.settingsValue;
  }

  get(id: DocRecordId): DocRecord | undefined {
    return this.records.get(id);
  }

  getShot(id: ShotId): ShotRecord | undefined {
    const record = this.records.get(id);
    return record?.kind === 'shot' ? record : undefined;
  }

  /** All shots in cut order (fractional index), cached until the next change. */
  shots(): readonly ShotRecord[] {
    return this.ofKind('shot');
  }

  /** Records of one kind (shots in cut order, the rest by creation), cached until the next change. */
  ofKind<K extends RecordKind>(kind: K): readonly RecordOfKind<K>[] {
    let cached = this.byKindCache.get(kind);
    if (!cached) {
      const list = [...this.records.values()].filter((r) => r.kind === kind);
      list.sort(
        kind === 'shot'
          ? (a, b) => {
              const oa = (a as ShotRecord).order;
              const ob = (b as ShotRecord).order;
              return oa < ob ? -1 : oa > ob ? 1 : a.id < b.id ? -1 : 1;
            }
          : (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
      );
      cached = list;
      this.byKindCache.set(kind, cached);
    }
    return cached as readonly RecordOfKind<K>[];
  }

  /**
   * The takes of a shot by take number (T1, T2…), cached for every shot until a take changes:
   * cards ask for their take count on every draw.
   */
  takesOf(shotId: string): readonly TakeRecord[] {
    if (!this.takesByShotCache) {
      const byShot = new Map<string, TakeRecord[]>();
      for (const take of this.ofKind('take')) {
        const list = byShot.get(take.shotId);
        if (list) list.push(take);
        else byShot.set(take.shotId, [take]);
      }
      for (const list of byShot.values()) list.sort((a, b) => a.number - b.number || (a.id < b.id ? -1 : 1));
      this.takesByShotCache = byShot;
    }
    return this.takesByShotCache.get(shotId) ?? NO_TAKES;
  }

  /** Every record, any kind. */
  all(): IterableIterator<DocRecord> {
    return this.records.values();
  }

  /** The whole document as plain data (a full save to the project folder). */
  toData(): DocumentData {
    return {
      settings: this.settingsValue,
      shots: [...this.shots()],
      scenes: [...this.ofKind('scene')],
      notes: [...this.ofKind('note')],
      arrows: [...this.ofKind('arrow')],
      takes: [...this.ofKind('take')],
    };
  }

  subscribe(listener: DiffListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs `edit` as one atomic change. If it throws, nothing is applied. Returns the Diff, or null
   * when nothing actually changed (no revision is spent on a no-op).
   */
  transact(edit: (tx: Transaction) => void): Diff | null {
    if (this.readOnlyValue !== null) return null;
    const working = new Map<DocRecordId, DocRecord | null>();
    const read = (id: DocRecordId) => (working.has(id) ? (working.get(id) ?? undefined) : this.records.get(id));
    const now = this.now();
    const tx: Transaction = {
      get: read,
      put: (record) => {
        const previous = read(record.id);
        working.set(record.id, { ...record, rev: (previous?.rev ?? record.rev - 1) + 1, updatedAt: now });
      },
      update: (id, patch) => {
        const previous = read(id);
        if (!previous) throw new Error(`update: no record ${id}`);
        working.set(id, { ...previous, ...patch, id: previous.id, kind: previous.kind, rev: previous.rev + 1, updatedAt: now } as DocRecord);
      },
      remove: (id) => {
        if (read(id)) working.set(id, null);
      },
    };
    edit(tx);
    const changes: RecordChange[] = [];
    for (const [id, after] of working) {
      const before = this.records.get(id) ?? null;
      if (before === null && after === null) continue;
      if (before && after && sameContent(before, after)) continue;
      changes.push({ id, before, after });
    }
    if (changes.length === 0) return null;
    return this.apply(changes, 'user');
  }

  /**
   * Undo/redo: puts the records back to the given content. Each restored record gets a new `rev`
   * and `updatedAt` (content goes back, time moves forward, so a later sync sees a newer write).
   */
  restore(targets: ReadonlyArray<{ id: DocRecordId; record: DocRecord | null }>): Diff | null {
    if (this.readOnlyValue !== null) return null;
    const now = this.now();
    const changes: RecordChange[] = [];
    for (const { id, record } of targets) {
      const before = this.records.get(id) ?? null;
      if (before === null && record === null) continue;
      const after = record ? ({ ...record, rev: Math.max(before?.rev ?? 0, record.rev) + 1, updatedAt: now } as DocRecord) : null;
      changes.push({ id, before, after });
    }
    return changes.length === 0 ? null : this.apply(changes, 'history');
  }

  /** Applies precomputed changes (records loaded from storage, or restore()). */
  apply(changes: readonly RecordChange[], origin: DiffOrigin): Diff {
    for (const change of changes) {
      if (change.after) this.records.set(change.id, change.after);
      else this.records.delete(change.id);
    }
    // Only the kinds that changed lose their cached lists (a shot drag keeps the scene list).
    for (const change of changes) {
      const kind = (change.after ?? change.before)!.kind;
      this.byKindCache.delete(kind);
      if (kind === 'take') this.takesByShotCache = null;
    }
    this.revisionValue += 1;
    const diff: Diff = { revision: this.revisionValue, changes, origin };
    this.notify(diff);
    return diff;
  }
}

/** Equal apart from the bookkeeping fields the store itself stamps. */
function sameContent(a: DocRecord, b: DocRecord): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === 'rev' || key === 'updatedAt') continue;
    const va = (a as unknown as Record<string, unknown>)[key];
    const vb = (b as unknown as Record<string, unknown>)[key];
    if (va === vb) continue;
    if (typeof va === 'object' && typeof vb === 'object' && JSON.stringify(va) === JSON.stringify(vb)) continue;
    return false;
  }
  return true;
}
