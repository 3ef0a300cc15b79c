import { copyFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ruleSetCarryOver2023, type MedicalCardFormId } from '@shared/rules';
import { addPerson, ADMIN, PEOPLE } from './helpers';
import { pdfInfo, pdfPageToPng, pdfText } from './pdf';

const shot = (name: string): string => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name));

/**
 * The office setup of helpers.ts, reached through the first-start screen that now offers a restore
 * first ("Жаңа кеңсені баптау"); kept here until helpers.ts follows that screen.
 */
async function setUpOffice(page: Page, code: string): Promise<void> {
  await page.goto('/');
  const fresh = page.getByRole('button', { name: 'Жаңа кеңсені баптау' });
  const profile = page.getByRole('heading', { name: 'Кеңсе профилі' });
  await expect(fresh.or(profile)).toBeVisible();
  if (await fresh.isVisible()) await fresh.click();
  await expect(profile).toBeVisible();
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

/** Opens a case for the person through the intake section and lands on the new intake form. */
async function startIntake(page: Page, lastName: string, caseDate: string): Promise<void> {
  await page.goto('/#/intake');
  await expect(page.getByText('Әлі қабылдау жоқ')).toBeVisible();
  await page.getByRole('link', { name: 'Жаңа қабылдау' }).click();
  await page.getByLabel('ЖСН, аты-жөні немесе іс нөмірі бойынша іздеу').fill(lastName);
  await page.getByRole('button', { name: new RegExp(lastName) }).click();
  await page.locator('input[name=caseRegistrationDate]').fill(caseDate);
  await page.getByRole('button', { name: 'Іс ашу және қабылдауды бастау' }).click();
  await expect(page.getByRole('heading', { name: 'Жаңа қабылдау: өтініш және медициналық карта' })).toBeVisible();
}

/** Fills the application, documents, consents and every always-required line of the card except `skip`. */
async function fillPackage(
  page: Page,
  opts: { form: MedicalCardFormId; registrationDate: string; lineDate: string; skip?: string[]; channel?: string },
): Promise<void> {
  const p = PEOPLE.aliya;
  if (opts.form === 'semi-stationary') await page.locator('input[name=form][value=semi-stationary]').check();
  await page.locator('input[name=registrationDate]').fill(opts.registrationDate);
  if (opts.channel) await page.locator('select[name=channel]').selectOption(opts.channel);
  await page.locator('input[name=officerPhone]').fill('8 (72433) 2-11-11');
  if (opts.form === 'stationary') await page.locator('input[name="application.stayMode"][value=permanent]').check();
  await page.locator('select[name=identity]').selectOption('paper');
  for (const id of ['doc.application', 'doc.medical-card', 'doc.outpatient-extract']) await page.locator(`input[name="${id}"]`).check();
  await page.locator('input[name="consent.personal-data"]').check();
  if (opts.form === 'stationary') await page.locator('input[name="consent.relatives-data"]').check();
  // App. 3 item 8, L240: no court decision on incapacity exists for Әлия.
  await page.locator('select[name="conditional.doc.court-incapacity"]').selectOption('none');

  await page.locator('[name="entry.header.medical-organisation.text"]').fill('Арал аудандық ауруханасы');
  await page.locator('[name="entry.header.full-name.text"]').fill(`${p.lastName} ${p.firstName} ${p.middleName}`);
  await page.locator('[name="entry.header.birth-date.date"]').fill('1992-11-03');
  await page.locator('[name="entry.header.home-address.text"]').fill(p.address);
  await page.locator('[name="entry.header.anamnesis.text"]').fill('Гипертония; дәрілерді көтере алмаушылық жоқ');
  const form = ruleSetCarryOver2023.medicalCard.forms.find((f) => f.id === opts.form);
  for (const item of form?.items ?? []) {
    if (!(item.group === 'exam-always' || item.group === 'lab') || opts.skip?.includes(item.id)) continue;
    await page.locator(`[name="entry.${item.id}.date"]`).fill(opts.lineDate);
    await page.locator(`[name="entry.${item.id}.text"]`).fill(item.group === 'lab' ? 'теріс' : 'сау');
  }
  await page.locator('[name="fluorography.date"]').fill(opts.lineDate);
  await page.locator('[name="fluorography.text"]').fill('патологиясыз');
  await page.locator('input[name=macAnswer][value=none]').check();
  await page.locator('[name="entry.signoff.mac-conclusion.text"]').fill('Қарсы көрсетілімдер жоқ');
  await page.locator('input[name=sealPresent]').check();
  await page.locator('[name="entry.signoff.head-signature.text"]').fill('Әбілов Мұрат');
  await page.locator('input[name=headSigned]').check();
  await page.locator('[name="entry.signoff.date.date"]').fill(opts.lineDate);
}

/** The open print preview as an A4 PDF: its text, and a PNG of its first page to look at (pdf.js, no poppler). */
async function printPreview(page: Page, browser: Browser, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = test.info().outputPath(`${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  // A4 is 595.3 × 841.9 pt; Chromium's page box rounds to the next point.
  const info = await pdfInfo(pdf);
  expect(info.pages).toBe(1);
  expect(Math.abs(info.widthPt - 595)).toBeLessThanOrEqual(1);
  expect(Math.abs(info.heightPt - 842)).toBeLessThanOrEqual(1);
  const png = test.info().outputPath(`${name}.png`);
  await pdfPageToPng(browser, pdf, 1, png);
  if (process.env.UPDATE_SCREENSHOTS) copyFileSync(png, `docs/screenshots/${name}.png`);
  // pdf.js returns a glyph of a font fallback (ә, қ, ң, ө, ұ, ү, һ, і) as a text item of its own, which
  // pdfText joins with spaces: the text is compared without white space.
  return squash(await pdfText(pdf));
}

const squash = (text: string): string => text.replace(/\s+/gu, '');

/** The officer's phone in the stored draft of a new intake, read from IndexedDB (core/drafts: settings `draft/intake/…`). */
function storedIntakeDraftPhone(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('qamqor');
        open.onerror = () => reject(new Error('open'));
        open.onsuccess = () => {
          const range = IDBKeyRange.bound('draft/intake/', 'draft/intake/\uffff');
          const get = open.result.transaction('settings').objectStore('settings').getAll(range);
          get.onerror = () => reject(new Error('get'));
          get.onsuccess = () => {
            const rows = get.result as { value?: { values?: { officerPhone?: string } } }[];
            open.result.close();
            resolve(rows[0]?.value?.values?.officerPhone ?? null);
          };
        };
      }),
  );
}

test.describe('medical-card intake', () => {
  // Each test types a whole application and card (about 60 fields) through the UI; on a shared two-core
  // machine that alone can take most of a minute, so the budget per test is three minutes (never a retry).
  test.describe.configure({ timeout: 180_000 });

  test('a card with a missing examination: the check lists it and the App. 4 receipt is printed in Kazakh and Russian', async ({
    page,
    browser,
  }) => {
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.aliya);
    await startIntake(page, 'Сейтқали', '2026-03-10');
    await fillPackage(page, { form: 'stationary', registrationDate: '2026-03-10', lineDate: '2026-03-02', skip: ['exam.psychiatrist'] });

    // The live check already says: refuse, the psychiatrist is missing, with its clause.
    const live = page.getByTestId('intake-check');
    await expect(live.getByTestId('intake-result')).toHaveText('Қабылдаудан бас тарту');
    const refusing = live.getByTestId('refusing-findings');
    await expect(refusing.locator(':scope > li')).toHaveCount(1);
    await expect(refusing).toContainText('психиатр — картада жоқ');
    await expect(refusing).toContainText('МӘМ қағидалары, 5-қосымша, бастапқы мәтін 001, L326');
    await expect(refusing).toContainText('МӘМ қағидалары, 8-тармақ, бастапқы мәтін 001, L28');
    await expect(page.locator('tr[data-item="exam.psychiatrist"]')).toHaveClass(/intake-missing/);
    // Nothing is guessed about validity: the shipped rules configure none (13 present dated lines).
    await expect(live.getByTestId('not-configured')).toContainText('Жарамдылық мерзімі бапталмаған жолдар (13)');
    // The psychiatrist's row in view, with the sticky summary of the live check above it.
    await page.locator('tr[data-item="exam.psychiatrist"]').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, -200);
    await expect(page.getByTestId('intake-summary')).toContainText('Жоқ немесе мерзімі өткен: 1; ескертулер: 13');
    await page.screenshot({ path: shot('intake-form-kk.png') });

    await page.getByRole('button', { name: 'Сақтау және тексеру' }).click();
    await expect(page.getByRole('heading', { name: /Қабылдау: Сейтқали Әлия Нұрланқызы/ })).toBeVisible();
    await expect(page.getByTestId('refusing-findings')).toContainText('психиатр — картада жоқ');
    await expect(page.getByTestId('intake-terms')).toHaveCount(0);

    await page.getByRole('button', { name: '4-қосымша бойынша қолхатты басып шығару' }).click();
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toContainText('Құжаттарды қабылдаудан бас тарту туралы қолхат');
    await expect(receipt.locator('ol li')).toHaveCount(1);
    await expect(receipt).toContainText('медициналық карта (5-қосымша): психиатр — картада жоқ');
    await expect(receipt).toContainText('Жанар Омарова');
    await expect(receipt).toContainText('+77243321111');
    await expect(receipt).toContainText('Сейтқали Әлия Нұрланқызы');
    await expect(receipt).toContainText('Күні: 10.03.2026');
    const kkText = await printPreview(page, browser, 'intake-receipt-kk');
    expect(kkText).toContain(squash('Құжаттарды қабылдаудан бас тарту туралы қолхат'));
    expect(kkText).toContain(squash('психиатр'));
    expect(kkText).toContain(squash('+77243321111'));
    expect(kkText).not.toContain(squash('Сақтау және тексеру'));
    await page.getByRole('button', { name: 'Жабу' }).click();

    await page.locator('select[name=receiptLanguage]').selectOption('ru');
    await page.getByRole('button', { name: '4-қосымша бойынша қолхатты басып шығару' }).click();
    await expect(receipt).toContainText('Расписка об отказе в приёме документов');
    await expect(receipt).toContainText('медицинская карта (приложение 5): психиатр — отсутствует в карте');
    const ruText = await printPreview(page, browser, 'intake-receipt-ru');
    expect(ruText).toContain(squash('Расписка об отказе в приёме документов'));
    expect(ruText).toContain(squash('Исполнитель'));
    await page.keyboard.press('Escape');
    await expect(receipt).toHaveCount(0);

    // The section list and the case view show the refused intake.
    await page.goto('/#/intake');
    const table = page.getByTestId('intakes-table');
    await expect(table).toContainText('Сейтқали Әлия Нұрланқызы');
    await expect(table).toContainText('Қабылдаудан бас тарту');
    await expect(table).toContainText('мерзім жоқ (қабылданбады)');
    await table.getByRole('link', { name: 'ARAL01-C2026-00001' }).click();
    await expect(page.getByRole('heading', { name: 'ARAL01-C2026-00001 ісі бойынша қабылдаулар' })).toBeVisible();
    await expect(page.getByTestId('intakes-table').locator('tbody tr')).toHaveCount(1);
  });

  test('a complete semi-stationary package: term tracking, an unfavourable decision opens the hearing, scans with their digest', async ({
    page,
  }) => {
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.aliya);
    await startIntake(page, 'Сейтқали', '2026-03-02');
    await fillPackage(page, { form: 'semi-stationary', registrationDate: '2026-03-02', lineDate: '2026-02-25' });
    await expect(page.getByTestId('intake-check').getByTestId('intake-result')).toHaveText('Толық, ескертулермен');
    await expect(page.getByTestId('refusing-findings')).toHaveCount(0);
    // App. 6 has no surgeon line and no relatives consent.
    await expect(page.locator('tr[data-item="exam.surgeon"]')).toHaveCount(0);
    await expect(page.locator('input[name="consent.relatives-data"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Сақтау және тексеру' }).click();

    // 17 working days from Monday 02.03.2026 (days off 9 and 23-25 March) end on 31.03.2026.
    const terms = page.getByTestId('intake-terms');
    await expect(page.getByTestId('term-total')).toContainText('31.03.2026');
    await expect(page.getByTestId('term-total')).toContainText('МӘМ қағидалары, 5-тармақ, бастапқы мәтін 001, L19');
    await expect(terms).toContainText('Кезеңдер: барлығы 15 жұмыс күні (жалпы мерзім 17)');
    const steps = page.getByTestId('term-steps').locator('tbody tr');
    await expect(steps.nth(0)).toContainText('17.03.2026');
    await expect(steps.nth(0)).toContainText('12-тармақ, бастапқы мәтін 001, L38');
    await expect(steps.nth(2)).toContainText('27.03.2026');

    await page.locator('input[name="progress.assessmentConclusionOn"]').fill('2026-03-12');
    await page.locator('input[name="progress.decisionOn"]').fill('2026-03-16');
    await page.locator('select[name="progress.decisionKind"]').selectOption('unfavourable');
    await page.getByRole('button', { name: 'Кезеңдерді сақтау' }).click();
    await expect(page.getByText('Кезеңдер сақталды')).toBeVisible();
    const hearing = page.getByTestId('hearing-notice');
    await expect(hearing).toContainText('26.03.2026');
    await expect(hearing).toContainText('17-тармақ, бастапқы мәтін 001, L50');
    const link = hearing.getByRole('link', { name: 'Тыңдауды ашу' });
    const target = new URL((await link.getAttribute('href')) ?? '', 'http://x/');
    expect(target.hash.split('?')[0]).toBe('#/hearings/new');
    const params = new URLSearchParams(target.hash.split('?')[1]);
    expect(params.get('service')).toBe('msi-placement');
    expect(params.get('caseId')).toMatch(/^[0-9a-f-]{36}$/u);
    expect(page.url()).toContain(params.get('intakeId') ?? 'missing');

    // Scans of the card pages: stored with their SHA-256, listed, downloadable; the same file twice is refused.
    const input = page.locator('input[name=scans]');
    await expect(input).toHaveAttribute('accept', 'image/*,application/pdf');
    const pdf = { name: 'card-page-1.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\nabc\n') };
    await input.setInputFiles(pdf);
    await expect(page.getByText('Қосылды: card-page-1.pdf')).toBeVisible();
    const scans = page.getByTestId('scans-table');
    await expect(scans).toContainText('card-page-1.pdf');
    await expect(scans.locator('td.intake-digest')).toHaveAttribute('title', /^[0-9a-f]{64}$/u);
    await input.setInputFiles(pdf);
    await expect(page.getByText('бұл файл бұрын қосылған («card-page-1.pdf»)')).toBeVisible();
    const download = page.waitForEvent('download');
    await scans.getByRole('button', { name: 'Жүктеп алу' }).click();
    expect((await download).suggestedFilename()).toBe('card-page-1.pdf');
    await page.screenshot({ path: shot('intake-terms-kk.png'), fullPage: true });

    await page.goto('/#/intake');
    await expect(page.getByTestId('intakes-table')).toContainText('алдын ала шешім теріс, тыңдау');
    await expect(page.getByTestId('intakes-table')).toContainText('Жартылай стационар');
  });

  test("an administrator's validity period makes an old test expired; the list of contraindications is editable", async ({ page }) => {
    await setUpOffice(page, 'ARAL01');
    await page.goto('/#/intake');
    await page.getByRole('link', { name: 'Жарамдылық мерзімдері және қарсы көрсетілімдер' }).click();
    await expect(page.getByRole('heading', { name: 'Медициналық карта: жарамдылық мерзімдері және қарсы көрсетілімдер' })).toBeVisible();
    // Saving without a basis is refused and saves nothing.
    await page.locator('input[name="validity.lab.hiv"]').fill('30');
    await page.getByRole('button', { name: 'Жаңа нұсқа ретінде сақтау' }).click();
    await expect(page.getByText('Толтыру міндетті')).toBeVisible();
    await page.locator('input[name="validity.lab.syphilis"]').fill('0');
    await page.locator('textarea[name=basis]').fill('ДСМ бұйрығы, 12-тармақ (сынақ)');
    await page.getByRole('button', { name: 'Жаңа нұсқа ретінде сақтау' }).click();
    await expect(page.getByText('Бүтін сан енгізіңіз: 1-ден 3650-ге дейін, немесе бос қалдырыңыз')).toBeVisible();
    await page.locator('input[name="validity.lab.syphilis"]').fill('');
    await page.getByRole('button', { name: 'Қарсы көрсетілім қосу' }).click();
    await page.locator('input[name="contra.0.labelKk"]').fill('Жұқпалы аурудың белсенді түрі');
    await page.locator('input[name="contra.0.labelRu"]').fill('Активная форма инфекционного заболевания');
    await page.locator('input[name="contra.0.source"]').fill('№ 379 бұйрық, 5-тармақ');
    await page.getByRole('button', { name: 'Жаңа нұсқа ретінде сақтау' }).click();
    await expect(page.getByText('Ережелер жинағының 2-нұсқасы сақталды және қолданысқа енгізілді.')).toBeVisible();
    await expect(page.locator('select[name=ruleSet] option:checked')).toContainText('2-нұсқа');
    await expect(page.getByTestId('rule-set-notes')).toContainText('Негізі: ДСМ бұйрығы, 12-тармақ (сынақ)');
    await expect(page.locator('input[name="validity.lab.hiv"]')).toHaveValue('30');
    await expect(page.getByTestId('contraindications-editor')).toContainText(
      '3-қосымша, тізбенің 9, 3) тармағы, дереккөзі: № 379 бұйрық, 5-тармақ',
    );
    await page.screenshot({ path: shot('intake-settings-kk.png'), fullPage: true });

    await addPerson(page, PEOPLE.aliya);
    await startIntake(page, 'Сейтқали', '2026-03-10');
    await fillPackage(page, { form: 'stationary', registrationDate: '2026-03-10', lineDate: '2026-03-02' });
    await page.locator('[name="entry.lab.hiv.date"]').fill('2026-02-01');
    const refusing = page.getByTestId('refusing-findings');
    await expect(refusing).toContainText(
      'АИТВ инфекциясына қанның анализі — 01.02.2026 күнгі; жарамдылық мерзімі 30 күн, тек 03.03.2026 дейін жарамды болған',
    );
    // The MAC answer "present" offers the administrator's list and turns into a warning, not a refusal.
    await page.locator('[name="entry.lab.hiv.date"]').fill('2026-03-02');
    await page.locator('input[name=macAnswer][value=present]').check();
    await page.getByLabel('Жұқпалы аурудың белсенді түрі').check();
    await expect(page.getByTestId('intake-check').getByTestId('intake-result')).toHaveText('Толық, ескертулермен');
    await expect(page.getByTestId('warning-findings')).toContainText('медициналық қарсы көрсетілімдер бар: Жұқпалы аурудың белсенді түрі');
  });

  // Issue 18 points 4 and 7: through the portal nobody stands at the desk for a paper receipt (001 L28-29).
  test('a portal application lacking a line and the court decision gets a notice to the personal account in Kazakh and Russian', async ({
    page,
    browser,
  }) => {
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.aliya);
    await startIntake(page, 'Сейтқали', '2026-03-10');
    await fillPackage(page, {
      form: 'stationary',
      registrationDate: '2026-03-10',
      lineDate: '2026-03-02',
      skip: ['exam.psychiatrist'],
      channel: 'portal',
    });
    // L240: the decision exists, the information systems do not have it, no copy was handed in.
    await page.locator('select[name="conditional.doc.court-incapacity"]').selectOption('copy-missing');
    const refusing = page.getByTestId('intake-check').getByTestId('refusing-findings');
    await expect(refusing.locator(':scope > li')).toHaveCount(2);
    await expect(refusing).toContainText(
      'сот шешімінің көшірмесі (бар болса) — бар, бірақ ақпараттық жүйелерде жоқ және көшірмесі ұсынылмаған',
    );
    await expect(refusing).toContainText('бастапқы мәтін 001, L240');
    await page.getByRole('button', { name: 'Сақтау және тексеру' }).click();
    await expect(page.getByRole('heading', { name: /Қабылдау: Сейтқали Әлия Нұрланқызы/ })).toBeVisible();

    // The portal's acknowledgement: a notice, with its clause; no App. 4 receipt is offered.
    const ack = page.getByTestId('acknowledgement');
    await expect(ack.getByTestId('acknowledgement-kind')).toHaveText(
      '«Жеке кабинетке» өтінішті одан әрі қараудан бас тарту туралы хабарлама',
    );
    await expect(ack).toContainText('МӘМ қағидалары, 8-тармақ, бастапқы мәтін 001, L29');
    await expect(page.getByRole('button', { name: '4-қосымша бойынша қолхатты басып шығару' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Порталға хабарламаны басып шығару' }).click();
    const notice = page.getByTestId('portal-notice');
    await expect(notice).toContainText('Өтінішті одан әрі қараудан бас тарту туралы хабарлама');
    await expect(notice).toContainText('ЖСН 921103405676');
    await expect(notice.locator('ol li')).toHaveCount(2);
    await expect(notice).toContainText('медициналық карта (5-қосымша): психиатр — картада жоқ');
    await expect(notice).toContainText('сот шешімінің көшірмесі (бар болса)');
    await expect(notice).toContainText('8-тармақ, бастапқы мәтін 001, L29');
    const kkText = await printPreview(page, browser, 'intake-portal-notice-kk');
    expect(kkText).toContain(squash('Өтінішті одан әрі қараудан бас тарту туралы хабарлама'));
    expect(kkText).toContain(squash('психиатр'));
    expect(kkText).not.toContain(squash('Құжаттарды қабылдаудан бас тарту туралы қолхат'));
    await page.getByRole('button', { name: 'Жабу' }).click();

    await page.locator('select[name=receiptLanguage]').selectOption('ru');
    await page.getByRole('button', { name: 'Порталға хабарламаны басып шығару' }).click();
    await expect(notice).toContainText('Уведомление об отказе в дальнейшем рассмотрении заявления');
    await expect(notice).toContainText('медицинская карта (приложение 5): психиатр — отсутствует в карте');
    await expect(notice).toContainText('имеется, но нет в информационных системах и копия не представлена');
    const ruText = await printPreview(page, browser, 'intake-portal-notice-ru');
    expect(ruText).toContain(squash('Уведомление об отказе в дальнейшем рассмотрении заявления'));
    expect(ruText).toContain(squash('личный кабинет'));
    await page.keyboard.press('Escape');
    await expect(notice).toHaveCount(0);

    // The officer records the day the notice went to the personal account and its number.
    await page.locator('input[name="ack.givenOn"]').fill('2026-03-11');
    await page.locator('input[name="ack.reference"]').fill('N-77');
    await page.getByRole('button', { name: 'Беру туралы белгі қою' }).click();
    await expect(page.getByTestId('acknowledgement-recorded')).toHaveText('Берілді: 11.03.2026, № N-77');
  });

  // Issue 18 point 5: para 11 (001 L37) and App. 3 item 3 (L208), "бір күн бұрын", shown in both readings.
  test('a package through the State Corporation: its receipt, and the hand-over date one day before the term ends', async ({ page }) => {
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.aliya);
    await startIntake(page, 'Сейтқали', '2026-03-06');
    await fillPackage(page, {
      form: 'semi-stationary',
      registrationDate: '2026-03-06',
      lineDate: '2026-03-02',
      channel: 'state-corporation',
    });
    await page.getByRole('button', { name: 'Сақтау және тексеру' }).click();
    const ack = page.getByTestId('acknowledgement');
    await expect(ack.getByTestId('acknowledgement-kind')).toHaveText('Мемлекеттік корпорацияның құжаттардың қабылданғаны туралы қолхаты');
    await expect(ack).toContainText('МӘМ қағидалары, 6-тармақ, бастапқы мәтін 001, L21');
    // Registered Friday 06.03.2026: 17 working days end on Monday 06.04.2026.
    await expect(page.getByTestId('term-total')).toContainText('06.04.2026');
    const handOver = page.getByTestId('state-corp-hand-over');
    await expect(handOver.locator('strong')).toHaveText('03.04.2026');
    await expect(handOver).toContainText('жұмыс күні: мерзім аяқталатын күннің алдындағы жұмыс күні – 03.04.2026 (қабылданды)');
    await expect(handOver).toContainText(
      'күнтізбелік күн: мерзім аяқталатын күннің алдындағы күн (демалыс күні болуы мүмкін) – 05.04.2026',
    );
    await expect(handOver).toContainText('МӘМ қағидалары, 11-тармақ, бастапқы мәтін 001, L37');
    await expect(handOver).toContainText('бастапқы мәтін 001, L208');
  });

  test('dates are checked as typed, and what was typed is offered back after a reload (issue 16 points 1, 2)', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-03-16T09:00:00+05:00'));
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.aliya);
    await startIntake(page, 'Сейтқали', '2026-03-10');
    const registration = page.locator('input[name=registrationDate]');
    await registration.fill('2026-03-17');
    await expect(page.getByText('Болашақ күнді енгізуге болмайды')).toBeVisible();
    await registration.fill('2026-03-12');
    await expect(page.getByText('Болашақ күнді енгізуге болмайды')).toHaveCount(0);
    await page.locator('input[name="application.signedOn"]').fill('2026-03-13');
    await expect(page.getByText('Күн құжаттарды қабылдау күнінен кейін болмауы керек')).toBeVisible();
    await page.locator('input[name="application.signedOn"]').fill('2026-03-12');
    await expect(page.getByText('Күн құжаттарды қабылдау күнінен кейін болмауы керек')).toHaveCount(0);
    await page.locator('input[name=officerPhone]').fill('8 (72433) 2-11-11');

    // A reload (or a crash) loses nothing: the draft is offered and restored.
    await expect(page.getByTestId('draft-offer')).toHaveCount(0);
    await expect.poll(() => storedIntakeDraftPhone(page)).toBe('8 (72433) 2-11-11');
    await page.reload();
    await expect(page.getByTestId('draft-offer')).toBeVisible();
    await page.getByRole('button', { name: 'Жобаны қалпына келтіру' }).click();
    await expect(registration).toHaveValue('12.03.2026');
    await expect(page.locator('input[name="application.signedOn"]')).toHaveValue('12.03.2026');
    await expect(page.locator('input[name=officerPhone]')).toHaveValue('8 (72433) 2-11-11');
  });
});
