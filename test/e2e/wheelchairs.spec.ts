import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addPerson, PEOPLE, setUpOffice, type PersonFixture } from './helpers';
import { pdfInfo, pdfPageToPng, pdfText } from './pdf';

/**
 * A boy born on 15.03.2021: 21 03 15, century-and-sex digit 5 (2000s, male), serial 0012, check digit 8
 * (weights 1..11 over the first 11 digits: 283 mod 11 = 8, domain guide §3).
 */
const CHILD: PersonFixture = {
  iin: '210315500128',
  lastName: 'Омаров',
  firstName: 'Айдос',
  middleName: 'Ерланұлы',
  address: 'Арал қ., Абай к-сі, 7',
  group: 'child',
};

const shot = (name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : test.info().outputPath(name));

/** Opens a wheelchair case for the person found by IIN from the section page. */
async function openWheelchairCase(page: Page, iin: string): Promise<void> {
  await page.goto('/#/wheelchairs');
  await page.getByLabel('Тұлғаны ЖСН немесе аты-жөні бойынша табу').fill(iin.slice(0, 6));
  await page.getByRole('button', { name: 'Жаңа кресло-арба ісін ашу' }).click();
  await expect(page.getByRole('heading', { name: /^Кресло-арба: .+ ісі$/ })).toBeVisible();
}

async function addProgramme(page: Page, p: { number: string; issuedOn: string; expiresOn: string; types: string[] }): Promise<void> {
  // The form is folded away once the case has a programme.
  if (!(await page.locator('input[name=programmeNumber]').isVisible())) await page.getByText('ОЖБ енгізу', { exact: true }).click();
  await page.locator('input[name=programmeNumber]').fill(p.number);
  await page.locator('input[name=issuedOn]').fill(p.issuedOn);
  await page.locator('input[name=expiresOn]').fill(p.expiresOn);
  for (const type of p.types) await page.locator(`input[name="programmeType.${type}"]`).check();
  await page.getByRole('button', { name: 'ОЖБ сақтау' }).click();
  await expect(page.getByText(`ОЖБ ${p.number} сақталды`)).toBeVisible();
}

/**
 * Prints the open preview to an A4 PDF as the print style sheet shows it (pdf.js from npm reads it: no
 * poppler) and renders its first page to PNG to look at (the README keeps it). Returns the page count
 * and the text of every page.
 */
async function printToPdf(page: Page, browser: Browser, name: string): Promise<{ pages: number; text: string }> {
  const pdf = test.info().outputPath(`${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const info = await pdfInfo(pdf);
  // A4 is 595 × 842 pt; Chromium's page box rounds to within a point or two of it.
  expect(Math.abs(info.widthPt - 595)).toBeLessThanOrEqual(2);
  expect(Math.abs(info.heightPt - 842)).toBeLessThanOrEqual(2);
  if (process.env.UPDATE_SCREENSHOTS) mkdirSync('docs/screenshots', { recursive: true });
  await pdfPageToPng(
    browser,
    pdf,
    1,
    process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}.png` : test.info().outputPath(`${name}.png`),
  );
  return { pages: info.pages, text: await pdfText(pdf) };
}

