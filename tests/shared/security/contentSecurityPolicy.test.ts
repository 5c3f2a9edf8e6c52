import { describe, expect, it } from 'vitest';
import { RENDERER_CSP_HEADER, RENDERER_CSP_META } from '../../../shared/security/contentSecurityPolicy.ts';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `duplicate directive ${name}`).toBe(false);
    map.set(name, values);
  }
  return map;
}

describe.each([
  ['header', RENDERER_CSP_HEADER],
  ['meta', RENDERER_CSP_META],
])('renderer CSP (%s)', (_kind, policy) => {
  const parsed = directives(policy);

  it("allows scripts only from 'self': no inline, no eval", () => {
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('wasm-unsafe-eval');
    expect(parsed.get('script-src-elem')).toBeUndefined();
    expect(parsed.get('script-src-attr')).toBeUndefined();
  });

  it('denies by default, blocks plugins and base/form hijacking', () => {
    expect(parsed.get('default-src')).toEqual(["'none'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
  });

  it('names no remote origin anywhere', () => {
    expect(policy).not.toMatch(/https?:/);
    expect(policy).not.toMatch(/\bws{1,2}:/);
    for (const values of parsed.values()) expect(values).not.toContain('*');
  });

  it('keeps unsafe-inline to styles only', () => {
    for (const [name, values] of parsed) {
      if (name !== 'style-src') expect(values).not.toContain("'unsafe-inline'");
    }
  });

  it('lets media come from the media scheme', () => {
    expect(parsed.get('img-src')).toContain('shotcanvas-media:');
    expect(parsed.get('media-src')).toContain('shotcanvas-media:');
    expect(parsed.get('connect-src')).toEqual(["'self'", 'shotcanvas-media:']);
  });
});

describe('frame-ancestors', () => {
  it("is 'none' in the header and absent from the meta tag, where browsers ignore it", () => {
    expect(directives(RENDERER_CSP_HEADER).get('frame-ancestors')).toEqual(["'none'"]);
    expect(RENDERER_CSP_META).not.toContain('frame-ancestors');
    expect(RENDERER_CSP_HEADER.startsWith(RENDERER_CSP_META)).toBe(true);
  });
});
