import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectId } from '../../../shared/ids.ts';
import type { FrameRef } from '../../../shared/model/media.ts';
import type { Result } from '../../../shared/result.ts';
import { pngBytes } from '../services/media/support/imageBytes.ts';
import { httpRequest } from '../support/httpClient.ts';
import type { WebHostFixture } from '../support/webHostFixture.ts';
import { SECRET_TEXT, startTestWebHost } from '../support/webHostFixture.ts';

const CLIENT = 'tab-media-test-1';
const PROJECT = { frameRate: { num: 24, den: 1 }, dropFrame: false, width: 1920, height: 1080 };
const IMAGE = pngBytes(24, 12, 1);

let fx: WebHostFixture;
let projectId: ProjectId;
let projectDir: string;
let frame: FrameRef;
let closedUrl: string;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');
const urlOf = (id: string, path: string) => `/media/${id}/${encodePath(path)}`;
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  httpRequest(fx.host.port, { method, path, headers: { cookie: fx.cookie, 'sec-fetch-site': 'same-origin', ...headers } });

async function openProjectWithImage(name: string, fileName: string, bytes: Uint8Array) {
  const { api } = fx.services;
  const created = value(await api.createProject({ ...PROJECT, name }));
  const opened = value(await api.openProject({ path: created.path, clientId: CLIENT }));
  const id = opened.file.projectId;
  const ref = value(await api.importFrameImage({ projectId: id, clientId: CLIENT, fileName, dataBase64: Buffer.from(bytes).toString('base64') }));
  return { id, dir: created.path, ref };
}

beforeAll(async () => {
  fx = await startTestWebHost();
  const open = await openProjectWithImage('Night Shoot', 'Shot 01 – wide #1.png', IMAGE);
  ({ id: projectId, dir: projectDir, ref: frame } = open);
  // A link inside media/ that leads out of the project, to the secret beside the renderer.
  await symlink(join(fx.temp.path, 'secret.txt'), join(projectDir, 'media', 'leak.png'));
  await mkdir(join(projectDir, 'media', 'linkdir'));
  await symlink(fx.temp.path, join(projectDir, 'media', 'linkdir', 'up'));
  await writeFile(join(projectDir, 'media', 'notes.txt'), 'plain text');
  const closed = await openProjectWithImage('Closed', 'other.png', pngBytes(8, 8, 2));
  closedUrl = urlOf(closed.id, closed.ref.path);
  value(await fx.services.api.closeProject({ projectId: closed.id, clientId: CLIENT }));
});
afterAll(async () => {
  await fx.dispose();
});

describe('GET /media/<projectId>/<path>', () => {
  it('serves a file of an open project, byte for byte, with immutable caching and locked-down headers', async () => {
    const reply = await get(urlOf(projectId, frame.path));
    expect(reply.status).toBe(200);
    expect(reply.bytes).toEqual(IMAGE);
    expect(reply.headers['content-type']).toBe('image/png');
    expect(reply.headers['content-length']).toBe(String(IMAGE.length));
    expect(reply.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('answers HEAD with the headers and no body', async () => {
    const reply = await get(urlOf(projectId, frame.path), {}, 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String(IMAGE.length));
    expect(reply.bytes.length).toBe(0);
  });

  it('types other files by extension (never image/* for text)', async () => {
    const reply = await get(urlOf(projectId, 'media/notes.txt'));
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/octet-stream');
  });

  it('refuses a request without the session cookie (401)', async () => {
    const reply = await httpRequest(fx.host.port, { path: urlOf(projectId, frame.path) });
    expect(reply.status).toBe(401);
    expect(reply.bytes).not.toEqual(IMAGE);
  });

  it('refuses a foreign Host even with the cookie (403)', async () => {
    const reply = await get(urlOf(projectId, frame.path), { host: `evil.example:${fx.host.port}` });
    expect(reply.status).toBe(403);
  });

  it('refuses cross-site requests (403)', async () => {
    expect((await get(urlOf(projectId, frame.path), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses writes to the route (405)', async () => {
    expect((await get(urlOf(projectId, frame.path), {}, 'POST')).status).toBe(405);
  });

  it.each([
    ['a project that was closed', () => closedUrl],
    ['a project id that is not open', () => urlOf('0e1d2c3b-4a59-4687-9a1b-2c3d4e5f6a7b', frame.path)],
    ['a project id that is not a UUID', () => urlOf('..', frame.path)],
    ['an unknown file', () => urlOf(projectId, 'media/0123456789abcdef/missing.png')],
    ['a folder', () => urlOf(projectId, frame.path.split('/').slice(0, 2).join('/'))],
    ['the project file (outside media/)', () => urlOf(projectId, 'project.json')],
    ['an encoded ../ out of media/', () => `/media/${projectId}/media/%2e%2e%2fproject.json`],
    ['an encoded ../../ out of the project', () => `/media/${projectId}/media/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt`],
    ['encoded backslashes', () => `/media/${projectId}/media/..%5c..%5c..%5csecret.txt`],
    ['an encoded NUL', () => `/media/${projectId}/${encodePath(frame.path)}%00.png`],
    ['a symlink to a file outside the project', () => urlOf(projectId, 'media/leak.png')],
    ['a symlinked folder leading outside the project', () => urlOf(projectId, 'media/linkdir/up/secret.txt')],
    ['an empty path', () => `/media/${projectId}/`],
    ['no project id', () => '/media/'],
  ])('answers 404 for %s, leaking nothing', async (_what, path) => {
    const reply = await get(path());
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET_TEXT);
    expect(reply.body).not.toContain('"projectId"');
  });

  it('never serves the secret through unencoded dot segments either', async () => {
    for (const path of [`/media/${projectId}/../../../secret.txt`, `/media/${projectId}/media/../../../../secret.txt`]) {
      const reply = await get(path);
      expect(reply.status, path).not.toBe(200);
      expect(reply.body).not.toContain(SECRET_TEXT);
    }
  });
});
