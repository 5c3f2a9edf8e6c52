import type { Configuration } from 'electron-builder';
import { APP_ID, APP_NAME, BUNDLE_EXTENSION } from '../shared/identity.ts';

/**
 * Installers: AppImage and deb (Linux), dmg (macOS), nsis (Windows), built from the bundles in
 * .vite/ (`npm run build`). Needs the Electron runtime, so it runs where one can be downloaded;
 * tests/build/packagingConfig.test.ts checks this file everywhere.
 */
const config: Configuration = {
  appId: APP_ID,
  productName: APP_NAME,
  copyright: 'Copyright © 2026 Shotcanvas',
  directories: { buildResources: 'build', output: 'dist' },
  // Everything the app runs is bundled by Vite; node_modules is not shipped.
  files: ['.vite/build/**/*', '.vite/renderer/**/*', 'package.json', '!**/*.map'],
  extraMetadata: { main: '.vite/build/main.cjs' },
  asar: true,
  npmRebuild: false,
  fileAssociations: [
    {
      ext: BUNDLE_EXTENSION,
      name: 'Shotcanvas Project Bundle',
      description: 'Shotcanvas project bundle',
      mimeType: 'application/x-shotcanvas',
      role: 'Editor',
      // No per-type icon: electron-builder would look for build/icon.icns and build/icon.ico
      // (which do not exist) and fail; documents show the app icon instead.
    },
  ],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'AudioVideo',
    icon: 'build/icons',
    executableName: 'shotcanvas',
    maintainer: 'Shotcanvas <hello@shotcanvas.app>',
    synopsis: 'Shot planning canvas for film and AI-video teams',
  },
  deb: { depends: ['libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.video',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { title: `${APP_NAME} \${version}` },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, createDesktopShortcut: true, shortcutName: APP_NAME },
};

export default config;
