import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, isTechnicalChange } from '@shared/audit';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { auditOfficers, listAudit, type AuditFilter, type AuditTrailRow } from '../../db/repositories/audit';
import { Notice } from '../../ui/Notice';
import { DateField } from '../../ui/DateField';
import {
  actionLabel,
  entryChanges,
  entryHref,
  formatDateTime,
  historyHref,
  KNOWN_TABLES,
  pathLabel,
  recordHref,
  tableLabel,
} from './display';
import { VerifyPanel } from './VerifyPanel';

const PAGE_SIZE = 50;
const FILTER_KEYS = ['officer', 'action', 'table', 'recordId', 'from', 'to'] as const;
type FilterForm = Record<(typeof FILTER_KEYS)[number], string>;

/** A local calendar day (YYYY-MM-DD) as the ISO instant it starts at. */
function dayStart(day: string, plusDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

function toFilter(q: FilterForm): AuditFilter {
  const f: AuditFilter = {};
  if (q.officer) f.officer = q.officer;
  if (q.action) f.action = q.action;
  if (q.table) f.table = q.table;
  if (q.recordId.trim()) f.recordId = q.recordId.trim();
  const from = dayStart(q.from);
  const to = dayStart(q.to, 1);
  if (from) f.fromAt = from;
  if (to) f.toAt = to;
  return f;
}

function Summary({ entry }: { entry: AuditTrailRow }) {
  const { t, i18n } = useTranslation();
  const changes = entryChanges(entry).changes.filter((c) => !isTechnicalChange(c));
  if (entry.action === 'create') return <>{t('audit.summary.created')}</>;
  // An event (sign-in, print) has nothing to compare; only a saved edit can be "without changes".
  if (changes.length === 0) return <span className="muted">{entry.action === 'update' ? t('audit.summary.none') : t('common.none')}</span>;
  const names = changes.slice(0, 3).map((c) => pathLabel(i18n, entry.table, c.path));
  return <>{changes.length > 3 ? t('audit.summary.more', { fields: names.join(', '), count: changes.length - 3 }) : names.join(', ')}</>;
}

function TrailTable({ entries }: { entries: AuditTrailRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="grid compact audit-trail" data-testid="audit-trail">
      <thead>
        <tr>
          <th scope="col">{t('audit.seq')}</th>
          <th scope="col">{t('audit.at')}</th>
          <th scope="col">{t('audit.officer')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.record')}</th>
          <th scope="col">{t('audit.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const recordLink = recordHref(e.table, e.recordId);
          return (
            <tr key={e.seq} data-seq={e.seq}>
              <td>
                <a href={entryHref(e.seq)} aria-label={t('audit.openEntry', { seq: e.seq })}>
                  {e.seq}
                </a>
              </td>
              <td className="audit-nowrap">{formatDateTime(e.at)}</td>
              <td>{e.officer}</td>
              <td>
                <span className={`badge audit-action audit-action--${e.action}`}>{actionLabel(t, i18n, e.action)}</span>
              </td>
              <td>
                {tableLabel(i18n, e.table)}
                <br />
                {recordLink ? (
                  <a className="mono audit-id" href={recordLink} title={e.recordId}>
                    {e.recordId}
                  </a>
                ) : (
                  <span className="mono audit-id" title={e.recordId}>
                    {e.recordId}
                  </span>
                )}{' '}
                <a href={historyHref(e.table, e.recordId)}>{t('audit.history')}</a>
              </td>
              <td>
                <Summary entry={e} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The trail, newest first, a page at a time (paged by seq: the stack keeps where each page began, so
 * "newer" goes back exactly). Filters live in the address, so a filtered view can be linked to.
 */
export function TrailPage({ query }: { query: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const initial: FilterForm = { officer: '', action: '', table: '', recordId: '', from: '', to: '' };
  for (const k of FILTER_KEYS) initial[k] = query[k] ?? '';
  const [form, setForm] = useState<FilterForm>(initial);
  const [starts, setStarts] = useState<(number | undefined)[]>([undefined]);
  const beforeSeq = starts[starts.length - 1];
  // The page is keyed by its query (AuditSection), so the filter is fixed for this page's life.
  const [filter] = useState(() => toFilter(initial));
  const page = useLiveData(
    () => listAudit(db, filter, { limit: PAGE_SIZE, ...(beforeSeq !== undefined ? { beforeSeq } : {}) }),
    [db, filter, beforeSeq],
  );
  const officers = useLiveData(() => auditOfficers(db), [db]);
  const filtered = Object.keys(filter).length > 0;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const q = Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== '')) as Record<string, string>;
    window.location.hash = sectionHref('audit', [], q);
  };
  const set = (k: keyof FilterForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  return (
    <section aria-labelledby="audit-title">
      <header className="page-header">
        <h1 id="audit-title">{t('audit.title')}</h1>
      </header>
      <VerifyPanel />

      <form className="card audit-filters" onSubmit={apply} aria-label={t('audit.filters.title')}>
        <label>
          {t('audit.filters.officer')}
          <select name="officer" value={form.officer} onChange={set('officer')}>
            <option value="">{t('audit.filters.any')}</option>
            {(officers.status === 'done' ? officers.value : []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filters.action')}
          <select name="action" value={form.action} onChange={set('action')}>
            <option value="">{t('audit.filters.any')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(t, i18n, a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filters.table')}
          <select name="table" value={form.table} onChange={set('table')}>
            <option value="">{t('audit.filters.any')}</option>
            {KNOWN_TABLES.map((tb) => (
              <option key={tb} value={tb}>
                {tableLabel(i18n, tb)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filters.recordId')}
          <input name="recordId" value={form.recordId} onChange={set('recordId')} className="mono" spellCheck={false} />
        </label>
        <label>
          {t('audit.filters.from')}
          <DateField name="from" value={form.from} onChange={(v) => setForm((f) => ({ ...f, from: v }))} />
        </label>
        <label>
          {t('audit.filters.to')}
          <DateField name="to" value={form.to} onChange={(v) => setForm((f) => ({ ...f, to: v }))} />
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            {t('audit.filters.apply')}
          </button>
          {filtered ? (
            <a className="button" href={sectionHref('audit')}>
              {t('audit.filters.clear')}
            </a>
          ) : null}
        </div>
      </form>

      {page.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: page.error })}</Notice> : null}
      {page.status === 'done' && page.value.entries.length === 0 ? (
        <div className="empty">{filtered ? t('audit.emptyFiltered') : t('audit.empty')}</div>
      ) : null}
      {page.status === 'done' && page.value.entries.length > 0 ? (
        <>
          <TrailTable entries={page.value.entries} />
          <div className="actions audit-pager">
            <button type="button" disabled={starts.length <= 1} onClick={() => setStarts((s) => s.slice(0, -1))}>
              {t('audit.newer')}
            </button>
            <span className="muted">{t('audit.pageNumber', { page: starts.length })}</span>
            <button
              type="button"
              disabled={page.value.nextBeforeSeq === undefined}
              onClick={() => setStarts((s) => [...s, page.value.nextBeforeSeq])}
            >
              {t('audit.older')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
