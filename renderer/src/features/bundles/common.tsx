import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BundleEncodeError, BundleError } from '@shared/bundle';
import type { RecordEnvelope } from '@shared/records/envelope';
import { sectionHref } from '../../core/router';
import { formatDate } from '../../ui/format';

export const BUNDLE_FILTERS = [{ name: 'Qamqor', extensions: ['qamqor'] }];

type Page = 'home' | 'export' | 'import' | 'conflicts' | 'history' | 'offices';
const PAGES: readonly { page: Page; path: string[] }[] = [
  { page: 'home', path: [] },
  { page: 'export', path: ['export'] },
  { page: 'import', path: ['import'] },
  { page: 'conflicts', path: ['conflicts'] },
  { page: 'history', path: ['history'] },
  { page: 'offices', path: ['offices'] },
];

/** The feature's own tabs, on every page of it. */
export function BundlesNav({ current, conflicts }: { current: Page; conflicts?: number }) {
  const { t } = useTranslation();
  return (
    <nav className="bundles-nav" aria-label={t('bundles.nav.label')}>
      {PAGES.map(({ page, path }) => (
        <a key={page} href={sectionHref('bundles', path)} aria-current={page === current ? 'page' : undefined}>
          {t(`bundles.nav.${page}`)}
          {page === 'conflicts' && conflicts ? <span className="badge warning">{conflicts}</span> : null}
        </a>
      ))}
    </nav>
  );
}

export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="bundle-progress" data-testid="bundle-progress">
      <label>
        {label}
        <progress max={total > 0 ? total : undefined} value={total > 0 ? done : undefined} aria-valuetext={`${percent}%`} />
      </label>
      <span className="muted">{total > 0 ? `${percent}%` : ''}</span>
    </div>
  );
}

/** `DD.MM.YYYY HH:MM` in the office's local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function tableName(t: TFunction, i18nExists: (key: string) => boolean, table: string): string {
  const key = `bundles.tables.${table}`;
  return i18nExists(key) ? t(key) : table;
}

export function errorMessage(t: TFunction, error: BundleError): string {
  return t(`bundles.errors.${error.code}`);
}

export function encodeErrorMessage(t: TFunction, error: BundleEncodeError): string {
  return t(`bundles.encodeErrors.${error.code}`, { detail: error.detail ?? '' });
}

/**
 * A rejection reason `path: key` in the officer's language. Keys of the core catalog are used as they
 * are; zod's own issue keys (`validation.zod.*`) and the codec's `bundle.*` keys live in this
 * feature's catalog under `bundles.`.
 */
export function reasonText(t: TFunction, i18nExists: (key: string) => boolean, line: string): { path: string; message: string } {
  const at = line.indexOf(': ');
  const path = at >= 0 ? line.slice(0, at) : '';
  const key = at >= 0 ? line.slice(at + 2) : line;
  const message = i18nExists(key) ? t(key) : i18nExists(`bundles.${key}`) ? t(`bundles.${key}`) : t('bundles.reasons.unknown', { key });
  const field = path.split('.')[0] ?? '';
  const label =
    field && i18nExists(`bundles.fields.${field}`)
      ? `${t(`bundles.fields.${field}`)}${path.length > field.length ? ` (${path})` : ''}`
      : path;
  return { path: label, message };
}

function str(record: RecordEnvelope, field: string): string {
  const v = (record as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : '';
}

/** A short human name of a record: person's name and IIN, case or complaint number, file name… */
export function recordLabel(table: string, record: RecordEnvelope): string {
  switch (table) {
    case 'persons':
      return `${[str(record, 'lastName'), str(record, 'firstName'), str(record, 'middleName')].filter(Boolean).join(' ')} (${str(record, 'iin')})`;
    case 'cases':
      return `${str(record, 'caseNumber')} — ${str(record, 'subject')}`;
    case 'complaints':
      return `${str(record, 'number')} — ${str(record, 'complainantName')}`;
    case 'applications':
      return `${str(record, 'service')}, ${formatDate(str(record, 'registrationDate'))}`;
    case 'hearings':
      return `${formatDate(str(record, 'date'))} ${str(record, 'time')}`;
    case 'intakes':
      return `${formatDate(str(record, 'registrationDate'))}`;
    case 'rehabProgrammes':
      return str(record, 'number');
    case 'wheelchairChecks':
      return formatDate(str(record, 'checkDate'));
    case 'wheelchairOrders':
      return `${str(record, 'wheelchairType')}, ${formatDate(str(record, 'orderDate'))}`;
    case 'documents':
      return str(record, 'fileName');
    default:
      return record.id;
  }
}

/** Who changed a copy last, where and when. */
export function versionLine(record: RecordEnvelope): string {
  return `${formatDateTime(record.updatedAt)}, ${record.updatedBy}`;
}
