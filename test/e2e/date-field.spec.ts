/**
 * Issue 16 point 6: dates in the officer's language whatever the browser's locale. The page runs with
 * an English (US) browser locale: the date field still shows DD.MM.YYYY, takes typed DD.MM.YYYY, and its
 * calendar names months and weekdays in Kazakh or Russian; it works by keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addPerson, PEOPLE, setUpOffice } from './helpers';
import { TEST_NOW } from './seed';

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
