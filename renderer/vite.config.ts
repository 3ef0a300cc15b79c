import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
// Relative, not '@shared/csp': the config is loaded before the alias it defines exists.
import { contentSecurityPolicy } from '../shared/csp';

const root = fileURLToPath(new URL('.', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The built app carries its Content-Security-Policy in a meta tag: the browser build is served by any
 * static server, without our header. The policy is the one of shared/csp.ts, whose header form the
 * Electron main process sends (test/unit/electron/csp.test.ts checks that they agree). Only the build
 * gets it: the dev server needs React Fast Refresh's inline preamble.
 */
export const PRODUCTION_CSP = contentSecurityPolicy({ delivery: 'meta' });

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
