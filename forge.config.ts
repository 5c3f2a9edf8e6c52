import type { ForgeConfig } from '@electron-forge/shared-types';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { APP_ID, APP_NAME } from './shared/identity.ts';

/**
 * Electron Forge runs the dev loop (`npm start`) and `npm run package`: its Vite plugin bundles
 * main, preload and renderer; its Fuses plugin flips the same fuses electron-builder sets for the
 * installers (`npm run dist`, see build/electron-builder.config.ts). A test keeps them identical.
 */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
} as const;

const config: ForgeConfig = {
  packagerConfig: {
    name: APP_NAME,
    executableName: 'shotcanvas',
    appBundleId: APP_ID,
    appCategoryType: 'public.app-category.video',
    icon: 'build/icon',
    asar: true,
  },
  rebuildConfig: {},
  // Installers are made by electron-builder (`npm run dist`); Forge makers are not used.
  makers: [],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    new FusesPlugin(FUSES),
  ],
};

export default config;
