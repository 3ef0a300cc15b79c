import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { generateRegister } from '../../support/generator';
import { shippedRuleSets } from '@shared/rules';
import { registerRows, toCsv, toXlsx } from '../../../renderer/src/features/complaints/exportRegister';

const { complaints } = generateRegister(
  11,
  { persons: 5, complaints: 12 },
  {
    office: { officeId: '6f1c2a4e-0000-4000-8000-000000000001', officeCode: 'ARAL01', officerName: 'Жанар Омарова' },
    ruleSets: shippedRuleSets,
    calendar: createWorkingCalendar([calendarYearSchema.parse(kz2026)]),
    today: '2026-11-20',
    spreadDays: 100,
  },
);

describe('register export', () => {
  it('writes an XLSX with bilingual headers that reads back row for row', async () => {
    const bytes = await toXlsx(complaints, 'ru');
    const [sheet] = await readXlsxFile(Buffer.from(bytes));
    const rows = sheet?.data ?? [];
    expect(rows).toHaveLength(13);
    expect(rows[0]?.[0]).toBe('Кіріс нөмірі / Входящий номер');
    expect(rows.slice(1).map((r) => r[0])).toEqual(complaints.map((c) => c.number));
    expect(rows[1]?.[8]).toBe(registerRows(complaints, 'ru')[1]?.[8]);
  });

  it('writes CSV with a byte-order mark, semicolons and quoted fields', () => {
    const first = complaints[0];
    if (!first) throw new Error('generator made no complaints');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(toCsv([{ ...first, complainantName: 'Ким; "Борис"' }], 'kk'));
    expect(text.startsWith('\uFEFFКіріс нөмірі / Входящий номер;')).toBe(true);
    expect(text).toContain('"Ким; ""Борис"""');
    expect(text.split('\r\n')).toHaveLength(3);
  });
});
