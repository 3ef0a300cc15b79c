import { expect, test } from '@playwright/test';
import { ADMIN, addPerson, PEOPLE, setUpOffice, signIn } from './helpers';
import { TEST_NOW } from './seed';

test.describe('officers, sign-in and roles', () => {
  test('sign out, a wrong password is refused, the right one lets the officer in', async ({ page }) => {
    await setUpOffice(page);
    await expect(page.getByTestId('signed-in-officer')).toContainText('Жанар Омарова');
    await expect(page.getByTestId('signed-in-officer')).toContainText('Әкімші, Басшы');
    await page.getByRole('button', { name: 'Шығу' }).click();
    await expect(page.getByRole('heading', { name: 'Жүйеге кіру' })).toBeVisible();
    await signIn(page, ADMIN.login, 'wrong-password');
    await expect(page.getByText('Кіру аты немесе құпиясөз қате')).toBeVisible();
    await signIn(page, 'nobody', ADMIN.password);
    await expect(page.getByText('Кіру аты немесе құпиясөз қате')).toBeVisible();
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'Басты бет' })).toBeVisible();
    // Signed out, a reload shows the sign-in again, not the app.
    await page.getByRole('button', { name: 'Шығу' }).click();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Жүйеге кіру' })).toBeVisible();
  });

  test('the app locks after 15 minutes without input', async ({ page }) => {
    await page.clock.install({ time: TEST_NOW });
    await setUpOffice(page);
    await page.clock.runFor('14:00');
    await expect(page.getByRole('heading', { name: 'Басты бет' })).toBeVisible();
    await page.clock.runFor('02:00');
    await expect(page.getByRole('heading', { name: 'Жұмыс орны құлыпталды' })).toBeVisible();
    // Locked by the timeout, not by hand, and nothing was being typed (issue 16 point 7).
    await expect(page.getByTestId('lock-reason')).toHaveText(
      'Ұзақ уақыт әрекет болмағандықтан қолданба құлыпталды. Жалғастыру үшін құпиясөзді енгізіңіз.',
    );
    await expect(page.locator('input[name=login]')).toHaveValue(ADMIN.login);
    await page.locator('input[name=password]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Кіру', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Басты бет' })).toBeVisible();
  });

  test('an administrator adds a registrar, who cannot record decisions or edit the calendar', async ({ page }) => {
    await page.clock.setFixedTime(TEST_NOW);
    await setUpOffice(page);
    await addPerson(page, PEOPLE.aliya);
    await page.goto('/#/settings');
    const add = page.getByRole('form', { name: 'Тіркелгі қосу' });
    await add.locator('input[name=newLogin]').fill('a.bekuly');
    await add.locator('input[name=newFullName]').fill('Асқар Бекұлы');
    await add.locator('input[name=newPassword]').fill('Registrar-1');
    await add.locator('input[name=newPasswordRepeat]').fill('Registrar-2');
    await add.getByRole('button', { name: 'Тіркелгі қосу' }).click();
    await expect(add.getByText('Құпиясөздер сәйкес келмейді')).toBeVisible();
    await add.locator('input[name=newPasswordRepeat]').fill('Registrar-1');
    await add.getByRole('button', { name: 'Тіркелгі қосу' }).click();
    await expect(page.getByText('a.bekuly тіркелгісі жасалды')).toBeVisible();
    await expect(page.getByTestId('officers-table')).toContainText('Тіркеуші');

    await page.getByRole('button', { name: 'Шығу' }).click();
    await signIn(page, 'a.bekuly', 'Registrar-1');
    await expect(page.getByTestId('signed-in-officer')).toContainText('Асқар Бекұлы');

    // A registrar registers complaints but sees no decision step.
    await page.goto('/#/complaints/new');
    await page.getByLabel('Шағым берушінің ЖСН-ы немесе аты-жөні').fill('Сейт');
    await page.getByRole('button', { name: 'Таңдау' }).click();
    await page.locator('select[name=serviceId]').selectOption('personal-assistant');
    await page.locator('textarea[name=text]').fill('Жеке көмекші қызметі көрсетілмейді.');
    await page.locator('textarea[name=demands]').fill('Қызметті қалпына келтіру');
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    await expect(page.getByText(/Шағым тіркелді/u)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Қарауға алу' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Шешім енгізу' })).toHaveCount(0);

    await page.goto('/#/settings');
    await expect(page.getByText('Өзгертуді тек әкімші жасай алады')).toBeVisible();
    await expect(page.getByRole('form', { name: 'Тіркелгі қосу' })).toHaveCount(0);
  });
});
