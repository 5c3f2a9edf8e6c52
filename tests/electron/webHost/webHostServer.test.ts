import type { ClientRequest, IncomingMessage } from 'node:http';
import { request } from 'node:http';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP_HEADER } from '../../../shared/security/contentSecurityPolicy.ts';
import { BRIDGE_PATH } from '../../../electron/webHost/webHostServer.ts';
import { httpRequest } from '../support/httpClient.ts';
import type { WebHostFixture } from '../support/webHostFixture.ts';
import { SECRET_TEXT, TEST_TOKEN, startTestWebHost } from '../support/webHostFixture.ts';

const GOOD_PROJECT = { name: 'Night Shoot', frameRate: { num: 24, den: 1 }, dropFrame: false, width: 1920, height: 1080 };

let fx: WebHostFixture;
beforeAll(async () => {
  fx = await startTestWebHost();
});
afterAll(async () => {
  await fx.dispose();
});

const get = (path: string, headers: Record<string, string> = {}) => httpRequest(fx.host.port, { path, headers });
const withCookie = (path: string, headers: Record<string, string> = {}) => get(path, { cookie: fx.cookie, ...headers });
const api = (method: string, body: string, headers = fx.apiHeaders()) => httpRequest(fx.host.port, { method: 'POST', path: `/api/${method}`, headers, body });
const callApi = (method: string, args: unknown[]) => api(method, JSON.stringify({ args }));

