import { expect, test } from '@playwright/test';
import { addPerson, fillPerson, PEOPLE, setUpOffice } from './helpers';

test.describe('persons and cases', () => {
  test('first-run setup, add a person, and the person survives a reload', async ({ page }) => {
    await setUpOffice(page);
    await page.getByRole('link', { name: 'Тұлғалар мен істер' }).click();
    await expect(page.getByText('Тізілімде әлі тұлға жоқ')).toBeVisible();

    await page.getByRole('link', { name: 'Тұлға қосу' }).click();
    await fillPerson(page, PEOPLE.aliya);
    // Birth date and sex come from the IIN, shown while typing.
    await expect(page.getByText('Туған күні: 03.11.1992, жынысы: әйел')).toBeVisible();
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await expect(page.getByRole('heading', { name: 'Сейтқали Әлия Нұрланқызы' })).toBeVisible();
    const facts = page.getByTestId('person-facts');
    await expect(facts).toContainText('921103405676');
    await expect(facts).toContainText('03.11.1992');
    await expect(facts).toContainText('+77012345678');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Сейтқали Әлия Нұрланқызы' })).toBeVisible();

    // A new page in the same context reads the same IndexedDB from scratch.
    const again = await page.context().newPage();
    await again.goto('/#/persons');
    const table = again.getByTestId('persons-table');
    await expect(table).toContainText('921103405676');
    await expect(table).toContainText('Сейтқали Әлия Нұрланқызы');
    await again.close();
  });

  test('search by IIN, by name and by case number; open a case with the office prefix', async ({ page }) => {
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.aliya);
    await addPerson(page, PEOPLE.boris);

    await page.locator('input[name=subject]').fill('Кресло-арба беру');
    await page.locator('input[name=registrationDate]').fill('2026-03-02');
    await page.getByRole('button', { name: 'Іс ашу' }).click();
    await expect(page.getByText('Іс ашылды: ARAL01-C2026-00001')).toBeVisible();
    await expect(page.getByTestId('cases-table')).toContainText('ARAL01-C2026-00001');
    // The message on screen follows a language switch (it was kept as Kazakh text before).
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.getByText('Дело открыто: ARAL01-C2026-00001')).toBeVisible();
    await page.getByRole('button', { name: 'Қазақша' }).click();

    await page.goto('/#/persons');
    const search = page.getByLabel('ЖСН, аты-жөні немесе іс нөмірі бойынша іздеу');
    const table = page.getByTestId('persons-table');
    await search.fill('8504');
    await expect(table).toContainText('Ким Борис');
    await expect(table).not.toContainText('Сейтқали');
    await search.fill('сейт әли');
    await expect(table).toContainText('Сейтқали Әлия');
    await expect(table).not.toContainText('Ким');
    await search.fill('ARAL01-C2026');
    await expect(page.getByRole('link', { name: /ARAL01-C2026-00001/ })).toBeVisible();
    await search.fill('Жоқадам');
    await expect(page.getByText('«Жоқадам» бойынша ештеңе табылмады.')).toBeVisible();
  });

  test('an invalid IIN shows a clear message and saves nothing; a duplicate IIN is refused with a link', async ({ page }) => {
    await setUpOffice(page);
    await page.goto('/#/persons/new');
    await fillPerson(page, { ...PEOPLE.boris, iin: '850412300126' });
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await expect(page.getByText('ЖСН бақылау цифры сәйкес келмейді')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Жаңа тұлға' })).toBeVisible();

    await page.locator('input[name=iin]').fill('850230300126');
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await expect(page.getByText('ЖСН-ның алғашқы 6 цифры нақты туған күнді бермейді')).toBeVisible();
    // Issue 16 point 7: the message goes as soon as the IIN is corrected, before the next save.
    await page.locator('input[name=iin]').fill(PEOPLE.boris.iin);
    await expect(page.getByText('ЖСН-ның алғашқы 6 цифры нақты туған күнді бермейді')).toHaveCount(0);
    await expect(page.locator('input[name=iin]')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Туған күні: 12.04.1985')).toBeVisible();

    await page.goto('/#/');
    await expect(page.getByTestId('count-persons')).toHaveText('0');

    await addPerson(page, PEOPLE.boris);
    await page.goto('/#/persons/new');
    await fillPerson(page, { ...PEOPLE.aliya, iin: PEOPLE.boris.iin });
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await expect(page.getByText(`ЖСН ${PEOPLE.boris.iin} бар тұлға тізілімде бұрыннан бар`)).toBeVisible();
    await page.getByRole('link', { name: 'Бар тұлғаны ашу' }).click();
    await expect(page.getByRole('heading', { name: 'Ким Борис' })).toBeVisible();
    await page.goto('/#/');
    await expect(page.getByTestId('count-persons')).toHaveText('1');
  });

  test('switch to Russian, remembered across a reload, and back to Kazakh', async ({ page }) => {
    await setUpOffice(page);
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.getByRole('heading', { name: 'Главная' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Лица и дела' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Главная' })).toBeVisible();
    await page.goto('/#/persons/new');
    await page.locator('input[name=iin]').fill('12345');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByText('ИИН должен состоять ровно из 12 цифр')).toBeVisible();
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await expect(page.getByText('ЖСН тура 12 цифрдан тұруы керек')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  });

  test('the persons page in Kazakh (screenshot for the README)', async ({ page }) => {
    await setUpOffice(page);
    await addPerson(page, PEOPLE.aliya);
    await addPerson(page, PEOPLE.boris);
    await page.goto('/#/persons');
    await expect(page.getByTestId('persons-table').locator('tbody tr')).toHaveCount(2);
    const path = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots/persons-kk.png' : test.info().outputPath('persons-kk.png');
    await page.screenshot({ path, fullPage: true });
  });
});
