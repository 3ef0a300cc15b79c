import type { TFunction, i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  diffValues,
  isAuditObject,
  isOmittedBinary,
  snapshotChanges,
  toAuditValue,
  type AuditValue,
  type FieldChange,
  type PathSegment,
} from '@shared/audit';
import { href, sectionHref } from '../../core/router';
import type { AuditTrailRow } from '../../db/repositories/audit';
import { formatDate } from '../../ui/format';

/** Tables the trail names today; others (added by later features) are shown by their own name. */
export const KNOWN_TABLES = [
  'persons',
  'cases',
  'complaints',
  'applications',
  'hearings',
  'hearingMinutes',
  'intakes',
  'wheelchairChecks',
  'rehabProgrammes',
  'wheelchairOrders',
  'documents',
  'ruleSets',
  'calendarYears',
  'settings',
  'importHistory',
  'officers',
  'conflicts',
] as const;

/** Catalog namespace holding field labels of a table, where one exists. */
const FIELD_NAMESPACES: Record<string, string> = {
  persons: 'persons',
  cases: 'cases',
  complaints: 'complaints',
  intakes: 'intake',
  wheelchairChecks: 'wheelchairs',
  hearings: 'hearings',
  applications: 'hearings',
};

function message(i18n: I18n, key: string): string | null {
  const v: unknown = i18n.getResource(i18n.language, 'translation', key) ?? i18n.getResource('kk', 'translation', key);
  return typeof v === 'string' ? v : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Local date and time of an ISO timestamp, DD.MM.YYYY HH:MM:SS in both languages. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function actionLabel(t: TFunction, i18n: I18n, action: string): string {
  return message(i18n, `audit.actions.${action}`) ?? t('audit.unknownAction', { action });
}

export function tableLabel(i18n: I18n, table: string): string {
  return message(i18n, `audit.tables.${table}`) ?? table;
}

function fieldLabel(i18n: I18n, table: string, field: string): string {
  const ns = FIELD_NAMESPACES[table];
  return message(i18n, `audit.fields.${field}`) ?? (ns ? message(i18n, `${ns}.${field}`) : null) ?? field;
}

export function pathLabel(i18n: I18n, table: string, path: readonly PathSegment[]): string {
  if (path.length === 0) return message(i18n, 'audit.wholeValue') ?? '';
  const [head, ...rest] = path;
  return [
    fieldLabel(i18n, table, String(head)),
    ...rest.map((s) => (typeof s === 'number' ? `№${s + 1}` : fieldLabel(i18n, table, s))),
  ].join(' › ');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u;

function kib(size: number): string {
  return size < 1024 ? `${size} B` : `${(size / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} KB`;
}

/** Fields whose values are words of a core catalog (`sex.female`, `disabilityGroup.II`). */
const ENUM_CATALOGS: Record<string, string> = {
  sex: 'sex',
  disabilityGroup: 'disabilityGroup',
  disabilityCategory: 'disabilityCategory',
  basis: 'representativeBasis',
};

function enumWord(i18n: I18n, table: string, field: string, value: string): string | null {
  const catalog = ENUM_CATALOGS[field];
  if (catalog) return message(i18n, `${catalog}.${value}`);
  const ns = FIELD_NAMESPACES[table];
  if (field === 'status' && ns) return message(i18n, `${ns}.statuses.${value}`);
  return null;
}

/** A stored value as an officer reads it: dates as dates, enumerations in words, files by size. */
export function formatValue(t: TFunction, i18n: I18n, table: string, field: string, value: AuditValue | undefined): string {
  if (value === undefined) return t('audit.value.absent');
  if (value === null || value === '') return t('audit.value.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const word = enumWord(i18n, table, field, value);
    if (word) return word;
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_TIME.test(value)) return formatDateTime(value);
    return value;
  }
  if (isOmittedBinary(value)) return t('audit.value.binary', { size: kib(value.size) });
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return value.map((v) => formatValue(t, i18n, table, field, v)).join(', ');
    return value.map((v) => formatValue(t, i18n, table, field, v)).join('; ');
  }
  if (isAuditObject(value)) {
    return `{ ${Object.keys(value)
      .sort()
      .map((k) => `${k}: ${formatValue(t, i18n, table, k, value[k])}`)
      .join('; ')} }`;
  }
  return String(value);
}

