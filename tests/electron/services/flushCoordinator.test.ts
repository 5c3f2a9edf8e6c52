import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlushCoordinator } from '../../../electron/services/flushCoordinator.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('FlushCoordinator', () => {
  it('sends a fresh request id and resolves true when the renderer acknowledges saved', async () => {
    const flush = new FlushCoordinator();
    const sent: string[] = [];
    const result = flush.request((id) => sent.push(id), 1000);
    expect(sent).toHaveLength(1);
    flush.acknowledge({ requestId: sent[0]!, saved: true });
    await expect(result).resolves.toBe(true);
  });

  it('resolves false when the renderer reports that saving failed', async () => {
    const flush = new FlushCoordinator();
    let id = '';
    const result = flush.request((requestId) => (id = requestId), 1000);
    flush.acknowledge({ requestId: id, saved: false });
    await expect(result).resolves.toBe(false);
  });

  it("resolves 'timeout' when no acknowledgement arrives in time, and ignores a late one", async () => {
    const flush = new FlushCoordinator();
    let id = '';
    const result = flush.request((requestId) => (id = requestId), 500);
    vi.advanceTimersByTime(499);
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(result).resolves.toBe('timeout');
    expect(() => flush.acknowledge({ requestId: id, saved: true })).not.toThrow();
  });

  it('ignores acknowledgements for unknown request ids', async () => {
    const flush = new FlushCoordinator();
    let id = '';
    const result = flush.request((requestId) => (id = requestId), 500);
    flush.acknowledge({ requestId: 'someone-else', saved: true });
    vi.advanceTimersByTime(500);
    await expect(result).resolves.toBe('timeout');
    expect(id).not.toBe('');
  });

  it("resolves 'timeout' at once when sending throws (window already gone)", async () => {
    const flush = new FlushCoordinator();
    const result = flush.request(() => {
      throw new Error('Object has been destroyed');
    }, 60_000);
    await expect(result).resolves.toBe('timeout');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps concurrent requests apart', async () => {
    const flush = new FlushCoordinator();
    const ids: string[] = [];
    const a = flush.request((id) => ids.push(id), 1000);
    const b = flush.request((id) => ids.push(id), 1000);
    expect(ids[0]).not.toBe(ids[1]);
    flush.acknowledge({ requestId: ids[1]!, saved: false });
    flush.acknowledge({ requestId: ids[0]!, saved: true });
    await expect(a).resolves.toBe(true);
    await expect(b).resolves.toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an acknowledgement counts once', async () => {
    const flush = new FlushCoordinator();
    let id = '';
    const first = flush.request((requestId) => (id = requestId), 1000);
    flush.acknowledge({ requestId: id, saved: true });
    flush.acknowledge({ requestId: id, saved: false });
    await expect(first).resolves.toBe(true);
  });
});
