import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * `npm run bench`: the built app (dist/bench/renderer, built by the npm script) served by `vite preview`
 * on its own port, driven in Debian's Chromium like the end-to-end tests. One worker, no time limits:
 * the run takes minutes and every figure is printed as it comes.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.BENCH_PORT ?? 4310);
const dist = resolve(import.meta.dirname, '..', process.env.BENCH_DIST ?? 'dist/bench/renderer');

export default defineConfig({
  testDir: '.',
  testMatch: 'bench.spec.ts',
  outputDir: '../test-results/bench',
  timeout: 0,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite preview --config renderer/vite.config.ts --outDir ${dist} --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: resolve(import.meta.dirname, '..'),
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
