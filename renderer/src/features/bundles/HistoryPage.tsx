import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { Notice } from '../../ui/Notice';
import { BundlesNav, formatDateTime } from './common';
import { listImportHistory } from './repository';

/** Every bundle applied in this office: which, from whom, when, and what it changed. */
export function HistoryPage() {
  const { t } = useTranslation();
  const { db } = useServices();
  const rows = useLiveData(() => listImportHistory(db), [db]);
  return (
    <section aria-labelledby="bundles-history-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-history-title">{t('bundles.history.title')}</h1>
      </header>
      <BundlesNav current="history" />
      {rows.status === 'error' ? <Notice kind="error">{t('bundles.unexpected', { detail: rows.error })}</Notice> : null}
      {rows.status === 'done' && rows.value.length === 0 ? <div className="empty">{t('bundles.history.empty')}</div> : null}
      {rows.status === 'done' && rows.value.length > 0 ? (
        <table className="grid" data-testid="bundle-history">
          <thead>
            <tr>
              <th scope="col">{t('bundles.history.importedAt')}</th>
              <th scope="col">{t('bundles.import.office')}</th>
              <th scope="col">{t('bundles.import.officer')}</th>
              <th scope="col">{t('bundles.import.createdAt')}</th>
              <th scope="col">{t('bundles.history.counts')}</th>
              <th scope="col">{t('bundles.import.file')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.value.map((r) => (
              <tr key={r.id}>
                <td>
                  {formatDateTime(r.importedAt)}
                  <div className="muted">{r.importedBy}</div>
                </td>
                <td>
                  {r.office.name} <span className="mono">({r.office.code})</span>
                  {r.office.known ? (
                    <span className="badge success">{t('bundles.import.known')}</span>
                  ) : (
                    <span className="badge warning">{t('bundles.import.unknown')}</span>
                  )}
                  <div className="mono muted small">{r.office.fingerprint}</div>
                </td>
                <td>{r.officer}</td>
                <td>{formatDateTime(r.bundleCreatedAt)}</td>
                <td>
                  {(['new', 'update', 'conflict', 'identity-match', 'unchanged', 'local-newer'] as const)
                    .filter((c) => r.counts[c] > 0)
                    .map((c) => `${t(`bundles.categories.${c}`)}: ${r.counts[c]}`)
                    .join(', ')}
                </td>
                <td>
                  {r.fileName}
                  <div className="mono muted small">{r.bundleId}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
