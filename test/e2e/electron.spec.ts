/**
 * The desktop app itself (Electron), driven by Playwright: first start with the office setup, a
 * complaint registered and its confirmation printed to PDF through main's printToPDF and the (stubbed)
 * native save dialog; the menu and the double-click handoff reach the page.
 *
 * Runs only where the Electron binary is installed (`npm install` downloads it; Electron 45 needs
 * Node 22.12+ for that) and the app is built (`npm run build`); otherwise it skips and says why. It does
 * not use the browser or the preview server of playwright.config.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { fillPerson, PEOPLE } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Electron executable, or why there is none. Found the way node_modules/electron/index.js finds it
 * (path.txt names the binary inside dist/, ELECTRON_OVERRIDE_DIST_PATH replaces dist/), but without
 * loading that module: when the binary is missing it starts downloading it, which must never happen
 * from a test.
 */
function findElectron(): { executablePath: string } | { reason: string } {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const binaryName = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (binaryName === '' && override === undefined) {
    return {
      reason: 'the Electron binary is not installed (node_modules/electron/path.txt and dist/ are missing; npm install downloads them)',
    };
  }
  const executablePath = override !== undefined ? path.join(override, binaryName || 'electron') : path.join(packageDir, 'dist', binaryName);
  if (!existsSync(executablePath)) {
    return { reason: `the Electron binary is not installed (${executablePath} does not exist)` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display to open a window on (run under xvfb-run)' };
  }
  return { executablePath };
}

/** Hash navigation: the window shows file:// pages, so `page.goto('/')` of the browser tests does not apply. */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

async function setUpOffice(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Кеңсе профілі' })).toBeVisible();
  await page.locator('select[name=region]').selectOption('kyzylorda');
  await page.locator('input[name=district]').fill('Арал ауданы');
  await page.locator('input[name=officeCode]').fill('ARAL01');
  await page.locator('input[name=officeName]').fill('Арал ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі');
  await page.locator('input[name=officerName]').fill('Жанар Омарова');
  await page.getByRole('button', { name: 'Профильді сақтау және бастау' }).click();
  await expect(page.getByRole('heading', { name: 'Басты бет' })).toBeVisible();
}

async function registerComplaint(page: Page): Promise<void> {
  await go(page, '#/persons/new');
  await fillPerson(page, PEOPLE.aliya);
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await expect(page.getByRole('heading', { name: `${PEOPLE.aliya.lastName} ${PEOPLE.aliya.firstName}` })).toBeVisible();
  await go(page, '#/complaints/new');
  await page.locator('input[name=receiptDate]').fill('2026-11-19');
  await page.locator('input[name=registrationDate]').fill('2026-11-19');
  await page.getByLabel('Шағым берушінің ЖСН-ы немесе аты-жөні').fill('Сейт');
  await page.getByRole('button', { name: 'Таңдау' }).click();
  await expect(page.getByTestId('complainant-selected')).toContainText('921103405676');
  await page.locator('select[name=serviceId]').selectOption('personal-assistant');
  await page.locator('select[name=contested]').selectOption('inaction');
  await page.locator('textarea[name=text]').fill('Жеке көмекші қызметі қазан айынан бері көрсетілмейді.');
  await page.locator('textarea[name=demands]').fill('Қызметті қалпына келтіру');
  await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
  await expect(page.getByText('Шағым тіркелді: ARAL01-2026-00001')).toBeVisible();
}

test.describe('desktop app (Electron)', () => {
  let app: ElectronApplication | null = null;

  test.afterEach(async () => {
    await app?.close();
    app = null;
  });

  test('opens, sets up the office and prints a complaint confirmation to an A4 PDF', async ({}, testInfo) => {
    const found = findElectron();
    if ('reason' in found) {
      console.log(`[electron.spec] skipped: ${found.reason}`);
      test.skip(true, found.reason);
      return;
    }
    for (const built of ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html']) {
      expect(existsSync(path.join(root, built)), `${built} is missing: run npm run build first`).toBe(true);
    }

    app = await electron.launch({
      executablePath: found.executablePath,
      args: [
        // Chromium refuses to start as root with its sandbox (containers, CI).
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        root,
        // A fresh profile: the first-run office setup shows, and no earlier run's data is reused.
        `--user-data-dir=${testInfo.outputPath('user-data')}`,
      ],
      env: { ...process.env, VITE_DEV_SERVER_URL: '' },
      timeout: 30_000,
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    // The hardened bridge is there, and nothing of Node.
    expect(await page.evaluate(() => Object.keys(window.qamqor ?? {}).sort())).toEqual([
      'appInfo',
      'onFileOpened',
      'onMenuCommand',
      'openFile',
      'printToPdf',
      'saveFile',
      'setMenuLanguage',
    ]);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');

    // The native menu, in Kazakh on a first start.
    const menus = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);
    expect(menus).toEqual(['Файл', 'Түзету', 'Көрініс', 'Анықтама']);

    await setUpOffice(page);
    await registerComplaint(page);
    await page.getByRole('button', { name: 'Тіркеу туралы растама' }).click();
    await expect(page.getByTestId('print-area')).toContainText('ARAL01-2026-00001');

    // The native save dialog answered in main, where the real one would ask the user.
    const pdfPath = testInfo.outputPath('complaint-confirmation.pdf');
    await app.evaluate(({ dialog }, target) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as typeof dialog.showSaveDialog;
    }, pdfPath);
    await page.getByRole('button', { name: 'Басып шығару', exact: true }).click();
    await expect(page.getByText('PDF сақталды: complaint-confirmation.pdf')).toBeVisible();

    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/u);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/u);

    // A bundle double-clicked while the app runs: the second instance's argv reaches the page.
    const bundlePath = testInfo.outputPath('Арал 2026.qamqor');
    await writeFile(bundlePath, new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    const received = page.evaluate(
      () =>
        new Promise<{ fileName: string; bytes: number[] }>((resolve) => {
          const off = window.qamqor?.onFileOpened((file) => {
            off?.();
            resolve({ fileName: file.fileName, bytes: [...file.data] });
          });
        }),
    );
    await app.evaluate(({ app: electronApp }, file) => {
      electronApp.emit('second-instance', {}, [process.execPath, '--allow-file-access-from-files', file], process.cwd(), {});
    }, bundlePath);
    expect(await received).toEqual({ fileName: 'Арал 2026.qamqor', bytes: [0x50, 0x4b, 0x03, 0x04] });
  });
});