/**
 * What an entry changed, as rows: the stored diff, or a snapshot field by field (`snapshot` then says
 * which side it is, and the table shows one value column).
 */
export function entryChanges(entry: AuditTrailRow): { changes: FieldChange[]; snapshot: 'before' | 'after' | null } {
  if (entry.changes) return { changes: entry.changes, snapshot: null };
  // Entries from before the chain kept two whole copies: their diff is worked out for display.
  if (entry.before !== undefined && entry.after !== undefined)
    return { changes: diffValues(toAuditValue(entry.before), toAuditValue(entry.after)), snapshot: null };
  if (entry.after !== undefined) return { changes: snapshotChanges(toAuditValue(entry.after), 'after'), snapshot: 'after' };
  if (entry.before !== undefined) return { changes: snapshotChanges(toAuditValue(entry.before), 'before'), snapshot: 'before' };
  return { changes: [], snapshot: null };
}

/** The page of the record an entry is about, where the app has one. */
export function recordHref(table: string, recordId: string): string | null {
  if (table === 'persons') return href({ name: 'person', id: recordId });
  if (table === 'complaints') return sectionHref('complaints', [recordId]);
  return null;
}

export function historyHref(table: string, recordId: string): string {
  return sectionHref('audit', ['record', table, recordId]);
}

export function entryHref(seq: number | string): string {
  return sectionHref('audit', ['entry', String(seq)]);
}

function ValueCell({
  table,
  field,
  value,
  side,
}: {
  table: string;
  field: string;
  value: AuditValue | undefined;
  side: 'before' | 'after';
}) {
  const { t, i18n } = useTranslation();
  return <td className={value === undefined ? 'muted' : `audit-${side}`}>{formatValue(t, i18n, table, field, value)}</td>;
}

/** The changes of one entry as a table: field, before, after (or field and value for a snapshot). */
export function ChangesTable({
  table,
  entry,
  showTechnical,
  isTechnical,
}: {
  table: string;
  entry: AuditTrailRow;
  showTechnical: boolean;
  isTechnical: (c: FieldChange) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const { changes, snapshot } = entryChanges(entry);
  const shown = showTechnical ? changes : changes.filter((c) => !isTechnical(c));
  const hidden = changes.length - shown.length;
  if (changes.length === 0) return <p className="muted">{entry.action === 'update' ? t('audit.noChanges') : t('audit.noDetails')}</p>;
  return (
    <>
      {shown.length > 0 ? (
        <table className="grid compact audit-changes">
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              {snapshot ? (
                <th scope="col">{t('audit.value.title')}</th>
              ) : (
                <>
                  <th scope="col">{t('audit.before')}</th>
                  <th scope="col">{t('audit.after')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => {
              // The field an array item belongs to names its values (history › №2 is still history).
              const field = String([...c.path].reverse().find((s) => typeof s === 'string') ?? '');
              return (
                <tr key={c.path.join('\u0000')}>
                  <th scope="row">{pathLabel(i18n, table, c.path)}</th>
                  {snapshot ? (
                    <ValueCell table={table} field={field} value={c[snapshot]} side={snapshot} />
                  ) : (
                    <>
                      <ValueCell table={table} field={field} value={c.before} side="before" />
                      <ValueCell table={table} field={field} value={c.after} side="after" />
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {hidden > 0 ? <p className="muted audit-hidden">{t('audit.technicalHidden', { count: hidden })}</p> : null}
    </>
  );
}
