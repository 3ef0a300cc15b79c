import { expect, test, type Page } from '@playwright/test';
import { addPerson, ADMIN, PEOPLE, setUpOffice, signIn } from './helpers';

/**
 * Issue 16 point 1, one test per case of its first paragraph: nothing typed is lost (sign-off, saving another form
 * of the page, leaving by the menu, signing out, the lock), and point 2: an impossible date is refused with a
 * message that says what is wrong.
 */

/** Office time in Kyzylorda (the Playwright config runs the browser in Asia/Almaty). */
const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+05:00`);

const REASONS = 'Отбасының орташа табысы шектен асады: жазылып жатқан себеп';

/** An office, Aliya's case and a social-assistance application with a preliminary refusal of 16.03.2026. */
async function applicationWithPreliminary(page: Page): Promise<void> {
  await setUpOffice(page, 'ARAL01');
  await addPerson(page, PEOPLE.aliya);
  await page.locator('input[name=subject]').fill('Әлеуметтік көмек тағайындау');
  await page.locator('input[name=registrationDate]').fill('2026-03-02');
  await page.getByRole('button', { name: 'Іс ашу' }).click();
  await expect(page.getByText('Іс ашылды: ARAL01-C2026-00001')).toBeVisible();
  await page.getByTestId('cases-table').getByRole('link', { name: 'Тыңдаулар' }).click();
  await page.locator('select[name=service]').selectOption('social-assistance');
  await page.locator('input[name=registrationDate]').fill('2026-03-04');
  await page.locator('input[name=plannedDecisionDate]').fill('2026-03-27');
  await page.getByRole('button', { name: 'Өтінішті тіркеу' }).click();
  await page.locator('input[name=preliminaryDate]').fill('2026-03-16');
  await page.locator('textarea[name=grounds]').fill('Отбасының жан басына шаққандағы орташа табысы шектен асады');
  await page.getByRole('button', { name: 'Алдын ала теріс шешімді тіркеу' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('Алдын ала теріс шешім');
}

/** The hearing of 20.03.2026, scheduled on 16.03 and noticed in person on 18.03. */
async function scheduleAndNotice(page: Page): Promise<void> {
  await page.locator('input[name=hearingDate]').fill('2026-03-20');
  await page.locator('input[name=place]').fill('WhatsApp бейнебайланыс');
  await page.getByRole('button', { name: 'Тыңдауды белгілеу' }).click();
  await expect(page.getByTestId('hearing-card')).toContainText('20.03.2026 10:00');
  await page.clock.setFixedTime(at('2026-03-20'));
  await page.locator('input[name=noticeSentOn]').fill('2026-03-18');
  await page.locator('select[name=noticeChannel]').selectOption('in-person');
  await page.getByRole('button', { name: 'Хабарламаны тіркеу' }).click();
  await expect(page.getByTestId('notice-card')).toContainText('18.03.2026');
}

/** Held on 20.03.2026 with an oral objection; the minutes drafted and saved (not signed). */
async function minutesDraft(page: Page): Promise<void> {
  await page.clock.setFixedTime(at('2026-03-16'));
  await applicationWithPreliminary(page);
  await scheduleAndNotice(page);
  await page.getByRole('button', { name: 'Тыңдау өтті' }).click();
  await expect(page.getByTestId('hearing-status')).toHaveText('Өтті');
  await page.locator('select[name=objectionKind]').selectOption('oral');
  await page.locator('input[name=objectionDate]').fill('2026-03-20');
  await page.locator('textarea[name=objectionSummary]').fill('Табыс туралы анықтама ескірген');
  await page.getByRole('button', { name: 'Қарсылықты тіркеу' }).click();
  await page.getByRole('link', { name: 'Хаттама жасау' }).click();
  // "Conducted by" is the signed-in officer, chosen from the accounts that may conduct (issue 16 point 4).
  await expect(page.locator('select[name=official]')).toHaveValue('Жанар Омарова');
  await page.locator('input[name=endTime]').fill('10:40');
  await page.locator('input[name=secretary]').fill('Айгүл Бекова');
  await page.locator('textarea[name=statements]').fill('Алдын ала шешіммен келіспеймін.');
  await page.getByRole('button', { name: 'Хаттама жасау' }).click();
  await expect(page.getByText('Бұл жоба.')).toBeVisible();
}

test.describe('nothing typed is lost (issue 16 point 1)', () => {
  // An office set up (PBKDF2 on a shared 2-core machine) and a hearing walked to its minutes: a larger time budget.
  test.describe.configure({ timeout: 180_000 });

  test('sign-off with unsaved edits names them and signs exactly what is on screen', async ({ page }) => {
    await minutesDraft(page);
    await page.locator('textarea[name=statements]').fill('Алдын ала шешіммен келіспеймін. Экрандағы, сақталмаған сөйлем.');
    await page.locator('input[name=signOffDate]').fill('2026-03-20');
    const asked = page.waitForEvent('dialog');
    const signing = page.getByRole('button', { name: 'Хаттамаға қол қою' }).click();
    const dialog = await asked;
    expect(dialog.message()).toContain('сақталмаған өзгерістер бар');
    await dialog.accept();
    await signing;
    await expect(page.getByText('Хаттамаға 20.03.2026 қол қойылды (Жанар Омарова)')).toBeVisible();
    await expect(page.getByTestId('minutes-view')).toContainText('Экрандағы, сақталмаған сөйлем.');
  });

  test('on the application page, saving the hearing keeps the typed decision reasons', async ({ page }) => {
    await page.clock.setFixedTime(at('2026-03-16'));
    await applicationWithPreliminary(page);
    await page.locator('textarea[name=reasons]').fill(REASONS);
    await page.locator('input[name=hearingDate]').fill('2026-03-20');
    await page.locator('input[name=place]').fill('WhatsApp бейнебайланыс');
    await page.getByRole('button', { name: 'Тыңдауды белгілеу' }).click();
    await expect(page.getByTestId('hearing-card')).toContainText('20.03.2026 10:00');
    await expect(page.locator('textarea[name=reasons]')).toHaveValue(REASONS);
  });

  test('on signed minutes, adding an addendum keeps a typed remark and its date', async ({ page }) => {
    await minutesDraft(page);
    await page.locator('input[name=signOffDate]').fill('2026-03-20');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Хаттамаға қол қою' }).click();
    await expect(page.getByTestId('minutes-view')).toBeVisible();
    await page.locator('input[name=readDate]').fill('2026-03-20');
    await page.getByRole('button', { name: 'Танысуды тіркеу' }).click();
    await expect(page.getByTestId('minutes-remarks')).toContainText('20.03.2026 – 30.03.2026');
    await page.locator('input[name=remarkDate]').fill('2026-03-19');
    await page.locator('textarea[name=remarkText]').fill('Жазылып жатқан ескерту');
    await page.locator('input[name=addendumDate]').fill('2026-03-20');
    await page.locator('textarea[name=addendumText]').fill('Аяқталу уақыты 10:45 деп оқылсын.');
    await page.getByRole('button', { name: 'Толықтыру қосу' }).click();
    await expect(page.getByTestId('minutes-addenda')).toContainText('Аяқталу уақыты 10:45 деп оқылсын.');
    await expect(page.locator('textarea[name=addendumText]')).toHaveValue('');
    await expect(page.locator('textarea[name=remarkText]')).toHaveValue('Жазылып жатқан ескерту');
    await expect(page.locator('input[name=remarkDate]')).toHaveValue('2026-03-19');
  });

  test('leaving the page by the menu with unsaved text warns; the text comes back as a draft', async ({ page }) => {
    await page.clock.setFixedTime(at('2026-03-16'));
    await applicationWithPreliminary(page);
    const application = page.url();
    await page.locator('textarea[name=reasons]').fill(REASONS);
    const menu = page.getByRole('navigation').getByRole('link', { name: 'Басты бет' });

    // Stay: the page and the text remain.
    let message = '';
    page.once('dialog', (d) => {
      message = d.message();
      void d.dismiss();
    });
    await menu.click();
    await expect.poll(() => message).toContain('Беттен кетесіз бе?');
    expect(message).toContain('жоба ретінде сақталады');
    await expect(page.locator('textarea[name=reasons]')).toHaveValue(REASONS);
    expect(page.url()).toBe(application);

    // Leave: back on the application, the draft is offered and restored.
    page.once('dialog', (d) => void d.accept());
    await menu.click();
    await expect(page.getByRole('heading', { name: 'Басты бет' })).toBeVisible();
    await page.goto(application);
    await expect(page.getByTestId('draft-offer')).toBeVisible();
    await expect(page.locator('textarea[name=reasons]')).toHaveValue('');
    await page.getByRole('button', { name: 'Жобаны қалпына келтіру' }).click();
    await expect(page.locator('textarea[name=reasons]')).toHaveValue(REASONS);
  });

  test('signing out and the lock ask first; after the lock "by you" the draft is offered back', async ({ page }) => {
    await page.clock.setFixedTime(at('2026-03-16'));
    await applicationWithPreliminary(page);
    await page.locator('textarea[name=reasons]').fill(REASONS);

    let message = '';
    const dismiss = (d: { message(): string; dismiss(): Promise<void> }) => {
      message = d.message();
      void d.dismiss();
    };
    page.once('dialog', dismiss);
    await page.getByRole('button', { name: 'Шығу' }).click();
    await expect.poll(() => message).toContain('Жүйеден шығасыз ба?');
    await expect(page.locator('textarea[name=reasons]')).toHaveValue(REASONS);

    message = '';
    page.once('dialog', dismiss);
    await page.getByRole('button', { name: 'Құлыптау' }).click();
    await expect.poll(() => message).toContain('Бағдарламаны құлыптайсыз ба?');
    await expect(page.locator('textarea[name=reasons]')).toHaveValue(REASONS);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Құлыптау' }).click();
    await expect(page.getByRole('heading', { name: 'Жұмыс орны құлыпталды' })).toBeVisible();
    await expect(page.getByTestId('lock-reason')).toHaveText('Жұмыс орнын өзіңіз құлыптадыңыз. Жалғастыру үшін құпиясөзді енгізіңіз.');
    await expect(page.locator('input[name=login]')).toHaveValue(ADMIN.login);
    await page.locator('input[name=password]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Кіру', exact: true }).click();
    await expect(page.getByTestId('draft-offer')).toBeVisible();
    await page.getByRole('button', { name: 'Жобаны қалпына келтіру' }).click();
    await expect(page.locator('textarea[name=reasons]')).toHaveValue(REASONS);
  });

  test('the inactivity lock keeps the draft, says so, and the form offers it back after signing in', async ({ page }) => {
    await page.clock.install({ time: at('2026-03-16') });
    await applicationWithPreliminary(page);
    await page.locator('textarea[name=reasons]').fill(REASONS);
    await page.clock.runFor('16:00');
    await expect(page.getByRole('heading', { name: 'Жұмыс орны құлыпталды' })).toBeVisible();
    const reason = page.getByTestId('lock-reason');
    await expect(reason).toContainText('Ұзақ уақыт әрекет болмағандықтан');
    await expect(reason).toContainText('жоба ретінде сақталды');
    await signIn(page, ADMIN.login, ADMIN.password);
    await expect(page.getByTestId('draft-offer')).toBeVisible();
    await page.getByRole('button', { name: 'Жобаны қалпына келтіру' }).click();
    await expect(page.locator('textarea[name=reasons]')).toHaveValue(REASONS);
  });
});

test.describe('only possible facts (issue 16 point 2)', () => {
  test.describe.configure({ timeout: 180_000 });

  test('"hearing held" before the hearing day is refused, saying from which day it may be recorded', async ({ page }) => {
    await page.clock.setFixedTime(at('2026-03-16'));
    await applicationWithPreliminary(page);
    // A hearing date before the preliminary decision is said as it is typed.
    await page.locator('input[name=hearingDate]').fill('2026-03-13');
    await expect(page.getByText('Күн алдын ала шешім күнінен ерте болмауы керек')).toBeVisible();
    await page.locator('input[name=hearingDate]').fill('2026-03-20');
    await expect(page.getByText('Күн алдын ала шешім күнінен ерте болмауы керек')).toHaveCount(0);
    await page.locator('input[name=place]').fill('WhatsApp бейнебайланыс');
    await page.getByRole('button', { name: 'Тыңдауды белгілеу' }).click();
    await expect(page.getByTestId('hearing-card')).toContainText('20.03.2026 10:00');
    // A notice sent on a day that has not come is said as it is typed.
    await page.locator('input[name=noticeSentOn]').fill('2026-03-17');
    await expect(page.getByText('Бұл күн әлі келген жоқ', { exact: false })).toBeVisible();
    await page.locator('input[name=noticeSentOn]').fill('2026-03-16');
    await page.locator('select[name=noticeChannel]').selectOption('in-person');
    await page.getByRole('button', { name: 'Хабарламаны тіркеу' }).click();
    await expect(page.getByTestId('notice-card')).toContainText('16.03.2026');

    await page.getByRole('button', { name: 'Тыңдау өтті' }).click();
    await expect(
      page.getByText('Тыңдау 20.03.2026 күні өтеді: оның өткенін не өтініш берушінің келмегенін сол күннен бастап қана тіркеуге болады.'),
    ).toBeVisible();
    await expect(page.getByTestId('hearing-status')).toHaveText('Белгіленді');
  });
});
