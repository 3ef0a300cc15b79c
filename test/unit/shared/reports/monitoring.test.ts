import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MONITORING_LAYOUT,
  monitoringCsv,
  monitoringHeaders,
  monitoringLayoutSchema,
  monitoringRows,
  type MonitoringLayout,
} from '@shared/reports';
import { complaintStages, DEFAULT_STAGE_CATALOG } from '@shared/stages';
import { caseload, OFFICE_A } from './truth';

const data = caseload(5, OFFICE_A, { persons: 20, cases: 20, complaints: 30 });
const iins = new Map(data.persons.map((p) => [p.id, p.iin]));
const lookups = {
  catalog: DEFAULT_STAGE_CATALOG,
  iinOf: (id: string) => iins.get(id) ?? '',
  officeCodeOf: (id: string) => (id === OFFICE_A.officeId ? OFFICE_A.officeCode : id),
  serviceName: (id: string, lang: 'kk' | 'ru') => `${lang}:${id}`,
  localDateTime: (at: string) => at.slice(0, 16),
};

describe('monitoring export', () => {
  const records = data.complaints.flatMap((c) => complaintStages(c, DEFAULT_STAGE_CATALOG));

  it('the default layout is valid data with IIN, service, stage, date-time, officer and office code', () => {
    expect(monitoringLayoutSchema.safeParse(DEFAULT_MONITORING_LAYOUT).success).toBe(true);
    expect(DEFAULT_MONITORING_LAYOUT.columns.map((c) => c.field)).toEqual(
      expect.arrayContaining(['iin', 'service', 'stage', 'date', 'recordedAt', 'officer', 'officeCode']),
    );
    expect(DEFAULT_MONITORING_LAYOUT.columns.find((c) => c.field === 'iin')?.kind).toBe('text');
  });

  it('rows follow the layout: typed values, the IIN as text with its digits, the office code', () => {
    const rows = monitoringRows(records, DEFAULT_MONITORING_LAYOUT, lookups, 'ru');
    expect(rows).toHaveLength(records.length);
    const first = rows[0];
    const rec = records[0];
    if (!first || !rec) throw new Error('no rows');
    expect(first[0]).toEqual({ kind: 'text', value: iins.get(rec.personId) });
    expect(first[0]?.value).toMatch(/^\d{12}$/u);
    expect(first.find((v) => v.kind === 'date')?.value).toBe(rec.date);
    expect(first[DEFAULT_MONITORING_LAYOUT.columns.length - 1]).toEqual({ kind: 'text', value: 'ARAL01' });
  });

  it('a changed layout changes the file without code: fewer columns, other order', () => {
    const layout: MonitoringLayout = {
      id: 'x',
      version: 2,
      columns: [
        { field: 'officeCode', kind: 'text', headerKk: 'Код', headerRu: 'Код', width: 8 },
        { field: 'iin', kind: 'text', headerKk: 'ЖСН', headerRu: 'ИИН', width: 14 },
      ],
    };
    const rows = monitoringRows(records.slice(0, 1), layout, lookups, 'kk');
    expect(rows[0]?.map((v) => v.value)).toEqual(['ARAL01', iins.get(records[0]?.personId ?? '')]);
  });

  it('CSV: BOM, semicolons, bilingual headers, DD.MM.YYYY dates, quoted separators', () => {
    const headers = monitoringHeaders(DEFAULT_MONITORING_LAYOUT, 'kk');
    expect(headers[0]).toBe('ЖСН / ИИН');
    const csv = monitoringCsv(headers, [
      [
        { kind: 'text', value: 'a;b' },
        { kind: 'date', value: '2026-03-04' },
        { kind: 'datetime', value: '2026-03-04T09:05' },
      ],
    ]);
    expect(csv.startsWith('\uFEFFЖСН / ИИН;')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('"a;b";04.03.2026;04.03.2026 09:05');
  });
});
