import { randomUUID } from 'node:crypto';
import type { FlushAck } from '../../shared/ipc/contract.ts';

/**
 * Before quitting or closing a window, main asks the renderer to write its pending edits and
 * waits for the acknowledgement, but never longer than `timeoutMs`: a hung renderer must not
 * make the app impossible to quit.
 */
export class FlushCoordinator {
  private readonly pending = new Map<string, (saved: boolean) => void>();

  /** Sends a request through `send` and resolves true (saved), false (failed) or 'timeout'. */
  request(send: (requestId: string) => void, timeoutMs: number): Promise<boolean | 'timeout'> {
    const requestId = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        resolve('timeout');
      }, timeoutMs);
      this.pending.set(requestId, (saved) => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve(saved);
      });
      try {
        send(requestId);
      } catch {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve('timeout');
      }
    });
  }

  acknowledge(ack: FlushAck): void {
    this.pending.get(ack.requestId)?.(ack.saved);
  }
}
