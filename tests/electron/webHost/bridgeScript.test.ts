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

/** Records what the bridge's upload does with XMLHttpRequest; the test plays the network. */
class FakeXhr {
  static instances: FakeXhr[] = [];
  method = '';
  url = '';
  readonly headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  aborted = false;
  readonly upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.instances.push(this);
  }
  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  send(body: unknown): void {
    this.body = body;
  }
  abort(): void {
    this.aborted = true;
    this.onabort?.();
  }
}

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
  FakeXhr.instances = [];
  const window: Record<string, unknown> = {};
  const fetch = (url: string, init: FetchCall['init']) => {
    calls.push({ url, init });
    if (reply.kind === 'network-error') return Promise.reject(new TypeError(reply.message));
    return Promise.resolve({
      status: reply.status,
      json: () => (reply.kind === 'json' ? Promise.resolve(reply.value) : Promise.reject(new SyntaxError('Unexpected token <'))),
    });
  };
  const context = createContext({ window, fetch, EventSource: FakeEventSource, XMLHttpRequest: FakeXhr, console: { error: (e: unknown) => errors.push(e) } });
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

  it('has exactly one function per MainApi method plus on(), files and hostKind "web"', () => {
    const { bridge } = loadBridge();
    expect(Object.keys(bridge).sort()).toEqual([...MAIN_API_METHODS, 'on', 'hostKind', 'files'].sort());
    expect(Object.keys(bridge['files'] as object)).toEqual(['uploadMedia']);
    expect(Object.isFrozen(bridge['files'])).toBe(true);
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

describe('bridge script: media upload', () => {
  type Upload = { done: Promise<unknown>; abort(): void };
  const start = (bridge: Record<string, unknown>, onProgress: (sent: number, total: number) => void = () => undefined) => {
    const file = { name: 'Shot 01 #2.mp4', size: 1000 };
    const files = bridge['files'] as { uploadMedia(file: unknown, target: unknown, onProgress: unknown): Upload };
    const upload = files.uploadMedia(file, { projectId: 'p-1', clientId: 'tab 1', fileName: 'Shot 01 #2.mp4' }, onProgress);
    return { file, upload, xhr: FakeXhr.instances.at(-1)! };
  };

  it('POSTs the File itself (streamed by the browser) with the token, and reports upload progress', async () => {
    const { bridge, plain } = loadBridge();
    const progress: Array<[number, number]> = [];
    const { file, upload, xhr } = start(bridge, (sent, total) => progress.push([sent, total]));
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/upload/media?projectId=p-1&clientId=tab%201&fileName=Shot%2001%20%232.mp4');
    expect(xhr.headers[TOKEN_HEADER]).toBe(TOKEN);
    expect(xhr.headers['content-type']).toBe('application/octet-stream');
    expect(xhr.body).toBe(file);
    xhr.upload.onprogress?.({ loaded: 400, total: 1000, lengthComputable: true });
    expect(progress).toEqual([[400, 1000]]);
    xhr.status = 200;
    xhr.responseText = JSON.stringify({ ok: true, value: { jobId: 'j-1', targetPath: null } });
    xhr.onload?.();
    await expect(plain(upload.done)).resolves.toEqual({ ok: true, value: { jobId: 'j-1', targetPath: null } });
  });

  it('resolves abort, network failure and a non-JSON reply to Results', async () => {
    const { bridge, plain } = loadBridge();
    const aborted = start(bridge);
    aborted.upload.abort();
    expect(aborted.xhr.aborted).toBe(true);
    await expect(plain(aborted.upload.done)).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const failed = start(bridge);
    failed.xhr.onerror?.();
    await expect(plain(failed.upload.done)).resolves.toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    const odd = start(bridge);
    odd.xhr.status = 401;
    odd.xhr.responseText = 'Missing or wrong access token.';
    odd.xhr.onload?.();
    const result = (await plain(odd.upload.done)) as { error: { code: string; message: string } };
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toContain('401');
  });
});