test.describe('wheelchair indication checks', () => {
  test('profile → five verdicts with reasons; electric chair in the programme at age 5 is a discrepancy; printed in both languages', async ({
    page,
    browser,
  }) => {
    // Two prints, each read and drawn with pdf.js in a page of its own: three times the usual time.
    test.slow();
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, CHILD);
    await page.goto('/#/wheelchairs');
    await expect(page.getByRole('heading', { name: 'Кресло-арбалар' })).toBeVisible();
    await expect(page.getByText('Әлі бірде-бір тексеру жоқ.')).toBeVisible();
    await openWheelchairCase(page, CHILD.iin);
    await expect(page.getByTestId('wc-case-facts')).toContainText(CHILD.iin);

    await addProgramme(page, { number: 'ОЖБ-17/2026', issuedOn: '2026-01-15', expiresOn: '2027-01-14', types: ['electric-universal'] });
    await expect(page.getByTestId('programmes-table')).toContainText('электр жетегі бар кресло-арба (әмбебап)');

    await page.getByRole('link', { name: 'Жаңа тексеру' }).first().click();
    await expect(page.getByRole('heading', { name: 'Кресло-арбаға тексеру: Омаров Айдос Ерланұлы' })).toBeVisible();
    // Typed as the officer reads dates (issue 16 point 6), key by key.
    await page.locator('input[name=checkDate]').clear();
    await page.locator('input[name=checkDate]').pressSequentially('10.04.2026');
    await page.locator('select[name=programmeId]').selectOption({ label: 'ОЖБ-17/2026 (15.01.2026–14.01.2027)' });
    // The age is not typed: it comes from the IIN and the check date.
    await expect(page.getByTestId('age-from-iin')).toHaveText('Тексеру күнгі жасы: 5 (туған күні 15.03.2021, ЖСН 210315500128 бойынша)');

    // Severe walking impairment with severe arm muscle-tone impairment; arms measured for the electric chair.
    await page.locator('select[name="severity.walking"]').selectOption('severe');
    await page.locator('select[name="severity.handsUse"]').selectOption('moderate');
    await page.locator('input[name="sphere.study"]').check();
    await page.locator('input[name="flag.armImpairmentCause"]').check();
    await page.locator('input[name="measure.shoulder-elbow-active-range"]').fill('15');
    await page.locator('input[name="measure.wrist-active-range"]').fill('10');
    await page.locator('input[name="measure.fist-finger-to-palm"]').fill('3,5');
    await page.locator('input[name="measure.arm-muscle-strength"]').fill('2');
    await page.locator('input[name="flag.thumbOppositionLimited"]').check();
    await page.locator('input[name="flag.cannotGripObjects"]').check();
    await page.locator('select[name="severity.armMuscleTone"]').selectOption('severe');

    const result = page.getByTestId('check-result');
    await expect(result.locator('li.verdict')).toHaveCount(5);
    const electric = page.getByTestId('verdict-electric-universal');
    await expect(electric.locator('.verdict-badge')).toHaveText('қарсы көрсетілген');
    await expect(electric.locator('li[data-criterion="contra.age-under-6"]')).toContainText('Жасы 6 жастан кем');
    await expect(electric.locator('li[data-criterion="contra.age-under-6"]')).toContainText('Жасы 5 (10.04.2026 күнге');
    await expect(electric.locator('li[data-criterion="contra.age-under-6"] .citation')).toContainText('4-жол');
    await expect(electric.locator('li[data-criterion="ind.arm-impairment-measured"]')).toContainText('орындалды');
    await expect(page.getByTestId('verdict-multifunctional-children-universal').locator('.verdict-badge')).toHaveText('көрсетілген');
    await expect(page.getByTestId('verdict-hand-basic-indoor-outdoor').locator('.verdict-badge')).toHaveText('көрсетілмеген');
    await expect(page.getByTestId('verdict-hand-basic-indoor-outdoor')).toContainText('11 жағдайдың ешқайсысы белгіленбеген');
    await expect(page.getByTestId('verdict-lever-outdoor').locator('.verdict-badge')).toHaveText('көрсетілмеген');
    await expect(page.getByTestId('verdict-active-universal').locator('.verdict-badge')).toHaveText('көрсетілмеген');
    const discrepancies = page.getByTestId('discrepancies');
    await expect(discrepancies).toContainText(
      'ОЖБ «электр жетегі бар кресло-арба (әмбебап)» көздейді, бірақ кесте бойынша ол қарсы көрсетілген',
    );
    await expect(discrepancies).toContainText('Кесте бойынша «көп функциялы кресло-арба (балаларға арналған, әмбебап)» көрсетілген');
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('.check-live')?.scrollTo(0, 0);
    });
    await page.screenshot({ path: shot('wheelchairs-check-kk.png') });

    // A typing slip is caught at its field and the result waits for it.
    await page.locator('input[name="measure.wrist-active-range"]').fill('10а');
    await expect(page.getByText('Сан енгізіңіз (мысалы 15 немесе 3,5)')).toBeVisible();
    await expect(result).toHaveCount(0);
    await page.locator('input[name="measure.wrist-active-range"]').fill('10');

    await page.getByRole('button', { name: 'Тексеруді сақтау' }).click();
    await expect(page.getByText('Тексеру іс тарихына сақталды.')).toBeVisible();
    await expect(page.getByRole('heading', { name: '10.04.2026 күнгі тексеру: Омаров Айдос Ерланұлы' })).toBeVisible();
    await expect(page.getByTestId('discrepancies')).toContainText('қарсы көрсетілген');
    await electric.screenshot({ path: shot('wheelchairs-verdict-electric-kk.png') });

    await page.getByRole('button', { name: 'Басып шығару' }).click();
    const print = page.getByTestId('print-area');
    await expect(print).toContainText('Кресло-арба беруге медициналық-әлеуметтік көрсетілімдерді тексеру нәтижесі');
    await expect(print).toContainText('Тексерген маман: Жанар Омарова');
    await expect(print).toContainText('Жасы 6 жастан кем');
    await expect(print).toContainText('ОЖБ «электр жетегі бар кресло-арба (әмбебап)» көздейді');
    await expect(print).toContainText('№ 458 бұйрық, 9-қосымша (Қағидалардың 2-қосымшасы), 4-жол, бастапқы мәтін 000, L1678');
    const kk = await printToPdf(page, browser, 'wheelchairs-print-kk');
    expect(kk.pages).toBeGreaterThan(1);
    expect(kk.text).toContain('Тексерген маман: Жанар Омарова');
    await page.keyboard.press('Escape');
    await expect(print).toHaveCount(0);

    // Switching the interface language switches the printed form.
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('button', { name: 'Печать' }).click();
    await expect(print).toContainText('Результат проверки медико-социальных показаний к обеспечению креслом-коляской');
    await expect(print).toContainText('Проверку провёл: Жанар Омарова');
    await expect(print).toContainText('возраст до 6 лет');
    await expect(print).toContainText(
      'ИПР предусматривает «Кресло-коляска с электроприводом (универсальная)», но по таблице это противопоказано',
    );
    await expect(print).toContainText('приказ № 458, прил. 9 (прил. 2 к Правилам), строка 4, исходный текст 000, L1678');
    const ru = await printToPdf(page, browser, 'wheelchairs-print-ru');
    expect(ru.pages).toBeGreaterThan(1);
    expect(ru.text).toContain('Проверку провёл: Жанар Омарова');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Қазақша' }).click();

    // A new check is a new record; the first one stays in the history as it was.
    await page.getByRole('link', { name: 'Жаңа тексеру' }).click();
    await expect(page.getByText('Бейін 10.04.2026 күнгі алдыңғы тексеруден алынды')).toBeVisible();
    await expect(page.locator('input[name="measure.fist-finger-to-palm"]')).toHaveValue('3,5');
    await page.locator('input[name=checkDate]').fill('2026-04-20');
    await page.locator('input[name="flag.epilepticSeizures"]').check();
    await expect(electric.locator('li[data-criterion="contra.epileptic-seizures"] .status-chip')).toHaveText('бар');
    await page.getByRole('button', { name: 'Тексеруді сақтау' }).click();
    await expect(page.getByText('Тексеру іс тарихына сақталды.')).toBeVisible();
    await page.getByRole('link', { name: 'Іске оралу' }).click();
    const history = page.getByTestId('checks-table');
    await expect(history.locator('tbody tr')).toHaveCount(2);
    await expect(history.locator('tbody tr').nth(0)).toContainText('20.04.2026');
    await expect(history.locator('tbody tr').nth(1)).toContainText('10.04.2026');
    await history.getByRole('link', { name: '10.04.2026' }).click();
    await expect(
      page.getByTestId('verdict-electric-universal').locator('li[data-criterion="contra.epileptic-seizures"] .status-chip'),
    ).toHaveText('жоқ');

    await page.goto('/#/wheelchairs');
    const recent = page.getByTestId('recent-checks');
    await expect(recent.locator('tbody tr')).toHaveCount(2);
    await expect(recent).toContainText('Омаров Айдос Ерланұлы');
    // Seizures with loss of consciousness contraindicate rows 3 and 4.
    await expect(recent.locator('tbody tr').first().locator('.verdict-dot--contraindicated')).toHaveCount(2);
    await page.screenshot({ path: shot('wheelchairs-list-kk.png'), fullPage: true });
  });

  test('provisioning: the supplier’s 5 working days, a recipient who leaves before hand-over, and an expired programme that blocks the check', async ({
    page,
  }) => {
    await setUpOffice(page, 'ARAL01');
    await addPerson(page, PEOPLE.boris);
    await openWheelchairCase(page, PEOPLE.boris.iin);
    await expect(page.getByText('Тапсырыс үшін алдымен ОЖБ енгізіңіз.')).toBeVisible();
    await addProgramme(page, {
      number: 'ОЖБ-3/2026',
      issuedOn: '2026-01-15',
      expiresOn: '2027-01-14',
      types: ['hand-basic-indoor-outdoor'],
    });

    await page.locator('input[name=orderDate]').fill('18.03.2026');
    await page.locator('input[name=supplier]').fill('ТОО «Мейірім»');
    await page.getByRole('button', { name: 'Тапсырысты тіркеу' }).click();
    await expect(page.getByText('Толтыру міндетті')).toBeVisible();
    await page.locator('select[name=receiptMode]').selectOption('delivery');
    await page.getByRole('button', { name: 'Тапсырысты тіркеу' }).click();
    await expect(page.getByText('Тапсырыс тіркелді')).toBeVisible();
    const order = page.getByRole('article', { name: '18.03.2026 тапсырысы' });
    // 18.03.2026 + 5 working days, over the Nauryz holidays and their transferred days off.
    await expect(order).toContainText('30.03.2026');
    await expect(order).toContainText('Арнаулы жүріп-тұру құралдарымен қамтамасыз ету қағидалары, 28-тармақ');

    // The supplier answers on 01.04.2026: two working days (31.03, 01.04) after the term; the mark stays (000 L673).
    await order.locator('input[name=answerDate]').fill('1.4.2026');
    await order.getByRole('button', { name: 'Жауапты тіркеу' }).click();
    await expect(order.locator('.stage')).toHaveText('Жеткізуші қабылдады');
    await expect(order.getByTestId('answer-late')).toHaveText('2 жұмыс күніне кешікті');
    // The hand-over follows the contract made on the Portal: no hand-over form before it is recorded.
    await expect(order.getByTestId('order-contract')).toContainText('Шарт әлі тіркелмеген');
    await expect(order.getByTestId('order-contract')).toContainText('Табыс ету порталда жасалған шартта көрсетілген мерзімде:');
    await expect(order.getByTestId('order-contract')).toContainText('28-тармақ, бастапқы мәтін 000, L673');
    await expect(order.getByRole('button', { name: 'Табыс етуді тіркеу' })).toHaveCount(0);
    await order.locator('input[name=contractDate]').fill('2026-04-02');
    await order.locator('input[name=handOverDue]').fill('2026-04-01');
    await order.getByRole('button', { name: 'Шартты тіркеу' }).click();
    await expect(order.getByText('Табыс ету мерзімі шарт күнінен ерте болмауы керек')).toBeVisible();
    await order.locator('input[name=handOverDue]').fill('2026-04-10');
    await order.getByRole('button', { name: 'Шартты тіркеу' }).click();
    await expect(order.getByTestId('order-contract')).toContainText('02.04.2026 жасалды; табыс ету мерзімі 10.04.2026');
    await order.locator('input[name=handOverDate]').fill('2026-04-14');
    await order.getByRole('button', { name: 'Табыс етуді тіркеу' }).click();
    await expect(order.locator('.stage')).toHaveText('Табыс етілді');
    await expect(order.getByTestId('hand-over-late')).toHaveText('шарттағы мерзімнен 4 күнге кеш табыс етілді');
    // The late answer is still marked after the hand-over.
    await expect(order.getByTestId('answer-late')).toHaveText('2 жұмыс күніне кешікті');
    await order.screenshot({ path: shot('wheelchairs-order-late-kk.png') });

    // The same marks in Russian.
    await page.getByRole('button', { name: 'Русский' }).click();
    const orderRu = page.getByRole('article', { name: 'Заказ от 18.03.2026' });
    await expect(orderRu.getByTestId('answer-late')).toHaveText('с опозданием, рабочих дней: 2');
    await expect(orderRu.getByTestId('order-contract')).toContainText('заключён 02.04.2026; срок передачи 10.04.2026');
    await expect(orderRu.getByTestId('order-contract')).toContainText('Передача в сроки, указанные в договоре на портале:');
    await expect(orderRu.getByTestId('order-contract')).toContainText('исходный текст 000, L673');
    await expect(orderRu.getByTestId('hand-over-late')).toHaveText('передано позже срока по договору, дней: 4');
    await orderRu.screenshot({ path: shot('wheelchairs-order-late-ru.png') });
    await page.getByRole('button', { name: 'Қазақша' }).click();

    // A second order: the recipient leaves before hand-over, the service is subject to return (L675).
    await page.locator('input[name=orderDate]').fill('2026-04-15');
    await page.locator('input[name=supplier]').fill('ТОО «Мейірім»');
    await page.locator('select[name=receiptMode]').selectOption('pickup');
    await page.getByRole('button', { name: 'Тапсырысты тіркеу' }).click();
    const second = page.getByRole('article', { name: '15.04.2026 тапсырысы' });
    await second.locator('input[name=answerDate]').fill('2026-04-16');
    await second.getByRole('button', { name: 'Жауапты тіркеу' }).click();
    await expect(second.locator('.stage')).toHaveText('Жеткізуші қабылдады');
    await expect(second.getByTestId('answer-late')).toHaveText('мерзімінде');
    await second.locator('select[name=eventKind]').selectOption('recipient-left');
    await second.locator('input[name=eventDate]').fill('2026-04-20');
    await second.locator('input[name=eventNote]').fill('Алматыға көшті');
    await second.getByRole('button', { name: 'Оқиғаны тіркеу' }).click();
    await expect(second.getByTestId('return-proposed')).toContainText('Қайтару ұсынылады: Алушы кетті (20.04.2026)');
    await expect(second.getByRole('button', { name: 'Табыс етуді тіркеу' })).toHaveCount(0);
    page.once('dialog', (d) => void d.accept());
    await second.locator('input[name=returnDate]').fill('2026-04-22');
    await second.getByRole('button', { name: 'Қайтаруды тіркеу' }).click();
    await expect(second.locator('.stage')).toHaveText('Қайтарылды');
    await page.screenshot({ path: shot('wheelchairs-case-kk.png'), fullPage: true });

    // An expired programme blocks the check: shown at once, and nothing is saved.
    await addProgramme(page, {
      number: 'ОЖБ-9/2025',
      issuedOn: '2025-01-10',
      expiresOn: '2025-12-31',
      types: ['hand-basic-indoor-outdoor'],
    });
    await page.getByRole('link', { name: 'Жаңа тексеру' }).first().click();
    await page.locator('input[name=checkDate]').fill('2026-04-10');
    await page.locator('select[name=programmeId]').selectOption({ label: 'ОЖБ-9/2025 (10.01.2025–31.12.2025)' });
    await page.locator('select[name="severity.walking"]').selectOption('absolute');
    await page.locator('input[name="condition.paraplegia-lower-paraparesis"]').check();
    await expect(page.getByTestId('programme-findings')).toContainText(
      'ОЖБ ОЖБ-9/2025 мерзімі 31.12.2025 аяқталған, ал тексеру күні 10.04.2026: тексеру бұғатталды',
    );
    await expect(page.getByTestId('verdict-hand-basic-indoor-outdoor').locator('.verdict-badge')).toHaveText('көрсетілген');
    await page.getByRole('button', { name: 'Тексеруді сақтау' }).click();
    await expect(page.getByText('мерзімі өткен ОЖБ бойынша тексеру сақталмайды')).toBeVisible();
    await page.getByRole('link', { name: 'Артқа' }).click();
    await expect(page.getByText('Бұл істе әлі тексеру жоқ.')).toBeVisible();
  });
});
