import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { RENDERER_CSP_META } from './shared/security/contentSecurityPolicy.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Puts the CSP into the built index.html. Not in dev: the React refresh preamble is an inline
 * script, and the dev server is never what users run.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'shotcanvas:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP_META}" />`),
    },
  };
}

// Used by Forge's Vite plugin (which merges its own defaults) and directly by `npm run build:renderer`.
export default defineConfig({
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: resolve(root, '.vite/renderer/main_window'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
});
