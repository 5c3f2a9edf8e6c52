import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigEnv, UserConfig } from 'vite';
import { defineConfig } from 'vite';
import { nodeExternals } from './vite.main.config.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Preload bundle: one CommonJS file (sandboxed preloads cannot load chunks). */
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
            rollupOptions: {
              input: resolve(root, 'electron/preload/preload.ts'),
              external: nodeExternals,
              output: { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false },
            },
            minify: false,
          }),
    },
  };
});
