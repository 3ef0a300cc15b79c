import { expect, test, type Page } from '@playwright/test';
import { ADMIN, setUpOffice, signIn } from './helpers';

/** Issue 19: roles on every screen, and a sign-in that resists guessing. */
const REGISTRAR = { login: 'a.bekuly', password: 'Registrar-2026' };

async function addRegistrar(page: Page): Promise<void> {
  await page.goto('/#/settings');
  await page.locator('input[name=newLogin]').fill(REGISTRAR.login);
  await page.locator('input[name=newFullName]').fill('Асқар Бекұлы');
  await page.locator('input[name=newPassword]').fill(REGISTRAR.password);
  await page.locator('input[name=newPasswordRepeat]').fill(REGISTRAR.password);
  await page.getByRole('button', { name: 'Тіркелгі қосу' }).click();
  await expect(page.getByTestId('officers-table')).toContainText(REGISTRAR.login);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Шығу', exact: true }).click();
  // App.tsx decides "no administrator yet" once per page load: reloaded so the sign-in form shows
  // (reported to the lead: after setting up the office, signing out shows the administrator setup).
  await page.reload();
  await expect(page.locator('input[name=login]')).toBeVisible();
}

test('a registrar sees neither the audit trail nor bundles; five wrong passwords make the account wait, also after a reload; the administrator sees the failures', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await setUpOffice(page);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Аудит журналы' })).toBeVisible();
  await addRegistrar(page);
  await signOut(page);

  await signIn(page, REGISTRAR.login, REGISTRAR.password);
  await expect(page.getByTestId('signed-in-officer')).toContainText('Асқар Бекұлы');
  await expect(nav.getByRole('link', { name: 'Шағымдар' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Аудит журналы' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Іс пакеттері' })).toHaveCount(0);
  // A typed address does not open the page either.
  await page.goto('/#/audit');
  await expect(page.getByTestId('screen-forbidden')).toBeVisible();
  await expect(page.getByTestId('audit-verify')).toHaveCount(0);
  await page.goto('/#/bundles/export');
  await expect(page.getByTestId('screen-forbidden')).toBeVisible();
  await signOut(page);

  for (let i = 1; i <= 4; i++) {
    await signIn(page, REGISTRAR.login, `wrong-${i}-password`);
    await expect(page.getByTestId('sign-in-error')).toContainText('Кіру аты немесе құпиясөз қате');
  }
  await signIn(page, REGISTRAR.login, 'wrong-5-password');
  await expect(page.getByTestId('sign-in-error')).toContainText('Қате кіру әрекеттері тым көп');
  await expect(page.getByTestId('sign-in-error')).toContainText('секундтан кейін');
  // The right password waits too, and so it does after a reload (the wait is in IndexedDB).
  await page.reload();
  await signIn(page, REGISTRAR.login, REGISTRAR.password);
  await expect(page.getByTestId('sign-in-error')).toContainText('Қате кіру әрекеттері тым көп');
  await expect(page.getByTestId('signed-in-officer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('Слишком много неудачных попыток входа');

  await page.getByRole('button', { name: 'Қазақша' }).click();
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.goto('/#/settings');
  const row = page.getByTestId('sign-in-failures').locator(`tr[data-login="${REGISTRAR.login}"]`);
  await expect(row.locator('td').nth(1)).toHaveText('5');
  await page.goto(`/#/audit?action=lock`);
  await expect(page.getByTestId('audit-trail').locator('tbody tr')).toHaveCount(1);
  await page.goto(`/#/audit?action=sign-in-failed`);
  await expect(page.getByTestId('audit-trail').locator('tbody tr')).toHaveCount(6);
});
