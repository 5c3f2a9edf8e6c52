import { describe, expect, it } from 'vitest';
import {
  TOKEN_HEADER,
  allowedHosts,
  isAllowedHost,
  isAllowedOrigin,
  isSameOriginFetch,
  readCookie,
  sessionCookieName,
  tokensEqual,
} from '../../../electron/webHost/webHostAuth.ts';

const PORT = 41234;

describe('isAllowedHost', () => {
  it('accepts exactly 127.0.0.1 and localhost on our port, case-insensitively', () => {
    expect(isAllowedHost(`127.0.0.1:${PORT}`, PORT)).toBe(true);
    expect(isAllowedHost(`localhost:${PORT}`, PORT)).toBe(true);
    expect(isAllowedHost(`LOCALHOST:${PORT}`, PORT)).toBe(true);
    expect([...allowedHosts(PORT)].sort()).toEqual([`127.0.0.1:${PORT}`, `localhost:${PORT}`]);
  });

  it('refuses other names, other ports, missing ports and a missing header', () => {
    for (const host of [
      `evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      '127.0.0.1',
      'localhost',
      `localhost.evil.example:${PORT}`,
      `127.0.0.1.nip.io:${PORT}`,
      `[::1]:${PORT}`,
      `0.0.0.0:${PORT}`,
      '',
    ]) {
      expect(isAllowedHost(host, PORT), host).toBe(false);
    }
    expect(isAllowedHost(undefined, PORT)).toBe(false);
  });
});

describe('isAllowedOrigin', () => {
  it('accepts an absent Origin (same-origin GET) and our two exact origins', () => {
    expect(isAllowedOrigin(undefined, PORT)).toBe(true);
    expect(isAllowedOrigin(`http://127.0.0.1:${PORT}`, PORT)).toBe(true);
    expect(isAllowedOrigin(`http://localhost:${PORT}`, PORT)).toBe(true);
  });

  it('refuses foreign, opaque, https and other-port origins', () => {
    for (const origin of [
      'http://evil.example',
      'null',
      '',
      `https://127.0.0.1:${PORT}`,
      `http://127.0.0.1:${PORT + 1}`,
      `http://127.0.0.1:${PORT}.evil.example`,
      `http://127.0.0.1:${PORT}/`,
      'http://127.0.0.1',
    ]) {
      expect(isAllowedOrigin(origin, PORT), origin).toBe(false);
    }
  });
});

describe('isSameOriginFetch', () => {
  it('accepts same-origin, none (typed URL) and browsers that send no fetch metadata', () => {
    expect(isSameOriginFetch('same-origin')).toBe(true);
    expect(isSameOriginFetch('none')).toBe(true);
    expect(isSameOriginFetch(undefined)).toBe(true);
  });

  it('refuses cross-site and same-site requests', () => {
    expect(isSameOriginFetch('cross-site')).toBe(false);
    expect(isSameOriginFetch('same-site')).toBe(false);
    expect(isSameOriginFetch('')).toBe(false);
  });
});

describe('tokensEqual', () => {
  it('is true only for the identical token', () => {
    expect(tokensEqual('abc123', 'abc123')).toBe(true);
    expect(tokensEqual('abc124', 'abc123')).toBe(false);
    expect(tokensEqual('ABC123', 'abc123')).toBe(false);
  });

  it('is false (without throwing) for different lengths, empty, null and undefined', () => {
    expect(tokensEqual('abc', 'abc123')).toBe(false);
    expect(tokensEqual('abc1234', 'abc123')).toBe(false);
    expect(tokensEqual('', 'abc123')).toBe(false);
    expect(tokensEqual(null, 'abc123')).toBe(false);
    expect(tokensEqual(undefined, 'abc123')).toBe(false);
  });

  it('compares bytes, so a same-length multibyte string does not pass', () => {
    expect(tokensEqual('é', 'ab')).toBe(false);
    expect(tokensEqual('ab', 'é')).toBe(false);
  });
});

describe('readCookie', () => {
  it('finds a cookie by exact name among several, trimming spaces', () => {
    const header = 'theme=dark; shotcanvas_session_1=aaa ;  shotcanvas_session_12=bbb';
    expect(readCookie(header, 'shotcanvas_session_12')).toBe('bbb');
    expect(readCookie(header, 'shotcanvas_session_1')).toBe('aaa');
    expect(readCookie(header, 'theme')).toBe('dark');
  });

  it('keeps "=" inside the value and returns undefined when absent', () => {
    expect(readCookie('t=a=b=c', 't')).toBe('a=b=c');
    expect(readCookie('other=1; broken', 'shotcanvas')).toBeUndefined();
    expect(readCookie(undefined, 'x')).toBeUndefined();
    expect(readCookie('', 'x')).toBeUndefined();
    expect(readCookie('xx=1', 'x')).toBeUndefined();
  });
});

describe('names', () => {
  it('names the session cookie per port and uses a custom token header', () => {
    expect(sessionCookieName(5000)).toBe('shotcanvas_session_5000');
    expect(sessionCookieName(5000)).not.toBe(sessionCookieName(5001));
    expect(TOKEN_HEADER).toBe('x-shotcanvas-token');
  });
});
