import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP_META } from '../../shared/security/contentSecurityPolicy.ts';
import type { TempDir } from '../electron/support/tempDir.ts';
import { makeTempDir } from '../electron/support/tempDir.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD_TIMEOUT = 120_000;

/** Builds with a repo config file into `outDir`, quietly; the config's own outDir is overridden. */
async function buildWith(configFile: string, outDir: string): Promise<void> {
  await build({ configFile: join(repoRoot, configFile), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
}

/** `require("x")` specifiers in a CommonJS bundle. */
function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]!);
}

interface ScriptTag {
  readonly tag: string;
  readonly src: string | null;
  readonly body: string;
}

function scriptTags(html: string): ScriptTag[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => ({
    tag: m[0].slice(0, 200),
    src: /\bsrc\s*=\s*["']([^"']*)["']/i.exec(m[1] ?? '')?.[1] ?? null,
    body: m[2] ?? '',
  }));
}

describe('built renderer (vite.renderer.config.ts)', () => {
  let temp: TempDir;
  let html = '';
  let outDir = '';

  beforeAll(async () => {
    temp = await makeTempDir('shotcanvas-renderer-build-');
    outDir = join(temp.path, 'renderer');
    await buildWith('vite.renderer.config.ts', outDir);
    html = readFileSync(join(outDir, 'index.html'), 'utf8');
  }, BUILD_TIMEOUT);
  afterAll(() => temp?.remove());

  it('carries the CSP meta tag, equal to RENDERER_CSP_META and placed first in <head>', () => {
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
    expect(metas).toHaveLength(1);
    expect(metas[0]?.[1]).toBe(RENDERER_CSP_META);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<script'));
    expect(RENDERER_CSP_META).toContain("script-src 'self'");
    expect(RENDERER_CSP_META).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  });

  it('has no inline script: every <script> has a src and an empty body', () => {
    const scripts = scriptTags(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.src, script.tag).not.toBeNull();
      expect(script.body.trim(), script.tag).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=\s*["']/i);
  });

  it('loads scripts only by relative ./assets/ paths that exist in the build', () => {
    for (const { src, tag } of scriptTags(html)) {
      expect(src, tag).toMatch(/^\.\/assets\/[\w.-]+\.js$/);
      expect(existsSync(join(outDir, src ?? '')), String(src)).toBe(true);
    }
    for (const m of html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi)) {
      expect(m[1], m[0]).toMatch(/^\.\//);
    }
  });
});

describe('built main and preload (vite.main.config.ts, vite.preload.config.ts)', () => {
  let temp: TempDir;
  let mainCode = '';
  let preloadCode = '';
  let outDir = '';

  beforeAll(async () => {
    temp = await makeTempDir('shotcanvas-main-build-');
    outDir = join(temp.path, 'build');
    await buildWith('vite.main.config.ts', outDir);
    // The preload build shares the folder, as under Forge; it must not wipe main.cjs.
    await build({ configFile: join(repoRoot, 'vite.preload.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: false } });
    mainCode = readFileSync(join(outDir, 'main.cjs'), 'utf8');
    preloadCode = readFileSync(join(outDir, 'preload.cjs'), 'utf8');
  }, BUILD_TIMEOUT);
  afterAll(() => temp?.remove());

  it('emits main.cjs and preload.cjs', () => {
    expect(existsSync(join(outDir, 'main.cjs'))).toBe(true);
    expect(existsSync(join(outDir, 'preload.cjs'))).toBe(true);
  });

  it('keeps the sandboxed preload to require("electron") alone', () => {
    expect(new Set(requiredModules(preloadCode))).toEqual(new Set(['electron']));
    expect(preloadCode).not.toMatch(/\bimport\s*\(/);
    expect(preloadCode).toContain('exposeInMainWorld');
  });

  it('main.cjs requires electron and only Node built-ins besides (everything else is bundled)', () => {
    const required = requiredModules(mainCode);
    expect(required).toContain('electron');
    expect(required.filter((name) => name !== 'electron' && !isBuiltin(name))).toEqual([]);
  });
});
