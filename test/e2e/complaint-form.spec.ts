import { expect, test, type Page } from '@playwright/test';
import { addPerson, PEOPLE, setUpOffice, signIn } from './helpers';
import { TEST_NOW } from './seed';

/** Issue 16 points 1, 2, 4 on the complaint registration form. */

const TEXT = 'Жеке көмекші қызметі қазан айынан бері көрсетілмейді, өтінішіме жауап берілмеді.';

async function start(page: Page): Promise<void> {
  // "Today" is 20 Nov 2026 for the page, so a date in December is in the future.
  await page.clock.setFixedTime(TEST_NOW);
  await setUpOffice(page, 'ARAL01');
  await addPerson(page, PEOPLE.aliya);
}

/** The officer's stored draft of the new-complaint form, read from IndexedDB (core/drafts: settings `draft/complaint/new`). */
function storedDraftText(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('qamqor');
        open.onerror = () => reject(new Error('open'));
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('draft/complaint/new');
          get.onerror = () => reject(new Error('get'));
          get.onsuccess = () => {
            const row = get.result as { value?: { values?: { form?: { text?: string } } } } | undefined;
            open.result.close();
            resolve(row?.value?.values?.form?.text ?? null);
          };
        };
      }),
  );
}

test.describe('complaint form', () => {
  test('typed text is kept as a draft and offered back after a reload; leaving asks first', async ({ page }) => {
    await start(page);
    await page.goto('/#/complaints/new');
    await page.locator('textarea[name=text]').fill(TEXT);
    await expect.poll(() => storedDraftText(page)).toBe(TEXT);

    await page.reload();
    const offer = page.getByTestId('draft-offer');
    await expect(offer).toBeVisible();
    await expect(page.locator('textarea[name=text]')).toHaveValue('');
    await offer.getByRole('button', { name: 'Жобаны қалпына келтіру' }).click();
    await expect(offer).toHaveCount(0);
    await expect(page.locator('textarea[name=text]')).toHaveValue(TEXT);

    // Leaving by the menu asks; dismissing keeps the officer on the form with the text.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('link', { name: 'Шағымдар', exact: true }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('сақталмаған');
    await expect(page.locator('textarea[name=text]')).toHaveValue(TEXT);
    await expect(page).toHaveURL(/#\/complaints\/new$/u);

    // Accepting leaves; the draft stays and is offered again on return.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('link', { name: 'Шағымдар', exact: true }).click();
    await expect(page).not.toHaveURL(/#\/complaints\/new$/u);
    await page.goto('/#/complaints/new');
    await expect(page.getByTestId('draft-offer')).toBeVisible();
    await page.getByRole('button', { name: 'Жобадан бас тарту' }).click();
    await expect(page.getByTestId('draft-offer')).toHaveCount(0);
    await expect.poll(() => storedDraftText(page)).toBeNull();
  });

  test('a future date is refused with its message, focus goes to it, and no number is taken', async ({ page }) => {
    await start(page);
    await page.goto('/#/complaints/new');
    await page.getByLabel('Шағым берушінің ЖСН-ы немесе аты-жөні').fill('Сейт');
    await page.getByRole('button', { name: 'Таңдау' }).click();
    await page.locator('select[name=serviceId]').selectOption('personal-assistant');
    await page.locator('textarea[name=text]').fill(TEXT);
    await page.locator('textarea[name=demands]').fill('Қызметті қалпына келтіру');
    await page.locator('input[name=receiptDate]').fill('2027-06-30');
    await page.locator('input[name=registrationDate]').fill('2027-06-30');
    await expect(page.getByText('Бұл күн әлі келген жоқ', { exact: false })).toHaveCount(2);

    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    await expect(page.locator('input[name=receiptDate]')).toBeFocused();
    await expect(page).toHaveURL(/#\/complaints\/new$/u);

    // Registration before receipt says so; corrected dates register.
    await page.locator('input[name=receiptDate]').fill('2026-11-19');
    await page.locator('input[name=registrationDate]').fill('2026-11-18');
    await expect(page.getByText('Шағым түспей тұрып тіркелмейді', { exact: false })).toBeVisible();
    await page.locator('input[name=registrationDate]').fill('2026-11-19');
    await expect(page.getByText('Бұл күн әлі келген жоқ', { exact: false })).toHaveCount(0);
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    await expect(page.getByText('Шағым тіркелді: ARAL01-2026-00001')).toBeVisible();
  });

  test('"accepted by" is the signed-in officer; the reviewer is chosen from accounts that may review', async ({ page }) => {
    // Two accounts' passwords are hashed and checked (600,000 PBKDF2 rounds each) on a shared machine.
    test.setTimeout(180_000);
    await start(page);
    await page.goto('/#/settings');
    const add = page.getByRole('form', { name: 'Тіркелгі қосу' });
    await add.locator('input[name=newLogin]').fill('a.bekuly');
    await add.locator('input[name=newFullName]').fill('Асқар Бекұлы');
    await add.locator('input[name=newPassword]').fill('Registrar-1');
    await add.locator('input[name=newPasswordRepeat]').fill('Registrar-1');
    await add.getByRole('button', { name: 'Тіркелгі қосу' }).click();
    await expect(page.getByText('a.bekuly тіркелгісі жасалды')).toBeVisible();
    await page.getByRole('button', { name: 'Шығу' }).click();
    await signIn(page, 'a.bekuly', 'Registrar-1');
    await expect(page.getByTestId('signed-in-officer')).toContainText('Асқар Бекұлы');

    await page.goto('/#/complaints/new');
    await expect(page.locator('input[name=acceptedBy]')).toHaveValue('Асқар Бекұлы');
    await page.locator('input[name=receiptDate]').fill('2026-11-19');
    await page.locator('input[name=registrationDate]').fill('2026-11-19');
    await page.getByLabel('Шағым берушінің ЖСН-ы немесе аты-жөні').fill('Сейт');
    await page.getByRole('button', { name: 'Таңдау' }).click();
    await page.locator('select[name=serviceId]').selectOption('personal-assistant');
    await page.locator('textarea[name=text]').fill(TEXT);
    await page.locator('textarea[name=demands]').fill('Қызметті қалпына келтіру');
    await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
    await expect(page.getByText('Шағым тіркелді: ARAL01-2026-00001')).toBeVisible();

    // A registrar may start the review but is not a reviewer: the administrator-head is offered, not free text.
    await page.getByRole('button', { name: 'Қарауға алу', exact: true }).click();
    const form = page.getByRole('form', { name: 'Қарауға алу' });
    const reviewer = form.locator('select[name=reviewer]');
    await expect(reviewer).toHaveValue('');
    await expect(reviewer.locator('option')).toHaveText(['Таңдаңыз…', 'Жанар Омарова']);
    await form.getByRole('button', { name: 'Орындау: Қарауға алу' }).click();
    await expect(reviewer).toBeFocused();
    await reviewer.selectOption('Жанар Омарова');
    await form.getByRole('button', { name: 'Орындау: Қарауға алу' }).click();
    await expect(page.getByTestId('complaint-status')).toHaveText('Қаралуда');
  });
});
