import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPathInside } from '../../../electron/services/pathSafety.ts';
import { mimeTypeOf, resolveStaticPath } from '../../../electron/services/staticFiles.ts';

const root = join(sep, 'srv', 'renderer');

describe('resolveStaticPath', () => {
  it('maps / and the empty path to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '')).toBe(join(root, 'index.html'));
  });

  it('maps nested paths inside the root', () => {
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveStaticPath(root, '/assets/./a/../b.css')).toBe(join(root, 'assets', 'b.css'));
  });

  it('decodes percent-encoded names once', () => {
    expect(resolveStaticPath(root, '/assets/my%20font.woff2')).toBe(join(root, 'assets', 'my font.woff2'));
  });

  it.each([
    '/%2e%2e%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '..%2fetc%2fpasswd',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/..%2f..%2f..%2fetc%2fpasswd',
    '/../../etc/passwd',
    '../secret',
    '/%2E%2E%2F%2E%2E%2Fsecret',
  ])('never leaves the root for %s', (urlPath) => {
    const resolved = resolveStaticPath(root, urlPath);
    expect(resolved === null || isPathInside(root, resolved)).toBe(true);
  });

  it('returns null for a relative path that climbs out', () => {
    expect(resolveStaticPath(root, '..%2fsecret')).toBeNull();
    expect(resolveStaticPath(root, '../secret')).toBeNull();
  });

  it('refuses encoded and literal backslashes', () => {
    expect(resolveStaticPath(root, '/..%5c..%5csecret')).toBeNull();
    expect(resolveStaticPath(root, '/assets%5cindex.js')).toBeNull();
    expect(resolveStaticPath(root, '/assets\\index.js')).toBeNull();
  });

  it('refuses NUL, raw or encoded', () => {
    expect(resolveStaticPath(root, '/index.html%00.png')).toBeNull();
    expect(resolveStaticPath(root, '/index.html\0')).toBeNull();
  });

  it('refuses malformed percent-encoding', () => {
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeNull();
    expect(resolveStaticPath(root, '/%')).toBeNull();
  });

  it('decodes double encoding only once: %252e%252e%252f stays a literal name inside the root', () => {
    const resolved = resolveStaticPath(root, '/%252e%252e%252fsecret');
    expect(resolved).toBe(join(root, '%2e%2e%2fsecret'));
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/app.JS', 'text/javascript; charset=utf-8'],
    ['x.mjs', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['data.json', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['p.png', 'image/png'],
    ['p.jpeg', 'image/jpeg'],
    ['f.woff2', 'font/woff2'],
    ['noext', 'application/octet-stream'],
    ['archive.exe', 'application/octet-stream'],
  ])('%s → %s', (path, type) => {
    expect(mimeTypeOf(path)).toBe(type);
  });
});
