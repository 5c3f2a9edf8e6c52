import { describe, expect, it } from 'vitest';
import { harness, settle } from './fakeSnapshotHarness.ts';

describe('SnapshotScheduler timing', () => {
  it('saves quietMs after the last change', async () => {
    const h = harness({ quietMs: 3000 });
    h.change();
    expect(h.scheduler.state).toEqual({ kind: 'unsaved', revision: 1 });
    await h.timers.advance(2000);
    h.change();
    await h.timers.advance(2999);
    expect(h.calls).toHaveLength(0);
    await h.timers.advance(1);
    expect(h.calls.map((c) => [c.revision, c.at])).toEqual([[2, 5000]]);
    expect(h.scheduler.state).toEqual({ kind: 'saved', revision: 2, savedAt: new Date(5000).toISOString() });
    expect(h.states.map((s) => s.kind)).toEqual(['unsaved', 'unsaved', 'saving', 'saved']);
    expect(h.scheduler.hasUnsaved()).toBe(false);
  });

  it('saves at least every maxWaitMs during continuous changes', async () => {
    const h = harness({ quietMs: 3000, maxWaitMs: 10_000 });
    await h.timers.advance(500);
    for (let i = 0; i < 40; i += 1) {
      h.change();
      await h.timers.advance(1000);
    }
    const times = h.calls.map((c) => c.at);
    // Without the cap a change every second would postpone the quiet-period save forever.
    expect(times).toEqual([10_500, 20_500, 30_500, 40_500]);
    expect(h.calls.map((c) => c.revision)).toEqual([10, 20, 30, 40]);
    await h.timers.advance(30_000);
    expect(h.calls).toHaveLength(4);
    expect(h.scheduler.state.kind).toBe('saved');
  });

  it('ignores revisions that are already saved', async () => {
    const h = harness({ initialRevision: 5 });
    h.scheduler.markDirty(5);
    h.scheduler.markDirty(3);
    expect(h.states).toEqual([]);
    expect(h.timers.waiting).toEqual([]);
  });
});

describe('SnapshotScheduler.flush', () => {
  it('saves immediately and cancels the pending timer', async () => {
    const h = harness();
    h.change();
    await h.timers.advance(100);
    await expect(h.scheduler.flush()).resolves.toBe(true);
    expect(h.calls.map((c) => [c.revision, c.at])).toEqual([[1, 100]]);
    expect(h.timers.waiting).toEqual([]);
    await h.timers.advance(60_000);
    expect(h.calls).toHaveLength(1);
  });

  it('does not call save when nothing is unsaved', async () => {
    const h = harness({ initialRevision: 4 });
    await expect(h.scheduler.flush()).resolves.toBe(true);
    expect(h.calls).toHaveLength(0);
  });

  it('waits for a save in flight, then saves the newer revision', async () => {
    const h = harness({ mode: 'manual' });
    h.change();
    const first = h.scheduler.flush();
    await settle();
    h.change();
    h.change();
    const second = h.scheduler.flush();
    await settle();
    expect(h.calls.map((c) => c.revision)).toEqual([1]);
    h.ack(h.calls[0]!);
    await expect(first).resolves.toBe(true);
    await settle();
    expect(h.calls.map((c) => c.revision)).toEqual([1, 3]);
    h.ack(h.calls[1]!);
    await expect(second).resolves.toBe(true);
    expect(h.scheduler.state).toMatchObject({ kind: 'saved', revision: 3 });
  });

  it('sends each revision once when several flushes wait on the same save', async () => {
    // Closing a window fires blur, pagehide and visibilitychange together, and main asks too.
    const h = harness({ mode: 'manual' });
    h.change();
    const first = h.scheduler.flush();
    await settle();
    h.change();
    const waiting = [h.scheduler.flush(), h.scheduler.flush(), h.scheduler.flush()];
    h.ack(h.calls[0]!);
    await first;
    await settle();
    expect(h.calls.map((c) => c.revision)).toEqual([1, 2]);
    h.ack(h.calls[1]!);
    await expect(Promise.all(waiting)).resolves.toEqual([true, true, true]);
    expect(h.calls).toHaveLength(2);
    expect(h.scheduler.state).toMatchObject({ kind: 'saved', revision: 2 });
  });

  it('resolves false when the save fails', async () => {
    const h = harness({ mode: 'manual' });
    h.change();
    const flushed = h.scheduler.flush();
    await settle();
    h.fail(h.calls[0]!);
    await expect(flushed).resolves.toBe(false);
    expect(h.scheduler.hasUnsaved()).toBe(true);
  });
});

