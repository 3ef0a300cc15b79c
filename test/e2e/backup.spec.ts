import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import kk from '../../renderer/src/features/backup/i18n/kk.json' with { type: 'json' };
import { addPerson, PEOPLE, registerCaseAndComplaint, setUpOffice, signIn } from './helpers';
import { TEST_NOW } from './seed';

const PASSPHRASE = 'Арал теңізі, 2026 көктемі';
const ENCRYPTED_MAGIC = Buffer.from([0x51, 0x41, 0x4d, 0x51, 0x4f, 0x52, 0x1a, 0x45]);

function shot(name: string): string {
  return process.env['UPDATE_SCREENSHOTS'] ? `docs/screenshots/${name}` : test.info().outputPath(name);
}

async function openBackupPanel(page: Page) {
  await page.goto('/#/settings');
  const panel = page.getByTestId('backup-panel');
  await expect(panel.getByRole('heading', { name: 'Сақтық көшірмелер' })).toBeVisible();
  return panel;
}

test.describe('backups', () => {
  test('an administrator sets the passphrase and backs up (a download); a new office restores it with a preview and gets everything back', async ({
    browser,
  }, info) => {
    test.setTimeout(180_000);
    const before = await browser.newContext();
    const page = await before.newPage();
    await page.clock.setFixedTime(TEST_NOW);
    await setUpOffice(page, 'KZL05');
    await registerCaseAndComplaint(page, 'KZL05');

    let panel = await openBackupPanel(page);
    await expect(panel.getByTestId('backup-last')).toContainText('Әлі көшірме жасалған жоқ');
    await expect(panel.getByTestId('backup-passphrase-state')).toHaveText('Орнатылмаған');
    await expect(panel.getByTestId('backup-passphrase-note')).toContainText('осы компьютерде');
    const download = panel.getByRole('button', { name: 'Көшірмені жүктеп алу' });
    await expect(download).toBeDisabled();

    // Too short, then typed differently: nothing is saved.
    const settings = panel.getByRole('form', { name: 'Баптаулар' });
    await settings.locator('input[name=backupPassphrase]').fill('Арал 2026');
    await settings.locator('input[name=backupPassphraseRepeat]').fill('Арал 2026');
    await settings.getByRole('button', { name: 'Баптауларды сақтау' }).click();
    await expect(settings.getByText(kk.validation.passphraseShort)).toBeVisible();
    await settings.locator('input[name=backupPassphrase]').fill(PASSPHRASE);
    await settings.locator('input[name=backupPassphraseRepeat]').fill(`${PASSPHRASE}!`);
    await settings.getByRole('button', { name: 'Баптауларды сақтау' }).click();
    await expect(settings.getByText(kk.validation.passphraseMismatch)).toBeVisible();
    await expect(panel.getByTestId('backup-passphrase-state')).toHaveText('Орнатылмаған');

    await settings.locator('input[name=backupPassphraseRepeat]').fill(PASSPHRASE);
    await settings.getByRole('button', { name: 'Баптауларды сақтау' }).click();
    await expect(settings.getByText(kk.settings.saved)).toBeVisible();
    await expect(panel.getByTestId('backup-passphrase-state')).toContainText('Орнатылған');
    // The browser makes no silent downloads: a backup is due and the panel says so.
    await expect(panel.getByTestId('backup-overdue')).toHaveText('мерзімі өтті');
    await expect(panel.getByText(kk.overdueDownload)).toBeVisible();

    const downloaded = page.waitForEvent('download');
    await download.click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toMatch(/^qamqor-backup-20261120-060000Z-KZL05\.qamqor$/u);
    const path = info.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    // An encrypted bundle: nothing readable in it.
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 8).equals(ENCRYPTED_MAGIC)).toBe(true);
    expect(bytes.includes(Buffer.from('921103405676'))).toBe(false);
    await expect(panel.getByTestId('backup-message')).toContainText('Сақтық көшірме жүктеп алуға берілді');
    await expect(panel.getByTestId('backup-last')).toContainText(file.suggestedFilename());
    await expect(panel.getByTestId('backup-last')).toContainText('қолмен');
    await expect(panel.getByTestId('backup-overdue')).toHaveCount(0);
    await expect(panel.getByText(kk.nextUnchanged)).toBeVisible();
    await panel.screenshot({ path: shot('backup-panel.png') });

    // The audit trail has the backup.
    await page.goto('/#/audit');
    await expect(page.getByRole('row').filter({ hasText: 'Сақтық көшірмелер' }).first()).toContainText('Жанар Омарова');
    await before.close();

    // The database is lost: a new, empty browser profile. The office is set up again with its code.
    const after = await browser.newContext();
    const fresh = await after.newPage();
    await fresh.clock.setFixedTime(TEST_NOW);
    await setUpOffice(fresh, 'KZL05');
    await fresh.goto('/#/');
    await expect(fresh.getByTestId('count-persons')).toHaveText('0');

    panel = await openBackupPanel(fresh);
    const restore = panel.getByTestId('backup-restore');
    const chooser = fresh.waitForEvent('filechooser');
    await restore.getByRole('button', { name: 'Көшірме файлын ашу…' }).click();
    await (await chooser).setFiles(path);
    const flow = restore.getByTestId('restore-flow');
    await flow.getByLabel('Құпия сөз', { exact: true }).fill('Арал теңізі, 2025 көктемі');
    await flow.getByRole('button', { name: 'Ашу', exact: true }).click();
    await expect(flow.getByText(kk.decodeErrors['wrong-passphrase'])).toBeVisible();
    await flow.getByLabel('Құпия сөз', { exact: true }).fill(PASSPHRASE);
    await flow.getByRole('button', { name: 'Ашу', exact: true }).click();

    const preview = flow.getByTestId('restore-preview');
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId('restore-facts')).toContainText('Жанар Омарова');
    await expect(preview.getByTestId('restore-facts')).toContainText('KZL05');
    await expect(preview.getByText('басқа орнатылымы жасаған')).toBeVisible();
    const summary = preview.getByTestId('restore-summary');
    for (const table of ['persons', 'cases', 'complaints'])
      await expect(summary.locator(`tr[data-table=${table}] td[data-category=new]`)).toHaveText('1');
    await expect(preview.getByTestId('restore-total-update')).toHaveText('0');
    await expect(preview.getByTestId('restore-total-conflict')).toHaveText('0');
    await expect(preview.getByTestId('restore-total-rejected')).toHaveText('0');
    // Nothing written before the officer applies.
    await fresh.evaluate(() => window.scrollTo(0, 0));
    await restore.screenshot({ path: shot('backup-restore-preview.png') });

    await preview.getByRole('button', { name: 'Қалпына келтіру', exact: true }).click();
    await expect(preview.getByText('3 жазба жазылады. Жалғастырасыз ба?')).toBeVisible();
    await preview.getByRole('button', { name: 'Иә, қалпына келтіру' }).click();
    const report = flow.getByTestId('restore-report');
    await expect(report).toContainText(`${file.suggestedFilename()} көшірмесінен қалпына келтірілді: 3 жазба жазылды.`);
    await expect(report).toContainText(kk.restore.countersRaised);

    // Aliya, her case and her complaint are back.
    await fresh.goto('/#/persons');
    await expect(fresh.getByTestId('persons-table')).toContainText('Сейтқали Әлия Нұрланқызы');
    await fresh
      .getByRole('link', { name: /Сейтқали Әлия/u })
      .first()
      .click();
    await expect(fresh.getByTestId('cases-table')).toContainText('KZL05-C2026-00001');
    await fresh.goto('/#/complaints');
    await expect(fresh.getByTestId('register-table')).toContainText('KZL05-2026-00001');
    await expect(fresh.getByTestId('register-table')).toContainText('Сейтқали');

    // The register goes on after the restored numbers.
    await fresh.goto('/#/persons');
    await fresh
      .getByRole('link', { name: /Сейтқали Әлия/u })
      .first()
      .click();
    await fresh.locator('input[name=subject]').fill('Санаторий-курорттық емделу');
    await fresh.locator('input[name=registrationDate]').fill('2026-11-20');
    await fresh.getByRole('button', { name: 'Іс ашу' }).click();
    await expect(fresh.getByText('Іс ашылды: KZL05-C2026-00002')).toBeVisible();

    // The same backup again: nothing to change.
    panel = await openBackupPanel(fresh);
    const again = fresh.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Көшірме файлын ашу…' }).click();
    await (await again).setFiles(path);
    await panel.getByLabel('Құпия сөз', { exact: true }).fill(PASSPHRASE);
    await panel.getByRole('button', { name: 'Ашу', exact: true }).click();
    await expect(panel.getByTestId('restore-nothing')).toHaveText(kk.restore.nothingToChange);
    await after.close();
  });

  test('a plain case bundle is not taken for a backup', async ({ page }, info) => {
    await page.clock.setFixedTime(TEST_NOW);
    await setUpOffice(page, 'KZL05');
    const panel = await openBackupPanel(page);
    const plain = info.outputPath('case.qamqor');
    // A ZIP header: what an unencrypted case bundle starts with.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(plain, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Көшірме файлын ашу…' }).click();
    await (await chooser).setFiles(plain);
    const refused = panel.getByTestId('restore-refused');
    await expect(refused).toHaveAttribute('data-code', 'not-a-backup');
    await expect(refused).toContainText(kk.decodeErrors['not-a-backup']);
    await expect(refused).toContainText(kk.restore.nothingWritten);
  });
});

