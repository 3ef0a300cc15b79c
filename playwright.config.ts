import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

/**
 * End-to-end tests run against the built renderer (`npm run build`) served over http by `vite preview`
 * (IndexedDB needs a real origin), in Debian's Chromium: Playwright never downloads a browser here.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Several builds can be tested side by side: E2E_PORT and E2E_DIST choose the server port and the built renderer.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = resolve(process.env.E2E_DIST ?? 'dist/renderer');

export default defineConfig({
  testDir: 'test/e2e',
  // One output folder per port, so parallel runs of different builds do not delete each other's files.
  outputDir: `test-results/e2e-${port}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // No retries: a flaky test is a bug in the product or the test, found at its cause.
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    locale: 'kk-KZ',
    timezoneId: 'Asia/Almaty',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
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
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
