import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { MAIN_API_METHODS } from '../../../shared/ipc/contract.ts';
import type { IpcMainLike } from '../../../electron/main/ipcRegistration.ts';
import { registerMainApi } from '../../../electron/main/ipcRegistration.ts';
import { isTrustedSenderFrame } from '../../../electron/main/trustedSender.ts';
import { fakeMainApi } from '../support/fakeMainApi.ts';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** Records handle()/removeHandler() the way Electron's ipcMain would (one handler per channel). */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  readonly registrations: string[] = [];
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.registrations.push(channel);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

function senderEvent(frame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const TRUSTED = senderEvent({ url: 'app://shotcanvas/index.html', parent: null });
const GOOD_PROJECT = { name: 'Pilot', frameRate: { num: 25, den: 1 }, dropFrame: false, width: 1920, height: 1080 };

function setup() {
  const ipc = new FakeIpcMain();
  const { api, calls } = fakeMainApi();
  const logs: string[] = [];
  const unregister = registerMainApi(
    ipc,
    api,
    (event) => isTrustedSenderFrame(event.senderFrame, null),
    (message) => logs.push(message),
  );
  return { ipc, calls, logs, unregister };
}

describe('registerMainApi', () => {
  it('registers exactly one handler per MainApi method, on api:<method>', () => {
    const { ipc } = setup();
    expect(ipc.registrations).toEqual(MAIN_API_METHODS.map((m) => `api:${m}`));
    expect(new Set(ipc.registrations).size).toBe(MAIN_API_METHODS.length);
  });

  it.each([
    ['a foreign https page', senderEvent({ url: 'https://evil.example/', parent: null })],
    ['a file:// page', senderEvent({ url: 'file:///tmp/index.html', parent: null })],
    ['a destroyed frame (null)', senderEvent(null)],
    ['an iframe of our own page', senderEvent({ url: 'app://shotcanvas/index.html', parent: {} })],
  ])('refuses a call from %s with FORBIDDEN and never calls the api', async (_label, event) => {
    const { ipc, calls, logs } = setup();
    for (const method of MAIN_API_METHODS) {
      const result = await ipc.invoke(`api:${method}`, event, GOOD_PROJECT);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([]);
    expect(logs.length).toBe(MAIN_API_METHODS.length);
  });

  it('answers a trusted call with wrong arguments with INVALID_ARGUMENT and never calls the api', async () => {
    const { ipc, calls } = setup();
    const bad: Array<[string, unknown[]]> = [
      ['api:createProject', [{ ...GOOD_PROJECT, width: 'wide' }]],
      ['api:createProject', []],
      ['api:createProject', [GOOD_PROJECT, GOOD_PROJECT]],
      ['api:openProject', [{ path: 'x', extra: 1 }]],
      ['api:openProject', [{ path: 'a\u0000b' }]],
      ['api:getHostInfo', [{ unexpected: true }]],
      ['api:closeProject', [{ projectId: 'not-a-uuid' }]],
    ];
    for (const [channel, args] of bad) {
      const result = await ipc.invoke(channel, TRUSTED, ...args);
      expect(result, `${channel} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(calls).toEqual([]);
  });

  it("passes a trusted, valid call to the api and returns the api's Result", async () => {
    const { ipc, calls } = setup();
    await expect(ipc.invoke('api:getHostInfo', TRUSTED)).resolves.toEqual({ ok: true, value: 'getHostInfo result' });
    await expect(ipc.invoke('api:createProject', TRUSTED, GOOD_PROJECT)).resolves.toEqual({ ok: true, value: 'createProject result' });
    expect(calls).toEqual([
      { method: 'getHostInfo', args: [undefined] },
      { method: 'createProject', args: [GOOD_PROJECT] },
    ]);
  });

  it('trusts the dev server only when the trust function says so', async () => {
    const ipc = new FakeIpcMain();
    const { api, calls } = fakeMainApi();
    registerMainApi(
      ipc,
      api,
      (event) => isTrustedSenderFrame(event.senderFrame, 'http://localhost:5173/'),
      () => undefined,
    );
    const dev = senderEvent({ url: 'http://localhost:5173/index.html', parent: null });
    const otherPort = senderEvent({ url: 'http://localhost:5174/index.html', parent: null });
    await expect(ipc.invoke('api:listProjects', dev)).resolves.toMatchObject({ ok: true });
    await expect(ipc.invoke('api:listProjects', otherPort)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toHaveLength(1);
  });

  it('the returned function removes every handler', () => {
    const { ipc, unregister } = setup();
    unregister();
    expect(ipc.handlers.size).toBe(0);
    // Registering again after unregistering must not collide with leftovers.
    const { api } = fakeMainApi();
    expect(() =>
      registerMainApi(
        ipc,
        api,
        () => true,
        () => undefined,
      ),
    ).not.toThrow();
    expect(ipc.handlers.size).toBe(MAIN_API_METHODS.length);
  });
});
