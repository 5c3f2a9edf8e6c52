import { describe, expect, it } from 'vitest';
import { MAIN_API_METHODS, MAIN_EVENT_NAMES } from '../../../shared/ipc/contract.ts';
import type { IpcRendererLike } from '../../../electron/preload/preloadBridge.ts';
import { createPreloadBridge } from '../../../electron/preload/preloadBridge.ts';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** Records invoke() calls and on()/removeListener() subscriptions like Electron's ipcRenderer. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  readonly listeners = new Map<string, Set<IpcListener>>();
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve({ ok: true, value: channel });
  }
  on(channel: string, listener: IpcListener): this {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)?.add(listener);
    return this;
  }
  removeListener(channel: string, listener: IpcListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  /** Delivers a message from main the way Electron does: the IPC event first, then the payload. */
  emit(channel: string, ...args: unknown[]): void {
    const ipcEvent = { sender: this, senderFrame: null, ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(ipcEvent, ...args);
  }
  count(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}

function setup() {
  const ipc = new FakeIpcRenderer();
  const bridge = createPreloadBridge(ipc);
  const loose = bridge as unknown as Record<string, unknown> & { on(event: unknown, listener: unknown): () => void };
  return { ipc, bridge, loose };
}

describe('createPreloadBridge', () => {
  it('has exactly one function per MainApi method plus on(), files and hostKind "desktop"', () => {
    const { loose } = setup();
    expect(Object.keys(loose).sort()).toEqual([...MAIN_API_METHODS, 'on', 'hostKind', 'files'].sort());
    expect(loose['files']).toEqual({});
    for (const method of MAIN_API_METHODS) expect(typeof loose[method], method).toBe('function');
    expect(loose['hostKind']).toBe('desktop');
  });

  it.each(MAIN_API_METHODS)('%s invokes api:<method> with exactly the given arguments', async (method) => {
    const { ipc, loose } = setup();
    const arg = { path: '/films/Pilot' };
    const call = loose[method] as (...args: unknown[]) => Promise<unknown>;
    await expect(call(arg)).resolves.toEqual({ ok: true, value: `api:${method}` });
    expect(ipc.invocations).toEqual([{ channel: `api:${method}`, args: [arg] }]);
  });

  it('passes no argument through as none', async () => {
    const { ipc, bridge } = setup();
    await bridge.getHostInfo();
    expect(ipc.invocations).toEqual([{ channel: 'api:getHostInfo', args: [] }]);
  });

  it('is frozen', () => {
    const { loose } = setup();
    expect(Object.isFrozen(loose)).toBe(true);
    expect(() => {
      loose['getHostInfo'] = () => 'hijacked';
    }).toThrow(TypeError);
    expect(() => {
      loose['ipcRenderer'] = {};
    }).toThrow(TypeError);
  });

  it('never exposes ipcRenderer or its methods', () => {
    const { ipc, loose } = setup();
    const values = Object.values(loose);
    expect(values).not.toContain(ipc);
    for (const fn of [ipc.invoke, ipc.on, ipc.removeListener, ipc.emit]) expect(values).not.toContain(fn);
    for (const name of ['invoke', 'send', 'sendSync', 'removeListener', 'ipcRenderer', 'emit']) expect(name in loose, name).toBe(false);
  });
});

describe('createPreloadBridge: events', () => {
  it.each(MAIN_EVENT_NAMES)('on(%s) subscribes to event:<name> and hands the listener only the payload', (name) => {
    const { ipc, loose } = setup();
    const received: unknown[][] = [];
    loose.on(name, (...args: unknown[]) => received.push(args));
    expect(ipc.count(`event:${name}`)).toBe(1);
    const payload = { command: 'add-shot' };
    ipc.emit(`event:${name}`, payload, 'a stray second argument');
    expect(received).toEqual([[payload]]);
    expect(received[0]?.[0]).toBe(payload);
  });

  it('the unsubscribe function removes exactly that listener', () => {
    const { ipc, bridge } = setup();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.on('menuCommand', (p) => a.push(p));
    bridge.on('menuCommand', (p) => b.push(p));
    expect(ipc.count('event:menuCommand')).toBe(2);
    offA();
    expect(ipc.count('event:menuCommand')).toBe(1);
    ipc.emit('event:menuCommand', { command: 'zoom-in' });
    expect(a).toEqual([]);
    expect(b).toEqual([{ command: 'zoom-in' }]);
    offA();
    expect(ipc.count('event:menuCommand')).toBe(1);
  });

  it('throws for an unknown event or a listener that is not a function, subscribing nothing', () => {
    const { ipc, loose } = setup();
    expect(() => loose.on('unknownEvent', () => undefined)).toThrow(/Unknown Shotcanvas event/);
    expect(() => loose.on('api:getHostInfo', () => undefined)).toThrow(/Unknown Shotcanvas event/);
    expect(() => loose.on('__proto__', () => undefined)).toThrow(/Unknown Shotcanvas event/);
    expect(() => loose.on('menuCommand', 'not a function')).toThrow(TypeError);
    expect(() => loose.on('menuCommand', undefined)).toThrow(TypeError);
    expect(ipc.listeners.size).toBe(0);
  });
});

describe('createPreloadBridge: files', () => {
  it('exposes pathForFile (webUtils.getPathForFile) and answers "" when Electron refuses the object', () => {
    const seen: unknown[] = [];
    const bridge = createPreloadBridge(new FakeIpcRenderer(), (file) => {
      seen.push(file);
      if (file.name === 'not-a-file') throw new TypeError('Expected a File');
      return `/home/me/Renders/${file.name}`;
    });
    expect(Object.isFrozen(bridge.files)).toBe(true);
    expect(bridge.files.pathForFile?.({ name: 'take 3.mp4', size: 10 })).toBe('/home/me/Renders/take 3.mp4');
    expect(bridge.files.pathForFile?.({ name: 'not-a-file', size: 0 })).toBe('');
    expect(bridge.files.uploadMedia).toBeUndefined();
    expect(seen).toHaveLength(2);
  });
});
