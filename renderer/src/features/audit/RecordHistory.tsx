import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTechnicalChange } from '@shared/audit';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { recordHistory } from '../../db/repositories/audit';
import { Notice } from '../../ui/Notice';
import { actionLabel, ChangesTable, entryHref, formatDateTime } from './display';

/**
 * The history of one record, read from the audit trail: who changed what and when, newest first, each
 * change as field / before / after. Other features embed it: `<RecordHistory table="persons" recordId={id} />`.
 */
export function RecordHistory({ table, recordId }: { table: string; recordId: string }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const [showTechnical, setShowTechnical] = useState(false);
  const history = useLiveData(() => recordHistory(db, table, recordId), [db, table, recordId]);
  const titleId = useId();

  return (
    <section className="card audit-history" aria-labelledby={titleId} data-testid="record-history">
      <div className="page-header">
        <h2 id={titleId}>{t('audit.historyTitle')}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={showTechnical} onChange={(e) => setShowTechnical(e.target.checked)} />
          {t('audit.showTechnical')}
        </label>
      </div>
      {history.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: history.error })}</Notice> : null}
      {history.status === 'done' && history.value.length === 0 ? <p className="muted">{t('audit.historyEmpty')}</p> : null}
      {history.status === 'done'
        ? [...history.value].reverse().map((e) => (
            <article key={e.seq} className="audit-history__entry" data-seq={e.seq}>
              <h3>
                <span className={`badge audit-action audit-action--${e.action}`}>{actionLabel(t, i18n, e.action)}</span>{' '}
                {formatDateTime(e.at)} · {e.officer}{' '}
                <a className="audit-seq" href={entryHref(e.seq)}>
                  {t('audit.entryNumber', { seq: e.seq })}
                </a>
              </h3>
              <ChangesTable table={table} entry={e} showTechnical={showTechnical} isTechnical={isTechnicalChange} />
            </article>
          ))
        : null}
    </section>
  );
}
