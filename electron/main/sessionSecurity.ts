import type { Session } from 'electron';
import { RENDERER_CSP_HEADER } from '../../shared/security/contentSecurityPolicy.ts';

function isLocalDevServer(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && parsed.hostname === 'localhost';
  } catch {
    return false;
  }
}

export type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/**
 * Denies every permission (camera, microphone, geolocation, notifications, HID…): Shotcanvas
 * needs none. Adds the CSP header to responses that do not carry one (the dev server), so the
 * policy also holds during development.
 */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    const hasCsp = Object.keys(headers).some((k) => k.toLowerCase() === 'content-security-policy');
    if (!hasCsp && details.resourceType === 'mainFrame' && isLocalDevServer(details.url)) {
      // Vite's dev server needs inline scripts (React refresh) and a websocket; only in dev.
      headers['Content-Security-Policy'] = [
        RENDERER_CSP_HEADER.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
          "connect-src 'self'",
          "connect-src 'self' ws://localhost:*",
        ),
      ];
    }
    callback({ responseHeaders: headers });
  });
}
