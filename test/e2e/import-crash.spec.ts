/**
 * Issue 8 robustness: the page is closed in the middle of a large import; the database must be
 * exactly as before (the apply runs in one IndexedDB transaction, which aborts with the page).
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodeBundle, generateOfficeKeys } from '@shared/bundle';
import { bundleTables } from '@shared/bundle/specs';
import { generateRegister } from '../support/generator';
import { shippedRuleSets } from '@shared/rules';
import { addPerson, PEOPLE, setUpOffice } from './helpers';
import { TEST_NOW, TEST_TODAY, testCalendar } from './seed';

const SENDER = { id: '0a0a0a0a-1111-4111-8111-000000000001', code: 'ARAL01', name: 'Арал ауданы бөлімі' };

/** Every object store of the app's database, Blobs replaced by their size, as one comparable string. */
async function dumpDatabase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('qamqor');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
    });
    const names = [...db.objectStoreNames].sort();
    const out: Record<string, unknown> = {};
    const tx = db.transaction(names, 'readonly');
    for (const name of names) {
      out[name] = await new Promise((resolve, reject) => {
        const r = tx.objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
      });
    }
    db.close();
    return JSON.stringify(out, (_k, v: unknown) => (v instanceof Blob ? `blob:${v.size}` : v));
  });
}

test('closing the page in the middle of a large import leaves the database exactly as before', async ({ context, page }, info) => {
  test.setTimeout(240_000);
  const register = generateRegister(
    99,
    { persons: 1200, complaints: 2400 },
    {
      office: { officeId: SENDER.id, officeCode: SENDER.code, officerName: 'Жанар Омарова' },
      ruleSets: shippedRuleSets,
      calendar: testCalendar,
      today: TEST_TODAY,
      spreadDays: 200,
    },
  );
  const encoded = await encodeBundle(
    {
      bundleId: '7f000000-0000-4000-8000-00000000c0de',
      createdAt: '2026-11-20T09:00:00.000Z',
      office: SENDER,
      officer: 'Жанар Омарова',
      appVersion: '0.1.0',
      tables: { persons: register.persons, complaints: register.complaints },
      attachments: [],
    },
    { signingKey: await generateOfficeKeys(), tables: bundleTables },
  );
  if (!encoded.ok) throw new Error('could not build the test bundle');
  const file = info.outputPath('large.qamqor');
  writeFileSync(file, encoded.value);

  await page.clock.setFixedTime(TEST_NOW);
  await setUpOffice(page, 'KZL02');
  await addPerson(page, PEOPLE.boris);
  const before = await dumpDatabase(page);

  await page.goto('/#/bundles/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Пакет файлын ашу' }).first().click();
  await (await chooser).setFiles(file);
  const apply = page.getByRole('button', { name: 'Қабылдау', exact: true });
  await expect(apply).toBeVisible({ timeout: 120_000 });
  await apply.click({ noWaitAfter: true });
  // Close the window while the apply is under way (its progress bar shows), before it can commit.
  await expect(page.getByText('Жазылуда…')).toBeVisible();
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto('/#/');
  await expect(again.getByRole('heading', { name: 'Басты бет' })).toBeVisible();
  expect(await dumpDatabase(again)).toBe(before);
  await expect(again.getByTestId('count-persons')).toHaveText('1');

  // The same file, left to finish, does import: the interrupted attempt was a real one.
  await again.goto('/#/bundles/import');
  const chooser2 = again.waitForEvent('filechooser');
  await again.getByRole('button', { name: 'Пакет файлын ашу' }).first().click();
  await (await chooser2).setFiles(file);
  await again.getByRole('button', { name: 'Қабылдау', exact: true }).click({ timeout: 120_000 });
  await expect(again.getByRole('button', { name: 'Қабылдау', exact: true })).toHaveCount(0, { timeout: 120_000 });
  await again.goto('/#/');
  await expect(again.getByTestId('count-persons')).toHaveText('1201', { timeout: 30_000 });
});
