import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { MEDIA_SCHEME } from '../../shared/identity.ts';
import type { ProjectId } from '../../shared/ids.ts';
import { z } from 'zod';
import type { JobStarted, MainApi, MainEventName, MainEvents } from '../../shared/ipc/contract.ts';
import { RENDERER_CSP_HEADER } from '../../shared/security/contentSecurityPolicy.ts';
import type { Result } from '../../shared/result.ts';
import { err, ok } from '../../shared/result.ts';
import { dispatchApiCall } from '../services/apiDispatcher.ts';
import type { FileSystem } from '../services/fileSystem.ts';
import { errorCode } from '../services/fileSystem.ts';
import { openMediaReply } from '../services/media/mediaRange.ts';
import type { MediaUploadInput } from '../services/media/mediaService.ts';
import { MEDIA_CACHE_CONTROL, resolveMediaRequest } from '../services/mediaProtocol.ts';
import { mimeTypeOf, resolveStaticPath } from '../services/staticFiles.ts';
import { MEDIA_UPLOAD_PATH, buildBridgeScript } from './bridgeScript.ts';
import { TOKEN_HEADER, isAllowedHost, isAllowedOrigin, isSameOriginFetch, readCookie, sessionCookieName, tokensEqual } from './webHostAuth.ts';

export const BRIDGE_PATH = '/__shotcanvas/bridge.js';
/** Where project media are served: `/media/<projectId>/<path inside the project>`. */
export const MEDIA_ROUTE = '/media/';
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface WebHostOptions {
  readonly api: MainApi;
  readonly fs: FileSystem;
  /** The built renderer (vite build output). */
  readonly rendererDir: string;
  readonly port: number;
  /** Fixed for tests; random per run otherwise. */
  readonly token?: string;
  readonly log?: (message: string, error?: unknown) => void;
  /** The folder of an open project (undefined when it is not open): media are served only from there. */
  readonly mediaDir?: (projectId: string) => string | undefined;
  /** Streams an upload into the media import (MediaService.acceptUpload); absent: uploads are refused. */
  readonly uploadMedia?: (input: MediaUploadInput) => Promise<Result<{ readonly jobId: string }>>;
}

/** The upload route's query string, checked like any API argument. */
const uploadQuerySchema = z.strictObject({
  projectId: z.uuid(),
  clientId: z.string().min(8).max(100),
  fileName: z.string().min(1).max(255),
});

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  emit<E extends MainEventName>(event: E, payload: MainEvents[E]): void;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': RENDERER_CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Media are content-addressed (a changed image gets a new path), so they never need revalidating. */
const MEDIA_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': MEDIA_CACHE_CONTROL,
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function refuse(res: ServerResponse, status: number, message: string): void {
  send(res, status, `${message}\n`, 'text/plain; charset=utf-8');
}

async function readBody(req: IncomingMessage): Promise<Result<string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return err('INVALID_ARGUMENT', `The request is larger than ${MAX_BODY_BYTES / 1048576} MB.`);
    chunks.push(chunk as Buffer);
  }
  return { ok: true, value: Buffer.concat(chunks).toString('utf8') };
}

