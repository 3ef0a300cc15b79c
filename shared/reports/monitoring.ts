/**
 * The monitoring export (issue 17 point 2): one row per stage record of the period. The column layout
 * is DATA (docs/monitoring-export.md): each column names the field it takes, its cell type and its
 * Kazakh and Russian headers, so an office can adapt the layout to the monitoring system's format
 * (Law "On Public Services" Art. 5(2)(11); seed 000 L111 etc.) without a code change.
 */
import { z } from 'zod';
import type { StageCatalog, StageRecord } from '../stages';

export const MONITORING_FIELDS = [
  'iin',
  'service',
  'serviceName',
  'stage',
  'stageName',
  'monitoringCode',
  'date',
  'recordedAt',
  'officer',
  'officeCode',
  'subject',
  'recordId',
  'clause',
] as const;
export type MonitoringField = (typeof MONITORING_FIELDS)[number];

/** text: stored as text (IINs keep their leading zeros); date: a date cell; datetime: a date-time cell. */
export const CELL_KINDS = ['text', 'date', 'datetime', 'number'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

export interface MonitoringColumn {
  field: MonitoringField;
  kind: CellKind;
  headerKk: string;
  headerRu: string;
  /** Column width in characters for the XLSX. */
  width: number;
}

export interface MonitoringLayout {
  id: string;
  version: number;
  columns: MonitoringColumn[];
}

export const monitoringLayoutSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  columns: z
    .array(
      z.object({
        field: z.enum(MONITORING_FIELDS),
        kind: z.enum(CELL_KINDS),
        headerKk: z.string().min(1),
        headerRu: z.string().min(1),
        width: z.number().int().min(4).max(120),
      }),
    )
    .min(1),
});

export const DEFAULT_MONITORING_LAYOUT: MonitoringLayout = {
  id: 'qamqor-monitoring',
  version: 1,
  columns: [
    { field: 'iin', kind: 'text', headerKk: 'ЖСН', headerRu: 'ИИН', width: 14 },
    { field: 'service', kind: 'text', headerKk: 'Қызмет коды', headerRu: 'Код услуги', width: 22 },
    { field: 'serviceName', kind: 'text', headerKk: 'Қызмет', headerRu: 'Услуга', width: 40 },
    { field: 'stage', kind: 'text', headerKk: 'Саты коды', headerRu: 'Код этапа', width: 24 },
    { field: 'stageName', kind: 'text', headerKk: 'Саты', headerRu: 'Этап', width: 36 },
    { field: 'date', kind: 'date', headerKk: 'Күні', headerRu: 'Дата', width: 12 },
    { field: 'recordedAt', kind: 'datetime', headerKk: 'Енгізілген уақыты', headerRu: 'Дата и время ввода', width: 18 },
    { field: 'officer', kind: 'text', headerKk: 'Қызметкер', headerRu: 'Сотрудник', width: 26 },
    { field: 'officeCode', kind: 'text', headerKk: 'Бөлім коды', headerRu: 'Код отдела', width: 12 },
  ],
};

export type MonitoringValue =
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: string }
  | { kind: 'number'; value: number };

export interface MonitoringLookups {
  catalog: StageCatalog;
  /** personId → IIN. */
  iinOf(personId: string): string;
  /** officeId → office code (the id itself when the office is unknown). */
  officeCodeOf(officeId: string): string;
  serviceName(serviceId: string, lang: 'kk' | 'ru'): string;
  /** ISO timestamp (UTC) → the office's wall time 'YYYY-MM-DDTHH:MM' (the caller knows the time zone). */
  localDateTime(at: string): string;
}

function fieldValue(r: StageRecord, field: MonitoringField, l: MonitoringLookups, lang: 'kk' | 'ru'): string {
  const stage = l.catalog.stages.find((s) => s.id === r.stageId);
  switch (field) {
    case 'iin':
      return l.iinOf(r.personId);
    case 'service':
      return r.service;
    case 'serviceName':
      return l.serviceName(r.service, lang);
    case 'stage':
      return r.stageId;
    case 'stageName':
      return stage ? (lang === 'kk' ? stage.nameKk : stage.nameRu) : r.stageId;
    case 'monitoringCode':
      return stage?.monitoringCode ?? '';
    case 'date':
      return r.date;
    case 'recordedAt':
      return l.localDateTime(r.at);
    case 'officer':
      return r.by;
    case 'officeCode':
      return l.officeCodeOf(r.officeId);
    case 'subject':
      return r.subject;
    case 'recordId':
      return r.recordId;
    case 'clause':
      return r.citations.map((c) => `seed ${c.seed} ${c.lines}`).join('; ');
  }
}

/** The export's rows (without the header), typed per column. */
export function monitoringRows(
  records: readonly StageRecord[],
  layout: MonitoringLayout,
  lookups: MonitoringLookups,
  lang: 'kk' | 'ru',
): MonitoringValue[][] {
  return records.map((r) =>
    layout.columns.map((col): MonitoringValue => {
      const v = fieldValue(r, col.field, lookups, lang);
      return col.kind === 'number' ? { kind: 'number', value: Number(v) } : { kind: col.kind, value: v };
    }),
  );
}

/** Headers in both languages ("ЖСН / ИИН"), so one file serves a Kazakh and a Russian reader. */
export function monitoringHeaders(layout: MonitoringLayout, lang: 'kk' | 'ru'): string[] {
  return layout.columns.map((c) => (lang === 'kk' ? `${c.headerKk} / ${c.headerRu}` : `${c.headerRu} / ${c.headerKk}`));
}

const quote = (v: string): string => (/[";\n\r]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);

/** Dates as DD.MM.YYYY and date-times as DD.MM.YYYY HH:MM (office wall time). */
function csvText(v: MonitoringValue): string {
  if (v.kind === 'number') return String(v.value);
  if (v.kind === 'date') return `${v.value.slice(8, 10)}.${v.value.slice(5, 7)}.${v.value.slice(0, 4)}`;
  if (v.kind === 'datetime') return `${v.value.slice(8, 10)}.${v.value.slice(5, 7)}.${v.value.slice(0, 4)} ${v.value.slice(11, 16)}`;
  return v.value;
}

/**
 * CSV as the register's: UTF-8 with a byte-order mark, semicolons, CRLF. A CSV has no cell types: a
 * spreadsheet program may strip an IIN's leading zero unless the column is imported as text
 * (docs/monitoring-export.md); the XLSX keeps it as a text cell.
 */
export function monitoringCsv(headers: readonly string[], rows: readonly MonitoringValue[][]): string {
  const lines = [headers.map(quote).join(';'), ...rows.map((r) => r.map((v) => quote(csvText(v))).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
