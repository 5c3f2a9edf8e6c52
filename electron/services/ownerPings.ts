import { randomUUID } from 'node:crypto';

export type PingEmitter = (payload: { projectId: string; nonce: string }) => void;

/**
 * Single writer per project across windows and tabs: before a second client takes over an open
 * project, the current owner is asked whether it is still there. A live window answers at once;
 * a closed or crashed tab cannot, and loses the project after the timeout.
 */
export class OwnerPings {
  private readonly waiting = new Map<string, { projectId: string; clientId: string; resolve: (alive: boolean) => void }>();
  private readonly emit: PingEmitter;

  constructor(emit: PingEmitter) {
    this.emit = emit;
  }

  isAlive(projectId: string, ownerClientId: string, timeoutMs: number): Promise<boolean> {
    const nonce = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(nonce);
        resolve(false);
      }, timeoutMs);
      this.waiting.set(nonce, {
        projectId,
        clientId: ownerClientId,
        resolve: (alive) => {
          clearTimeout(timer);
          this.waiting.delete(nonce);
          resolve(alive);
        },
      });
      this.emit({ projectId, nonce });
    });
  }

  /** The renderer's answer: only the owner's own answer for that project counts. */
  answer(nonce: string, clientId: string, projectId: string): void {
    const pending = this.waiting.get(nonce);
    if (pending && pending.clientId === clientId && pending.projectId === projectId) pending.resolve(true);
  }
}
