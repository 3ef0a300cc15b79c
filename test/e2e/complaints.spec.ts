import { expect, test, type Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { addPerson, PEOPLE, registerCaseAndComplaint, setUpOffice } from './helpers';
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

/** The browser's print dialog would block the page: printing is counted instead. */
async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.print = () => undefined;
  });
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
      // 000 L75: the complaint goes with the administrative case, and the register says what was sent.
      await expect(form.locator('input[name=caseSent]')).toBeChecked();
      await form.locator('textarea[name=caseContents]').fill('Өтініш, шешім, 12 парақ');
    });
    await expect(page.getByTestId('complaint-status')).toHaveText('Жіберілді');
    await expect(page.getByTestId('complaint-forwarded')).toContainText('Әкімшілік іс жіберілді: Өтініш, шешім, 12 парақ');
    await act(page, 'Шағымды қарайтын органның шешімі', async (form) => {
      await form.getByRole('button', { name: 'Орындау: Шағымды қарайтын органның шешімі' }).click();
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
    // Printing discloses the complaint: the audit trail of the record shows the print (issue 19).
    await stubPrint(page);
    await page.getByRole('button', { name: 'Басып шығару', exact: true }).click();
    await page.getByRole('button', { name: 'Жабу', exact: true }).click();
    await page.getByText('Аудит журналындағы өзгерістер').click();
    await expect(page.getByTestId('record-history').locator('.audit-action--print')).toHaveCount(1);
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

    // The export and the printed journal are in the audit trail with what they disclosed (issue 19).
    await page.getByRole('button', { name: 'Кезең журналы' }).click();
    await stubPrint(page);
    await page.getByRole('button', { name: 'Басып шығару', exact: true }).click();
    await page.goto('/#/audit/record/complaints/complaint-register');
    await expect(page.getByTestId('record-history').locator('.audit-action--export')).toHaveCount(1);
    await page.goto('/#/audit/record/complaints/complaint-journal');
    await expect(page.getByTestId('record-history').locator('.audit-action--print')).toHaveCount(1);
  });
});

/** Registers a complaint of Aliya through the form and waits for its page. */
async function registerComplaint(page: Page, receipt: string, serviceId: string): Promise<void> {
  await page.goto('/#/complaints/new');
  await page.locator('input[name=receiptDate]').fill(receipt);
  await page.locator('input[name=registrationDate]').fill(receipt);
  await page.getByLabel('Шағым берушінің ЖСН-ы немесе аты-жөні').fill('Сейт');
  await page.getByRole('button', { name: 'Таңдау' }).click();
  await page.locator('select[name=serviceId]').selectOption(serviceId);
  await page.locator('textarea[name=text]').fill('Қызмет мерзімінде көрсетілмеді, шешім берілмеді.');
  await page.locator('textarea[name=demands]').fill('Қызметті көрсету');
  await page.getByRole('button', { name: 'Тіркеу', exact: true }).click();
  await expect(page.getByText(/Шағым тіркелді/u)).toBeVisible();
}

