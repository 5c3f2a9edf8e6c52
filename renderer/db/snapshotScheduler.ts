import type { AppError, Result } from '../../shared/result.ts';

export type SaveState =
  | { readonly kind: 'saved'; readonly revision: number; readonly savedAt: string | null }
  | { readonly kind: 'unsaved'; readonly revision: number }
  | { readonly kind: 'saving'; readonly revision: number }
  | { readonly kind: 'failed'; readonly revision: number; readonly error: AppError; readonly retryInMs: number };

export interface SnapshotTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface SnapshotSchedulerOptions {
  /**
   * Sends everything up to `revision` to main (what exactly is the caller's business: changed
   * records or the whole document); resolves with the acknowledged revision.
   */
  readonly save: (revision: number) => Promise<Result<{ revision: number; savedAt: string }>>;
  /** The document's current revision. */
  readonly revision: () => number;
  readonly onState: (state: SaveState) => void;
  readonly initialRevision: number;
  readonly quietMs?: number;
  readonly maxWaitMs?: number;
  readonly timers?: SnapshotTimers;
}

const browserTimers: SnapshotTimers = {
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  now: () => Date.now(),
};

const RETRY_DELAYS_MS = [2000, 5000, 10_000, 30_000, 60_000];

/**
 * Decides when the document goes to the project folder: about `quietMs` after the last change,
 * but at least every `maxWaitMs` during continuous work, immediately on flush(). A failed write is
 * retried with back-off and reported; it is never dropped.
 */
export class SnapshotScheduler {
  private readonly options: Required<Omit<SnapshotSchedulerOptions, 'timers'>> & { timers: SnapshotTimers };
  private timer: unknown = null;
  private firstDirtyAt: number | null = null;
  private inFlight: Promise<void> | null = null;
  private savedRevision: number;
  private failures = 0;
  private disposed = false;
  private stateValue: SaveState;

  constructor(options: SnapshotSchedulerOptions) {
    this.options = { quietMs: 3000, maxWaitMs: 30_000, timers: browserTimers, ...options };
    this.savedRevision = options.initialRevision;
    this.stateValue = { kind: 'saved', revision: options.initialRevision, savedAt: null };
  }

  get state(): SaveState {
    return this.stateValue;
  }

  private setState(state: SaveState): void {
    this.stateValue = state;
    this.options.onState(state);
  }

  /** Call after every persisted change. */
  markDirty(revision: number): void {
    if (this.disposed || revision <= this.savedRevision) return;
    const now = this.options.timers.now();
    this.firstDirtyAt ??= now;
    if (this.stateValue.kind !== 'saving' && this.stateValue.kind !== 'failed') this.setState({ kind: 'unsaved', revision });
    if (this.stateValue.kind === 'failed') return; // the retry timer is already set
    const waitedMs = now - this.firstDirtyAt;
    this.schedule(Math.max(0, Math.min(this.options.quietMs, this.options.maxWaitMs - waitedMs)));
  }

  private schedule(ms: number): void {
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Writes now if anything is unsaved; resolves when the folder has it (or the write failed). */
  async flush(): Promise<boolean> {
    // Loop: several callers (blur, pagehide, a flush request) may wait on the same save; only the
    // first to wake may start the next one, the others must wait for it instead of saving again.
    while (this.inFlight) await this.inFlight;
    const revision = this.options.revision();
    if (revision <= this.savedRevision) return true;
    if (this.timer !== null) {
      this.options.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    let succeeded = false;
    const run = (async () => {
      this.setState({ kind: 'saving', revision });
      const result = await this.options.save(revision);
      if (result.ok) {
        this.failures = 0;
        this.savedRevision = Math.max(this.savedRevision, result.value.revision);
        succeeded = true;
        const latest = this.options.revision();
        if (latest > this.savedRevision) {
          this.firstDirtyAt = this.options.timers.now();
          this.setState({ kind: 'unsaved', revision: latest });
          this.schedule(this.options.quietMs);
        } else {
          this.firstDirtyAt = null;
          this.setState({ kind: 'saved', revision: this.savedRevision, savedAt: result.value.savedAt });
        }
      } else {
        const retryInMs = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)]!;
        this.failures += 1;
        this.setState({ kind: 'failed', revision, error: result.error, retryInMs });
        if (!this.disposed) this.schedule(retryInMs);
      }
    })();
    this.inFlight = run;
    try {
      await run;
    } finally {
      if (this.inFlight === run) this.inFlight = null;
    }
    return succeeded;
  }

  hasUnsaved(): boolean {
    return this.options.revision() > this.savedRevision;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
