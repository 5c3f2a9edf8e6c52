import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_UPLOAD_PATH } from '../../../electron/webHost/bridgeScript.ts';
import type { ProjectId } from '../../../shared/ids.ts';
import type { Result } from '../../../shared/result.ts';
import { makeTempDir } from '../support/tempDir.ts';
import type { TempDir } from '../support/tempDir.ts';
import type { WebHostFixture } from '../support/webHostFixture.ts';
import { TEST_TOKEN, startTestWebHost } from '../support/webHostFixture.ts';
import type { Clips } from '../services/media/support/mediaFixtures.ts';
import { makeClips } from '../services/media/support/mediaFixtures.ts';

const CLIENT = 'tab-upload-test-1';
const PROJECT = { frameRate: { num: 24, den: 1 }, dropFrame: false, width: 1920, height: 1080 };

let fx: WebHostFixture;
let clipsTemp: TempDir;
let clips: Clips;
let projectId: ProjectId;
let projectDir: string;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  clipsTemp = await makeTempDir('shotcanvas-upload-clips-');
  clips = await makeClips(clipsTemp.path);
  fx = await startTestWebHost();
  const created = value(await fx.services.api.createProject({ ...PROJECT, name: 'Uploads' }));
  const opened = value(await fx.services.api.openProject({ path: created.path, clientId: CLIENT }));
  projectId = opened.file.projectId;
  projectDir = created.path;
}, 60_000);
afterAll(async () => {
  await fx.dispose();
  await clipsTemp.remove();
});

const uploadPath = (fileName: string, id: string = projectId, clientId = CLIENT) =>
  `${MEDIA_UPLOAD_PATH}?projectId=${encodeURIComponent(id)}&clientId=${encodeURIComponent(clientId)}&fileName=${encodeURIComponent(fileName)}`;

function uploadHeaders(size: number, extra: Record<string, string> = {}): Record<string, string> {
  return { ...fx.apiHeaders({ 'content-type': 'application/octet-stream', 'content-length': String(size) }), ...extra };
}

interface Reply {
  readonly status: number;
  readonly body: string;
}

