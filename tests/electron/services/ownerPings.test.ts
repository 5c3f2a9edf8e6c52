import { describe, expect, it } from 'vitest';
import { OwnerPings } from '../../../electron/services/ownerPings.ts';

describe('OwnerPings', () => {
  it('resolves true when the owner answers its own ping for that project', async () => {
    const sent: Array<{ projectId: string; nonce: string }> = [];
    const pings = new OwnerPings((payload) => sent.push(payload));
    const alive = pings.isAlive('p1', 'owner-1', 10_000);
    expect(sent).toEqual([{ projectId: 'p1', nonce: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    pings.answer(sent[0]!.nonce, 'owner-1', 'p1');
    await expect(alive).resolves.toBe(true);
  });

  it('ignores answers from another client, for another project or with an unknown nonce, and times out false', async () => {
    const sent: Array<{ projectId: string; nonce: string }> = [];
    const pings = new OwnerPings((payload) => sent.push(payload));
    const started = Date.now();
    const alive = pings.isAlive('p1', 'owner-1', 40);
    const { nonce } = sent[0]!;
    pings.answer(nonce, 'someone-else', 'p1');
    pings.answer(nonce, 'owner-1', 'p2');
    pings.answer('00000000-0000-4000-8000-000000000000', 'owner-1', 'p1');
    await expect(alive).resolves.toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    // A late answer after the timeout changes nothing (and does not throw).
    pings.answer(nonce, 'owner-1', 'p1');
  });

  it('keeps concurrent pings apart by nonce', async () => {
    const sent: Array<{ projectId: string; nonce: string }> = [];
    const pings = new OwnerPings((payload) => sent.push(payload));
    const first = pings.isAlive('p1', 'a-client', 60);
    const second = pings.isAlive('p2', 'b-client', 10_000);
    expect(sent[0]!.nonce).not.toBe(sent[1]!.nonce);
    pings.answer(sent[1]!.nonce, 'b-client', 'p2');
    await expect(second).resolves.toBe(true);
    await expect(first).resolves.toBe(false);
  });
});
