import { runInContext, createContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MAIN_API_METHODS, MAIN_EVENT_NAMES } from '../../../shared/ipc/contract.ts';
import { buildBridgeScript } from '../../../electron/webHost/bridgeScript.ts';
import { TOKEN_HEADER } from '../../../electron/webHost/webHostAuth.ts';

const TOKEN = 'bridge-test-token';

interface FetchCall {
  readonly url: string;
  readonly init: { method: string; headers: Record<string, string>; body: string; credentials: string };
}

type FetchReply = { kind: 'json'; status: number; value: unknown } | { kind: 'not-json'; status: number } | { kind: 'network-error'; message: string };

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly listeners = new Map<string, Array<(message: { data: string }) => void>>();
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, listener: (message: { data: string }) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  dispatch(name: string, data: string): void {
    for (const listener of this.listeners.get(name) ?? []) listener({ data });
  }
}

/** Runs the bridge script in a fresh V8 context with a fake window, fetch and EventSource. */
function loadBridge(reply: FetchReply = { kind: 'json', status: 200, value: { ok: true, value: 'done' } }) {
  const calls: FetchCall[] = [];
  const errors: unknown[] = [];
  FakeEventSource.instances = [];
  const window: Record<string, unknown> = {};
  const fetch = (url: string, init: FetchCall['init']) => {
    calls.push({ url, init });
    if (reply.kind === 'network-error') return Promise.reject(new TypeError(reply.message));
    return Promise.resolve({
      status: reply.status,
      json: () => (reply.kind === 'json' ? Promise.resolve(reply.value) : Promise.reject(new SyntaxError('Unexpected token <'))),
    });
  };
  const context = createContext({ window, fetch, EventSource: FakeEventSource, console: { error: (e: unknown) => errors.push(e) } });
  runInContext(buildBridgeScript(TOKEN), context);
  const bridge = window['shotcanvas'] as Record<string, unknown> & {
    on(event: string, listener: unknown): () => void;
  };
  const method = (name: string) => bridge[name] as (...args: unknown[]) => Promise<unknown>;
  /** Results are objects of the script's realm; compare them as plain data. */
  const plain = async (value: Promise<unknown>) => JSON.parse(JSON.stringify(await value)) as unknown;
  return { window, bridge, calls, errors, method, plain };
}

describe('bridge script: window.shotcanvas', () => {
  it('is a frozen, non-configurable, non-writable global', () => {
    const { window, bridge } = loadBridge();
    const descriptor = Object.getOwnPropertyDescriptor(window, 'shotcanvas');
    expect(descriptor).toMatchObject({ configurable: false, writable: false });
    expect(Object.isFrozen(bridge)).toBe(true);
    // Test modules are strict, so writing to a frozen object throws.
    expect(() => {
      (bridge as Record<string, unknown>)['getHostInfo'] = () => 'hijacked';
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(window, 'shotcanvas', { value: {} })).toThrow(TypeError);
  });

  it('has exactly one function per MainApi method plus on() and hostKind "web"', () => {
    const { bridge } = loadBridge();
    expect(Object.keys(bridge).sort()).toEqual([...MAIN_API_METHODS, 'on', 'hostKind'].sort());
    for (const name of MAIN_API_METHODS) expect(typeof bridge[name], name).toBe('function');
    expect(typeof bridge.on).toBe('function');
    expect(bridge['hostKind']).toBe('web');
  });
});

describe('bridge script: calls', () => {
  it.each(MAIN_API_METHODS)('%s POSTs {args} to /api/<method> with the token header', async (name) => {
    const { calls, method, plain } = loadBridge();
    const arg = { path: '/tmp/x' };
    await expect(plain(method(name)(arg))).resolves.toEqual({ ok: true, value: 'done' });
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.url).toBe(`/api/${name}`);
    expect(call.init.method).toBe('POST');
    expect(call.init.headers[TOKEN_HEADER]).toBe(TOKEN);
    expect(call.init.headers['content-type']).toBe('application/json');
    expect(call.init.credentials).toBe('same-origin');
    expect(JSON.parse(call.init.body)).toEqual({ args: [arg] });
  });

  it('sends an empty args array for a call without an argument', async () => {
    const { calls, method } = loadBridge();
    await method('getHostInfo')();
    expect(JSON.parse(calls[0]!.init.body)).toEqual({ args: [] });
  });

  it('resolves a network failure to an IO_ERROR Result instead of throwing', async () => {
    const { method, plain } = loadBridge({ kind: 'network-error', message: 'Failed to fetch' });
    const result = (await plain(method('listProjects')())) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('IO_ERROR');
    expect(result.error.message).toContain('Failed to fetch');
    expect(result.error.message).toContain('npm run web');
  });

  it('resolves a reply without a JSON body to an INTERNAL Result naming the status', async () => {
    const { method, plain } = loadBridge({ kind: 'not-json', status: 502 });
    const result = (await plain(method('listProjects')())) as { ok: boolean; error: { code: string; message: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(result.error.message).toContain('502');
  });
});

describe('bridge script: events', () => {
  it('throws for an unknown event or a non-function listener', () => {
    const { bridge } = loadBridge();
    expect(() => bridge.on('unknownEvent', () => undefined)).toThrow(/Unknown Shotcanvas event/);
    expect(() => bridge.on('menuCommand', 'not a function')).toThrow(/listener must be a function/);
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  it('opens one EventSource on /api/events, delivers parsed payloads, and stops after unsubscribe', () => {
    const { bridge } = loadBridge();
    const received: unknown[] = [];
    const flushes: unknown[] = [];
    const unsubscribe = bridge.on('menuCommand', (payload: unknown) => received.push(payload));
    bridge.on('flushRequest', (payload: unknown) => flushes.push(payload));
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/events');
    expect([...source.listeners.keys()].sort()).toEqual([...MAIN_EVENT_NAMES].sort());

    source.dispatch('menuCommand', JSON.stringify({ command: 'zoom-in' }));
    expect(JSON.parse(JSON.stringify(received))).toEqual([{ command: 'zoom-in' }]);
    expect(flushes).toEqual([]);

    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
    source.dispatch('menuCommand', JSON.stringify({ command: 'zoom-out' }));
    expect(received).toHaveLength(1);
  });

  it('ignores a malformed event payload and survives a throwing listener', () => {
    const { bridge, errors } = loadBridge();
    const received: unknown[] = [];
    bridge.on('menuCommand', () => {
      throw new Error('listener failed');
    });
    bridge.on('menuCommand', (payload: unknown) => received.push(payload));
    const source = FakeEventSource.instances[0]!;
    source.dispatch('menuCommand', '{not json');
    expect(received).toEqual([]);
    source.dispatch('menuCommand', JSON.stringify({ command: 'add-shot' }));
    expect(received).toHaveLength(1);
    expect(errors).toHaveLength(1);
  });
});
