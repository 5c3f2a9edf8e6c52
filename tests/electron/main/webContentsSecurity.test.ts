import { describe, expect, it } from 'vitest';
import type { HardenableContents } from '../../../electron/main/webContentsSecurity.ts';
import { hardenWebContents, isExternalHttpsUrl, secureWebPreferences } from '../../../electron/main/webContentsSecurity.ts';
import { FakeWebContents } from '../support/fakeElectron.ts';

describe('secureWebPreferences', () => {
  it('applies the security baseline and the given preload', () => {
    const prefs = secureWebPreferences('/app/.vite/build/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/.vite/build/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('never enables remote code paths such as enableBlinkFeatures or a disabled same-origin policy', () => {
    const prefs = secureWebPreferences('/p.cjs') as Record<string, unknown>;
    expect(prefs['enableBlinkFeatures']).toBeUndefined();
    expect(prefs['disableBlinkFeatures']).toBeUndefined();
    expect(prefs['additionalArguments']).toBeUndefined();
    expect(prefs['webSecurity']).toBe(true);
  });
});

function hardened() {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  hardenWebContents(contents as unknown as HardenableContents, (url) => opened.push(url));
  return { contents, opened };
}

describe('hardenWebContents: navigation', () => {
  it('prevents every will-navigate and opens only https links externally', () => {
    const { contents, opened } = hardened();
    const cases: Array<[string, boolean]> = [
      ['https://example.com/docs', true],
      ['http://example.com/', false],
      ['file:///etc/passwd', false],
      ['javascript:alert(1)', false],
      ['app://shotcanvas/index.html', false],
      ['app://other/', false],
      ['data:text/html,hi', false],
      ['not a url', false],
    ];
    for (const [url, external] of cases) {
      const event = contents.fire('will-navigate', url);
      expect(event.defaultPrevented, url).toBe(true);
      expect(opened.includes(url), url).toBe(external);
    }
    expect(opened).toEqual(['https://example.com/docs']);
  });

  it('prevents will-redirect (without opening anything) and will-attach-webview', () => {
    const { contents, opened } = hardened();
    expect(contents.fire('will-redirect', 'https://example.com/').defaultPrevented).toBe(true);
    expect(contents.fire('will-redirect', 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
    expect(opened).toEqual([]);
  });

  it('registers each guard once', () => {
    const { contents } = hardened();
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listeners.get(name), name).toHaveLength(1);
    }
  });
});

describe('hardenWebContents: window.open', () => {
  it('always denies, and opens only https links in the system browser', () => {
    const { contents, opened } = hardened();
    for (const url of ['https://example.com/a', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://shotcanvas/', 'about:blank', '']) {
      expect(contents.openWindow(url), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/a']);
  });
});

describe('isExternalHttpsUrl', () => {
  it('is true for https only', () => {
    expect(isExternalHttpsUrl('https://example.com')).toBe(true);
    expect(isExternalHttpsUrl('HTTPS://EXAMPLE.COM')).toBe(true);
    for (const url of ['http://example.com', 'file:///x', 'javascript:alert(1)', 'ftp://x', 'shotcanvas-media://x', 'https//missing-colon', '']) {
      expect(isExternalHttpsUrl(url), url).toBe(false);
    }
  });
});
