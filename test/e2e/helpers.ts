import { expect, type Page } from '@playwright/test';

export interface PersonFixture {
  iin: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  address: string;
  phone?: string;
  group: 'I' | 'II' | 'III' | 'child' | 'none';
}

/** Valid IINs computed with the check-digit algorithm of the domain guide §3. */
export const PEOPLE = {
  aliya: {
    iin: '921103405676',
    lastName: 'Сейтқали',
    firstName: 'Әлия',
    middleName: 'Нұрланқызы',
    address: 'Қызылорда қ., Әйтеке би к-сі, 12',
    phone: '+7 701 234 56 78',
    group: 'II',
  },
  boris: {
    iin: '850412300125',
    lastName: 'Ким',
    firstName: 'Борис',
    middleName: 'Александрович',
    address: 'Арал қ., Абай к-сі, 5',
    group: 'I',
  },
} satisfies Record<string, PersonFixture>;

/** The administrator made at first run; the setup leaves "also head of the department" ticked. */
export const ADMIN = { login: 'zhanar', password: 'Qamqor-2026!' };

export async function signIn(page: Page, login = ADMIN.login, password = ADMIN.password): Promise<void> {
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: 'Кіру', exact: true }).click();
}

export async function setUpOffice(page: Page, code = 'KZL05'): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Кеңсе профилі' })).toBeVisible();
  await page.locator('select[name=region]').selectOption('kyzylorda');
  await page.locator('input[name=district]').fill('Арал ауданы');
  await page.locator('input[name=officeCode]').fill(code);
  await page.locator('input[name=officeName]').fill('Арал ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі');
  await page.locator('input[name=officerName]').fill('Жанар Омарова');
  await page.locator('input[name=login]').fill(ADMIN.login);
  await page.locator('input[name=password]').fill(ADMIN.password);
  await page.locator('input[name=passwordRepeat]').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Профильді сақтау және бастау' }).click();
  await expect(page.getByRole('heading', { name: 'Басты бет' })).toBeVisible();
}

export async function fillPerson(page: Page, p: PersonFixture): Promise<void> {
  await page.locator('input[name=iin]').fill(p.iin);
  await page.locator('input[name=lastName]').fill(p.lastName);
  await page.locator('input[name=firstName]').fill(p.firstName);
  await page.locator('input[name=middleName]').fill(p.middleName ?? '');
  await page.locator('input[name=address]').fill(p.address);
  await page.locator('input[name=phone]').fill(p.phone ?? '');
  await page.locator('select[name=disabilityGroup]').selectOption(p.group);
}

export async function addPerson(page: Page, p: PersonFixture): Promise<void> {
  await page.goto('/#/persons/new');
  await fillPerson(page, p);
  await page.getByRole('button', { name: 'Сақтау' }).click();
  await expect(page.getByRole('heading', { name: `${p.lastName} ${p.firstName}` })).toBeVisible();
}

/**
 * Fills the open complaint form with Aliya's complaint of 19 Nov 2026 about her personal assistant
 * (received and registered the same day); `inCase` files it in her first case.
 */
export async function fillAliyasComplaint(page: Page, options: { inCase?: boolean } = {}): Promise<void> {
  await page.locator('input[name=receiptDate]').fill('2026-11-19');
  await page.locator('input[name=registrationDate]').fill('2026-11-19');
  await page.getByLabel('Шағым берушінің ЖСН-ы немесе аты-жөні').fill('Сейт');
  await page.getByRole('button', { name: 'Таңдау' }).click();
  await expect(page.getByTestId('complainant-selected')).toContainText('921103405676');
  if (options.inCase) await page.locator('select[name=caseId]').selectOption({ index: 1 });
  await page.locator('select[name=serviceId]').selectOption('personal-assistant');
  await page.locator('select[name=contested]').selectOption('inaction');
  await page.locator('textarea[name=text]').fill('Жеке көмекші қызметі қазан айынан бері көрсетілмейді.');
  await page.locator('textarea[name=demands]').fill('Қызметті қалпына келтіру');
}

/**
 * Aliya, her case and a complaint in it, registered through the forms as an officer would (bundles,
 * backups and conflicts all start from it). `code` is the office code the numbers carry; `scan` adds
 * an attached PDF to the complaint.
 */
export async function registerCaseAndComplaint(page: Page, code: string, options: { scan?: boolean } = {}): Promise<void> {
  await addPerson(page, PEOPLE.aliya);
  await page.locator('input[name=subject]').fill('Кресло-арба беру');
  await page.locator('input[name=registrationDate]').fill('2026-11-19');
  await page.getByRole('button', { name: 'Іс ашу' }).click();
  await expect(page.getByText(`Іс ашылды: ${code}-C2026-00001`)).toBeVisible();

  await page.goto('/#/complaints/new');
  await fillAliyasComplaint(page, { inCase: true });
  if (options.scan)
    await page.locator('input[name=attachments]').setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% scan of the complaint\n'.repeat(50)),
    });
  await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
  await expect(page.getByText(`Шағым тіркелді: ${code}-2026-00001`)).toBeVisible();
}

/** Opens a bundle file on the import page (the preview follows). */
export async function openBundle(page: Page, path: string): Promise<void> {
  await page.goto('/#/bundles/import');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Пакет файлын ашу' }).first().click();
  await (await chooser).setFiles(path);
}
