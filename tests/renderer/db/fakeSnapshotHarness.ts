import type { SaveState, SnapshotTimers } from '../../../renderer/db/snapshotScheduler.ts';
import { SnapshotScheduler } from '../../../renderer/db/snapshotScheduler.ts';
import type { AppError, Result } from '../../../shared/result.ts';
import { err, ok } from '../../../shared/result.ts';

/** Lets pending promise callbacks (the scheduler's async flush) run to completion. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A manual clock: timers fire only inside advance(), in time order. */
export class FakeTimers implements SnapshotTimers {
  time = 0;
  private nextHandle = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.pending.set(handle, { at: this.time + ms, fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  now(): number {
    return this.time;
  }

  /** Delays (from now) of the timers still waiting. */
  get waiting(): number[] {
    return [...this.pending.values()].map((t) => t.at - this.time).sort((a, b) => a - b);
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.pending) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

export interface SaveCall {
  readonly revision: number;
  readonly at: number;
  resolve(result: Result<{ revision: number; savedAt: string }>): void;
}

/**
 * The scheduler wired to a fake document (a revision counter), a fake clock and a save function
 * the test controls: 'ok' acknowledges at once, 'manual' leaves each call pending.
 */
export function harness(options: { quietMs?: number; maxWaitMs?: number; initialRevision?: number; mode?: 'ok' | 'manual' } = {}) {
  const timers = new FakeTimers();
  const calls: SaveCall[] = [];
  const states: SaveState[] = [];
  let revision = options.initialRevision ?? 0;
  let mode = options.mode ?? 'ok';
  const scheduler = new SnapshotScheduler({
    initialRevision: revision,
    quietMs: options.quietMs ?? 3000,
    maxWaitMs: options.maxWaitMs ?? 30_000,
    timers,
    revision: () => revision,
    onState: (state) => states.push(state),
    save: (rev) =>
      new Promise((resolve) => {
        const call: SaveCall = { revision: rev, at: timers.now(), resolve };
        calls.push(call);
        if (mode === 'ok') resolve(ok({ revision: rev, savedAt: new Date(timers.now()).toISOString() }));
      }),
  });
  return {
    scheduler,
    timers,
    calls,
    states,
    get revision() {
      return revision;
    },
    setMode(next: 'ok' | 'manual') {
      mode = next;
    },
    /** One persisted edit: the document revision moves on and the scheduler hears of it. */
    change() {
      revision += 1;
      scheduler.markDirty(revision);
    },
    ack(call: SaveCall, acked = call.revision) {
      call.resolve(ok({ revision: acked, savedAt: new Date(timers.now()).toISOString() }));
    },
    fail(call: SaveCall, error: AppError = { code: 'IO_ERROR', message: 'Disk full.' }) {
      call.resolve(err(error.code, error.message));
    },
  };
}
