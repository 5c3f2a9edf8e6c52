import type { OpenedProject, SnapshotAck } from '../../shared/ipc/contract.ts';
import type { ProjectId } from '../../shared/ids.ts';
import { projectDatabaseName } from '../../shared/identity.ts';
import type { Result } from '../../shared/result.ts';
import Dexie from 'dexie';
import { DocumentStore, isPersistedOrigin } from '../editor/documentStore.ts';
import { History } from '../editor/history.ts';
import { PendingChanges } from '../db/pendingChanges.ts';
import { Persister } from '../db/persister.ts';
import { ProjectDb } from '../db/projectDb.ts';
import type { LoadedDocument } from '../db/projectLoader.ts';
import { documentFromFile, loadProjectDocument } from '../db/projectLoader.ts';
import type { SaveState } from '../db/snapshotScheduler.ts';
import { SnapshotScheduler } from '../db/snapshotScheduler.ts';
import { clientId } from '../platform/clientId.ts';
import { callMain, onMainEvent } from '../platform/mainBridge.ts';

/**
 * Benchmark switch: send the whole document on every save (the naive baseline the change-set
 * saves are compared with). Set `localStorage['shotcanvas.bench.fullSaves'] = '1'`; never used otherwise.
 */
const FULL_SAVES_FOR_BENCHMARK = (() => {
  try {
    return localStorage.getItem('shotcanvas.bench.fullSaves') === '1';
  } catch {
    return false;
  }
})();

export interface SessionNotice {
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
}

/**
 * One open project in this window: the document store, its IndexedDB persister and the scheduler
 * that commits it to the project folder (changed records normally, the whole document when the
 * folder's revision is not the one this window last saw). Created by `openSession`.
 */
export class ProjectSession {
  readonly projectId: ProjectId;
  readonly path: string;
  readonly store: DocumentStore;
  /** Undo/redo lives with the session, so it survives switching panels. */
  readonly history: History;
  readonly clientId = clientId();
  private readonly db: ProjectDb | null;
  private readonly persister: Persister | null;
  private readonly scheduler: SnapshotScheduler;
  private readonly pending = new PendingChanges();
  private readonly saveListeners = new Set<(state: SaveState) => void>();
  private readonly cleanups: Array<() => void> = [];
  private ackedRevision: number;
  /** The folder may hold another revision than the one we last saw: send the whole document. */
  private needsFullSave: boolean;
  private persistError: string | null = null;
  private closed = false;

  constructor(opened: OpenedProject, db: ProjectDb | null, loaded: LoadedDocument) {
    this.projectId = opened.file.projectId;
    this.path = opened.summary.path;
    this.db = db;
    this.store = new DocumentStore(loaded.settings, loaded.revision, loaded.records);
    this.ackedRevision = opened.file.revision;
    this.needsFullSave = loaded.aheadOfFolder;
    if (opened.readOnly) this.store.setReadOnly(opened.readOnly);
    this.history = new History(this.store);
    this.scheduler = new SnapshotScheduler({
      initialRevision: loaded.aheadOfFolder ? opened.file.revision : loaded.revision,
      revision: () => this.store.revision,
      save: (revision) => this.save(revision),
      onState: (state) => this.saveListeners.forEach((l) => l(state)),
    });
    this.persister =
      db && !opened.readOnly
        ? new Persister(this.store, db, {
            after: loaded.rebuild,
            onPersisted: () => undefined,
            onError: (error) => {
              // IndexedDB failing is survivable: the folder still receives every edit.
              this.persistError = error instanceof Error ? error.message : String(error);
            },
          })
        : null;
    this.cleanups.push(
      this.store.subscribe((diff) => {
        this.pending.record(diff);
        if (isPersistedOrigin(diff.origin)) this.scheduler.markDirty(diff.revision);
      }),
    );
    if (loaded.aheadOfFolder) {
      this.scheduler.markDirty(this.store.revision);
      void this.scheduler.flush();
    }
    this.installFlushTriggers();
    this.installOwnership();
    this.installVersionChangeGuard();
  }

  /**
   * Sends what changed since the last acknowledged revision (or everything, when needed). The
   * synchronous part (collecting and serializing) is what the UI thread pays per save; it is
   * measured as `shotcanvas:save-ui` for the benchmark.
   */
  private async save(revision: number): Promise<Result<SnapshotAck>> {
    const started = performance.now();
    const { batch, restore } = this.pending.take();
    const base = { projectId: this.projectId, clientId: this.clientId };
    let result: Result<SnapshotAck>;
    if (this.needsFullSave || FULL_SAVES_FOR_BENCHMARK) {
      const sending = callMain('saveSnapshot', { ...base, revision, data: this.store.toData() });
      performance.measure('shotcanvas:save-ui', { start: started, end: performance.now() });
      result = await sending;
    } else {
      const sending = callMain('saveChanges', {
        ...base,
        baseRevision: this.ackedRevision,
        revision,
        puts: batch.puts,
        deletes: batch.deletes,
        settings: null,
      });
      performance.measure('shotcanvas:save-ui', { start: started, end: performance.now() });
      result = await sending;
      if (!result.ok && result.error.code === 'CONFLICT' && result.error.message.includes('revision')) {
        // The folder moved on without us (another writer, or a restore): send the whole document.
        this.needsFullSave = true;
        result = await callMain('saveSnapshot', { ...base, revision, data: this.store.toData() });
      }
    }
    if (result.ok) {
      this.needsFullSave = false;
      this.ackedRevision = result.value.revision;
    } else {
      restore();
      if (result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') this.loseOwnership(result.error.message);
    }
    return result;
  }

  private installFlushTriggers(): void {
    const flushSoon = () => void this.scheduler.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushSoon();
    };
    window.addEventListener('blur', flushSoon);
    window.addEventListener('pagehide', flushSoon);
    document.addEventListener('visibilitychange', onVisibility);
    this.cleanups.push(
      () => window.removeEventListener('blur', flushSoon),
      () => window.removeEventListener('pagehide', flushSoon),
      () => document.removeEventListener('visibilitychange', onVisibility),
      onMainEvent('flushRequest', ({ requestId }) => {
        void this.flush().then((saved) => callMain('acknowledgeFlush', { requestId, saved }));
      }),
    );
  }

