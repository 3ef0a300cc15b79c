/**
 * Issue 16 point 6: dates in the officer's language whatever the browser's locale. The page runs with
 * an English (US) browser locale: the date field still shows DD.MM.YYYY, takes typed DD.MM.YYYY, and its
 * calendar names months and weekdays in Kazakh or Russian; it works by keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { addPerson, PEOPLE, setUpOffice } from './helpers';
import { seedRegister, TEST_NOW } from './seed';

test.use({ locale: 'en-US' });

/** axe on the open calendar and its field: no critical or serious violation (issue 16 point 5). */
async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .include('.date-field')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(result.passes.length).toBeGreaterThan(0);
  const blocking = result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openPersonPage(page: Page): Promise<void> {
  await page.clock.setFixedTime(TEST_NOW);
  await setUpOffice(page);
  await addPerson(page, PEOPLE.aliya);
}

test('an en-US browser: the case date shows DD.MM.YYYY, takes typed DD.MM.YYYY, and its calendar speaks kk and ru by keyboard', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await openPersonPage(page);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  const field = page.locator('input[name=registrationDate]');
  await expect(field).toHaveValue('20.11.2026');
  await expect(field).toHaveAttribute('placeholder', 'ДД.ММ.ЖЖЖЖ');
  await expect(field).toHaveAttribute('type', 'text');

  // Typed key by key in the officer's order: 03.11 is the 3rd of November, never March.
  await field.clear();
  await field.pressSequentially('03.11.2026');
  await expect(field).toHaveValue('03.11.2026');
  // An impossible day is said at once.
  await field.clear();
  await field.pressSequentially('31.11.2026');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Мұндай күн жоқ: күнді ДД.ММ.ЖЖЖЖ түрінде енгізіңіз (мысалы, 05.03.2026)')).toBeVisible();
  await field.clear();
  await field.pressSequentially('18.11.2026');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');

  // The calendar, by keyboard: Tab to its button, Enter opens it on the field's day.
  await field.focus();
  await page.keyboard.press('Tab');
  const opener = page.getByRole('button', { name: 'Күнтізбені ашу' });
  await expect(opener).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Күнді таңдау' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('date-calendar-title')).toHaveText('Қараша 2026');
  await expect(dialog.locator('thead th')).toHaveText(['дс', 'сс', 'ср', 'бс', 'жм', 'сб', 'жс']);
  await expect(dialog.getByRole('grid', { name: 'Қараша 2026' })).toBeVisible();
  await expect(page.locator('button[data-date="2026-11-18"]')).toBeFocused();
  await expect(page.locator('button[data-date="2026-11-18"]')).toHaveAccessibleName('18.11.2026, сәрсенбі');
  await page.screenshot({ path: info.outputPath('date-calendar-kk.png') });
  await expectAccessible(page);

  // Arrows move by day and week, PageDown by month; Enter picks.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('button[data-date="2026-11-26"]')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(dialog.getByTestId('date-calendar-title')).toHaveText('Желтоқсан 2026');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('button[data-date="2026-11-25"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(field).toHaveValue('25.11.2026');
  await expect(opener).toBeFocused();

  // Escape closes without picking and gives focus back to the button.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(field).toHaveValue('25.11.2026');
  await expect(opener).toBeFocused();

  // The picked day is the one saved: the case carries 25.11.2026.
  await page.locator('input[name=subject]').fill('Кресло-арба беру');
  await page.getByRole('button', { name: 'Іс ашу' }).click();
  await expect(page.getByText('Іс ашылды: KZL05-C2026-00001')).toBeVisible();
  await expect(page.getByTestId('cases-table')).toContainText('25.11.2026');

  // Russian: placeholder, month and weekday names in Russian, still DD.MM.YYYY.
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(field).toHaveAttribute('placeholder', 'ДД.ММ.ГГГГ');
  await field.fill('20.11.2026');
  await page.getByRole('button', { name: 'Открыть календарь' }).click();
  const ru = page.getByRole('dialog', { name: 'Выбор даты' });
  await expect(ru.getByTestId('date-calendar-title')).toHaveText('Ноябрь 2026');
  await expect(ru.locator('thead th')).toHaveText(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
  await expect(page.locator('button[data-date="2026-11-20"]')).toHaveAccessibleName('20.11.2026, пятница');
  await page.screenshot({ path: info.outputPath('date-calendar-ru.png') });
  await expectAccessible(page);
  await page.keyboard.press('PageUp');
  await expect(ru.getByTestId('date-calendar-title')).toHaveText('Октябрь 2026');
  await page.keyboard.press('Escape');
  await expect(ru).toHaveCount(0);
});

