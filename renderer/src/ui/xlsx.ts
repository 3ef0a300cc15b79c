/**
 * The one XLSX writer of the app (issue 17 point 6): spreadsheets that behave like spreadsheets.
 * Dates are real date cells shown as DD.MM.YYYY (so sorting by date works), date-times DD.MM.YYYY HH:MM,
 * numbers are numbers, IINs and every other identifier are text cells (leading zeros kept). Each sheet
 * has its header row frozen and filters on the header. write-excel-file writes the cells; the filter
 * (`autoFilter`, which that library does not write) is added to the sheet XML afterwards.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/universal';

export type XlsxCell =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  /** 'YYYY-MM-DD'. */
  | { kind: 'date'; value: string }
  /** 'YYYY-MM-DDTHH:MM' (wall time, no zone). */
  | { kind: 'datetime'; value: string }
  | null;

export interface XlsxSheet {
  /** Sheet name (at most 31 characters; no []:*?/\). */
  name: string;
  header: readonly string[];
  rows: readonly (readonly XlsxCell[])[];
  /** Column widths in characters. */
  widths?: readonly number[];
}

export const DATE_FORMAT = 'dd.mm.yyyy';
export const DATETIME_FORMAT = 'dd.mm.yyyy hh:mm';

/** A wall-clock date(-time) as the Date whose UTC fields are that wall time (write-excel-file counts from UTC). */
function wallDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/u.exec(value);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)));
}

function toCell(c: XlsxCell): Cell {
  if (c === null) return null;
  switch (c.kind) {
    case 'text':
      return { value: c.value, type: String };
    case 'number':
      return Number.isFinite(c.value) ? { value: c.value, type: Number } : null;
    case 'date':
    case 'datetime': {
      const d = wallDate(c.value);
      return d ? { value: d, type: Date, format: c.kind === 'date' ? DATE_FORMAT : DATETIME_FORMAT } : { value: c.value, type: String };
    }
  }
}

const safeName = (name: string): string => name.replace(/[[\]:*?/\\]/gu, ' ').slice(0, 31) || 'Sheet';

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Adds `autoFilter` over the header and data of every sheet, and the filter's defined name Excel expects. */
function addFilters(bytes: Uint8Array, sheets: readonly XlsxSheet[]): Uint8Array {
  const files = unzipSync(bytes);
  const names: string[] = [];
  sheets.forEach((s, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const file = files[path];
    if (!file) return;
    const width = Math.max(1, s.header.length);
    const ref = `A1:${columnLetter(width - 1)}${s.rows.length + 1}`;
    files[path] = strToU8(strFromU8(file).replace('</sheetData>', `</sheetData><autoFilter ref="${ref}"/>`));
    const quoted = `'${safeName(s.name).replace(/'/gu, "''")}'`;
    names.push(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${quoted}!$A$1:$${columnLetter(width - 1)}$${s.rows.length + 1}</definedName>`,
    );
  });
  const workbook = files['xl/workbook.xml'];
  if (workbook && names.length > 0 && !strFromU8(workbook).includes('<definedNames>')) {
    files['xl/workbook.xml'] = strToU8(strFromU8(workbook).replace('</sheets>', `</sheets><definedNames>${names.join('')}</definedNames>`));
  }
  return zipSync(files);
}

/** Writes the sheets into one XLSX file. */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const data: Sheet<never>[] = sheets.map((s) => ({
    sheet: safeName(s.name),
    data: [s.header.map((h): Cell => ({ value: h, type: String, fontWeight: 'bold' })), ...s.rows.map((r) => r.map(toCell))],
    columns: (s.widths ?? s.header.map(() => 18)).map((width) => ({ width })),
    stickyRowsCount: 1,
  }));
  const blob = await writeXlsxFile(data).toBlob();
  const filtered = addFilters(new Uint8Array(await blob.arrayBuffer()), sheets);
  const out = new Uint8Array(new ArrayBuffer(filtered.byteLength));
  out.set(filtered);
  return out;
}
