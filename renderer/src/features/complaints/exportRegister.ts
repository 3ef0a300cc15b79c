import type { Complaint } from '@shared/complaints';
import { CATALOGS } from '../../i18n';
import { formatDate } from '../../ui/format';
import { writeXlsx, type XlsxCell } from '../../ui/xlsx';

type Catalog = { [key: string]: string | Catalog };

function lookup(catalog: Catalog, key: string): string {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : key;
}

/** Exported registers carry both languages in every header, so one file serves a Kazakh and a Russian reader. */
function bilingual(key: string): string {
  return `${lookup(CATALOGS.kk, key)} / ${lookup(CATALOGS.ru, key)}`;
}

interface Column {
  header: string;
  value(c: Complaint, lang: 'kk' | 'ru'): string;
  /** In the XLSX: a date column holds real date cells ('YYYY-MM-DD' of the record); every other column is text. */
  date?: (c: Complaint) => string | undefined;
  width?: number;
}

const COLUMNS: Column[] = [
  { header: 'complaints.number', value: (c) => c.number, width: 16 },
  { header: 'complaints.receiptDate', value: (c) => formatDate(c.receiptDate), date: (c) => c.receiptDate, width: 14 },
  { header: 'complaints.registrationDate', value: (c) => formatDate(c.registrationDate), date: (c) => c.registrationDate, width: 14 },
  { header: 'complaints.complainant', value: (c) => c.complainantName, width: 30 },
  { header: 'persons.iin', value: (c) => c.complainantIin, width: 15 },
  { header: 'complaints.addressee', value: (c, l) => lookup(CATALOGS[l], `complaints.addressees.${c.addressee}`) },
  {
    header: 'complaints.contested',
    value: (c, l) => `${lookup(CATALOGS[l], `complaints.contestedKinds.${c.contested}`)}${c.contestedRef ? `: ${c.contestedRef}` : ''}`,
  },
  { header: 'complaints.reviewer', value: (c) => c.reviewer },
  { header: 'complaints.statusLabel', value: (c, l) => lookup(CATALOGS[l], `complaints.statuses.${c.status}`) },
  {
    header: 'complaints.forwardDeadline',
    value: (c) => (c.forwardDue ? formatDate(c.forwardDue) : ''),
    date: (c) => c.forwardDue ?? undefined,
    width: 14,
  },
  { header: 'complaints.reviewDeadline', value: (c) => formatDate(c.reviewDue), date: (c) => c.reviewDue, width: 14 },
  { header: 'complaints.acceptedBy', value: (c) => c.acceptedBy },
];

export function registerRows(complaints: readonly Complaint[], lang: 'kk' | 'ru'): string[][] {
  return [COLUMNS.map((c) => bilingual(c.header)), ...complaints.map((row) => COLUMNS.map((c) => c.value(row, lang)))];
}

function cell(column: Column, c: Complaint, lang: 'kk' | 'ru'): XlsxCell {
  if (column.date) {
    const date = column.date(c);
    return date ? { kind: 'date', value: date } : null;
  }
  return { kind: 'text', value: column.value(c, lang) };
}

/**
 * The register as XLSX through the app's one writer (ui/xlsx.ts, issue 17 point 6): the dates are real
 * date cells shown DD.MM.YYYY (so the register sorts by day), the IIN and the register number are text
 * (leading zeros kept), the header row is frozen and carries filters.
 */
export function toXlsx(complaints: readonly Complaint[], lang: 'kk' | 'ru'): Promise<Uint8Array<ArrayBuffer>> {
  return writeXlsx([
    {
      name: 'Register',
      header: COLUMNS.map((c) => bilingual(c.header)),
      rows: complaints.map((row) => COLUMNS.map((c) => cell(c, row, lang))),
      widths: COLUMNS.map((c) => c.width ?? 22),
    },
  ]);
}

/**
 * CSV for spreadsheet programs set to Kazakh or Russian locales: UTF-8 with a byte-order mark (so
 * Cyrillic opens correctly) and semicolons (the list separator where the decimal mark is a comma).
 */
export function toCsv(complaints: readonly Complaint[], lang: 'kk' | 'ru'): Uint8Array<ArrayBuffer> {
  const quote = (v: string) => (/[";\n\r]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);
  const text = registerRows(complaints, lang)
    .map((r) => r.map(quote).join(';'))
    .join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}
