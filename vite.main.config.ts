import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigEnv, UserConfig } from 'vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
export const nodeExternals = ['electron', /^electron\/.+/, ...builtinModules.flatMap((m) => [m, `node:${m}`])];

/**
 * Main-process bundle. Under Forge, its Vite plugin merges in the entry, output and the
 * MAIN_WINDOW_* constants; `npm run build:main` builds the same bundle without Forge (so tests
 * and the Electron e2e run can use it where no Forge packaging is possible).
 */
export default defineConfig((env: ConfigEnv): UserConfig => {
  const underForge = 'forgeConfig' in env;
  return {
    build: {
      outDir: resolve(root, '.vite/build'),
      emptyOutDir: false,
      sourcemap: true,
      ...(underForge
        ? {}
        : {
            lib: { entry: resolve(root, 'electron/main/main.ts'), formats: ['cjs'], fileName: () => 'main.cjs' },
            rollupOptions: { external: nodeExternals },
            minify: false,
          }),
    },
    resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
    define: underForge ? {} : { MAIN_WINDOW_VITE_DEV_SERVER_URL: 'undefined', MAIN_WINDOW_VITE_NAME: JSON.stringify('main_window') },
  };
});
