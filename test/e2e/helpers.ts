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