  /** Single writer: answer main's "still there?" and stop writing when another client took over. */
  private installOwnership(): void {
    this.cleanups.push(
      onMainEvent('ownerPing', ({ projectId, nonce }) => {
        if (projectId === this.projectId && !this.closed) void callMain('answerOwnerPing', { projectId, nonce, clientId: this.clientId });
      }),
      onMainEvent('projectTakenOver', ({ projectId, clientId: previous }) => {
        if (projectId === this.projectId && previous === this.clientId)
          this.loseOwnership('This project was opened in another window or tab, which now saves it.');
      }),
    );
  }

  /** Another tab upgraded this project's database: write nothing in the old shape; reload. */
  private installVersionChangeGuard(): void {
    if (!this.db) return;
    const onVersionChange = () => {
      void this.flush().finally(() => window.location.reload());
    };
    this.db.on('versionchange', onVersionChange);
    this.cleanups.push(() => this.db?.on('versionchange').unsubscribe(onVersionChange));
  }

  private loseOwnership(reason: string): void {
    if (this.store.readOnly) return;
    this.persister?.dispose();
    this.scheduler.dispose();
    this.store.setReadOnly(`${reason} Edits here are no longer saved; reopen the project to continue in this window.`);
  }

  get saveState(): SaveState {
    return this.scheduler.state;
  }

  get indexedDbProblem(): string | null {
    return this.persistError;
  }

  onSaveState(listener: (state: SaveState) => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  /** Writes pending edits to IndexedDB and the folder; resolves true when the folder has them. */
  async flush(): Promise<boolean> {
    await this.persister?.idle();
    return this.scheduler.flush();
  }

  hasUnsaved(): boolean {
    return this.scheduler.hasUnsaved();
  }

  /** Writes what is pending, then releases everything. */
  async close(): Promise<boolean> {
    const saved = this.store.readOnly ? true : await this.flush();
    this.closed = true;
    this.scheduler.dispose();
    this.persister?.dispose();
    this.cleanups.forEach((c) => c());
    this.history.dispose();
    this.db?.close();
    await callMain('closeProject', { projectId: this.projectId, clientId: this.clientId });
    return saved;
  }
}

export interface OpenSessionResult {
  readonly session: ProjectSession;
  readonly notices: readonly SessionNotice[];
}

async function openDatabase(projectId: string): Promise<{ db: ProjectDb | null; problem: string | null }> {
  const attempt = async () => {
    const db = new ProjectDb(projectId);
    await db.open();
    return db;
  };
  try {
    return { db: await attempt(), problem: null };
  } catch (first) {
    // A damaged or unreadable working copy is disposable: the folder rebuilds it.
    try {
      await Dexie.delete(projectDatabaseName(projectId));
      return { db: await attempt(), problem: `The browser's working copy could not be opened (${String(first)}); it was rebuilt from the project folder.` };
    } catch (second) {
      return {
        db: null,
        problem: `The browser's storage (IndexedDB) is not available (${String(second)}). You can keep working: every edit is saved straight to the project folder.`,
      };
    }
  }
}

export async function openSession(opened: OpenedProject): Promise<OpenSessionResult> {
  const notices: SessionNotice[] = opened.notices.map((message) => ({ level: 'info', message }));
  if (opened.readOnly) {
    // A newer version's project: never write its working copy either; show it from the file.
    const loaded = documentFromFile(opened.file);
    notices.push({ level: 'warning', message: opened.readOnly });
    return { session: new ProjectSession(opened, null, loaded), notices };
  }
  const { db, problem } = await openDatabase(opened.file.projectId);
  if (problem) notices.push({ level: db ? 'info' : 'warning', message: problem });
  let loaded: LoadedDocument;
  if (db) {
    loaded = await loadProjectDocument(db, opened.file, opened.summary.path);
  } else {
    loaded = documentFromFile(opened.file);
  }
  if (loaded.source === 'folder' && loaded.reason && opened.file.revision > 0) {
    notices.push({ level: 'info', message: `Restored from the project folder: ${loaded.reason}.` });
  }
  if (loaded.aheadOfFolder) {
    notices.push({ level: 'info', message: 'Recovered edits that had not reached the project folder yet; saving them now.' });
  }
  return { session: new ProjectSession(opened, db, loaded), notices };
}
