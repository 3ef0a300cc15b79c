import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addPerson, PEOPLE, setUpOffice } from './helpers';
import { pdfInfo, pdfPageToPng } from './pdf';

/** Office time in Kyzylorda (the Playwright config runs the browser in Asia/Almaty). */
const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+05:00`);

const shot = (name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name));

async function openCaseForAliya(page: Page): Promise<void> {
  await setUpOffice(page, 'ARAL01');
  await addPerson(page, PEOPLE.aliya);
  await page.locator('input[name=subject]').fill('Әлеуметтік көмек тағайындау');
  await page.locator('input[name=registrationDate]').fill('2026-03-02');
  await page.getByRole('button', { name: 'Іс ашу' }).click();
  await expect(page.getByText('Іс ашылды: ARAL01-C2026-00001')).toBeVisible();
  await page.getByTestId('cases-table').getByRole('link', { name: 'Тыңдаулар' }).click();
  await expect(page.getByRole('heading', { name: /Іс бойынша өтініштер/ })).toBeVisible();
  await expect(page.getByText('Бұл істе әлі өтініш жоқ.')).toBeVisible();
}

test.describe('hearings: the right to be heard', () => {
  test('application → preliminary refusal → notice → hearing → oral objection → minutes → remarks → decision', async ({
    page,
    browser,
  }) => {
    // The whole flow, two languages and a PDF rendered in a second browser context: more than the default 60 s
    // on a shared 2-core machine. A larger time budget, not a retry.
    test.setTimeout(240_000);
    await page.clock.setFixedTime(at('2026-03-16'));
    await openCaseForAliya(page);

    // Register a social-assistance application: no overall term, the officer sets the decision date.
    await page.locator('select[name=service]').selectOption('social-assistance');
    await expect(page.getByTestId('term-preview')).toContainText('2-қосымшасында');
    await page.locator('input[name=registrationDate]').fill('2026-03-04');
    await page.locator('input[name=plannedDecisionDate]').fill('2026-03-27');
    await page.getByRole('button', { name: 'Өтінішті тіркеу' }).click();
    const planner = page.getByTestId('planner');
    await expect(planner).toBeVisible();
    // Back from Fri 27 March over the Nauryz days off (23-25): Thu 26, Fri 20, Thu 19.
    await expect(planner.locator('[data-row=latest-notice]')).toContainText('19.03.2026');
    await expect(planner.locator('[data-row=latest-notice]')).toContainText('[004 L38]');

    // Preliminary refusal.
    await page.locator('input[name=preliminaryDate]').fill('2026-03-16');
    await page.locator('textarea[name=grounds]').fill('Отбасының жан басына шаққандағы орташа табысы шектен асады');
    await page.getByRole('button', { name: 'Алдын ала теріс шешімді тіркеу' }).click();
    await expect(page.getByTestId('preliminary-card')).toContainText('16.03.2026');
    await expect(page.getByTestId('application-status')).toHaveText('Алдын ала теріс шешім');
    // The remarks window may run past the decision date: flagged while planning.
    await expect(page.getByTestId('planner-warnings')).toContainText('асып кетуі мүмкін');

    // The readings of clauses that can be read two ways are shown with the chosen one (issue 18).
    await expect(page.getByTestId('readings').locator('[data-reading=window-end]')).toContainText('Қабылданған оқылуы');
    // Typed decision reasons survive saving another form of the page (issue 16 point 1).
    await page.locator('textarea[name=reasons]').fill('Алдын ала жазылған себеп');

    // Plan the hearing; a date after the objection window is flagged before saving.
    await page.locator('input[name=hearingDate]').fill('2026-03-27');
    await expect(page.getByTestId('planner-warnings')).toContainText('қарсылық беру мерзімі (26.03.2026) өткеннен кейін');
    await page.locator('input[name=hearingDate]').fill('2026-03-20');
    await expect(page.getByTestId('planner-warnings')).not.toContainText('өткеннен кейін');
    // The seed's modes only (004 L40-42): no in-person hearing for social assistance.
    await expect(page.locator('select[name=method] option')).toHaveCount(3);
    await page.locator('input[name=place]').fill('WhatsApp бейнебайланыс, +7 701 234 56 78');
    await page.locator('textarea[name=participants]').fill('Жанар Омарова (тыңдауды жүргізеді); Айгүл Бекова (хатшы)');
    await page.getByRole('button', { name: 'Тыңдауды белгілеу' }).click();
    await expect(page.getByTestId('hearing-card')).toContainText('20.03.2026 10:00');
    await expect(page.locator('textarea[name=reasons]')).toHaveValue('Алдын ала жазылған себеп');

    // The notice is printed, then recorded as handed over.
    await page.getByRole('button', { name: 'Хабарламаны басып шығару' }).click();
    const notice = page.getByTestId('print-area');
    await expect(notice).toContainText('Бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама');
    await expect(notice).toContainText('20.03.2026, 10:00');
    await page.getByRole('button', { name: 'Жабу' }).click();
    // The office's day moves on with the facts: nothing is recorded before it happens (issue 16 point 2).
    await page.clock.setFixedTime(at('2026-03-20'));
    await page.locator('input[name=noticeSentOn]').fill('2026-03-18');
    await page.locator('select[name=noticeChannel]').selectOption('in-person');
    await page.getByRole('button', { name: 'Хабарламаны тіркеу' }).click();
    await expect(page.getByTestId('notice-card')).toContainText('18.03.2026');
    await expect(planner.locator('[data-row=objection-window]')).toContainText('18.03.2026 – 20.03.2026');

    // Hearing held; the objection is oral, so minutes are required.
    await page.getByRole('button', { name: 'Тыңдау өтті' }).click();
    await expect(page.getByTestId('hearing-status')).toHaveText('Өтті');
    await page.locator('select[name=objectionKind]').selectOption('oral');
    await page.locator('input[name=objectionDate]').fill('2026-03-20');
    await page.locator('textarea[name=objectionSummary]').fill('Табыс туралы анықтама ескірген, жаңасын ұсынамын');
    await page.getByRole('button', { name: 'Қарсылықты тіркеу' }).click();
    await expect(page.getByTestId('objection-card')).toContainText('Ауызша');
    await expect(page.getByTestId('planner-warnings')).toContainText('тыңдау хаттамасы жүргізілуі керек');

    // Minutes: drafted, signed off, corrected by addendum only, read by the applicant.
    await page.getByRole('link', { name: 'Хаттама жасау' }).click();
    await expect(page.locator('input[name=applicantIin]')).toHaveValue(PEOPLE.aliya.iin);
    await expect(page.locator('input[name=place]')).toHaveValue('WhatsApp бейнебайланыс, +7 701 234 56 78');
    await page.getByRole('button', { name: 'Хаттама жасау' }).click();
    await expect(page.getByText('Уақытты СС:ММ түрінде енгізіңіз')).toBeVisible();
    await page.locator('input[name=endTime]').fill('10:40');
    await page.locator('input[name=secretary]').fill('Айгүл Бекова');
    await page
      .locator('textarea[name=explanations]')
      .fill('Өтініш беруші табыс туралы анықтама ақпан айында алынғанын, ал наурызда жалақысы төмендегенін түсіндірді.');
    await page.locator('textarea[name=questionsAndAnswers]').fill('С: Жаңа анықтама қашан берілді? Ж: 18.03.2026.');
    await page.locator('textarea[name=statements]').fill('Алдын ала шешіммен келіспеймін, жаңа анықтаманы ескеруді сұраймын.');
    await page.locator('textarea[name=factsToRecord]').fill('Наурыздан бастап жалақы 40 пайызға төмендеді.');
    await page.locator('textarea[name=documentsHandedIn]').fill('Жұмыс орнынан табыс туралы анықтама, 18.03.2026');
    await page.getByRole('button', { name: 'Хаттама жасау' }).click();
    await expect(page.getByText('Бұл жоба.')).toBeVisible();
    // An edit typed but not saved is signed with the rest: sign-off never drops it (issue 16 point 1).
    await page.locator('textarea[name=documentsHandedIn]').fill('Жұмыс орнынан табыс туралы анықтама, 18.03.2026; банк үзінді көшірмесі');
    await page.locator('input[name=signOffDate]').fill('2026-03-20');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Хаттамаға қол қою' }).click();
    await expect(page.getByText('Хаттамаға 20.03.2026 қол қойылды (Жанар Омарова)')).toBeVisible();
    await expect(page.getByTestId('minutes-form')).toHaveCount(0);
    await expect(page.getByTestId('minutes-view')).toContainText('банк үзінді көшірмесі');
    await page.locator('input[name=readDate]').fill('2026-03-20');
    await page.getByRole('button', { name: 'Танысуды тіркеу' }).click();
    // Read Fri 20 March: Thu 26, Fri 27, Mon 30 (Nauryz days off skipped).
    await expect(page.getByTestId('minutes-remarks')).toContainText('20.03.2026 – 30.03.2026');
    // A remark typed (not saved yet) keeps its text and date while an addendum is added (issue 16 point 1).
    await page.locator('input[name=remarkDate]').fill('2026-03-26');
    await page.locator('textarea[name=remarkText]').fill('Жазылып жатқан ескерту');
    await page.locator('input[name=addendumDate]').fill('2026-03-20');
    await page.locator('textarea[name=addendumText]').fill('Аяқталу уақыты 10:45 деп оқылсын.');
    await page.getByRole('button', { name: 'Толықтыру қосу' }).click();
    await expect(page.getByTestId('minutes-addenda')).toContainText('Аяқталу уақыты 10:45 деп оқылсын.');
    await expect(page.locator('textarea[name=addendumText]')).toHaveValue('');
    await expect(page.locator('textarea[name=remarkText]')).toHaveValue('Жазылып жатқан ескерту');
    await expect(page.locator('input[name=remarkDate]')).toHaveValue('2026-03-26');

    // The remarks window runs past the planned decision: flagged on the application and in the list.
    await page.getByRole('link', { name: 'Өтінішке оралу' }).click();
    await expect(page.getByTestId('planner-warnings')).toContainText(
      'Хаттамаға ескертулер беру мерзімі 30.03.2026 күннің соңында аяқталады, ал шешім күні – 27.03.2026.',
    );
    // The window closes at the end of Mon 30 March: a refusal from Tue 31 (004 L46-47).
    await expect(planner.locator('[data-row=earliest-decision]')).toContainText('31.03.2026');
    // The page down to the end of the planner, with the flag.
    const box = await planner.boundingBox();
    expect(box).not.toBeNull();
    await page.screenshot({
      path: shot('hearings-planner.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 16) },
    });

    await page.clock.setFixedTime(at('2026-03-23'));
    await page.goto('/#/hearings?view=remarks');
    const remarksTable = page.getByTestId('remarks-table');
    await expect(remarksTable).toContainText('Сейтқали Әлия Нұрланқызы');
    await expect(remarksTable).toContainText('шешім күнінен асады');
    await page.goBack();

    // Remarks on Thu 26 March, then the minutes are printed with the remarks and the addendum.
    await page.clock.setFixedTime(at('2026-03-26'));
    await page.getByRole('link', { name: 'Хаттаманы ашу' }).click();
    await page.locator('input[name=remarkDate]').fill('2026-03-26');
    await page.locator('textarea[name=remarkText]').fill('Хаттамада жаңа анықтаманың сомасы көрсетілмеген.');
    await page.getByRole('button', { name: 'Ескертулерді тіркеу' }).click();
    await expect(page.getByTestId('minutes-remarks')).toContainText('26.03.2026');

    await page.getByRole('button', { name: 'Хаттаманы басып шығару' }).click();
    const sheet = page.getByTestId('print-area');
    await expect(sheet).toContainText('Тыңдау хаттамасы');
    await expect(sheet).toContainText('Хаттамада жаңа анықтаманың сомасы көрсетілмеген.');
    await expect(sheet).toContainText('Аяқталу уақыты 10:45 деп оқылсын.');
    await expect(sheet).toContainText('15-тармақ [004 L44; 004 L45; 004 L46]');
    await page.emulateMedia({ media: 'print' });
    const pdf = test.info().outputPath('hearings-minutes.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    // The minutes run onto a second sheet (remarks, addenda): both sheets side by side in one picture.
    // A4 (595.3 × 841.9 pt; Chromium writes 595.92 × 842.88).
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(2);
    expect(Math.abs(info.widthPt - 595)).toBeLessThanOrEqual(1);
    expect(Math.abs(info.heightPt - 842)).toBeLessThanOrEqual(1);
    const sheets: string[] = [];
    for (const n of [1, 2]) {
      const png = test.info().outputPath(`hearings-minutes-${n}.png`);
      await pdfPageToPng(browser, pdf, n, png, 70 / 72);
      sheets.push(readFileSync(png).toString('base64'));
    }
    const viewer = await page.context().newPage();
    await viewer.setContent(
      `<body style="margin:0;padding:12px;background:#5d6670;display:flex;gap:12px;align-items:flex-start">${sheets
        .map((b) => `<img src="data:image/png;base64,${b}" style="box-shadow:0 2px 8px rgba(0,0,0,.4)">`)
        .join('')}</body>`,
    );
    await viewer.setViewportSize({ width: 1240, height: 880 });
    await viewer.screenshot({ path: shot('hearings-minutes.png'), fullPage: true });
    await viewer.close();
    await page.getByRole('button', { name: 'Жабу' }).click();

    // Decision: a refusal before the earliest date is refused without a reason.
    await page.getByRole('link', { name: 'Өтінішке оралу' }).click();
    await expect(planner.locator('[data-row=earliest-decision]')).toContainText('26.03.2026');
    await expect(page.locator('textarea[name=remarkText]')).toHaveCount(0);
    await page.locator('select[name=outcome]').selectOption('refused');
    await page.locator('input[name=decisionDate]').fill('2026-03-20');
    await page.locator('textarea[name=reasons]').fill('Отбасының орташа табысы шектен асады; ескертулер қаралды.');
    await expect(page.getByText('26.03.2026 дейін бас тарту туралы шешім ерте')).toBeVisible();
    await page.getByRole('button', { name: 'Шешімді тіркеу' }).click();
    await expect(page.getByText('Бас тарту туралы шешімді 26.03.2026 бастап қана тіркеуге болады')).toBeVisible();
    await expect(page.getByTestId('application-status')).toHaveText('Тыңдау өтті');
    await page.clock.setFixedTime(at('2026-03-27'));
    await page.locator('input[name=decisionDate]').fill('2026-03-27');
    await expect(page.locator('textarea[name=earlyReason]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Шешімді тіркеу' }).click();
    await expect(page.getByTestId('decision-outcome')).toHaveText('Дәлелді бас тарту');
    // SMS only when the application gives a number registered in the mobile citizens database (004 L49).
    await expect(page.locator('select[name=notificationMethod] option[value=sms]')).toHaveCount(0);
    await page.locator('input[name=mobileRegistered]').check();
    await page.locator('select[name=notificationMethod]').selectOption('sms');
    await page.getByRole('button', { name: 'Хабарлауды тіркеу' }).click();
    await expect(page.getByTestId('decision-card')).toContainText('SMS-хабарлама, 27.03.2026');
    const history = page.getByTestId('history');
    for (const action of [
      'Алдын ала теріс шешім',
      'Тыңдау туралы хабарлама жіберілді',
      'Хаттамаға қол қойылды',
      'Хаттамаға толықтыру',
      'Хаттамаға ескертулер',
      'Шешім туралы хабарланды',
    ]) {
      await expect(history).toContainText(action);
    }
    await page.getByRole('button', { name: 'Шешім туралы хабарламаны басып шығару' }).click();
    // A refusal is notified on App. 7 (004 L48).
    await expect(page.getByTestId('decision-form-appendix')).toHaveText('7-қосымша');
    await expect(page.getByTestId('print-area')).toContainText('әлеуметтік көмек көрсету (көрсетуден бас тарту) туралы хабарлама');
    await expect(page.getByTestId('print-area')).toContainText('004 L48-49]');
    await expect(page.getByTestId('print-area')).toContainText('004 L48-51]');
    await page.getByRole('button', { name: 'Жабу' }).click();

    // The same minutes print in Russian when the interface is Russian.
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.getByTestId('readings').locator('[data-reading=window-end]')).toContainText('Принятое прочтение');
    await page.getByRole('link', { name: 'Открыть протокол' }).click();
    await page.getByRole('button', { name: 'Печать протокола' }).click();
    await expect(page.getByTestId('print-area')).toContainText('Протокол заслушивания');
    await expect(page.getByTestId('print-area')).toContainText('Замечания заявителя');
  });

  test('a rehabilitation service: term across Nauryz, intake link pre-fill, early refusal kept with its reason', async ({ page }) => {
    await page.clock.setFixedTime(at('2026-03-12'));
    await openCaseForAliya(page);
    const caseUrl = page.url();
    const caseId = decodeURIComponent(caseUrl.split('/case/')[1] ?? '');
    await page.goto(
      `/#/hearings/new?caseId=${encodeURIComponent(caseId)}&service=personal-assistant&intakeId=00000000-0000-4000-8000-00000000abcd`,
    );
    await expect(page.getByText('Өтініш медициналық карта қабылдауынан жасалады')).toBeVisible();
    await expect(page.locator('select[name=service]')).toHaveValue('personal-assistant');
    await page.locator('input[name=registrationDate]').fill('2026-03-12');
    await page.locator('select[name=channel]').selectOption('state-corporation');
    // 10 working days from Thu 12 March, skipping 23-25 March: Tue 31 March.
    await expect(page.getByTestId('term-preview')).toContainText('31.03.2026');
    await page.getByRole('button', { name: 'Өтінішті тіркеу' }).click();
    const planner = page.getByTestId('planner');
    await expect(planner.locator('[data-row=term-end]')).toContainText('31.03.2026');
    // Through the State Corporation: the result goes back to it one day before the term ends (000 L51).
    await expect(planner.locator('[data-row=hand-over]')).toContainText('30.03.2026');
    await expect(planner.locator('[data-row=hand-over]')).toContainText('[000 L51]');
    await expect(planner.locator('[data-row=latest-notice]')).toContainText('26.03.2026');
    await expect(planner).toContainText('9-тармақ [000 L49]');

    await page.clock.setFixedTime(at('2026-03-20'));
    await page.locator('input[name=preliminaryDate]').fill('2026-03-19');
    await page.locator('input[name=disagreementDate]').fill('2026-03-19');
    await page.locator('textarea[name=grounds]').fill('Жеке оңалту бағдарламасында қызмет көзделмеген');
    await page.getByRole('button', { name: 'Алдын ала теріс шешімді тіркеу' }).click();
    await expect(page.locator('select[name=method] option')).toHaveCount(4);
    await page.locator('input[name=hearingDate]').fill('2026-03-30');
    await page.locator('input[name=place]').fill('Арал қ., Абай к-сі, 5, 12-кабинет');
    await page.getByRole('button', { name: 'Тыңдауды белгілеу' }).click();
    // A notice on the hearing day is legal but leaves no time: a soft warning (000 L49).
    await page.locator('input[name=noticeSentOn]').fill('2026-03-30');
    await expect(page.getByTestId('planner-warnings')).toContainText('хабарлама күніне (30.03.2026)');
    await page.locator('input[name=noticeSentOn]').fill('2026-03-20');
    await expect(page.getByTestId('planner-warnings')).not.toContainText('хабарлама күніне');
    await page.locator('select[name=noticeChannel]').selectOption('phone');
    await page.getByRole('button', { name: 'Хабарламаны тіркеу' }).click();
    // Notice Fri 20 → hearing by Fri 27 (26, 27): Mon 30 breaks the term.
    await expect(page.getByTestId('planner-warnings')).toContainText(
      'Тыңдау күні 30.03.2026 мерзімнен тыс: тыңдау 27.03.2026 кешіктірілмей өткізілуі керек.',
    );

    await page.goto('/#/hearings?view=upcoming');
    await expect(page.getByTestId('upcoming-table')).toContainText('30.03.2026 10:00');
    await expect(page.getByTestId('upcoming-table')).toContainText('мерзімнен тыс');
    await page.goBack();

    await page.clock.setFixedTime(at('2026-03-27'));
    await page.locator('select[name=outcome]').selectOption('refused');
    await page.locator('input[name=decisionDate]').fill('2026-03-27');
    await page.locator('textarea[name=reasons]').fill('Қызмет бағдарламада көзделмеген');
    await page.locator('textarea[name=earlyReason]').fill('Өтініш беруші тыңдаудан жазбаша бас тартты');
    await page.getByRole('button', { name: 'Шешімді тіркеу' }).click();
    await expect(page.getByTestId('decision-outcome')).toHaveText('Дәлелді бас тарту');
    await expect(page.getByTestId('history').locator('[data-action=decision-early]')).toContainText(
      'Өтініш беруші тыңдаудан жазбаша бас тартты',
    );
  });
});