test('at the first start on an empty profile, the whole office is restored from a backup file before any setup', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const before = await browser.newContext();
  const page = await before.newPage();
  await page.clock.setFixedTime(TEST_NOW);
  await setUpOffice(page, 'KZL05');
  await addPerson(page, PEOPLE.aliya);
  const panel = await openBackupPanel(page);
  const settings = panel.getByRole('form', { name: 'Баптаулар' });
  await settings.locator('input[name=backupPassphrase]').fill(PASSPHRASE);
  await settings.locator('input[name=backupPassphraseRepeat]').fill(PASSPHRASE);
  await settings.getByRole('button', { name: 'Баптауларды сақтау' }).click();
  await expect(settings.getByText(kk.settings.saved)).toBeVisible();
  const downloaded = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Көшірмені жүктеп алу' }).click();
  const file = await downloaded;
  const path = info.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  await before.close();

  // A new, empty profile: the first screen offers the restore above the office setup.
  const after = await browser.newContext();
  const fresh = await after.newPage();
  await fresh.clock.setFixedTime(TEST_NOW);
  await fresh.goto('/');
  const offer = fresh.getByTestId('first-start');
  await expect(offer.getByRole('heading', { name: kk.firstStart.title })).toBeVisible();
  await expect(fresh.getByRole('heading', { name: 'Кеңсе профилі' })).toBeVisible();
  const chooser = fresh.waitForEvent('filechooser');
  await offer.getByRole('button', { name: kk.firstStart.openFile }).click();
  await (await chooser).setFiles(path);
  const flow = fresh.getByTestId('first-start-restore');
  await flow.getByLabel('Құпия сөз', { exact: true }).fill('Арал теңізі, 2025 көктемі');
  await flow.getByRole('button', { name: 'Ашу', exact: true }).click();
  await expect(flow.getByText(kk.decodeErrors['wrong-passphrase'])).toBeVisible();
  await flow.getByLabel('Құпия сөз', { exact: true }).fill(PASSPHRASE);
  await flow.getByRole('button', { name: 'Ашу', exact: true }).click();
  const summary = flow.getByTestId('first-start-summary');
  await expect(summary).toContainText('KZL05');
  await expect(summary).toContainText('Жанар Омарова');
  // One person, one account; the audit trail came along.
  await expect(summary.getByTestId('first-start-counts')).toContainText('1 жазба');
  await expect(summary.getByTestId('first-start-counts')).toContainText('1 есептік жазба');
  await summary.getByTestId('first-start-apply').click();

  // The office is back with its accounts: sign in with the restored administrator.
  await signIn(fresh);
  await fresh.goto('/#/');
  await expect(fresh.getByTestId('count-persons')).toHaveText('1');
  await fresh.goto('/#/audit');
  await expect(fresh.getByRole('row').filter({ hasText: kk.firstStart.restoredBy }).first()).toBeVisible();
  await after.close();
});
