/**
 * The desktop app itself (Electron), driven by Playwright: first start with the office setup, a
 * complaint registered and its confirmation printed to PDF through main's printToPDF and the (stubbed)
 * native save dialog; the menu and the double-click handoff reach the page.
 *
 * Also checks the Electron checklist at run time: the page comes from app://qamqor/ (not file://), the
 * CSP is in force, the protocol serves nothing outside the renderer folder.
 *
 * Runs only where the Electron binary is installed (`npx install-electron` downloads it; Electron 45
 * needs Node 22.12+ for that) and the app is built (`npm run build`); otherwise it skips and says why.
 * It does not use the browser or the preview server of playwright.config.ts.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronPackageDir, findElectronBinary } from '../../electron/launch.mjs';
import { fillAliyasComplaint, fillPerson, PEOPLE } from './helpers';
import { pdfInfo } from './pdf';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Electron executable, or why there is none: found by `npm start`'s own launcher
 * (electron/launch.mjs), which never loads the electron package's index.js: when the binary is missing
 * that starts downloading it, which must never happen from a test.
 */
function findElectron(): { executablePath: string } | { reason: string } {
  const found = findElectronBinary({ packageDir: electronPackageDir(root), env: process.env });
  if (!found.ok) {
    return { reason: `the Electron binary is not installed (${found.reason}; with Node 22.12+ \`npx install-electron\` downloads it)` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display to open a window on (run under xvfb-run)' };
  }
  return { executablePath: found.executablePath };
}

/** Hash navigation: the window shows app://qamqor/index.html, not the preview server, so `page.goto('/')` of the browser tests does not apply. */
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
  await fillAliyasComplaint(page);
  await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
  await expect(page.getByText('Шағым тіркелді: ARAL01-2026-00001')).toBeVisible();
}

test.describe('desktop app (Electron)', () => {
  let app: ElectronApplication | null = null;

  test.afterEach(async () => {
    await app?.close();
    app = null;
  });

  test('opens, sets up the office and prints a complaint confirmation to an A4 PDF', async () => {
    const testInfo = test.info();
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

    // Served from the app's own protocol (electron/protocol.ts), not from file://; the one CSP is in force.
    expect(page.url()).toMatch(/^app:\/\/qamqor\/index\.html/u);
    expect(await page.evaluate(() => window.location.origin)).toBe('app://qamqor');
    const metaCsp = await page.evaluate(() =>
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    );
    expect(metaCsp).toContain("script-src 'self'");
    // The renderer folder is all the protocol serves: a path out of it and another host are refused.
    const outside = await page.evaluate(async () => {
      const statusOf = (url: string) =>
        fetch(url).then(
          (response) => response.status,
          () => 0,
        );
      return [await statusOf('app://qamqor/..%2F..%2Fpackage.json'), await statusOf('app://qamqor/%2e%2e/%2e%2e/package.json')];
    });
    expect(outside.every((status) => status === 0 || status >= 400)).toBe(true);

    // The hardened bridge is there, and nothing of Node.
    expect(await page.evaluate(() => Object.keys(window.qamqor ?? {}).sort())).toEqual([
      'appInfo',
      'backupDone',
      'listBackups',
      'onBackupOnQuit',
      'onFileOpened',
      'onMenuCommand',
      'openFile',
      'printToPdf',
      'readBackup',
      'saveFile',
      'setMenuLanguage',
      'writeBackup',
    ]);
    // The first start on an empty profile finds no kept backups (issue 14 point 3 reads this list).
    expect(await page.evaluate(() => window.qamqor?.listBackups())).toMatchObject({ ok: true, value: { files: [] } });
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
      dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath: target });
    }, pdfPath);
    await page.getByRole('button', { name: 'Басып шығару', exact: true }).click();
    await expect(page.getByText('PDF сақталды: complaint-confirmation.pdf')).toBeVisible();

    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = await pdfInfo(pdfPath);
    expect(info.pages).toBe(1);
    // A4: 595.28 x 841.89 pt.
    expect(Math.round(info.widthPt)).toBe(595);
    expect(Math.round(info.heightPt)).toBe(842);

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
