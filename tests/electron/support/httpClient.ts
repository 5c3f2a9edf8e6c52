import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:http';

export interface HttpReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The body as received, for binary responses. */
  readonly bytes: Buffer;
}

export interface HttpRequestOptions {
  readonly method?: string;
  /** Sent verbatim as the request target (no normalisation), so traversal probes arrive as written. */
  readonly path: string;
  /** `host` here replaces the default `127.0.0.1:<port>` (fetch cannot set Host; node:http can). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One request to 127.0.0.1:<port> over a fresh connection; resolves with the whole body. */
export function httpRequest(port: number, options: HttpRequestOptions): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { ...options.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