/** Starts an upload whose body the test writes itself (to prove streaming and aborts). */
function startUpload(path: string, headers: Record<string, string>): { req: ClientRequest; reply: Promise<Reply> } {
  let req!: ClientRequest;
  const reply = new Promise<Reply>((resolve, reject) => {
    req = request({ host: '127.0.0.1', port: fx.host.port, method: 'POST', path, headers, agent: false }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  return { req, reply };
}

async function upload(path: string, headers: Record<string, string>, body: Buffer): Promise<Reply> {
  const { req, reply } = startUpload(path, headers);
  req.end(body);
  return reply;
}

async function jobDone(jobId: string): Promise<void> {
  for (let i = 0; i < 500 && fx.services.jobs.isRunning(jobId); i += 1) await new Promise((r) => setTimeout(r, 10));
}

async function mediaNames(): Promise<string[]> {
  try {
    return (await readdir(join(projectDir, 'media'), { recursive: true })).map(String).sort();
  } catch {
    return [];
  }
}

async function waitFor<T>(probe: () => Promise<T | null>, what: string): Promise<T> {
  for (let i = 0; i < 500; i += 1) {
    const found = await probe();
    if (found !== null) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe(`POST ${MEDIA_UPLOAD_PATH}: who may upload`, () => {
  const body = Buffer.from('x');
  it.each([
    ['no session cookie', { cookie: '' }, 401],
    ['no token header', { 'x-shotcanvas-token': '' }, 401],
    ['a wrong token', { 'x-shotcanvas-token': `${TEST_TOKEN.slice(0, -1)}X` }, 401],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['a foreign Host', { host: 'evil.example' }, 403],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 403],
  ])('refuses %s', async (_what, extra, status) => {
    const before = await mediaNames();
    expect((await upload(uploadPath('a.mp4'), uploadHeaders(1, extra), body)).status).toBe(status);
    expect(await mediaNames()).toEqual(before);
  });

  it('refuses GET, a missing size, another content type and a bad query', async () => {
    const { req, reply } = startUpload(uploadPath('a.mp4'), uploadHeaders(1));
    req.method = 'GET';
    req.end();
    expect([405, 400]).toContain((await reply).status);
    const chunked = uploadHeaders(1);
    delete chunked['content-length'];
    const noLength = startUpload(uploadPath('a.mp4'), { ...chunked, 'transfer-encoding': 'chunked' });
    noLength.req.end(body);
    expect((await noLength.reply).status).toBe(411);
    expect((await upload(uploadPath('a.mp4'), uploadHeaders(1, { 'content-type': 'application/json' }), body)).status).toBe(415);
    expect((await upload(`${MEDIA_UPLOAD_PATH}?projectId=nope&clientId=${CLIENT}&fileName=a.mp4`, uploadHeaders(1), body)).status).toBe(400);
  });

  it('refuses a client that is not the project’s writer, and a size the disk cannot take, before reading', async () => {
    const other = JSON.parse((await upload(uploadPath('a.mp4', projectId, 'tab-someone-else'), uploadHeaders(1), body)).body) as Result<unknown>;
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const huge = startUpload(uploadPath('huge.mp4'), uploadHeaders(10 ** 14));
    huge.req.write(body);
    const reply = JSON.parse((await huge.reply).body) as Result<unknown>;
    huge.req.destroy();
    expect(reply).toMatchObject({ ok: false, error: { code: 'NO_SPACE' } });
  });
});

describe(`POST ${MEDIA_UPLOAD_PATH}: streaming into the import`, () => {
  it('streams the body into the media folder and starts the import job', async () => {
    const bytes = await readFile(clips.mp4);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const { req, reply } = startUpload(uploadPath('dropped clip.mp4'), uploadHeaders(bytes.length));
    // Half the body: the server already has it on disk, in a temp file, before the rest is sent.
    req.write(bytes.subarray(0, 4000));
    const temp = await waitFor(async () => {
      const names = (await mediaNames()).filter((n) => n.endsWith('.sctmp'));
      if (names.length !== 1) return null;
      const info = await stat(join(projectDir, 'media', names[0]!));
      return info.size >= 4000 ? names[0]! : null;
    }, 'the staged upload');
    expect(temp).toMatch(/^\.import-[0-9a-f]+\.sctmp$/);
    req.end(bytes.subarray(4000));
    const started = JSON.parse((await reply).body) as Result<{ jobId: string; targetPath: null }>;
    const { jobId } = value(started);
    await jobDone(jobId);
    expect(await mediaNames()).toEqual([hash.slice(0, 16), `${hash.slice(0, 16)}/dropped clip.mp4`]);
    expect(await readFile(join(projectDir, 'media', hash.slice(0, 16), 'dropped clip.mp4'))).toEqual(bytes);
  });

  it('a dropped connection mid-upload leaves nothing behind', async () => {
    const before = await mediaNames();
    const bytes = await readFile(clips.mov25);
    const { req, reply } = startUpload(uploadPath('aborted.mov'), uploadHeaders(bytes.length));
    reply.catch(() => undefined);
    req.write(bytes.subarray(0, 5000));
    await waitFor(async () => ((await mediaNames()).some((n) => n.endsWith('.sctmp')) ? true : null), 'the staged upload');
    req.destroy();
    await waitFor(async () => ((await mediaNames()).some((n) => n.endsWith('.sctmp')) ? null : true), 'the clean-up');
    expect(await mediaNames()).toEqual(before);
  });

  it('an upload that is not media fails its job, keeping nothing', async () => {
    const before = await mediaNames();
    const text = Buffer.from('just some notes, not a movie\n');
    const started = JSON.parse((await upload(uploadPath('notes.mov'), uploadHeaders(text.length), text)).body) as Result<{ jobId: string }>;
    await jobDone(value(started).jobId);
    expect(await mediaNames()).toEqual(before);
  });
});

describe('GET /media: videos and thumbnails', () => {
  it('serves byte ranges (206) with the video type, so <video> can seek', async () => {
    const bytes = await readFile(clips.mp4);
    const started = JSON.parse((await upload(uploadPath('seek.mp4'), uploadHeaders(bytes.length), bytes)).body) as Result<{ jobId: string }>;
    await jobDone(value(started).jobId);
    const hash = createHash('sha256').update(bytes).digest('hex');
    // The same bytes were uploaded before under another name: stored once, under that name.
    const name = (await readdir(join(projectDir, 'media', hash.slice(0, 16))))[0]!;
    const url = `/media/${projectId}/media/${hash.slice(0, 16)}/${encodeURIComponent(name)}`;
    const headers = { cookie: fx.cookie, 'sec-fetch-site': 'same-origin' };
    const range = await new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: fx.host.port, path: url, headers: { ...headers, range: 'bytes=100-199' }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(range.status).toBe(206);
    expect(range.headers).toMatchObject({ 'content-type': 'video/mp4', 'content-range': `bytes 100-199/${bytes.length}`, 'accept-ranges': 'bytes' });
    expect(range.body).toEqual(bytes.subarray(100, 200));

    const poster = value(await fx.services.api.getMediaPoster({ projectId, hash, path: `media/${hash.slice(0, 16)}/${name}` }));
    const jpeg = await new Promise<{ status: number; type: unknown }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: fx.host.port, path: `/media/${projectId}/${poster.path}`, headers, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(jpeg).toEqual({ status: 200, type: 'image/jpeg' });
  });
});
