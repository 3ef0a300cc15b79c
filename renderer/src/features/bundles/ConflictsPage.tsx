import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { BundlesNav, formatDateTime, recordLabel, tableName, useLabelNames } from './common';
import { openConflicts } from './conflictStore';
import { Resolver } from './conflicts/Resolver';
import { loadConflict } from './resolve';

/** The queue: every open conflict, oldest first. */
export function ConflictsPage() {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const names = useLabelNames();
  const rows = useLiveData(async () => {
    const open = await openConflicts(db);
    return Promise.all(open.map(async (c) => (await loadConflict(db, c.id)) ?? { conflict: c, local: undefined, settled: false }));
  }, [db]);
  return (
    <section aria-labelledby="bundles-conflicts-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-conflicts-title">{t('bundles.conflicts.title')}</h1>
      </header>
      <BundlesNav current="conflicts" conflicts={rows.status === 'done' ? rows.value.length : 0} />
      <p className="muted">{t('bundles.conflicts.intro')}</p>
      {rows.status === 'error' ? <Notice kind="error">{t('bundles.unexpected', { detail: rows.error })}</Notice> : null}
      {rows.status === 'done' && rows.value.length === 0 ? <div className="empty">{t('bundles.conflicts.empty')}</div> : null}
      {rows.status === 'done' && rows.value.length > 0 ? (
        <table className="grid" data-testid="bundle-conflicts">
          <thead>
            <tr>
              <th scope="col">{t('bundles.import.table')}</th>
              <th scope="col">{t('bundles.import.record')}</th>
              <th scope="col">{t('bundles.import.office')}</th>
              <th scope="col">{t('bundles.conflicts.received')}</th>
              <th scope="col">{t('bundles.conflicts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.value.map(({ conflict, settled }) => (
              <tr key={conflict.id}>
                <td>{tableName(t, (k) => i18n.exists(k), conflict.table)}</td>
                <td>{recordLabel(conflict.table, conflict.incoming, names)}</td>
                <td>
                  {conflict.sender.officeName} <span className="mono">({conflict.sender.officeCode})</span>
                  <div className="muted">{conflict.officer}</div>
                </td>
                <td>{formatDateTime(conflict.createdAt)}</td>
                <td>
                  {settled ? <span className="badge success">{t('bundles.conflicts.settled')}</span> : null}{' '}
                  <a href={sectionHref('bundles', ['conflicts', conflict.id])}>{t('bundles.conflicts.open')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** One conflict: only the differing fields, readable side by side, a choice per field (conflicts/Resolver). */
export function ConflictPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [reload, setReload] = useState(0);
  const view = useAsync(() => loadConflict(db, id), [db, id, reload]);
  return (
    <section aria-labelledby="bundles-conflict-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-conflict-title">{t('bundles.conflicts.resolveTitle')}</h1>
        <a href={sectionHref('bundles', ['conflicts'])}>{t('common.back')}</a>
      </header>
      <BundlesNav current="conflicts" />
      {view.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {view.status === 'error' ? <Notice kind="error">{t('bundles.unexpected', { detail: view.error })}</Notice> : null}
      {view.status === 'done' && (!view.value || !view.value.local) ? (
        <Notice kind="warning">{t('bundles.conflicts.notFound')}</Notice>
      ) : null}
      {view.status === 'done' && view.value?.local ? (
        <Resolver key={`${reload}`} view={view.value} onReload={() => setReload((n) => n + 1)} />
      ) : null}
    </section>
  );
}
