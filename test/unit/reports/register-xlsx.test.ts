import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { shippedRuleSets } from '@shared/rules';
import { generateRegister } from '../../support/generator';
import { toXlsx } from '../../../renderer/src/features/complaints/exportRegister';

const { complaints } = generateRegister(
  23,
  { persons: 6, complaints: 15 },
  {
    office: { officeId: '6f1c2a4e-0000-4000-8000-000000000001', officeCode: 'ARAL01', officerName: 'Жанар Омарова' },
    ruleSets: shippedRuleSets,
    calendar: createWorkingCalendar([calendarYearSchema.parse(kz2026)]),
    today: '2026-11-20',
    spreadDays: 200,
  },
);

const utcDay = (d: Date): string => d.toISOString().slice(0, 10);

describe('register XLSX (issue 17 point 6)', () => {
  it('ExcelJS reads real date cells shown DD.MM.YYYY, IINs and numbers as text, frozen header with filters', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(complaints, 'kk')).buffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:L${complaints.length + 1}`);
    complaints.forEach((c, i) => {
      const row = ws.getRow(i + 2);
      const receipt = row.getCell(2);
      expect(receipt.type).toBe(ExcelJS.ValueType.Date);
      expect(receipt.numFmt).toBe('dd.mm.yyyy');
      expect(utcDay(receipt.value as Date)).toBe(c.receiptDate);
      expect(utcDay(row.getCell(11).value as Date)).toBe(c.reviewDue);
      const iin = row.getCell(5);
      expect(iin.type).toBe(ExcelJS.ValueType.String);
      expect(iin.value).toBe(c.complainantIin);
      expect(row.getCell(1).value).toBe(c.number);
      if (c.forwardDue === null) expect(row.getCell(10).value).toBeNull();
      else expect(utcDay(row.getCell(10).value as Date)).toBe(c.forwardDue);
    });
  });

  it('read-excel-file (a second reader) sorts the receipt dates by day, not by their text', async () => {
    const [sheet] = await readXlsxFile(Buffer.from(await toXlsx(complaints, 'ru')));
    const dates = (sheet?.data ?? []).slice(1).map((r) => r[1]);
    expect(dates.every((d) => d instanceof Date)).toBe(true);
    const sorted = dates.flatMap((d) => (d instanceof Date ? [utcDay(d)] : [])).sort();
    expect(sorted).toEqual(complaints.map((c) => c.receiptDate).sort());
    expect((sheet?.data ?? []).slice(1).map((r) => r[4])).toEqual(complaints.map((c) => c.complainantIin));
  });
});
