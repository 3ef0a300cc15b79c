/**
 * Building and serving the harness page (bench/harness). It is built from the app's modules with Vite
 * into a folder of its own and served by request interception under the app's origin, so it shares
 * the app's IndexedDB without being part of the app build and without hooks in the app.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { BenchApi } from '../harness/api';

export const HARNESS_PATH = '/bench-harness/';
const root = resolve(import.meta.dirname, '..', '..');

/** Builds the harness page into `outDir` (a few seconds). */
export async function buildHarness(outDir: string): Promise<void> {
  const { build } = await import('vite');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  await build({
    configFile: false,
    root: join(root, 'bench', 'harness'),
    base: HARNESS_PATH,
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    resolve: { alias: { '@shared': join(root, 'shared') } },
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  });
}

/** Serves the built harness under the app's origin in every page of the context. */
export async function serveHarness(context: BrowserContext, outDir: string): Promise<void> {
  await context.route(`**${HARNESS_PATH}**`, async (route) => {
    const path = new URL(route.request().url()).pathname.slice(HARNESS_PATH.length) || 'index.html';
    const file = normalize(join(outDir, path));
    if (!file.startsWith(outDir) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ path: file });
  });
}

/** The options of the app's own Playwright projects (playwright.config.ts `use`), for contexts made by hand. */
export async function newBenchContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, locale: 'kk-KZ', timezoneId: 'Asia/Almaty', viewport: { width: 1280, height: 860 } });
}

/** Opens the harness in a new page of the context and waits until its database is open. */
export async function openHarness(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[harness] ${e.message}`));
  await page.goto(`${HARNESS_PATH}index.html`);
  await page.waitForFunction(() => window.qamqorBench?.ready === true, null, { timeout: 60_000 });
  return page;
}

type Method = { [K in keyof BenchApi]: BenchApi[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof BenchApi];

/** Calls a harness method in the page. */
export async function harnessCall<K extends Method>(
  page: Page,
  method: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    async ({ method, args }) => {
      const api = window.qamqorBench;
      if (!api) throw new Error('harness not ready');
      const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
      return fn(...args);
    },
    { method, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}