/** Types a date key by key, as an officer does, into an emptied field. */
async function typeDate(field: Locator, text: string): Promise<void> {
  await field.clear();
  await field.pressSequentially(text);
  await expect(field).toHaveValue(text);
}

const dotted = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

test.describe('every date of the app reads DD.MM.YYYY in an en-US browser', () => {
  test('hearings: the preliminary decision, the hearing day and its 24-hour time typed as the officer reads them', async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.setFixedTime(new Date('2026-03-16T09:00:00+05:00'));
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.aliya);
    await page.locator('input[name=subject]').fill('Әлеуметтік көмек тағайындау');
    await typeDate(page.locator('input[name=registrationDate]'), '02.03.2026');
    await page.getByRole('button', { name: 'Іс ашу' }).click();
    await expect(page.getByText('Іс ашылды: ARAL01-C2026-00001')).toBeVisible();
    await page.getByTestId('cases-table').getByRole('link', { name: 'Тыңдаулар' }).click();
    await page.locator('select[name=service]').selectOption('social-assistance');
    // The application's own form belongs to the application page; an ISO fill works on either kind of field.
    await page.locator('input[name=registrationDate]').fill('2026-03-04');
    await page.locator('input[name=plannedDecisionDate]').fill('2026-03-27');
    await page.getByRole('button', { name: 'Өтінішті тіркеу' }).click();
    await expect(page.getByTestId('planner')).toBeVisible();

    const preliminary = page.locator('input[name=preliminaryDate]');
    await expect(preliminary).toHaveAttribute('type', 'text');
    await expect(preliminary).toHaveAttribute('placeholder', 'ДД.ММ.ЖЖЖЖ');
    await typeDate(preliminary, '16.03.2026');
    await page.locator('textarea[name=grounds]').fill('Отбасының жан басына шаққандағы орташа табысы шектен асады');
    await page.getByRole('button', { name: 'Алдын ала теріс шешімді тіркеу' }).click();
    await expect(page.getByTestId('preliminary-card')).toContainText('16.03.2026');

    // 20.03 is the 20th of March (never a month 20), and 14:30 is never "2:30 PM".
    const hearingDate = page.locator('input[name=hearingDate]');
    await typeDate(hearingDate, '20.03.2026');
    const time = page.locator('input[name=hearingTime]');
    await expect(time).toHaveAttribute('type', 'text');
    await time.clear();
    await time.pressSequentially('25:00');
    await expect(time).toHaveAttribute('aria-invalid', 'true');
    await time.clear();
    await time.pressSequentially('14:30');
    await expect(time).not.toHaveAttribute('aria-invalid', 'true');
    await page.locator('input[name=place]').fill('WhatsApp бейнебайланыс, +7 701 234 56 78');
    await page.locator('textarea[name=participants]').fill('Жанар Омарова (тыңдауды жүргізеді)');
    await page.getByRole('button', { name: 'Тыңдауды белгілеу' }).click();
    await expect(page.getByTestId('hearing-card')).toContainText('20.03.2026 14:30');
  });

  test('intake: the case date and the package dates are typed DD.MM.YYYY and checked as typed', async ({ page }) => {
    test.setTimeout(120_000);
    page.on('dialog', (d) => void d.accept());
    await page.clock.setFixedTime(new Date('2026-03-16T09:00:00+05:00'));
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.aliya);
    const personPage = page.url();
    await page.goto('/#/intake');
    await page.getByRole('link', { name: 'Жаңа қабылдау' }).click();
    await page.getByLabel('ЖСН, аты-жөні немесе іс нөмірі бойынша іздеу').fill('Сейтқали');
    await page.getByRole('button', { name: /Сейтқали/u }).click();
    await typeDate(page.locator('input[name=caseRegistrationDate]'), '10.03.2026');
    await page.getByRole('button', { name: 'Іс ашу және қабылдауды бастау' }).click();
    await expect(page.getByRole('heading', { name: 'Жаңа қабылдау: өтініш және медициналық карта' })).toBeVisible();

    // 17.03 is tomorrow for the page (16 March), so it is refused; 12.03 is not.
    const registration = page.locator('input[name=registrationDate]');
    await typeDate(registration, '17.03.2026');
    await expect(page.getByText('Болашақ күнді енгізуге болмайды')).toBeVisible();
    await typeDate(registration, '12.03.2026');
    await expect(page.getByText('Болашақ күнді енгізуге болмайды')).toHaveCount(0);
    const signed = page.locator('input[name="application.signedOn"]');
    await typeDate(signed, '13.03.2026');
    await expect(page.getByText('Күн құжаттарды қабылдау күнінен кейін болмауы керек')).toBeVisible();
    await typeDate(signed, '12.03.2026');
    await expect(page.getByText('Күн құжаттарды қабылдау күнінен кейін болмауы керек')).toHaveCount(0);
    // A card line's date is the same field, named by its line.
    const birth = page.locator('[name="entry.header.birth-date.date"]');
    await expect(birth).toHaveAttribute('placeholder', 'ДД.ММ.ЖЖЖЖ');
    await typeDate(birth, '03.11.1992');
    await expect(birth).not.toHaveAttribute('aria-invalid', 'true');

    // The case opened with the typed day: 10 March 2026.
    await page.goto(personPage);
    await expect(page.getByTestId('cases-table')).toContainText('10.03.2026');
  });

  test("the complaint form's receipt and registration dates typed DD.MM.YYYY give the right terms", async ({ page }) => {
    await page.clock.setFixedTime(TEST_NOW);
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.aliya);
    await page.goto('/#/complaints/new');
    const receipt = page.locator('input[name=receiptDate]');
    await expect(receipt).toHaveAttribute('type', 'text');
    await expect(receipt).toHaveAttribute('placeholder', 'ДД.ММ.ЖЖЖЖ');
    // Thursday 19 Nov 2026: forward within 3 working days of receipt (24.11), review within 5 of registration (26.11).
    await typeDate(receipt, '19.11.2026');
    await typeDate(page.locator('input[name=registrationDate]'), '19.11.2026');
    await page.getByLabel('Шағым берушінің ЖСН-ы немесе аты-жөні').fill('Сейт');
    await page.getByRole('button', { name: 'Таңдау' }).click();
    await page.locator('select[name=serviceId]').selectOption('personal-assistant');
    await page.locator('textarea[name=text]').fill('Жеке көмекші қызметі қазан айынан бері көрсетілмейді.');
    await page.locator('textarea[name=demands]').fill('Қызметті қалпына келтіру');
    await expect(page.getByTestId('deadline-preview')).toContainText('24.11.2026');
    await expect(page.getByTestId('deadline-preview')).toContainText('26.11.2026');
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    await expect(page.getByText('Шағым тіркелді: ARAL01-2026-00001')).toBeVisible();
    await expect(page.getByTestId('deadlines')).toContainText('24.11.2026');
    await expect(page.getByTestId('deadlines')).toContainText('26.11.2026');
  });

  test("the register's period filter takes DD.MM.YYYY and shows the complaints registered in it", async ({ page }) => {
    await page.clock.setFixedTime(TEST_NOW);
    await setUpOffice(page, 'ARAL01');
    const data = await seedRegister(page, 20261120, { persons: 40, complaints: 50 });
    const days = data.complaints.map((c) => c.registrationDate).sort();
    const from = days[10] ?? '';
    const to = days[30] ?? '';
    const inside = data.complaints.filter((c) => c.registrationDate >= from && c.registrationDate <= to).length;
    const sinceFrom = data.complaints.filter((c) => c.registrationDate >= from).length;
    expect(inside).toBeLessThan(50);

    await page.goto('/#/complaints');
    await expect(page.getByTestId('register-total')).toHaveText('Барлығы: 50');
    const fromField = page.locator('input[name=from]');
    await expect(fromField).toHaveAttribute('placeholder', 'ДД.ММ.ЖЖЖЖ');
    await typeDate(fromField, dotted(from));
    await expect(page.getByTestId('register-total')).toHaveText(`Барлығы: ${sinceFrom}`);
    await typeDate(page.locator('input[name=to]'), dotted(to));
    await expect(page.getByTestId('register-total')).toHaveText(`Барлығы: ${inside}`);
    // Emptying the end of the period lifts it.
    await page.locator('input[name=to]').clear();
    await expect(page.getByTestId('register-total')).toHaveText(`Барлығы: ${sinceFrom}`);
  });

  test('the report period typed DD.MM.YYYY counts the complaints received in it', async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.setFixedTime(TEST_NOW);
    await setUpOffice(page, 'ARAL01');
    const data = await seedRegister(page, 17, { persons: 20, complaints: 60 });
    const received = data.complaints.filter((c) => c.receiptDate >= '2026-10-01' && c.receiptDate <= '2026-10-31').length;
    expect(received).toBeGreaterThan(0);

    await page.goto('/#/reports');
    await page.getByRole('radio', { name: 'Кез келген аралық' }).check();
    const from = page.locator('input[name=from]');
    await expect(from).toHaveAttribute('type', 'text');
    await typeDate(from, '01.10.2026');
    await typeDate(page.locator('input[name=to]'), '31.10.2026');
    await page.getByTestId('report-show').click();
    await expect(page.getByTestId('report-period')).toContainText('01.10.2026');
    await expect(page.getByTestId('report-period')).toContainText('31.10.2026');
    await expect(page.getByTestId('figure-complaints.received')).toHaveText(String(received));
  });
});
