import type { OpenedProject } from '../../shared/ipc/contract.ts';
import type { ProjectId } from '../../shared/ids.ts';
import { DocumentStore } from '../editor/documentStore.ts';
import { Persister } from '../db/persister.ts';
import { ProjectDb } from '../db/projectDb.ts';
import type { LoadedDocument } from '../db/projectLoader.ts';
import { loadProjectDocument } from '../db/projectLoader.ts';
import type { SaveState } from '../db/snapshotScheduler.ts';
import { SnapshotScheduler } from '../db/snapshotScheduler.ts';
import { callMain, onMainEvent } from '../platform/mainBridge.ts';

export interface SessionNotice {
  readonly level: 'info' | 'warning' | 'error';
  readonly message: string;
}

/**
 * One open project in this window: the document store, its IndexedDB persister and the snapshot
 * scheduler that commits it to the project folder. Created by `openSession`, ended by `close()`.
 */
export class ProjectSession {
  readonly projectId: ProjectId;
  readonly path: string;
  readonly store: DocumentStore;
  private readonly db: ProjectDb;
  private readonly persister: Persister;
  private readonly scheduler: SnapshotScheduler;
  private readonly saveListeners = new Set<(state: SaveState) => void>();
  private readonly cleanups: Array<() => void> = [];
  private persistError: string | null = null;

  constructor(opened: OpenedProject, db: ProjectDb, loaded: LoadedDocument) {
    this.projectId = opened.file.projectId;
    this.path = opened.summary.path;
    this.db = db;
    this.store = new DocumentStore(loaded.settings, loaded.revision, loaded.shots);
    this.scheduler = new SnapshotScheduler({
      initialRevision: loaded.aheadOfFolder ? opened.file.revision : loaded.revision,
      snapshot: () => ({ revision: this.store.revision, data: this.store.toData() }),
      save: (revision, data) => callMain('saveSnapshot', { projectId: this.projectId, revision, data }),
      onState: (state) => this.saveListeners.forEach((l) => l(state)),
    });
    this.persister = new Persister(this.store, db, {
      onPersisted: () => undefined,
      onError: (error) => {
        // IndexedDB failing is survivable: the folder snapshot still carries every edit.
        this.persistError = error instanceof Error ? error.message : String(error);
      },
    });
    this.cleanups.push(this.store.subscribe((diff) => this.scheduler.markDirty(diff.revision)));
    if (loaded.aheadOfFolder) this.scheduler.markDirty(this.store.revision);
    this.installFlushTriggers();
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
        void this.persister
          .idle()
          .then(() => this.scheduler.flush())
          .then((saved) => callMain('acknowledgeFlush', { requestId, saved }));
      }),
    );
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

  flush(): Promise<boolean> {
    return this.scheduler.flush();
  }

  hasUnsaved(): boolean {
    return this.scheduler.hasUnsaved();
  }

  /** Writes what is pending to IndexedDB and the folder, then releases everything. */
  async close(): Promise<boolean> {
    await this.persister.idle();
    const saved = await this.scheduler.flush();
    this.scheduler.dispose();
    this.persister.dispose();
    this.cleanups.forEach((c) => c());
    this.db.close();
    await callMain('closeProject', { projectId: this.projectId });
    return saved;
  }
}

export interface OpenSessionResult {
  readonly session: ProjectSession;
  readonly notices: readonly SessionNotice[];
}

export async function openSession(opened: OpenedProject): Promise<OpenSessionResult> {
  const notices: SessionNotice[] = [];
  const db = new ProjectDb(opened.file.projectId);
  let loaded: LoadedDocument;
  try {
    await db.open();
    loaded = await loadProjectDocument(db, opened.file, opened.summary.path);
  } catch (error) {
    db.close();
    throw new Error(`Could not open the browser's working copy of this project (IndexedDB): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (loaded.source === 'folder' && loaded.reason && opened.file.revision > 0) {
    notices.push({ level: 'info', message: `Restored from the project folder: ${loaded.reason}.` });
  }
  if (loaded.aheadOfFolder) {
    notices.push({ level: 'info', message: 'Recovered edits that had not reached the project folder yet; saving them now.' });
  }
  return { session: new ProjectSession(opened, db, loaded), notices };
}
