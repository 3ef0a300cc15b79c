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
import type { StageRecord } from '@shared/stages';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { recordAuditEvent } from '../../db/repositories/audit';
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

/** The export event in the audit trail: what was exported, for which period, how many rows, which layout. */
export function recordReportExport(
  db: QamqorDb,
  ctx: WriteContext,
  detail: {
    kind: 'report-xlsx' | 'monitoring-xlsx' | 'monitoring-csv';
    from: string;
    to: string;
    fileName: string;
    rows: number;
    layout?: string;
  },
): Promise<void> {
  return recordAuditEvent(db, ctx, {
    action: 'export',
    table: detail.kind === 'report-xlsx' ? 'reports' : 'monitoring',
    recordId: `${detail.from}/${detail.to}`,
    after: detail,
  });
}

/** The A4 print of a period report in the audit trail. */
export function recordReportPrint(db: QamqorDb, ctx: WriteContext, period: { from: string; to: string }): Promise<void> {
  return recordAuditEvent(db, ctx, {
    action: 'print',
    table: 'reports',
    recordId: `${period.from}/${period.to}`,
    after: { from: period.from, to: period.to },
  });
}

/** Office wall time of an ISO timestamp, 'YYYY-MM-DDTHH:MM' (the computer's time zone is the office's). */
export function localDateTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at.slice(0, 16);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
