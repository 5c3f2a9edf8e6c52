import { describe, expect, it } from 'vitest';
import { isTrustedSenderFrame, isTrustedSenderUrl } from '../../../electron/main/trustedSender.ts';

const DEV = 'http://localhost:5173';

describe('isTrustedSenderUrl', () => {
  it('trusts our packaged renderer on app://shotcanvas', () => {
    expect(isTrustedSenderUrl('app://shotcanvas/index.html', null)).toBe(true);
    expect(isTrustedSenderUrl('app://shotcanvas/', null)).toBe(true);
    expect(isTrustedSenderUrl('app://shotcanvas/index.html?x=1#y', DEV)).toBe(true);
  });

  it.each([
    'app://other/index.html',
    'app://shotcanvas.evil.example/index.html',
    'app://evil@shotcanvas.example/',
    'app://shotcanvas:8080/index.html',
    'file:///tmp/index.html',
    'file://shotcanvas/index.html',
    'https://shotcanvas/index.html',
    'http://shotcanvas/index.html',
    'shotcanvas-media://shotcanvas/x.png',
    'http://localhost:5173/',
    'about:blank',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
  ])('does not trust %s without a dev server', (url) => {
    expect(isTrustedSenderUrl(url, null)).toBe(false);
  });

  it('refuses malformed and empty URLs', () => {
    for (const url of ['', 'not a url', '://shotcanvas', 'app:/', undefined]) {
      expect(isTrustedSenderUrl(url, null), String(url)).toBe(false);
      expect(isTrustedSenderUrl(url, DEV), String(url)).toBe(false);
    }
  });

  it('trusts the dev server only when it is the given one (same protocol, host and port)', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', `${DEV}/`)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost.evil.example:5173/', DEV)).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/', DEV)).toBe(false);
  });
});

describe('isTrustedSenderFrame', () => {
  it('trusts only a top-level frame showing our page', () => {
    expect(isTrustedSenderFrame({ url: 'app://shotcanvas/index.html', parent: null }, null)).toBe(true);
    expect(isTrustedSenderFrame({ url: 'app://shotcanvas/index.html', parent: { url: 'app://shotcanvas/' } }, null)).toBe(false);
    expect(isTrustedSenderFrame({ url: 'https://evil.example/', parent: null }, null)).toBe(false);
  });

  it('refuses a missing (destroyed or navigated-away) frame', () => {
    expect(isTrustedSenderFrame(null, null)).toBe(false);
    expect(isTrustedSenderFrame(undefined, DEV)).toBe(false);
  });
});
