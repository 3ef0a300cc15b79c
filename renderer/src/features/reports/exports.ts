/**
 * Report and monitoring files (issue 17 points 2, 3, 6), written through the app's one XLSX writer
 * (ui/xlsx.ts) and recorded in the audit trail.
 */
import {
  DEFAULT_MONITORING_LAYOUT,
  FIGURE_CITATIONS,
  FIGURE_IDS,
  monitoringCsv,
  monitoringHeaders,
  monitoringRows,
  type MonitoringLayout,
  type MonitoringLookups,
  type PeriodReport,
} from '@shared/reports';
import { MAX_DISCLOSED_IDS, type Disclosure } from '@shared/audit';
import type { StageRecord } from '@shared/stages';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { recordDisclosure } from '../../db/repositories/audit';
import { CATALOGS } from '../../i18n';
import { writeXlsx, type XlsxCell } from '../../ui/xlsx';

type Catalog = { [key: string]: string | Catalog };
export type Lang = 'kk' | 'ru';

/** A message of the catalogs outside React (files are written after the click, in both languages). */
export function message(lang: Lang, key: string): string {
  let node: string | Catalog | undefined = CATALOGS[lang];
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : key;
}

const both = (lang: Lang, key: string): string => {
  const other: Lang = lang === 'kk' ? 'ru' : 'kk';
  return `${message(lang, key)} / ${message(other, key)}`;
};

const clauses = (id: (typeof FIGURE_IDS)[number]): string =>
  (FIGURE_CITATIONS[id] ?? []).map((c) => `seed ${c.seed} ${c.lines}`).join('; ');

/** The period report as XLSX: one row per figure, the total and one column per office; a second sheet with the period. */
export async function reportXlsx(report: PeriodReport, codeOf: (officeId: string) => string, lang: Lang): Promise<Uint8Array<ArrayBuffer>> {
  const header = [
    both(lang, 'reports.figure'),
    both(lang, 'reports.term'),
    both(lang, 'reports.total'),
    ...report.offices.map((o) => codeOf(o.officeId)),
  ];
  const rows: XlsxCell[][] = FIGURE_IDS.map((id) => [
    {
      kind: 'text',
      value: `${message(lang, `reports.groups.${id.slice(0, id.indexOf('.'))}`)}: ${message(lang, `reports.figures.${id}`)}`,
    },
    { kind: 'text', value: clauses(id) },
    { kind: 'number', value: report.total[id].length },
    ...report.offices.map((o): XlsxCell => ({ kind: 'number', value: o.figures[id].length })),
  ]);
  return writeXlsx([
    { name: message(lang, 'reports.sheets.report'), header, rows, widths: [60, 28, 10, ...report.offices.map(() => 12)] },
    {
      name: message(lang, 'reports.periodLegend'),
      header: [both(lang, 'reports.from'), both(lang, 'reports.to'), 'as of'],
      rows: [
        [
          { kind: 'date', value: report.period.from },
          { kind: 'date', value: report.period.to },
          { kind: 'date', value: report.asOf },
        ],
      ],
      widths: [14, 14, 14],
    },
  ]);
}

export interface MonitoringFile {
  data: Uint8Array<ArrayBuffer>;
  rows: number;
}

export async function monitoringXlsx(
  records: readonly StageRecord[],
  lookups: MonitoringLookups,
  lang: Lang,
  layout: MonitoringLayout = DEFAULT_MONITORING_LAYOUT,
): Promise<MonitoringFile> {
  const rows = monitoringRows(records, layout, lookups, lang);
  const data = await writeXlsx([
    {
      name: message(lang, 'reports.sheets.monitoring'),
      header: monitoringHeaders(layout, lang),
      rows,
      widths: layout.columns.map((c) => c.width),
    },
  ]);
  return { data, rows: rows.length };
}

export function monitoringCsvFile(
  records: readonly StageRecord[],
  lookups: MonitoringLookups,
  lang: Lang,
  layout: MonitoringLayout = DEFAULT_MONITORING_LAYOUT,
): MonitoringFile {
  const rows = monitoringRows(records, layout, lookups, lang);
  const text = monitoringCsv(monitoringHeaders(layout, lang), rows);
  const bytes = new TextEncoder().encode(text);
  const data = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  data.set(bytes);
  return { data, rows: rows.length };
}

/**
 * The disclosure of an export (issue 19): which form, in which medium, for which period, how many rows.
 * A report holds counts, not personal data; the monitoring export names persons (IINs) and records.
 */
export function exportDisclosure(
  kind: 'report-xlsx' | 'monitoring-xlsx' | 'monitoring-csv',
  period: { from: string; to: string },
  rows: number,
  recordIds: readonly string[] = [],
): Disclosure {
  return {
    form: kind === 'report-xlsx' ? 'period-report' : 'monitoring-export',
    medium: kind === 'monitoring-csv' ? 'csv' : 'xlsx',
    table: kind === 'report-xlsx' ? 'reports' : 'stages',
    ...(recordIds.length > 0 ? { recordIds: recordIds.slice(0, MAX_DISCLOSED_IDS) } : {}),
    filter: { from: period.from, to: period.to },
    count: rows,
  };
}

export function recordReportExport(db: QamqorDb, ctx: WriteContext, disclosure: Disclosure): Promise<void> {
  return recordDisclosure(db, ctx, disclosure);
}

/** The A4 print of a period report (recorded by the print preview itself). */
export function printDisclosure(period: { from: string; to: string }): Disclosure {
  return { form: 'period-report', medium: 'print', table: 'reports', filter: { from: period.from, to: period.to }, count: 1 };
}

/** Office wall time of an ISO timestamp, 'YYYY-MM-DDTHH:MM' (the computer's time zone is the office's). */
export function localDateTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at.slice(0, 16);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
