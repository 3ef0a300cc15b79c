import ExcelJS from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeXlsx, type XlsxSheet } from '../../../renderer/src/ui/xlsx';

const sheet: XlsxSheet = {
  name: 'Мониторинг',
  header: ['ЖСН / ИИН', 'Күні / Дата', 'Уақыты / Время', 'Саны / Количество'],
  rows: [
    [
      { kind: 'text', value: '010203400567' },
      { kind: 'date', value: '2026-12-01' },
      { kind: 'datetime', value: '2026-12-01T09:05' },
      { kind: 'number', value: 3 },
    ],
    [
      { kind: 'text', value: '950101300123' },
      { kind: 'date', value: '2026-11-03' },
      { kind: 'datetime', value: '2026-11-03T17:40' },
      { kind: 'number', value: 12.5 },
    ],
    [{ kind: 'text', value: '880202400111' }, { kind: 'date', value: '2026-02-10' }, null, { kind: 'number', value: 0 }],
  ],
};

describe('XLSX writer', () => {
  it('read back with ExcelJS: real date cells shown DD.MM.YYYY, numbers as numbers, IINs as text, frozen header, filter', async () => {
    const bytes = await writeXlsx([sheet]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.name).toBe('Мониторинг');
    const iin = ws.getCell('A2');
    expect(iin.type).toBe(ExcelJS.ValueType.String);
    expect(iin.value).toBe('010203400567');
    const date = ws.getCell('B2');
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect((date.value as Date).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(date.numFmt).toBe('dd.mm.yyyy');
    const time = ws.getCell('C3');
    expect(time.type).toBe(ExcelJS.ValueType.Date);
    expect((time.value as Date).toISOString()).toBe('2026-11-03T17:40:00.000Z');
    expect(ws.getCell('D3').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('D3').value).toBe(12.5);
    expect(ws.getCell('C4').value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:D4');
  });

  it('read back with read-excel-file (a second, independent reader): dates as Date, so sorting by date is by day, not by text', async () => {
    const [first] = await readXlsxFile(Buffer.from(await writeXlsx([sheet])));
    const rows = first?.data ?? [];
    expect(rows[0]).toEqual(sheet.header);
    const dates: Date[] = [];
    for (const r of rows.slice(1)) {
      const d: unknown = r[1];
      if (d instanceof Date) dates.push(d);
    }
    expect(dates).toHaveLength(3);
    const order = [...dates].sort((x, y) => x.getTime() - y.getTime()).map((d) => d.toISOString().slice(0, 10));
    expect(order).toEqual(['2026-02-10', '2026-11-03', '2026-12-01']);
    expect(rows[1]?.[0]).toBe('010203400567');
    expect(rows[2]?.[3]).toBe(12.5);
  });

  it('several sheets, each with its filter and the defined name spreadsheet programs expect', async () => {
    const bytes = await writeXlsx([sheet, { name: 'Итого', header: ['A'], rows: [[{ kind: 'number', value: 1 }]] }]);
    const files = unzipSync(bytes);
    expect(strFromU8(files['xl/worksheets/sheet2.xml'] ?? new Uint8Array())).toContain('<autoFilter ref="A1:A2"/>');
    expect(strFromU8(files['xl/workbook.xml'] ?? new Uint8Array())).toContain('localSheetId="1" hidden="1">\'Итого\'!$A$1:$A$2');
  });
});
