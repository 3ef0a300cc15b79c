import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import kk from '../../renderer/src/features/bundles/i18n/kk.json' with { type: 'json' };
import { addPerson, openBundle, PEOPLE, registerCaseAndComplaint, setUpOffice } from './helpers';
import { TEST_NOW } from './seed';

/** Exports the ticked case through the export page; returns the saved file's path. */
async function exportCase(page: Page, path: string): Promise<string> {
  await page.goto('/#/bundles/export');
  await page.getByLabel('Іс нөмірі, ЖСН немесе аты-жөні бойынша сүзу').fill('Сейт');
  await page.getByRole('checkbox', { name: 'ARAL01-C2026-00001 ісін таңдау' }).check();
  await expect(page.getByTestId('bundle-selected-count')).toContainText('Таңдалған істер: 1');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Пакет жасау және сақтау' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ARAL01-C2026-00001-\d{8}-\d{4}\.qamqor$/u);
  await file.saveAs(path);
  await expect(page.getByTestId('bundle-export-done')).toContainText('Пакет сақталды');
  return path;
}

async function expectPersons(page: Page, count: number): Promise<void> {
  await page.goto('/#/');
  await expect(page.getByTestId('count-persons')).toHaveText(String(count));
}

test.describe('case bundles between two offices', () => {
  test('office A exports a case, office B refuses a tampered copy, previews and applies the real one; the same bundle again changes nothing', async ({
    browser,
  }, info) => {
    test.setTimeout(180_000);
    const officeA = await browser.newContext();
    const officeB = await browser.newContext();
    const a = await officeA.newPage();
    const b = await officeB.newPage();
    await a.clock.setFixedTime(TEST_NOW);
    await b.clock.setFixedTime(TEST_NOW);

    await setUpOffice(a, 'ARAL01');
    await registerCaseAndComplaint(a, 'ARAL01', { scan: true });
    const good = await exportCase(a, info.outputPath('case.qamqor'));

    // A copy damaged on the way: one byte in the middle flipped.
    const bytes = readFileSync(good);
    const tampered = Buffer.from(bytes);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 0x01;
    const tamperedPath = info.outputPath('tampered.qamqor');
    writeFileSync(tamperedPath, tampered);

    await setUpOffice(b, 'KZL02');
    await expectPersons(b, 0);
    await openBundle(b, tamperedPath);
    const refused = b.getByTestId('bundle-refused');
    await expect(refused).toBeVisible();
    await expect(refused).toContainText('Пакет қабылданбады');
    await expect(refused).toContainText('Дерекқорға ештеңе жазылған жоқ.');
    // Which check trips depends on where the byte lands (deflate data, CRC, a part's digest…); each
    // code has its own Kazakh message.
    const code = (await refused.getAttribute('data-code')) ?? '';
    expect(Object.keys(kk.errors)).toContain(code);
    expect(['passphrase-required', 'wrong-passphrase']).not.toContain(code);
    await expect(b.getByTestId('bundle-refused-message')).toHaveText(kk.errors[code as keyof typeof kk.errors]);
    await expectPersons(b, 0);
    await b.goto('/#/bundles/history');
    await expect(b.getByText('Әлі бірде-бір пакет импортталған жоқ.')).toBeVisible();

    // The real file: sender, preview, apply.
    await openBundle(b, good);
    const sender = b.getByTestId('bundle-sender');
    await expect(sender).toContainText('ARAL01');
    await expect(sender).toContainText('Жанар Омарова');
    await expect(sender).toContainText('таныс емес');
    await expect(sender).toHaveAttribute('data-ran-in', 'worker');
    const summary = b.getByTestId('bundle-summary');
    await expect(summary.locator('tr[data-table=persons] td[data-category=new]')).toHaveText('1');
    await expect(summary.locator('tr[data-table=cases] td[data-category=new]')).toHaveText('1');
    await expect(summary.locator('tr[data-table=complaints] td[data-category=new]')).toHaveText('1');
    await expect(summary.locator('tr[data-table=documents] td[data-category=new]')).toHaveText('1');
    await expect(b.getByTestId('total-rejected')).toHaveText('0');
    await expect(b.getByTestId('category-new')).toContainText('Сейтқали Әлия Нұрланқызы (921103405676)');
    await expect(b.getByTestId('category-new')).toContainText('ARAL01-2026-00001');
    await expectPersons(b, 0);
    await openBundle(b, good);
    await expect(b.getByTestId('bundle-summary')).toBeVisible();
    const shot = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/bundles-preview.png' : info.outputPath('bundles-preview.png');
    await b.screenshot({ path: shot, fullPage: true });

    await b.getByRole('button', { name: 'Қабылдау', exact: true }).click();
    await expect(b.getByTestId('bundle-report')).toContainText('пакеті қабылданды');
    await expectPersons(b, 1);
    await b.goto('/#/persons');
    await expect(b.getByTestId('persons-table')).toContainText('Сейтқали Әлия Нұрланқызы');
    await b.goto('/#/complaints');
    await expect(b.getByTestId('register-table')).toContainText('ARAL01-2026-00001');
    await b.goto('/#/bundles/history');
    await expect(b.getByTestId('bundle-history').locator('tbody tr')).toHaveCount(1);
    await expect(b.getByTestId('bundle-history')).toContainText('ARAL01');

    // The same file again: nothing to change.
    await openBundle(b, good);
    await expect(b.getByTestId('bundle-nothing')).toHaveText('Пакет бұрын импортталған: өзгертетін ештеңе жоқ.');
    await expect(b.getByRole('button', { name: 'Қабылдау', exact: true })).toHaveCount(0);
    await b.goto('/#/bundles/history');
    await expect(b.getByTestId('bundle-history').locator('tbody tr')).toHaveCount(1);

    // Both offices edit Aliya; A sends again; B sees a conflict, queues it and resolves it field by field.
    await a.goto('/#/persons');
    await a
      .getByRole('link', { name: /Сейтқали Әлия/ })
      .first()
      .click();
    await a.getByRole('link', { name: 'Өзгерту' }).click();
    await a.locator('input[name=address]').fill('Арал қ., Бейбітшілік к-сі, 3');
    await a.getByRole('button', { name: 'Сақтау' }).click();
    await expect(a.getByTestId('person-facts')).toContainText('Бейбітшілік');
    await b.goto('/#/persons');
    await b
      .getByRole('link', { name: /Сейтқали Әлия/ })
      .first()
      .click();
    await b.getByRole('link', { name: 'Өзгерту' }).click();
    await b.locator('input[name=phone]').fill('+7 701 999 88 77');
    await b.getByRole('button', { name: 'Сақтау' }).click();
    await expect(b.getByTestId('person-facts')).toContainText('+77019998877');

    const second = await exportCase(a, info.outputPath('case-2.qamqor'));
    await openBundle(b, second);
    await expect(b.getByTestId('bundle-summary').locator('tr[data-table=persons] td[data-category=conflict]')).toHaveText('1');
    await expect(b.getByTestId('category-conflict')).toContainText('Сейтқали Әлия Нұрланқызы (921103405676)');
    const conflictPreview = process.env.UPDATE_SCREENSHOTS
      ? 'docs/screenshots/bundles-preview-conflict.png'
      : info.outputPath('bundles-preview-conflict.png');
    await b.screenshot({ path: conflictPreview, fullPage: true });
    await b.getByRole('button', { name: 'Қабылдау', exact: true }).click();
    await expect(b.getByTestId('bundle-report')).toContainText('Қайшылықтар кезегіне 1 жазба түсті.');
    await b.goto('/#/bundles/conflicts');
    await b.getByRole('link', { name: 'Шешу' }).click();
    const fields = b.getByTestId('conflict-fields');
    await fields.locator('tr[data-field=address]').getByLabel('келгенді').check();
    await fields.locator('tr[data-field=phone]').getByLabel('бізді').check();
    const conflictShot = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/bundles-conflict.png' : info.outputPath('bundles-conflict.png');
    await b.screenshot({ path: conflictShot, fullPage: true });
    await b.getByRole('button', { name: 'Шешімді сақтау' }).click();
    await expect(b.getByTestId('conflict-resolved')).toBeVisible();
    await b.goto('/#/persons');
    await b
      .getByRole('link', { name: /Сейтқали Әлия/ })
      .first()
      .click();
    await expect(b.getByTestId('person-facts')).toContainText('Бейбітшілік');
    await expect(b.getByTestId('person-facts')).toContainText('+77019998877');

    await officeA.close();
    await officeB.close();
  });

  test('an encrypted bundle asks for its passphrase; a wrong one is refused; the known-offices page shows the own fingerprint', async ({
    browser,
  }, info) => {
    test.setTimeout(180_000);
    const officeA = await browser.newContext();
    const officeB = await browser.newContext();
    const a = await officeA.newPage();
    const b = await officeB.newPage();
    await a.clock.setFixedTime(TEST_NOW);
    await b.clock.setFixedTime(TEST_NOW);
    await setUpOffice(a, 'ARAL01');
    await addPerson(a, PEOPLE.boris);
    await a.locator('input[name=subject]').fill('Есту аппараты');
    await a.getByRole('button', { name: 'Іс ашу' }).click();
    await expect(a.getByTestId('cases-table')).toContainText('ARAL01-C');

    await a.goto('/#/bundles/export');
    await a.getByRole('checkbox', { name: 'Көрсетілген істердің бәрін таңдау' }).check();
    await a.locator('input[name=passphrase]').fill('Арал');
    await expect(a.getByText('Әлсіз: бірнеше сөзден тұратын ұзынырақ тіркес таңдаңыз.')).toBeVisible();
    // Issue 16 pt 7: held to the backups' rule, said before anything is exported.
    await a.getByRole('button', { name: 'Пакет жасау және сақтау' }).click();
    await expect(a.getByRole('alert').filter({ hasText: 'Құпия сөз тым қысқа' })).toBeVisible();
    await a.locator('input[name=passphrase]').fill('111111111111');
    await a.getByRole('button', { name: 'Пакет жасау және сақтау' }).click();
    await expect(a.getByRole('alert').filter({ hasText: 'Құпия сөзді оңай табуға болады' })).toBeVisible();
    await a.locator('input[name=passphrase]').fill('Арал теңізі қайта толады 2026');
    await expect(a.getByText('Мықты.')).toBeVisible();
    await a.locator('input[name=passphraseConfirm]').fill('Арал теңізі');
    await a.getByRole('button', { name: 'Пакет жасау және сақтау' }).click();
    await expect(a.getByText('Құпия сөздер сәйкес келмейді')).toBeVisible();
    await a.locator('input[name=passphraseConfirm]').fill('Арал теңізі қайта толады 2026');
    const download = a.waitForEvent('download');
    await a.getByRole('button', { name: 'Пакет жасау және сақтау' }).click();
    const path = info.outputPath('secret.qamqor');
    await (await download).saveAs(path);
    await expect(a.getByRole('status').filter({ hasText: 'Пакет сақталды' })).toContainText('құпия сөзбен шифрланған');
    const shot = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/bundles-export.png' : info.outputPath('bundles-export.png');
    await a.screenshot({ path: shot, fullPage: true });

    await a.goto('/#/bundles/offices');
    await expect(a.getByTestId('own-fingerprint')).toHaveText(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/u);

    await setUpOffice(b, 'KZL02');
    await openBundle(b, path);
    await expect(b.getByRole('heading', { name: 'Пакет шифрланған' })).toBeVisible();
    await b.locator('#bundle-passphrase').fill('қате');
    await b.getByRole('button', { name: 'Ашу', exact: true }).click();
    await expect(b.getByText('Құпия сөз дұрыс емес немесе файл бүлінген.')).toBeVisible();
    await b.locator('#bundle-passphrase').fill('Арал теңізі қайта толады 2026');
    await b.getByRole('button', { name: 'Ашу', exact: true }).click();
    await expect(b.getByTestId('bundle-sender')).toContainText('шифрланған');
    await expect(b.getByTestId('bundle-summary').locator('tr[data-table=persons] td[data-category=new]')).toHaveText('1');

    // B trusts A after comparing the fingerprint: the sender shows as known.
    await b.getByRole('button', { name: 'Жіберушіні таныс кеңселерге қосу' }).click();
    await b.getByRole('button', { name: 'Иә, салыстырылды, қосу' }).click();
    await expect(b.getByTestId('bundle-sender')).toContainText('таныс кеңсе');
    await b.goto('/#/bundles/offices');
    await expect(b.getByTestId('known-offices')).toContainText('ARAL01');
    await b.getByRole('button', { name: 'Русский' }).click();
    await expect(b.getByRole('heading', { name: 'Известные отделы' })).toBeVisible();
    await expect(b.getByTestId('known-offices')).toContainText(await a.getByTestId('own-fingerprint').innerText());
    await b.screenshot({ path: info.outputPath('bundles-offices-ru.png'), fullPage: true });
    await officeA.close();
    await officeB.close();
  });
});
