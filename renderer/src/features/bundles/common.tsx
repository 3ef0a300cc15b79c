import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BundleEncodeError, BundleError } from '@shared/bundle';
import type { RecordEnvelope } from '@shared/records/envelope';
import { sectionHref } from '../../core/router';
import { useAppStore } from '../../core/store';
import { formatDate } from '../../ui/format';
import type { JobPhase } from './importJob';

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

/** Where a job stands: its phase, done of total, and when the phase started and this report came (ms). */
export interface Progress {
  phase?: JobPhase;
  done: number;
  total: number;
  startedAt: number;
  at: number;
}

export const NO_PROGRESS: Progress = { done: 0, total: 0, startedAt: 0, at: 0 };

/**
 * A progress callback that stamps each report with the time (outside rendering) and the start of its
 * phase (a new phase or a new total starts the clock again), for the time left.
 */
export function trackProgress(set: (p: Progress) => void): (phase: JobPhase | undefined, done: number, total: number) => void {
  let started = { phase: undefined as JobPhase | undefined, total: -1, at: 0 };
  return (phase, done, total) => {
    const at = Date.now();
    if (phase !== started.phase || total !== started.total) started = { phase, total, at };
    set({ ...(phase ? { phase } : {}), done, total, startedAt: started.at, at });
  };
}

/** Seconds left at the pace so far, or null before the pace can be told (too early, nothing done yet). */
export function secondsLeft(p: Progress): number | null {
  const spent = p.at - p.startedAt;
  if (p.done <= 0 || p.total <= p.done || spent < 500) return null;
  return Math.max(1, Math.round(((spent / p.done) * (p.total - p.done)) / 1000));
}

/**
 * A progress bar with "12 400 / 47 101 · ~35 с қалды" (issue 14 B7): done and total in the UI
 * language's digit grouping, the phase's name when given, and the time left at the pace so far.
 */
export function ProgressBar({ label, done, total, progress }: { label: string; done?: number; total?: number; progress?: Progress }) {
  const { t, i18n } = useTranslation();
  const p: Progress = progress ?? { ...NO_PROGRESS, done: done ?? 0, total: total ?? 0 };
  const percent = p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
  const number = new Intl.NumberFormat(i18n.language === 'ru' ? 'ru-RU' : 'kk-KZ');
  const left = secondsLeft(p);
  const parts = [
    p.phase ? t(`bundles.progress.phases.${p.phase}`) : '',
    p.total > 0 ? `${number.format(p.done)} / ${number.format(p.total)}` : '',
    left === null
      ? ''
      : t('bundles.progress.left', {
          time: left < 60 ? t('bundles.progress.seconds', { n: left }) : t('bundles.progress.minutes', { n: Math.ceil(left / 60) }),
        }),
  ].filter(Boolean);
  return (
    <div className="bundle-progress" data-testid="bundle-progress" data-phase={p.phase ?? ''}>
      <label>
        {label}
        <progress max={p.total > 0 ? p.total : undefined} value={p.total > 0 ? p.done : undefined} aria-valuetext={`${percent}%`} />
      </label>
      <span className="muted" data-testid="bundle-progress-line">
        {parts.join(' · ')}
      </span>
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

/**
 * What a record's label needs beyond the record: the names of codes in the officer's language (issue 16
 * pt 7: no raw service or wheelchair-type codes and no ids on the import preview, the restore preview
 * or the conflict queue).
 */
export interface LabelNames {
  /** A service's name from the rule sets (its code when no rule set knows it). */
  service(code: string): string;
  /** A wheelchair type's name from the rule sets (its code when no rule set knows it). */
  wheelchairType(code: string): string;
  /** "Minutes of the hearing of DD.MM.YYYY HH:MM". */
  minutes(date: string, time: string): string;
  /** A record no label is known for: its table's name, never its id. */
  unnamed(table: string): string;
}

/** The labels' names from the rule sets of this office and the UI language. */
export function useLabelNames(): LabelNames {
  const { t, i18n } = useTranslation();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const ru = i18n.language === 'ru';
  const pick = (named: { nameKk: string; nameRu: string } | undefined, code: string) => (named ? (ru ? named.nameRu : named.nameKk) : code);
  return {
    service: (code) =>
      pick(
        ruleSets.flatMap((r) => r.services).find((s) => s.id === code),
        code,
      ),
    wheelchairType: (code) =>
      pick(
        ruleSets.flatMap((r) => r.wheelchairs.types).find((w) => w.id === code),
        code,
      ),
    minutes: (date, time) => t('bundles.labels.minutes', { date: formatDate(date), time }),
    unnamed: (table) => tableName(t, (k) => i18n.exists(k), table),
  };
}

/** Without rule sets or translations (tests, the plain fallback): codes as they are. */
const PLAIN_NAMES: LabelNames = {
  service: (code) => code,
  wheelchairType: (code) => code,
  minutes: (date, time) => `${formatDate(date)} ${time}`,
  unnamed: (table) => table,
};

function minutesContent(record: RecordEnvelope): { date: string; time: string } {
  const content = (record as unknown as { content?: { date?: unknown; startTime?: unknown } }).content;
  return {
    date: typeof content?.date === 'string' ? content.date : '',
    time: typeof content?.startTime === 'string' ? content.startTime : '',
  };
}

/** A short human name of a record: person's name and IIN, case or complaint number, file name… */
export function recordLabel(table: string, record: RecordEnvelope, names: LabelNames = PLAIN_NAMES): string {
  switch (table) {
    case 'persons':
      return `${[str(record, 'lastName'), str(record, 'firstName'), str(record, 'middleName')].filter(Boolean).join(' ')} (${str(record, 'iin')})`;
    case 'cases':
      return `${str(record, 'caseNumber')} — ${str(record, 'subject')}`;
    case 'complaints':
      return `${str(record, 'number')} — ${str(record, 'complainantName')}`;
    case 'applications':
      return `${names.service(str(record, 'service'))}, ${formatDate(str(record, 'registrationDate'))}`;
    case 'hearingMinutes': {
      const { date, time } = minutesContent(record);
      return names.minutes(date, time);
    }
    case 'hearings':
      return `${formatDate(str(record, 'date'))} ${str(record, 'time')}`;
    case 'intakes':
      return `${formatDate(str(record, 'registrationDate'))}`;
    case 'rehabProgrammes':
      return str(record, 'number');
    case 'wheelchairChecks':
      return formatDate(str(record, 'checkDate'));
    case 'wheelchairOrders':
      return `${names.wheelchairType(str(record, 'wheelchairType'))}, ${formatDate(str(record, 'orderDate'))}`;
    case 'documents':
      return str(record, 'fileName');
    default:
      return names.unnamed(table);
  }
}

/** Who changed a copy last, where and when. */
export function versionLine(record: RecordEnvelope): string {
  return `${formatDateTime(record.updatedAt)}, ${record.updatedBy}`;
}
