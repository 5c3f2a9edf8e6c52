import { timingSafeEqual } from 'node:crypto';

/**
 * The web host listens on loopback only, but any web page the user visits can still send
 * requests to 127.0.0.1, and DNS rebinding can make a foreign name resolve there. So every
 * request must name our exact host and port, carry the per-run secret, and (for API calls) come
 * from our own origin.
 */
export const TOKEN_HEADER = 'x-shotcanvas-token';

export function sessionCookieName(port: number): string {
  // Cookies ignore ports; a per-port name keeps two hosts on one machine from clobbering each other.
  return `shotcanvas_session_${port}`;
}

export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).has(hostHeader.toLowerCase());
}

/** Absent Origin is fine for same-origin GETs; a present one must be ours exactly. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return originHeader === `http://127.0.0.1:${port}` || originHeader === `http://localhost:${port}`;
}

/** Fetch metadata, where the browser sends it, must say the request came from our own pages. */
export function isSameOriginFetch(secFetchSite: string | undefined): boolean {
  return secFetchSite === undefined || secFetchSite === 'same-origin' || secFetchSite === 'none';
}

export function tokensEqual(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
