import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The built app carries its Content-Security-Policy in a meta tag too, because Electron does not run
 * the main process's header hook for file:// pages and the browser build is served by any static
 * server. Only the build gets it: the dev server needs React Fast Refresh's inline preamble.
 */
export const PRODUCTION_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; worker-src 'self' blob:; " +
  "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' blob: data:";

function cspMeta(): Plugin {
  return {
    name: 'qamqor-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: PRODUCTION_CSP }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root,
  // Relative asset URLs: Electron loads the built index.html from disk (file://), the browser build over http.
  base: './',
  plugins: [react(), cspMeta()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
