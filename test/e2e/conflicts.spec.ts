import { expect, test, type Page } from '@playwright/test';
import { openBundle, registerCaseAndComplaint, setUpOffice } from './helpers';
import { TEST_NOW } from './seed';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu;

async function exportCase(page: Page, path: string): Promise<string> {
  await page.goto('/#/bundles/export');
  await page.getByLabel('Іс нөмірі, ЖСН немесе аты-жөні бойынша сүзу').fill('Сейт');
  await page.getByRole('checkbox', { name: 'ARAL01-C2026-00001 ісін таңдау' }).check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Пакет жасау және сақтау' }).click();
  await (await download).saveAs(path);
  await expect(page.getByTestId('bundle-export-done')).toContainText('Пакет сақталды');
  return path;
}

async function importBundle(page: Page, path: string): Promise<void> {
  await openBundle(page, path);
  await page.getByRole('button', { name: 'Қабылдау', exact: true }).click();
  await expect(page.getByTestId('bundle-report')).toBeVisible();
}

async function openComplaint(page: Page): Promise<void> {
  await page.goto('/#/complaints');
  await page.getByRole('link', { name: 'ARAL01-2026-00001' }).first().click();
  await expect(page.getByTestId('complaint-history')).toBeVisible();
}

/** Runs one workflow step of the complaint through its small form. */
async function step(page: Page, name: string, fill: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  const form = page.getByRole('form', { name });
  await fill();
  await form.getByRole('button', { name: new RegExp(`${name}$`, 'u') }).click();
  await expect(form).toHaveCount(0);
}

test('a complaint changed in two offices is resolved field by field without JSON; both offices’ history is kept', async ({
  browser,
}, info) => {
  test.setTimeout(420_000);
  const officeA = await browser.newContext();
  const officeB = await browser.newContext();
  const a = await officeA.newPage();
  const b = await officeB.newPage();
  await a.clock.setFixedTime(TEST_NOW);
  await b.clock.setFixedTime(TEST_NOW);
  b.on('dialog', (d) => void d.accept());

  await setUpOffice(a, 'ARAL01');
  await registerCaseAndComplaint(a, 'ARAL01');
  await setUpOffice(b, 'KZL02');
  await importBundle(b, await exportCase(a, info.outputPath('first.qamqor')));

  // A takes the complaint under review; B records that the complainant withdrew it.
  await openComplaint(a);
  await step(a, 'Қарауға алу', async () => {
    await a.locator('select[name=reviewer]').selectOption('Жанар Омарова');
  });
  await openComplaint(b);
  await step(b, 'Кері қайтарылды деп белгілеу', async () => {
    await b.locator('input[name=date]').fill('2026-11-20');
    await b.locator('textarea[name=reason], input[name=reason]').fill('Өтініш беруші шағымын кері алды');
  });
  await expect(b.getByTestId('complaint-history').locator('tbody tr')).toHaveCount(2);

  await importBundle(b, await exportCase(a, info.outputPath('second.qamqor')));
  await b.goto('/#/bundles/conflicts');
  await expect(b.getByTestId('bundle-conflicts')).toContainText('ARAL01-2026-00001');
  await b.getByRole('link', { name: 'Шешу' }).first().click();

  const fields = b.getByTestId('conflict-fields');
  await expect(fields).toBeVisible();
  await expect(b.getByTestId('conflict-person')).toContainText('Сейтқали Әлия Нұрланқызы');
  // Only the fields that differ, under their Kazakh labels, with readable values.
  await expect(fields.locator('tbody tr')).toHaveCount(4);
  await expect(fields.locator('tr[data-field=status] th')).toHaveText('Күйі');
  await expect(fields.locator('tr[data-field=status]')).toContainText('Қаралуда');
  await expect(fields.locator('tr[data-field=withdrawal]')).toContainText('20.11.2026');
  await expect(fields.locator('tr[data-field=reviewer]')).toContainText('Жанар Омарова');
  // The history is merged entry by entry by default: the shared entry once, each office's own kept.
  await expect(fields.locator('tr[data-field=history]').getByLabel('екеуін біріктіру')).toBeChecked();
  await expect(b.getByTestId('merged-history')).toContainText('Екеуінде бар: 1, тек бізде: 1, тек келгенде: 1');
  await expect(b.getByTestId('merged-history').locator('li')).toHaveCount(3);

  // Taking everything from the other office asks first; cancelling changes nothing.
  await b.getByRole('button', { name: 'Барлығын келгеннен' }).click();
  const confirm = b.getByRole('alertdialog');
  await expect(confirm).toContainText('Тарих пен тізімдер бұрынғыша біріктіріледі');
  await expect(confirm.getByRole('button', { name: 'Иә, барлығын келгеннен алу' })).toBeFocused();
  await b.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(fields.locator('tr[data-field=status]').getByLabel('келгенді')).not.toBeChecked();

  // Keyboard: the status's choice is a radio group; Space picks the focused option.
  await fields.locator('tr[data-field=status]').getByLabel('бізді').focus();
  await b.keyboard.press('Space');
  await expect(fields.locator('tr[data-field=status]').getByLabel('бізді')).toBeChecked();
  await fields.locator('tr[data-field=reviewer]').getByLabel('келгенді').check();
  // The withdrawal is a nested part: edited as a small form (date as DD.MM.YYYY), never as JSON.
  await fields.locator('tr[data-field=withdrawal]').getByLabel('өзім енгіземін').check();
  const withdrawal = fields.locator('tr[data-field=withdrawal] fieldset.value-editor');
  await expect(withdrawal.getByLabel('Күні')).toHaveValue('20.11.2026');
  await withdrawal.getByLabel('Себебі').fill('Өтініш беруші шағымын жазбаша кері алды');

  const text = await b.locator('main').innerText();
  expect(text).not.toContain('{"');
  expect(text).not.toMatch(UUID);
  const shot = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/bundles-conflict.png' : info.outputPath('conflict-resolve.png');
  await b.screenshot({ path: shot, fullPage: true });

  await b.getByRole('button', { name: 'Шешімді сақтау' }).click();
  await expect(b.getByTestId('conflict-resolved')).toBeVisible();

  // Both offices' status changes survive in the complaint's history.
  await openComplaint(b);
  const history = b.getByTestId('complaint-history').locator('tbody tr');
  await expect(history).toHaveCount(3);
  await expect(b.getByTestId('complaint-history')).toContainText('Қаралуда');
  await expect(b.getByTestId('complaint-history')).toContainText('Кері қайтарылды');
  await expect(b.locator('main')).toContainText('жазбаша кері алды');

  await officeA.close();
  await officeB.close();
});
