import writeXlsxFile from 'write-excel-file/universal';
import type { Complaint } from '@shared/complaints';
import { CATALOGS } from '../../i18n';
import { formatDate } from '../../ui/format';

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
}

const COLUMNS: Column[] = [
  { header: 'complaints.number', value: (c) => c.number },
  { header: 'complaints.receiptDate', value: (c) => formatDate(c.receiptDate) },
  { header: 'complaints.registrationDate', value: (c) => formatDate(c.registrationDate) },
  { header: 'complaints.complainant', value: (c) => c.complainantName },
  { header: 'persons.iin', value: (c) => c.complainantIin },
  { header: 'complaints.addressee', value: (c, l) => lookup(CATALOGS[l], `complaints.addressees.${c.addressee}`) },
  {
    header: 'complaints.contested',
    value: (c, l) => `${lookup(CATALOGS[l], `complaints.contestedKinds.${c.contested}`)}${c.contestedRef ? `: ${c.contestedRef}` : ''}`,
  },
  { header: 'complaints.reviewer', value: (c) => c.reviewer },
  { header: 'complaints.statusLabel', value: (c, l) => lookup(CATALOGS[l], `complaints.statuses.${c.status}`) },
  { header: 'complaints.forwardDeadline', value: (c) => (c.forwardDue ? formatDate(c.forwardDue) : '') },
  { header: 'complaints.reviewDeadline', value: (c) => formatDate(c.reviewDue) },
  { header: 'complaints.acceptedBy', value: (c) => c.acceptedBy },
];

export function registerRows(complaints: readonly Complaint[], lang: 'kk' | 'ru'): string[][] {
  return [COLUMNS.map((c) => bilingual(c.header)), ...complaints.map((row) => COLUMNS.map((c) => c.value(row, lang)))];
}

export async function toXlsx(complaints: readonly Complaint[], lang: 'kk' | 'ru'): Promise<Uint8Array<ArrayBuffer>> {
  const rows = registerRows(complaints, lang);
  const data = rows.map((r, i) => r.map((value) => ({ value, type: String, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) })));
  const blob = await writeXlsxFile(data, { sheet: 'Register', columns: COLUMNS.map(() => ({ width: 22 })) }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
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
