import { describe, expect, it } from 'vitest';
import type { HardenableSession } from '../../../electron/main/sessionSecurity.ts';
import { hardenSession } from '../../../electron/main/sessionSecurity.ts';
import { RENDERER_CSP_HEADER } from '../../../shared/security/contentSecurityPolicy.ts';

type Headers = Record<string, string[]>;
interface HeaderDetails {
  url: string;
  resourceType: string;
  responseHeaders?: Headers;
}
type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

/** Records the handlers hardenSession installs so the test can call them as Chromium would. */
class FakeSession {
  permissionRequest: PermissionRequest | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  devicePermission: ((...args: unknown[]) => boolean) | null = null;
  headersReceived: ((details: HeaderDetails, callback: (response: { responseHeaders?: Headers }) => void) => void) | null = null;
  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermission = handler;
  }
  webRequest = {
    onHeadersReceived: (handler: FakeSession['headersReceived']) => {
      this.headersReceived = handler;
    },
  };

  headersFor(details: HeaderDetails): Headers | undefined {
    let response: { responseHeaders?: Headers } | undefined;
    this.headersReceived?.(details, (r) => {
      response = r;
    });
    if (!response) throw new Error('onHeadersReceived never called back');
    return response.responseHeaders;
  }
}

function hardened(): FakeSession {
  const session = new FakeSession();
  hardenSession(session as unknown as HardenableSession);
  return session;
}

function cspOf(headers: Headers | undefined): string[] {
  return Object.entries(headers ?? {})
    .filter(([k]) => k.toLowerCase() === 'content-security-policy')
    .flatMap(([, v]) => v);
}

describe('hardenSession: permissions', () => {
  it('answers every permission request with false', () => {
    const session = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'unknown']) {
      const answers: boolean[] = [];
      session.permissionRequest?.({}, permission, (granted) => answers.push(granted), { requestingUrl: 'app://shotcanvas/' });
      expect(answers, permission).toEqual([false]);
    }
  });

  it('answers permission checks and device permissions with false', () => {
    const session = hardened();
    expect(session.permissionCheck?.({}, 'media', 'app://shotcanvas', {})).toBe(false);
    expect(session.permissionCheck?.(null, 'clipboard-sanitized-write', 'app://shotcanvas', {})).toBe(false);
    expect(session.devicePermission?.({ deviceType: 'usb', origin: 'app://shotcanvas' })).toBe(false);
    expect(session.devicePermission?.({ deviceType: 'hid', origin: 'https://evil.example' })).toBe(false);
  });
});

describe('hardenSession: dev-server CSP', () => {
  it('adds a CSP to a localhost main-frame response that lacks one', () => {
    const session = hardened();
    const headers = session.headersFor({ url: 'http://localhost:5173/', resourceType: 'mainFrame', responseHeaders: { 'Content-Type': ['text/html'] } });
    const [csp, ...rest] = cspOf(headers);
    expect(rest).toEqual([]);
    expect(csp).toBeDefined();
    // Only script-src (React refresh) and connect-src (HMR websocket) are relaxed; the rest holds.
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:*");
    expect(csp).not.toContain('unsafe-eval');
    for (const directive of ["default-src 'none'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(headers?.['Content-Type']).toEqual(['text/html']);
  });

  it('adds one even when the response has no headers object', () => {
    const session = hardened();
    expect(cspOf(session.headersFor({ url: 'http://localhost:5173/', resourceType: 'mainFrame' }))).toHaveLength(1);
  });

  it('never removes or replaces an existing CSP, whatever its header case', () => {
    const session = hardened();
    for (const name of ['Content-Security-Policy', 'content-security-policy', 'CONTENT-SECURITY-POLICY']) {
      const original = { [name]: [RENDERER_CSP_HEADER], 'X-Other': ['1'] };
      const headers = session.headersFor({ url: 'http://localhost:5173/', resourceType: 'mainFrame', responseHeaders: original });
      expect(headers, name).toEqual(original);
    }
    const app = { 'content-security-policy': [RENDERER_CSP_HEADER] };
    expect(session.headersFor({ url: 'app://shotcanvas/index.html', resourceType: 'mainFrame', responseHeaders: app })).toEqual(app);
  });

  it('leaves other resource types and other origins untouched', () => {
    const session = hardened();
    const cases: HeaderDetails[] = [
      { url: 'http://localhost:5173/src/main.tsx', resourceType: 'script', responseHeaders: {} },
      { url: 'http://localhost:5173/frame.html', resourceType: 'subFrame', responseHeaders: {} },
      { url: 'http://localhost.evil.example/', resourceType: 'mainFrame', responseHeaders: {} },
      { url: 'https://example.com/', resourceType: 'mainFrame', responseHeaders: {} },
      { url: 'http://127.0.0.1:5173/', resourceType: 'mainFrame', responseHeaders: {} },
      { url: 'app://shotcanvas/index.html', resourceType: 'mainFrame', responseHeaders: {} },
    ];
    for (const details of cases) expect(cspOf(session.headersFor(details)), details.url).toEqual([]);
  });
});