test.describe('complaint workflow as the law says (issue 18 points 10-14)', () => {
  test('remedy apart from the decision, missed forwarding kept, the medical-social route, court at any stage; in Kazakh and Russian', async ({
    page,
  }) => {
    page.on('dialog', (d) => void d.accept());
    await start(page);
    await addPerson(page, PEOPLE.aliya);

    // Received Thu 19 Nov 2026: forward by Tue 24 Nov. A partial remedy leaves the duty to forward (000 L75, L77).
    await registerComplaint(page, '2026-11-19', 'personal-assistant');
    await act(page, 'Өз шешімі: талаптарды қанағаттандыру', async (form) => {
      await expect(form.getByTestId('remedy-hint')).toContainText('[000 L77]');
      await form.locator('select[name=extent]').selectOption('partial');
      await form.locator('textarea[name=text]').fill('Көмекші 1 желтоқсаннан тағайындалды.');
    });
    await expect(page.getByTestId('complaint-status')).toHaveText('Тіркелді');
    await expect(page.getByTestId('complaint-remedies')).toContainText('Ішінара');
    await expect(page.getByRole('button', { name: 'Жіберу', exact: true })).toBeVisible();
    // A court note on a pending complaint: information only, the status and the terms stay (000 L83).
    await act(page, 'Сотқа жүгінгені туралы белгі', async (form) => {
      await form.locator('textarea[name=text]').fill('Аудандық сотқа талап арыз берді');
    });
    await expect(page.getByTestId('complaint-court')).toContainText('Аудандық сотқа талап арыз берді');
    await expect(page.getByTestId('complaint-status')).toHaveText('Тіркелді');
    await expect(page.getByTestId('deadlines')).toContainText('2 жұмыс күні қалды');
    // A full remedy within the window: not forwarded (000 L77), no forward button.
    await act(page, 'Өз шешімі: талаптарды қанағаттандыру', async (form) => {
      await form.locator('select[name=extent]').selectOption('full');
      await form.locator('textarea[name=text]').fill('Талаптар толық орындалды.');
    });
    await expect(page.getByTestId('complaint-status')).toHaveText('Өз шешімімен қанағаттандырылды');
    await expect(page.getByTestId('forward-waiver')).toContainText('жіберілмейді');
    await expect(page.getByTestId('forward-waiver')).toContainText('[000 L77]');
    await expect(page.getByRole('button', { name: 'Жіберу', exact: true })).toHaveCount(0);

    // Received Fri 13 Nov: forward by Wed 18 Nov, missed by today (Fri 20 Nov); a withdrawal does not erase it.
    await registerComplaint(page, '2026-11-13', 'personal-assistant');
    await expect(page.getByTestId('forward-missed')).toContainText('18.11.2026');
    await act(page, 'Кері қайтарылды деп белгілеу', async (form) => {
      await form.locator('textarea[name=reason]').fill('Өтініш бойынша');
    });
    await expect(page.getByTestId('complaint-status')).toHaveText('Кері қайтарылды');
    await expect(page.getByTestId('deadlines')).toContainText('Жіберілмей тоқтатылды: мерзім бұзылды (20.11.2026)');
    await expect(page.getByTestId('forward-missed')).toBeVisible();

    // The medical-social placement: its own route (001 L52-61), addressed to the head of the provider.
    await page.goto('/#/complaints/new');
    await page.locator('select[name=serviceId]').selectOption('msi-placement');
    await expect(page.getByTestId('route-preview')).toContainText('[001 L52-61]');
    await expect(page.locator('select[name=addressee] option[value=department]')).toHaveText('Көрсетілетін қызметті берушінің басшысы');
    await expect(page.getByTestId('deadline-preview')).toContainText('жібермеуге құқылы');
    await registerComplaint(page, '2026-11-19', 'msi-placement');
    await expect(page.getByTestId('complaint-route')).toContainText('[001 L52-61]');
    await expect(page.getByTestId('deadlines')).toContainText('[001 L57]');
    await act(page, 'Өз шешімі: талаптарды қанағаттандыру', async (form) => {
      await expect(form.getByTestId('remedy-hint')).toContainText('[001 L58]');
      await form.locator('select[name=extent]').selectOption('full');
      await form.locator('textarea[name=text]').fill('Орналастыру туралы шешім қабылданды.');
    });
    await expect(page.getByTestId('complaint-status')).toHaveText('Өз шешімімен қанағаттандырылды');
    // 001 L58 "may decline": forwarding stays possible.
    await expect(page.getByRole('button', { name: 'Жіберу', exact: true })).toBeVisible();

    // The register flags and filters the missed forwarding; the dashboard counts it.
    await page.goto('/#/complaints');
    await expect(page.getByTestId('register-total')).toHaveText('Барлығы: 3');
    await page.locator('select[name=flag]').selectOption('forward-missed');
    await expect(page.getByTestId('register-total')).toHaveText('Барлығы: 1');
    await expect(page.getByTestId('register-table')).toContainText('ARAL01-2026-00002');
    await expect(page.getByTestId('flag-forward-missed')).toHaveText('Жіберу мерзімі бұзылды');
    await page.goto('/#/');
    await expect(page.getByTestId('complaints-forward-missed')).toContainText('1');
    await expect(page.getByTestId('complaints-forward-missed')).toContainText('Жіберу мерзімі бұзылған');

    // The same states in Russian.
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.getByTestId('complaints-forward-missed')).toContainText('Срок направления нарушен');
    await page.getByTestId('complaints-forward-missed').click();
    await expect(page.getByTestId('register-total')).toContainText('1');
    await expect(page.getByTestId('flag-forward-missed')).toHaveText('Срок направления нарушен');
    await page.getByRole('link', { name: 'ARAL01-2026-00002' }).click();
    await expect(page.getByTestId('forward-missed')).toContainText('Срок направления жалобы с административным делом (18.11.2026) нарушен');
    await page.goto('/#/complaints?status=remedied');
    await expect(page.getByTestId('register-total')).toContainText('2');
    await page.getByRole('link', { name: 'ARAL01-2026-00001' }).click();
    await expect(page.getByTestId('complaint-status')).toHaveText('Удовлетворена собственным решением');
    await expect(page.getByTestId('forward-waiver')).toContainText('не направляется');
    await expect(page.getByTestId('complaint-court')).toContainText('Аудандық сотқа талап арыз берді');
  });

  test('the complaint page shows the case it is filed in and opens it (issue 16 point 7)', async ({ page }) => {
    await start(page);
    await registerCaseAndComplaint(page, 'ARAL01');
    const linked = page.getByTestId('complaint-case');
    await expect(linked).toContainText('ARAL01-C2026-00001');
    await expect(linked).toContainText('Кресло-арба беру');
    await linked.getByRole('link', { name: 'ARAL01-C2026-00001' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('ARAL01-C2026-00001');
  });
});
