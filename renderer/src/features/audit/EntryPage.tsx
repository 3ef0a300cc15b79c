import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTechnicalChange } from '@shared/audit';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { getAuditEntry } from '../../db/repositories/audit';
import { Notice } from '../../ui/Notice';
import { actionLabel, ChangesTable, formatDateTime, historyHref, recordHref, tableLabel } from './display';
import { RecordHistory } from './RecordHistory';

/** One entry with everything it says, its digests included (`#/audit/entry/<seq>`). */
export function EntryPage({ seq }: { seq: number }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const [showTechnical, setShowTechnical] = useState(true);
  const entry = useLiveData(() => getAuditEntry(db, seq), [db, seq]);

  return (
    <section aria-labelledby="audit-entry-title">
      <header className="page-header">
        <h1 id="audit-entry-title">{t('audit.entryNumber', { seq })}</h1>
        <div className="actions">
          <a href={sectionHref('audit')}>{t('audit.backToTrail')}</a>
        </div>
      </header>
      {entry.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: entry.error })}</Notice> : null}
      {entry.status === 'done' && !entry.value ? <div className="empty">{t('audit.entryMissing', { seq })}</div> : null}
      {entry.status === 'done' && entry.value ? (
        <>
          <dl className="card facts" data-testid="audit-entry">
            <dt>{t('audit.at')}</dt>
            <dd>{formatDateTime(entry.value.at)}</dd>
            <dt>{t('audit.officer')}</dt>
            <dd>{entry.value.officer}</dd>
            <dt>{t('audit.action')}</dt>
            <dd>{actionLabel(t, i18n, entry.value.action)}</dd>
            <dt>{t('audit.record')}</dt>
            <dd>
              {tableLabel(i18n, entry.value.table)} · <span className="mono">{entry.value.recordId}</span>{' '}
              {(() => {
                const link = recordHref(entry.value.table, entry.value.recordId);
                return link ? <a href={link}>{t('audit.openRecord')}</a> : null;
              })()}{' '}
              <a href={historyHref(entry.value.table, entry.value.recordId)}>{t('audit.history')}</a>
            </dd>
            <dt>{t('audit.officeId')}</dt>
            <dd className="mono">{entry.value.officeId ?? t('common.none')}</dd>
            <dt>{t('audit.prevDigest')}</dt>
            <dd>
              <code className="audit-digest">{entry.value.prevDigest ?? t('audit.legacyEntry')}</code>
            </dd>
            <dt>{t('audit.digest')}</dt>
            <dd>
              <code className="audit-digest">{entry.value.digest ?? t('audit.legacyEntry')}</code>
            </dd>
          </dl>
          <section className="card" data-testid="audit-entry-changes">
            <div className="page-header">
              <h2>{t('audit.changes')}</h2>
              <label className="checkbox">
                <input type="checkbox" checked={showTechnical} onChange={(e) => setShowTechnical(e.target.checked)} />
                {t('audit.showTechnical')}
              </label>
            </div>
            <ChangesTable table={entry.value.table} entry={entry.value} showTechnical={showTechnical} isTechnical={isTechnicalChange} />
          </section>
        </>
      ) : null}
    </section>
  );
}

/** `#/audit/record/<table>/<recordId>`: the history of one record on a page of its own. */
export function RecordHistoryPage({ table, recordId }: { table: string; recordId: string }) {
  const { t, i18n } = useTranslation();
  const link = recordHref(table, recordId);
  return (
    <section aria-labelledby="audit-record-title">
      <header className="page-header">
        <h1 id="audit-record-title">
          {tableLabel(i18n, table)} · <span className="mono">{recordId}</span>
        </h1>
        <div className="actions">
          {link ? <a href={link}>{t('audit.openRecord')}</a> : null}
          <a href={sectionHref('audit')}>{t('audit.backToTrail')}</a>
        </div>
      </header>
      <RecordHistory table={table} recordId={recordId} />
    </section>
  );
}
