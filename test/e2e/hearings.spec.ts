import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { addPerson, PEOPLE, setUpOffice } from './helpers';

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
  test('application → preliminary refusal → notice → hearing → oral objection → minutes → remarks → decision', async ({ page }) => {
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

    // The notice is printed, then recorded as handed over.
    await page.getByRole('button', { name: 'Хабарламаны басып шығару' }).click();
    const notice = page.getByTestId('print-area');
    await expect(notice).toContainText('Бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама');
    await expect(notice).toContainText('20.03.2026, 10:00');
    await page.getByRole('button', { name: 'Жабу' }).click();
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
    await page.locator('input[name=signOffDate]').fill('2026-03-20');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Хаттамаға қол қою' }).click();
    await expect(page.getByText('Хаттамаға 20.03.2026 қол қойылды (Жанар Омарова)')).toBeVisible();
    await expect(page.getByTestId('minutes-form')).toHaveCount(0);
    await page.locator('input[name=addendumDate]').fill('2026-03-20');
    await page.locator('textarea[name=addendumText]').fill('Аяқталу уақыты 10:45 деп оқылсын.');
    await page.getByRole('button', { name: 'Толықтыру қосу' }).click();
    await expect(page.getByTestId('minutes-addenda')).toContainText('Аяқталу уақыты 10:45 деп оқылсын.');
    // The page reloads the minutes after the addendum; fill the reading date once that has settled.
    await expect(async () => {
      await page.locator('input[name=readDate]').fill('2026-03-20');
      await expect(page.locator('input[name=readDate]')).toHaveValue('2026-03-20', { timeout: 500 });
    }).toPass();
    await page.getByRole('button', { name: 'Танысуды тіркеу' }).click();
    // Read Fri 20 March: Thu 26, Fri 27, Mon 30 (Nauryz days off skipped).
    await expect(page.getByTestId('minutes-remarks')).toContainText('20.03.2026 – 30.03.2026');

    // The remarks window runs past the planned decision: flagged on the application and in the list.
    await page.getByRole('link', { name: 'Өтінішке оралу' }).click();
    await expect(page.getByTestId('planner-warnings')).toContainText(
      'Хаттамаға ескертулер беру мерзімі 30.03.2026 аяқталады, бұл шешім күнінен (27.03.2026) кейін.',
    );
    await expect(planner.locator('[data-row=earliest-decision]')).toContainText('30.03.2026');
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
    const prefix = test.info().outputPath('hearings-minutes');
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, prefix]);
    // The minutes run onto a second sheet (remarks, addenda): both sheets side by side in one picture.
    const sheets = readdirSync(dirname(prefix))
      .filter((f) => f.startsWith('hearings-minutes-') && f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dirname(prefix), f)).toString('base64'));
    expect(sheets).toHaveLength(2);
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
    await page.locator('select[name=outcome]').selectOption('refused');
    await page.locator('input[name=decisionDate]').fill('2026-03-20');
    await page.locator('textarea[name=reasons]').fill('Отбасының орташа табысы шектен асады; ескертулер қаралды.');
    await expect(page.getByText('26.03.2026 дейін бас тарту туралы шешім ерте')).toBeVisible();
    await page.getByRole('button', { name: 'Шешімді тіркеу' }).click();
    await expect(page.getByText('Бас тарту туралы шешімді 26.03.2026 бастап қана тіркеуге болады')).toBeVisible();
    await expect(page.getByTestId('application-status')).toHaveText('Тыңдау өтті');
    await page.locator('input[name=decisionDate]').fill('2026-03-27');
    await expect(page.locator('textarea[name=earlyReason]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Шешімді тіркеу' }).click();
    await expect(page.getByTestId('decision-outcome')).toHaveText('Дәлелді бас тарту');
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
    await expect(page.getByTestId('print-area')).toContainText('Мемлекеттік қызмет көрсетуден бас тарту туралы шешім туралы хабарлама');
    await expect(page.getByTestId('print-area')).toContainText('004 L48-51]');
    await page.getByRole('button', { name: 'Жабу' }).click();

    // The same minutes print in Russian when the interface is Russian.
    await page.getByRole('button', { name: 'Русский' }).click();
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
    // 10 working days from Thu 12 March, skipping 23-25 March: Tue 31 March.
    await expect(page.getByTestId('term-preview')).toContainText('31.03.2026');
    await page.getByRole('button', { name: 'Өтінішті тіркеу' }).click();
    const planner = page.getByTestId('planner');
    await expect(planner.locator('[data-row=term-end]')).toContainText('31.03.2026');
    await expect(planner.locator('[data-row=latest-notice]')).toContainText('26.03.2026');
    await expect(planner).toContainText('9-тармақ [000 L49]');

    await page.locator('input[name=preliminaryDate]').fill('2026-03-19');
    await page.locator('input[name=disagreementDate]').fill('2026-03-19');
    await page.locator('textarea[name=grounds]').fill('Жеке оңалту бағдарламасында қызмет көзделмеген');
    await page.getByRole('button', { name: 'Алдын ала теріс шешімді тіркеу' }).click();
    await expect(page.locator('select[name=method] option')).toHaveCount(4);
    await page.locator('input[name=hearingDate]').fill('2026-03-30');
    await page.locator('input[name=place]').fill('Арал қ., Абай к-сі, 5, 12-кабинет');
    await page.getByRole('button', { name: 'Тыңдауды белгілеу' }).click();
    await page.locator('input[name=noticeSentOn]').fill('2026-03-20');
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
