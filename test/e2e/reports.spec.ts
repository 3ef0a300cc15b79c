/**
 * Period reports end to end (issue 17 points 3-6), in Kazakh and in Russian: a generated register in
 * the app's database, the October report on screen checked against the generated records (counted
 * here, not by the report code), the chart with its table alternative, the A4 print preview, and the
 * report XLSX, the monitoring export (XLSX and CSV) downloaded and read back with ExcelJS: headers,
 * values and cell types (numbers as numbers, dates as date cells shown DD.MM.YYYY, IINs as text).
 */
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Complaint } from '@shared/complaints';
import { setUpOffice } from './helpers';
import { seedRegister, TEST_NOW } from './seed';

const PERIOD = { from: '2026-10-01', to: '2026-10-31' };
/** October is over on the test's today (20.11.2026): the figures speak for its last day. */
const AS_OF = PERIOD.to;

const inPeriod = (d: string): boolean => d >= PERIOD.from && d <= PERIOD.to;
const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

type Lang = 'kk' | 'ru';
const UI = {
  kk: {
    language: null,
    month: 'Ай',
    received: 'Түскені',
    print: 'Басып шығару (A4)',
    xlsx: 'Есеп XLSX',
    monitoringXlsx: 'Мониторингке экспорт XLSX',
    monitoringCsv: 'Мониторингке экспорт CSV',
    saved: 'Сақталды',
    printHeading: 'кезеңіндегі есеп',
    chartMonth: '10.2026',
    figureHeader: 'Көрсеткіш / Показатель',
    iinHeader: 'ЖСН / ИИН',
    dateHeader: 'Күні / Дата',
    sheet: 'Есеп',
  },
  ru: {
    language: 'Русский',
    month: 'Месяц',
    received: 'Поступило',
    print: 'Печать (A4)',
    xlsx: 'Отчёт XLSX',
    monitoringXlsx: 'Выгрузка для мониторинга XLSX',
    monitoringCsv: 'Выгрузка для мониторинга CSV',
    saved: 'Сохранено',
    printHeading: 'отчёт за период',
    chartMonth: '10.2026',
    figureHeader: 'Показатель / Көрсеткіш',
    iinHeader: 'ИИН / ЖСН',
    dateHeader: 'Дата / Күні',
    sheet: 'Отчёт',
  },
} as const;

/** The complaint figures of the period, counted from the generated records with their stored review term. */
function expectedComplaints(complaints: readonly Complaint[]) {
  const cohort = complaints.filter((c) => inPeriod(c.receiptDate));
  const counts = { received: cohort.length, decidedInTerm: 0, decidedLate: 0, withdrawn: 0, overdue: 0, open: 0 };
  for (const c of cohort) {
    const decided = c.decision !== null && c.decision.date <= AS_OF ? c.decision : null;
    if (decided) counts[decided.date <= c.reviewDue ? 'decidedInTerm' : 'decidedLate'] += 1;
    else if (c.status === 'withdrawn') counts.withdrawn += 1;
    else if (AS_OF > c.reviewDue) counts.overdue += 1;
    else counts.open += 1;
  }
  return counts;
}

