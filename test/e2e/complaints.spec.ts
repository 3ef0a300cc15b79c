import { expect, test, type Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { addPerson, PEOPLE, setUpOffice } from './helpers';
import { seedRegister, TEST_NOW, TEST_TODAY } from './seed';

async function start(page: Page): Promise<void> {
  // Deadlines depend on today: the page clock is fixed so the expected dates never drift.
  await page.clock.setFixedTime(TEST_NOW);
  await setUpOffice(page, 'ARAL01');
}

async function act(page: Page, action: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const form = page.getByRole('form', { name: action });
  await fill(form);
  await form.getByRole('button', { name: `Орындау: ${action}` }).click();
}

test.describe('complaint register', () => {
  test('register a complaint, see both deadlines and the working days left, and take it to a decision', async ({ page }) => {
    await start(page);
    await addPerson(page, PEOPLE.aliya);
    await page.getByRole('link', { name: 'Шағымдар', exact: true }).click();
    await expect(page.getByText('Тізілімде әлі шағым жоқ.')).toBeVisible();
    await page.getByRole('link', { name: 'Шағымды тіркеу' }).click();

    // Thursday 19 Nov 2026: forward within 3 working days of receipt, review within 5 of registration.
    await page.locator('input[name=receiptDate]').fill('2026-11-19');
    await page.locator('input[name=registrationDate]').fill('2026-11-19');
    await page.getByLabel('Шағым берушінің ЖСН-ы немесе аты-жөні').fill('Сейт');
    await page.getByRole('button', { name: 'Таңдау' }).click();
    await expect(page.getByTestId('complainant-selected')).toContainText('921103405676');
    await page.locator('select[name=serviceId]').selectOption('personal-assistant');
    await page.locator('select[name=contested]').selectOption('inaction');
    await page.locator('textarea[name=text]').fill('Жеке көмекші қызметі қазан айынан бері көрсетілмейді.');
    await page.locator('textarea[name=demands]').fill('Қызметті қалпына келтіру');
    const preview = page.getByTestId('deadline-preview');
    await expect(preview).toContainText('24.11.2026');
    await expect(preview).toContainText('26.11.2026');
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();

    await expect(page.getByText('Шағым тіркелді: ARAL01-2026-00001')).toBeVisible();
    const deadlines = page.getByTestId('deadlines');
    await expect(deadlines).toContainText('24.11.2026');
    await expect(deadlines).toContainText('2 жұмыс күні қалды');
    await expect(deadlines).toContainText('26.11.2026');
    await expect(deadlines).toContainText('4 жұмыс күні қалды');
    await expect(deadlines).toContainText('[000 L75]');
    await expect(deadlines).toContainText('[000 L79]');

    await act(page, 'Қарауға алу', async () => {});
    await expect(page.getByTestId('complaint-status')).toHaveText('Қаралуда');
    await act(page, 'Жіберу', async (form) => {
      await form.locator('input[name=to]').fill('Облыстық жұмыспен қамтуды үйлестіру басқармасы');
    });
    await expect(page.getByTestId('complaint-status')).toHaveText('Жіберілді');
    await act(page, 'Шешім енгізу', async (form) => {
      await form.getByRole('button', { name: 'Орындау: Шешім енгізу' }).click();
      await expect(form.getByText('Толтыру міндетті').first()).toBeVisible();
      await form.locator('select[name=outcome]').selectOption('partly-satisfied');
      await form.locator('textarea[name=text]').fill('Қызмет 1 желтоқсаннан бастап қалпына келтіріледі.');
      await form.locator('select[name=notifiedBy]').selectOption('letter');
    });
    await expect(page.getByTestId('complaint-status')).toHaveText('Шешім қабылданды');
    await expect(page.getByTestId('complaint-decision')).toContainText('Ішінара қанағаттандырылды');
    await expect(page.getByTestId('complaint-history').locator('tbody tr')).toHaveCount(4);
    await expect(page.getByTestId('deadlines')).toContainText('Мерзімінде орындалды (20.11.2026)');

    await page.getByRole('button', { name: 'Тіркеу туралы растама' }).click();
    const sheet = page.getByTestId('print-area');
    await expect(sheet).toContainText('ARAL01-2026-00001');
    await expect(sheet).toContainText('26.11.2026');
    await expect(sheet).toContainText('Жанар Омарова');
  });

  test('filter the register by overdue, from the dashboard too; screenshot of a register of about 50', async ({ page }) => {
    await start(page);
    const data = await seedRegister(page, 20261120, { persons: 40, complaints: 50 });
    const overdue = data.complaints.filter((c) => c.nextDue !== undefined && c.nextDue < TEST_TODAY);
    expect(overdue.length).toBeGreaterThan(0);

    await page.goto('/#/complaints');
    await expect(page.getByTestId('register-total')).toHaveText('Барлығы: 50');
    await page.locator('select[name=flag]').selectOption('overdue');
    await expect(page.getByTestId('register-total')).toHaveText(`Барлығы: ${overdue.length}`);
    const rows = page.getByTestId('register-table').locator('tbody tr[aria-rowindex]');
    await expect(rows).toHaveCount(overdue.length);
    for (const c of overdue) await expect(page.getByTestId('register-table')).toContainText(c.number);
    await expect(rows.filter({ hasText: 'Мерзімі өткен' })).toHaveCount(overdue.length);

    await page.goto('/#/');
    await expect(page.getByTestId('complaints-overdue')).toContainText(String(overdue.length));
    await page.getByTestId('complaints-overdue').click();
    await expect(page.getByTestId('register-total')).toHaveText(`Барлығы: ${overdue.length}`);

    await page.goto('/#/complaints');
    await expect(page.getByTestId('register-total')).toHaveText('Барлығы: 50');
    const path = process.env.UPDATE_SCREENSHOTS
      ? 'docs/screenshots/complaints-register.png'
      : test.info().outputPath('complaints-register.png');
    await page.screenshot({ path });
  });

  test('export the filtered register as XLSX and read it back', async ({ page }) => {
    await start(page);
    const data = await seedRegister(page, 7, { persons: 20, complaints: 30 });
    const open = data.complaints.filter((c) => c.status !== 'decided' && c.status !== 'withdrawn');
    await page.goto('/#/complaints?status=open');
    await expect(page.getByTestId('register-total')).toHaveText(`Барлығы: ${open.length}`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'XLSX-ке экспорттау' }).click();
    const file = await (await download).path();
    const [sheet] = await readXlsxFile(file);
    const rows = sheet?.data ?? [];
    expect(rows).toHaveLength(open.length + 1);
    expect(rows[0]?.[0]).toBe('Кіріс нөмірі / Входящий номер');
    expect(rows[0]?.[4]).toBe('ЖСН / ИИН');
    const exported = rows.slice(1).map((r) => String(r[0]));
    expect(new Set(exported)).toEqual(new Set(open.map((c) => c.number)));
    const first = open.find((c) => c.number === exported[0]);
    expect(rows[1]?.[3]).toBe(first?.complainantName);
    expect(rows[1]?.[4]).toBe(first?.complainantIin);
    await expect(page.getByText(/Файл сақталды: ARAL01-complaints-2026-11-20\.xlsx \(\d+ жол\)/u)).toBeVisible();
  });
});
