import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_ORIGIN, appProtocolReply } from '../../../electron/services/appProtocol.ts';
import { nodeFileSystem } from '../../../electron/services/fileSystem.ts';
import { RENDERER_CSP_HEADER } from '../../../shared/security/contentSecurityPolicy.ts';
import { faultyFs, fsError } from './support/faultyFs.ts';
import { useTempDir } from './support/tempDir.ts';

const tmp = useTempDir();
let rendererDir: string;
const SECRET = 'TOP-SECRET-OUTSIDE';
const reply = (url: string) => appProtocolReply(url, rendererDir, nodeFileSystem);
const text = (body: Uint8Array | string) => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));

beforeEach(async () => {
  rendererDir = join(tmp(), 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Shotcanvas</title>');
  await writeFile(join(rendererDir, 'assets', 'a.js'), 'console.log("a")');
  await writeFile(join(tmp(), 'secret.txt'), SECRET);
  await writeFile(join(tmp(), 'renderer-evil.txt'), SECRET);
});

describe('appProtocolReply', () => {
  it('serves index.html for the root with the CSP header and nosniff', async () => {
    expect(APP_ORIGIN).toBe('app://shotcanvas');
    const res = await reply('app://shotcanvas/');
    expect(res.status).toBe(200);
    expect(text(res.body)).toContain('<title>Shotcanvas</title>');
    expect(res.headers).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'content-security-policy': RENDERER_CSP_HEADER,
    });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves /index.html the same way', async () => {
    const res = await reply('app://shotcanvas/index.html');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(RENDERER_CSP_HEADER);
  });

  it('serves assets with their content type and without a CSP header', async () => {
    const res = await reply('app://shotcanvas/assets/a.js?v=1#x');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.body).toBeInstanceOf(Uint8Array);
    expect(text(res.body)).toBe('console.log("a")');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await reply('app://shotcanvas/assets/missing.js')).status).toBe(404);
    expect((await reply('app://shotcanvas/assets')).status).toBe(404);
    expect((await reply('app://shotcanvas/assets/')).status).toBe(404);
  });

  it('answers 404 for another host or scheme', async () => {
    expect((await reply('app://evil/index.html')).status).toBe(404);
    expect((await reply('app://shotcanvas.evil/index.html')).status).toBe(404);
    expect((await reply('https://shotcanvas/index.html')).status).toBe(404);
    expect((await reply('file:///etc/passwd')).status).toBe(404);
  });

  it('answers 400 for something that is not a URL', async () => {
    expect(await reply('not a url')).toEqual({ status: 400, headers: {}, body: 'Bad URL' });
  });

  it.each([
    'app://shotcanvas/../secret.txt',
    'app://shotcanvas/%2e%2e/secret.txt',
    'app://shotcanvas/..%2fsecret.txt',
    'app://shotcanvas/%2e%2e%2fsecret.txt',
    'app://shotcanvas/assets/..%2f..%2fsecret.txt',
    'app://shotcanvas/..%5csecret.txt',
    'app://shotcanvas/..\\secret.txt',
    'app://shotcanvas/%2e%2e%2frenderer-evil.txt',
    'app://shotcanvas/%252e%252e%252fsecret.txt',
    'app://shotcanvas/index.html%00.js',
    'app://shotcanvas/%E0%A4%A',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const res = await reply(url);
    expect([400, 404]).toContain(res.status);
    expect(text(res.body)).not.toContain(SECRET);
  });

  it('answers 500 for a read error other than missing', async () => {
    const fs = faultyFs({ readFile: (() => Promise.reject(fsError('EIO', 'read'))) as never });
    expect((await appProtocolReply('app://shotcanvas/index.html', rendererDir, fs)).status).toBe(500);
  });
});