async function openOctober(page: Page, lang: Lang): Promise<void> {
  await page.goto('/#/reports');
  const ui = UI[lang];
  if (ui.language) await page.getByRole('button', { name: ui.language }).click();
  await page.getByRole('radio', { name: ui.month, exact: true }).check();
  await page.locator('input[name=year]').fill('2026');
  await page.locator('select[name=month]').selectOption('10');
  await page.getByTestId('report-show').click();
  await expect(page.getByTestId('report-period')).toContainText('01.10.2026');
  await expect(page.getByTestId('report-period')).toContainText('31.10.2026');
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const downloaded = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await (await downloaded).path();
  return readFile(file);
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

for (const lang of ['kk', 'ru'] as const) {
  test.describe(`period report (${lang})`, () => {
    test('figures, chart and table, print preview, report and monitoring files read back', async ({ page }) => {
      test.setTimeout(120_000);
      await page.clock.setFixedTime(TEST_NOW);
      await setUpOffice(page, 'ARAL01');
      const data = await seedRegister(page, 17, { persons: 20, complaints: 60 });
      const expected = expectedComplaints(data.complaints);
      expect(expected.received).toBeGreaterThan(0);
      const ui = UI[lang];
      await openOctober(page, lang);

      // The figures, against the records counted above.
      for (const [id, count] of Object.entries(expected))
        await expect(page.getByTestId(`figure-complaints.${id}`)).toHaveText(String(count));
      await expect(page.getByTestId('figure-hearings.held')).toHaveText('0');

      // The chart and its table alternative: October's row carries the received count.
      const chart = page.getByTestId('chart-received-decided');
      await expect(chart.locator('svg').first()).toBeVisible();
      const octoberRow = chart.getByRole('table').getByRole('row', { name: new RegExp(ui.chartMonth.replace('.', '\\.'), 'u') });
      await expect(octoberRow.getByRole('cell').first()).toHaveText(String(expected.received));

      // The records behind a figure.
      await page.getByTestId('figure-complaints.received').click();
      await expect(page.getByTestId('figure-list').getByRole('row')).toHaveCount(expected.received + 1);

      // Print preview: the A4 sheet with the heading, the figures and the charts.
      await page.getByRole('button', { name: ui.print }).click();
      const sheet = page.getByTestId('print-area');
      await expect(sheet).toContainText(ui.printHeading);
      await expect(sheet).toContainText('ARAL01');
      await expect(sheet.getByRole('table').first()).toContainText(String(expected.received));
      await expect(sheet.locator('[data-testid=chart-received-decided] svg').first()).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();

      // The report XLSX: one row per figure, the total as a number.
      const report = await workbook(await download(page, 'export-report-xlsx'));
      await expect(page.getByText(`${ui.saved}: ARAL01-report-${PERIOD.from}-${PERIOD.to}.xlsx`)).toBeVisible();
      const rs = report.worksheets[0];
      if (!rs) throw new Error('report XLSX without a sheet');
      expect(rs.name).toBe(ui.sheet);
      expect(rs.getRow(1).getCell(1).value).toBe(ui.figureHeader);
      expect(rs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const receivedRow = rs.getRow(2);
      expect(receivedRow.getCell(1).text).toContain(ui.received);
      expect(receivedRow.getCell(3).type).toBe(ExcelJS.ValueType.Number);
      expect(receivedRow.getCell(3).value).toBe(expected.received);
      const legend = report.worksheets[1];
      const from = legend?.getRow(2).getCell(1);
      expect(from?.type).toBe(ExcelJS.ValueType.Date);
      expect(from?.numFmt).toBe('dd.mm.yyyy');
      expect(utcDay(from?.value as Date)).toBe(PERIOD.from);

      // The monitoring export: the complaints' stages dated in October.
      const registered = data.complaints.filter((c) => inPeriod(c.registrationDate));
      // (Decisions are left out: the generator stamps every status change on the registration day, so a
      // decision dated weeks later would be "recorded" before it happened, which the app never does.)
      const withdrawn = data.complaints.filter((c) => c.withdrawal !== null && inPeriod(c.withdrawal.date));
      const iins = new Set(data.persons.map((p) => p.iin));
      const monitoring = await workbook(await download(page, 'export-monitoring-xlsx'));
      const ms = monitoring.worksheets[0];
      if (!ms) throw new Error('monitoring XLSX without a sheet');
      expect(ms.getRow(1).getCell(1).value).toBe(ui.iinHeader);
      expect(ms.getRow(1).getCell(6).value).toBe(ui.dateHeader);
      expect(ms.autoFilter).toBeTruthy();
      const rows: ExcelJS.Row[] = [];
      ms.eachRow((row, n) => {
        if (n > 1) rows.push(row);
      });
      expect(rows.filter((r) => r.getCell(4).value === 'complaint-registered')).toHaveLength(registered.length);
      expect(rows.filter((r) => r.getCell(4).value === 'complaint-withdrawn')).toHaveLength(withdrawn.length);
      for (const r of rows) {
        const iin = r.getCell(1);
        expect(iin.type).toBe(ExcelJS.ValueType.String);
        expect(iins.has(iin.text)).toBe(true);
        const date = r.getCell(6);
        expect(date.type).toBe(ExcelJS.ValueType.Date);
        expect(date.numFmt).toBe('dd.mm.yyyy');
        expect(inPeriod(utcDay(date.value as Date))).toBe(true);
        expect(r.getCell(7).type).toBe(ExcelJS.ValueType.Date);
        expect(r.getCell(9).value).toBe('ARAL01');
      }

      // The same rows as CSV: UTF-8 with a byte-order mark, semicolons, dates as DD.MM.YYYY, IINs as written.
      const csv = (await download(page, 'export-monitoring-csv')).toString('utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines[0]?.split(';')[0]).toBe(ui.iinHeader);
      expect(lines).toHaveLength(rows.length + 1);
      const firstRow = rows[0];
      if (firstRow) {
        const cells = lines[1]?.split(';') ?? [];
        expect(cells[0]).toBe(firstRow.getCell(1).value);
        const day = utcDay(firstRow.getCell(6).value as Date);
        expect(cells[5]).toBe(`${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`);
      }
    });
  });
}