describe('token exchange and session cookie', () => {
  it('trades the right token for an HttpOnly, SameSite=Strict cookie named per port and redirects to /', async () => {
    const reply = await get(`/?token=${TEST_TOKEN}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    const setCookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(setCookie.startsWith(`shotcanvas_session_${fx.host.port}=${TEST_TOKEN};`)).toBe(true);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
  });

  it('answers a wrong token with 401 and sets no cookie', async () => {
    const reply = await get('/?token=not-the-token');
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses every request without the cookie, telling the user to open the printed URL', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', BRIDGE_PATH, '/api/events']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(401);
      expect(reply.body).toMatch(/open the full URL that npm run web printed/);
    }
    const post = await api('getHostInfo', '{"args":[]}', { 'content-type': 'application/json', 'x-shotcanvas-token': TEST_TOKEN });
    expect(post.status).toBe(401);
  });

  it('refuses a cookie holding a wrong token', async () => {
    const reply = await get('/', { cookie: `shotcanvas_session_${fx.host.port}=wrong` });
    expect(reply.status).toBe(401);
  });

  it('refuses foreign Host headers (DNS rebinding) even with the cookie', async () => {
    for (const host of ['evil.example:' + fx.host.port, `127.0.0.1:${fx.host.port + 1}`, 'evil.example', '127.0.0.1']) {
      const reply = await withCookie('/', { host });
      expect(reply.status, host).toBe(403);
      expect(reply.body).not.toContain('<head>');
    }
    const apiReply = await callApiWithHost(`evil.example:${fx.host.port}`);
    expect(apiReply.status).toBe(403);
  });

  it('answers to localhost:<port> as well as 127.0.0.1:<port>', async () => {
    expect((await withCookie('/', { host: `localhost:${fx.host.port}` })).status).toBe(200);
  });
});

function callApiWithHost(host: string) {
  return api('getHostInfo', '{"args":[]}', fx.apiHeaders({ host }));
}

describe('API calls', () => {
  it('answers a well-formed call with the service Result', async () => {
    const reply = await callApi('getHostInfo', []);
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as { ok: boolean; value: { kind: string; workspaceDir: string } };
    expect(result.ok).toBe(true);
    expect(result.value.kind).toBe('web');
    expect(result.value.workspaceDir).toBe(fx.workspaceDir);
  });

  it('requires the token header', async () => {
    const headers = fx.apiHeaders();
    delete headers['x-shotcanvas-token'];
    expect((await api('getHostInfo', '{"args":[]}', headers)).status).toBe(401);
    expect((await api('getHostInfo', '{"args":[]}', fx.apiHeaders({ 'x-shotcanvas-token': 'wrong' }))).status).toBe(401);
  });

  it('refuses a foreign Origin and cross-site fetch metadata', async () => {
    expect((await api('getHostInfo', '{"args":[]}', fx.apiHeaders({ origin: 'http://evil.example' }))).status).toBe(403);
    expect((await api('getHostInfo', '{"args":[]}', fx.apiHeaders({ origin: 'null' }))).status).toBe(403);
    expect((await api('getHostInfo', '{"args":[]}', fx.apiHeaders({ 'sec-fetch-site': 'cross-site' }))).status).toBe(403);
    expect((await api('getHostInfo', '{"args":[]}', fx.apiHeaders({ 'sec-fetch-site': 'same-site' }))).status).toBe(403);
  });

  it('refuses GET on an API route with 405', async () => {
    expect((await withCookie('/api/x')).status).toBe(405);
    expect((await withCookie('/api/getHostInfo', { 'x-shotcanvas-token': TEST_TOKEN })).status).toBe(405);
  });

  it('refuses a non-JSON content type with 415', async () => {
    const reply = await api('getHostInfo', '{"args":[]}', fx.apiHeaders({ 'content-type': 'text/plain' }));
    expect(reply.status).toBe(415);
  });

  it('answers a body that is not JSON, or not {args: [...]}, with 400 and an INVALID_ARGUMENT Result', async () => {
    for (const body of ['{not json', '{"args": {"name": "x"}}', '[]']) {
      const reply = await api('getHostInfo', body);
      expect(reply.status, body).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });

  it('answers an unknown method with an INVALID_ARGUMENT Result', async () => {
    const reply = await callApi('constructor', []);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('rejects wrongly typed or malicious arguments with INVALID_ARGUMENT and creates nothing', async () => {
    const bad: unknown[][] = [
      [{ ...GOOD_PROJECT, name: 42 }],
      [{ ...GOOD_PROJECT, width: 'wide' }],
      [{ ...GOOD_PROJECT, extra: true }],
      [{ ...GOOD_PROJECT, name: '../escaped' }],
      [{ ...GOOD_PROJECT, name: 'a/b' }],
      [GOOD_PROJECT, GOOD_PROJECT],
      ['Night Shoot'],
    ];
    for (const args of bad) {
      const reply = await callApi('createProject', args);
      expect(reply.status, JSON.stringify(args)).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await readdir(fx.workspaceDir)).toEqual([]);
    expect((await readdir(fx.temp.path)).sort()).toEqual(['renderer', 'secret.txt', 'userData', 'workspace']);
  });

  it('creates the project folder for a good createProject call', async () => {
    const reply = await callApi('createProject', [GOOD_PROJECT]);
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body) as { ok: boolean; value: { path: string; name: string } };
    expect(result).toMatchObject({ ok: true, value: { name: 'Night Shoot', path: join(fx.workspaceDir, 'Night Shoot') } });
    expect((await stat(join(fx.workspaceDir, 'Night Shoot', 'project.json'))).isFile()).toBe(true);
  });
});

describe('static files', () => {
  it('injects the bridge script right after <head> and sends the security headers', async () => {
    for (const path of ['/', '/index.html']) {
      const reply = await withCookie(path);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.body).toMatch(new RegExp(`<head>\\s*<script src="${BRIDGE_PATH}"></script>`));
      expect(reply.body.indexOf(BRIDGE_PATH)).toBeLessThan(reply.body.indexOf('./assets/app.js'));
      expect(reply.headers['content-security-policy']).toBe(RENDERER_CSP_HEADER);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves assets and the bridge script with JavaScript types', async () => {
    const asset = await withCookie('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.body).toContain('console.log("app")');
    const bridge = await withCookie(BRIDGE_PATH);
    expect(bridge.status).toBe(200);
    expect(bridge.headers['content-type']).toMatch(/^text\/javascript/);
    expect(bridge.body).toContain(TEST_TOKEN);
  });

  it('answers a missing file with 404 and non-GET methods with 405', async () => {
    expect((await withCookie('/nope.js')).status).toBe(404);
    const put = await httpRequest(fx.host.port, { method: 'PUT', path: '/index.html', headers: { cookie: fx.cookie }, body: 'x' });
    expect(put.status).toBe(405);
  });

  it('never serves a file from outside the renderer folder', async () => {
    const probes = [
      '/..%2f..%2fetc/passwd',
      '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/secret.txt%00.html',
      '/%E0%A4%A',
    ];
    for (const path of probes) {
      const reply = await withCookie(path);
      expect([400, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toContain(SECRET_TEXT);
      expect(reply.body, path).not.toMatch(/root:.*:0:0:/);
    }
  });

  it('explains a missing renderer build with a 500 naming npm run build:renderer', async () => {
    const bare = await startTestWebHost({ withRenderer: false });
    try {
      const reply = await httpRequest(bare.host.port, { path: '/', headers: { cookie: bare.cookie } });
      expect(reply.status).toBe(500);
      expect(reply.body).toContain('npm run build:renderer');
      expect(reply.body).toContain(join(bare.rendererDir, 'index.html'));
    } finally {
      await bare.dispose();
    }
  });
});

/** Opens /api/events and collects the stream's text until `until` matches. */
function openEventStream(port: number, cookie: string): { req: ClientRequest; text: () => string; waitFor: (re: RegExp) => Promise<void> } {
  let text = '';
  const waiters: Array<{ re: RegExp; resolve: () => void }> = [];
  const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie }, agent: false }, (res: IncomingMessage) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
      for (const w of [...waiters]) if (w.re.test(text)) w.resolve();
    });
  });
  req.on('error', () => undefined);
  req.end();
  return {
    req,
    text: () => text,
    waitFor: (re) => (re.test(text) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ re, resolve }))),
  };
}

describe('server-sent events and shutdown', () => {
  it('delivers host.emit() events to /api/events subscribers', async () => {
    const stream = openEventStream(fx.host.port, fx.cookie);
    try {
      await stream.waitFor(/: connected/);
      fx.host.emit('menuCommand', { command: 'add-shot' });
      await stream.waitFor(/event: menuCommand\ndata: .*\n\n/);
      const data = /event: menuCommand\ndata: (.*)\n/.exec(stream.text())?.[1] ?? '';
      expect(JSON.parse(data)).toEqual({ command: 'add-shot' });
    } finally {
      stream.req.destroy();
    }
  });

  it('close() resolves even with an open event stream, and the port stops answering', async () => {
    const other = await startTestWebHost();
    const stream = openEventStream(other.host.port, other.cookie);
    await stream.waitFor(/: connected/);
    await expect(other.host.close()).resolves.toBeUndefined();
    await expect(httpRequest(other.host.port, { path: '/' })).rejects.toThrow();
    await other.temp.remove();
  });
});