describe('SnapshotScheduler failures', () => {
  it('reports failed with a retry, retries with back-off and recovers', async () => {
    const h = harness({ mode: 'manual', quietMs: 1000 });
    h.change();
    await h.timers.advance(1000);
    h.fail(h.calls[0]!);
    await settle();
    expect(h.scheduler.state).toEqual({ kind: 'failed', revision: 1, error: { code: 'IO_ERROR', message: 'Disk full.' }, retryInMs: 2000 });
    expect(h.timers.waiting).toEqual([2000]);

    await h.timers.advance(2000);
    expect(h.calls).toHaveLength(2);
    h.fail(h.calls[1]!);
    await settle();
    expect(h.scheduler.state).toMatchObject({ kind: 'failed', retryInMs: 5000 });

    await h.timers.advance(5000);
    expect(h.calls.map((c) => [c.revision, c.at])).toEqual([
      [1, 1000],
      [1, 3000],
      [1, 8000],
    ]);
    h.ack(h.calls[2]!);
    await settle();
    expect(h.scheduler.state).toMatchObject({ kind: 'saved', revision: 1 });

    // Success resets the back-off.
    h.change();
    await h.timers.advance(1000);
    h.fail(h.calls[3]!);
    await settle();
    expect(h.scheduler.state).toMatchObject({ kind: 'failed', revision: 2, retryInMs: 2000 });
  });

  it('keeps the retry timer when edits arrive while failed, and saves them with the retry', async () => {
    const h = harness({ mode: 'manual', quietMs: 1000 });
    h.change();
    await h.timers.advance(1000);
    h.fail(h.calls[0]!);
    await settle();
    h.change();
    h.change();
    expect(h.scheduler.state.kind).toBe('failed');
    expect(h.timers.waiting).toEqual([2000]);
    await h.timers.advance(2000);
    expect(h.calls.map((c) => c.revision)).toEqual([1, 3]);
  });

  it('caps the back-off at one minute', async () => {
    const h = harness({ mode: 'manual' });
    h.change();
    const delays: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const flushed = h.scheduler.flush();
      await settle();
      h.fail(h.calls.at(-1)!);
      await flushed;
      const state = h.scheduler.state;
      if (state.kind === 'failed') delays.push(state.retryInMs);
    }
    expect(delays).toEqual([2000, 5000, 10_000, 30_000, 60_000, 60_000, 60_000]);
  });
});

describe('SnapshotScheduler never drops a revision', () => {
  it('saves edits made while a save was in flight', async () => {
    const h = harness({ mode: 'manual', quietMs: 1000 });
    h.change();
    await h.timers.advance(1000);
    expect(h.scheduler.state).toEqual({ kind: 'saving', revision: 1 });
    h.change();
    h.change();
    h.ack(h.calls[0]!);
    await settle();
    expect(h.scheduler.state).toEqual({ kind: 'unsaved', revision: 3 });
    expect(h.scheduler.hasUnsaved()).toBe(true);
    h.setMode('ok');
    await h.timers.advance(1000);
    expect(h.calls.map((c) => c.revision)).toEqual([1, 3]);
    expect(h.scheduler.state).toMatchObject({ kind: 'saved', revision: 3 });
  });

  it('treats a stale acknowledgement (older than what was sent) as not saved', async () => {
    const h = harness({ mode: 'manual', quietMs: 1000, initialRevision: 2 });
    h.change();
    h.change();
    await h.timers.advance(1000);
    h.ack(h.calls[0]!, 3);
    await settle();
    expect(h.scheduler.state).toEqual({ kind: 'unsaved', revision: 4 });
    await h.timers.advance(1000);
    expect(h.calls.map((c) => c.revision)).toEqual([4, 4]);
    h.ack(h.calls[1]!);
    await settle();
    expect(h.scheduler.state).toMatchObject({ kind: 'saved', revision: 4 });
  });

  it('does not let a stale acknowledgement lower the saved revision', async () => {
    const h = harness({ mode: 'manual', quietMs: 1000 });
    h.change();
    h.change();
    await h.timers.advance(1000);
    h.ack(h.calls[0]!);
    await settle();
    h.change();
    await h.timers.advance(1000);
    h.ack(h.calls[1]!, 1); // main answers with an older revision than it already confirmed
    await settle();
    expect(h.scheduler.state).toEqual({ kind: 'unsaved', revision: 3 });
    h.scheduler.markDirty(2);
    expect(h.calls).toHaveLength(2);
  });
});

describe('SnapshotScheduler.dispose', () => {
  it('cancels the timer and ignores later changes', async () => {
    const h = harness();
    h.change();
    h.scheduler.dispose();
    expect(h.timers.waiting).toEqual([]);
    h.change();
    await h.timers.advance(60_000);
    expect(h.calls).toHaveLength(0);
    expect(h.scheduler.hasUnsaved()).toBe(true);
  });

  it('does not schedule a retry after dispose', async () => {
    const h = harness({ mode: 'manual' });
    h.change();
    const flushed = h.scheduler.flush();
    await settle();
    h.scheduler.dispose();
    h.fail(h.calls[0]!);
    await flushed;
    expect(h.timers.waiting).toEqual([]);
  });
});