/**
 * Serves the real renderer and the real services on 127.0.0.1 for a browser: the same MainApi
 * the Electron preload exposes, over POST /api/<method>, and MainEvents over server-sent events.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? (() => undefined);
  const eventStreams = new Set<ServerResponse>();
  let port = options.port;
  let cookieName = '';

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string): Promise<void> => {
    if (req.method !== 'POST') return refuse(res, 405, 'API calls must be POST.');
    if (!tokensEqual(req.headers[TOKEN_HEADER] as string | undefined, token)) return refuse(res, 401, 'Missing or wrong access token.');
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse(res, 403, `Origin ${req.headers.origin ?? ''} is not allowed.`);
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'API calls must send JSON.');
    const body = await readBody(req);
    if (!body.ok) return sendJson(res, 413, body);
    let args: unknown;
    try {
      args = (JSON.parse(body.value) as { args?: unknown }).args;
    } catch {
      return sendJson(res, 400, err('INVALID_ARGUMENT', 'The request body is not valid JSON.'));
    }
    if (!Array.isArray(args)) return sendJson(res, 400, err('INVALID_ARGUMENT', 'The request body must be {"args": [...]}.'));
    const result = await dispatchApiCall(options.api, method, args, log);
    sendJson(res, 200, result);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    eventStreams.add(res);
    req.on('close', () => eventStreams.delete(res));
  };

  const serveStatic = async (res: ServerResponse, urlPath: string): Promise<void> => {
    const file = resolveStaticPath(options.rendererDir, urlPath);
    if (!file) return refuse(res, 400, 'Bad path.');
    let body: Buffer;
    try {
      body = (await options.fs.readFile(file)) as Buffer;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'EISDIR') {
        if (urlPath === '/' || urlPath === '/index.html') {
          return refuse(res, 500, `The renderer is not built (${file} is missing). Run: npm run build:renderer`);
        }
        return refuse(res, 404, 'Not found.');
      }
      throw error;
    }
    if (file.endsWith('.html')) {
      // The bridge must run before the app's module script, exactly like a preload.
      const html = body.toString('utf8').replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`);
      return send(res, 200, html, mimeTypeOf(file));
    }
    const immutable = urlPath.startsWith('/assets/');
    send(res, 200, body, mimeTypeOf(file), { 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  };

  /**
   * `/media/<projectId>/<path inside the project>`: the same resolver as the desktop media scheme
   * (open projects only, decoded once, symlinks resolved, containment checked). No token header:
   * `<img>` cannot send one, so the session cookie and the Host check guard it like the pages.
   */
  const serveMedia = async (req: IncomingMessage, res: ServerResponse, encodedPath: string): Promise<void> => {
    const mediaDir = options.mediaDir;
    // The resolver serves only media/ and .cache/thumbs/: project.json and backups stay private.
    const file = mediaDir ? await resolveMediaRequest(`${MEDIA_SCHEME}://project/${encodedPath}`, mediaDir, options.fs) : null;
    if (!file) return refuse(res, 404, 'Not found.');
    const reply = await openMediaReply(options.fs, file, req.headers.range, req.method === 'HEAD');
    if (reply.status === 404) return refuse(res, 404, 'Not found.');
    res.writeHead(reply.status, { ...SECURITY_HEADERS, ...MEDIA_HEADERS, ...reply.headers });
    if (!reply.body) {
      res.end();
      return;
    }
    // Streamed from the checked handle, a range at a time: <video> seeks without loading the file.
    try {
      await pipeline(reply.body, res);
    } catch (error) {
      // A browser that navigates away (or seeks) closes the connection mid-file; that is not a failure.
      if (errorCode(error) !== 'ERR_STREAM_PREMATURE_CLOSE') log(`sending ${file} failed`, error);
    }
  };

  /**
   * `POST /upload/media?projectId=…&clientId=…&fileName=…` with the file as the raw body: the
   * same token, Origin and Host checks as the API, a Content-Length the free space is checked
   * against, and the body streamed into the media folder (never buffered). Answers the Result of
   * starting the import job; the browser follows the job's events like any other job.
   */
  const handleUpload = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'POST') return refuse(res, 405, 'Uploads must be POST.');
    if (!tokensEqual(req.headers[TOKEN_HEADER] as string | undefined, token)) return refuse(res, 401, 'Missing or wrong access token.');
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse(res, 403, `Origin ${req.headers.origin ?? ''} is not allowed.`);
    // The body is not read after a refusal: close the connection instead of draining gigabytes.
    const reject = (status: number, result: Result<unknown>) => {
      res.setHeader('connection', 'close');
      sendJson(res, status, result);
    };
    if (!options.uploadMedia) return reject(404, err('NOT_SUPPORTED', 'This web host does not take uploads.'));
    if (String(req.headers['content-type'] ?? '') !== 'application/octet-stream')
      return reject(415, err('INVALID_ARGUMENT', 'Uploads must send the file as application/octet-stream.'));
    const lengthHeader = req.headers['content-length'];
    if (lengthHeader === undefined || !/^\d{1,15}$/.test(lengthHeader))
      return reject(411, err('INVALID_ARGUMENT', 'Uploads must state their size (Content-Length).'));
    const query = uploadQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return reject(400, err('INVALID_ARGUMENT', 'The upload must name projectId, clientId and fileName.'));
    const aborted = new AbortController();
    req.on('close', () => {
      if (!req.complete) aborted.abort();
    });
    const target = { ...query.data, projectId: query.data.projectId as ProjectId };
    const started = await options.uploadMedia({ ...target, size: Number(lengthHeader), body: req, signal: aborted.signal });
    if (!started.ok) return reject(200, started);
    sendJson(res, 200, ok<JobStarted>({ jobId: started.value.jobId, targetPath: null }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isAllowedHost(req.headers.host, port))
      return refuse(res, 403, 'Unknown Host header: the Shotcanvas web host only answers to 127.0.0.1 and localhost.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = url.searchParams.get('token');
    if (given !== null && req.method === 'GET' && url.pathname === '/') {
      if (!tokensEqual(given, token)) return refuse(res, 401, 'Wrong access token: open the URL that npm run web printed.');
      // Trade the token in the URL for an HttpOnly cookie and drop it from the address bar.
      return send(res, 303, '', 'text/plain; charset=utf-8', {
        location: '/',
        'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (!tokensEqual(readCookie(req.headers.cookie, cookieName), token)) {
      return refuse(res, 401, 'This Shotcanvas web host needs its access token: open the full URL that npm run web printed (it ends with ?token=…).');
    }
    if (!isSameOriginFetch(req.headers['sec-fetch-site'] as string | undefined)) return refuse(res, 403, 'Cross-site requests are refused.');
    if (url.pathname === BRIDGE_PATH) return send(res, 200, buildBridgeScript(token), 'text/javascript; charset=utf-8');
    if (url.pathname === '/api/events') return handleEvents(req, res);
    if (url.pathname === MEDIA_UPLOAD_PATH) return handleUpload(req, res, url);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    if (url.pathname.startsWith(MEDIA_ROUTE)) return serveMedia(req, res, url.pathname.slice(MEDIA_ROUTE.length));
    return serveStatic(res, url.pathname);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`request ${req.method} ${req.url} failed`, error);
      if (!res.headersSent) refuse(res, 500, 'Internal error in the Shotcanvas web host.');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  cookieName = sessionCookieName(port);

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    emit(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of eventStreams) stream.write(frame);
    },
    close() {
      for (const stream of eventStreams) stream.end();
      eventStreams.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
