import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import forgeConfig, { FUSES } from '../../forge.config.ts';
import builderConfig from '../../build/electron-builder.config.ts';
import { APP_ID, BUNDLE_EXTENSION } from '../../shared/identity.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildResources = join(repoRoot, builderConfig.directories?.buildResources ?? 'build');
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string; engines: { node: string } };

/** electron-builder's name for each Forge fuse it can set (it has no WasmTrapHandlers option). */
const BUILDER_FUSE_NAMES = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
} as const;

function pluginOf<T>(type: abstract new (...args: never[]) => T): T {
  const found = (forgeConfig.plugins ?? []).filter((p) => p instanceof type) as unknown as T[];
  expect(found, type.name).toHaveLength(1);
  return found[0]!;
}

/** Target names, whether written as strings or as { target } objects. */
function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? (target as unknown[]) : target === undefined ? [] : [target];
  return list.map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
}

/** PNG width and height from the IHDR chunk (bytes 16–23, big-endian). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('Electron Forge config', () => {
  it('bundles main, preload and renderer with the Vite plugin, from entries and configs that exist', () => {
    const vite = pluginOf(VitePlugin);
    const build = vite.config.build;
    expect(build.map((b) => b.target)).toEqual(['main', 'preload']);
    for (const entry of build) {
      expect(typeof entry.entry).toBe('string');
      expect(existsSync(join(repoRoot, String(entry.entry))), String(entry.entry)).toBe(true);
      expect(existsSync(join(repoRoot, entry.config ?? '')), String(entry.config)).toBe(true);
    }
    expect(build.find((b) => b.target === 'main')?.entry).toBe('electron/main/main.ts');
    expect(build.find((b) => b.target === 'preload')?.entry).toBe('electron/preload/preload.ts');
    // main.ts loads the renderer from MAIN_WINDOW_VITE_NAME, which Forge derives from this name.
    expect(vite.config.renderer.map((r) => r.name)).toEqual(['main_window']);
    for (const renderer of vite.config.renderer) expect(existsSync(join(repoRoot, renderer.config)), renderer.config).toBe(true);
  });

  it('flips the fuses with the Fuses plugin', () => {
    expect(pluginOf(FusesPlugin).fusesConfig).toBe(FUSES);
  });

  it('turns off the ways to run the app as a plain Node or debug it, and locks the app to its ASAR', () => {
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
    expect(forgeConfig.packagerConfig?.asar).toBe(true);
  });

  it('identifies the macOS bundle with APP_ID', () => {
    expect(forgeConfig.packagerConfig?.appBundleId).toBe(APP_ID);
  });

  it('points packagerConfig.icon at an existing icon (the extension is added per platform)', () => {
    const icon = forgeConfig.packagerConfig?.icon;
    expect(typeof icon).toBe('string');
    const base = join(repoRoot, String(icon));
    expect(readdirSync(dirname(base)).some((f) => f.startsWith(`${String(icon).split('/').pop()}.`))).toBe(true);
  });
});

describe('electron-builder config', () => {
  it('sets exactly the same fuses as Forge', () => {
    const fuses = builderConfig.electronFuses;
    expect(fuses).toBeDefined();
    expect(Object.keys(fuses ?? {}).sort()).toEqual(Object.keys(BUILDER_FUSE_NAMES).sort());
    for (const [name, option] of Object.entries(BUILDER_FUSE_NAMES)) {
      expect((fuses as Record<string, unknown>)[name], name).toBe(FUSES[option]);
    }
    expect(builderConfig.asar).toBe(true);
  });

  it('uses APP_ID and builds AppImage, deb, dmg and nsis', () => {
    expect(builderConfig.appId).toBe(APP_ID);
    expect(targetNames(builderConfig.linux?.target)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(targetNames(builderConfig.mac?.target)).toContain('dmg');
    expect(targetNames(builderConfig.win?.target)).toContain('nsis');
  });

  it('associates .shotcanvas bundles with the app', () => {
    const associations = [builderConfig.fileAssociations ?? []].flat();
    expect(associations.flatMap((a) => [a.ext].flat())).toContain(BUNDLE_EXTENSION);
    expect(BUNDLE_EXTENSION).toBe('shotcanvas');
  });

  it('references icons and entitlements that exist', () => {
    const icon = pngSize(join(repoRoot, 'build/icon.png'));
    expect(icon).toEqual({ width: 1024, height: 1024 });
    expect(pngSize(join(repoRoot, 'build/icons/512x512.png'))).toEqual({ width: 512, height: 512 });
    for (const file of [builderConfig.mac?.icon, builderConfig.win?.icon, builderConfig.linux?.icon]) {
      expect(typeof file).toBe('string');
      expect(existsSync(join(repoRoot, String(file))), String(file)).toBe(true);
    }
    for (const file of [builderConfig.mac?.entitlements, builderConfig.mac?.entitlementsInherit]) {
      expect(typeof file).toBe('string');
      expect(existsSync(join(repoRoot, String(file))), String(file)).toBe(true);
      expect(readFileSync(join(repoRoot, String(file)), 'utf8')).toContain('<plist');
    }
    // A file-association icon is looked up as <name>.icns (macOS) and <name>.ico (Windows) in build/.
    for (const association of [builderConfig.fileAssociations ?? []].flat()) {
      if (!association.icon) continue;
      const name = association.icon.includes('.') ? association.icon.replace(/\.[^.]+$/, '') : association.icon;
      for (const ext of ['icns', 'ico']) expect(existsSync(join(buildResources, `${name}.${ext}`)), `${name}.${ext}`).toBe(true);
    }
  });

  it('ships the Vite bundles and not node_modules or source maps', () => {
    const files = [builderConfig.files ?? []].flat().map(String);
    expect(files).toEqual(expect.arrayContaining(['.vite/build/**/*', '.vite/renderer/**/*', 'package.json']));
    expect(files.filter((f) => !f.startsWith('!') && f.includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => !f.startsWith('!') && /^(electron|renderer|shared|src)\b/.test(f))).toEqual([]);
    expect(files).toContain('!**/*.map');
  });

  it('starts the bundled main (main.cjs) both from package.json and in the installer', () => {
    expect(packageJson.main).toBe('.vite/build/main.cjs');
    expect((builderConfig.extraMetadata as { main?: string } | undefined)?.main).toBe(packageJson.main);
  });
});

describe('package.json', () => {
  it('requires Node 22 or newer', () => {
    const match = /^>=\s*(\d+)(?:\.\d+){0,2}$/.exec(packageJson.engines.node);
    expect(match, packageJson.engines.node).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(22);
  });
});
