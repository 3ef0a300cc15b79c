/** The import preview: who sent the bundle, what it would change, what was refused, and the Apply button. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCategory } from '@shared/bundle/specs';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { Notice } from '../../ui/Notice';
import { ProgressBar, formatDateTime, reasonText, recordLabel, tableName, useLabelNames, versionLine, type Progress } from './common';
import type { ApplyError } from './importBundle';
import type { ImportSummary, PreviewItem } from './importJob';
import { PreviewTable } from './PreviewParts';
import { addKnownOffice } from './repository';
import { lastJobRanIn } from './workerClient';

function SenderCard({ session }: { session: ImportSummary }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const { manifest, sender, encrypted } = session;
  const [known, setKnown] = useState(sender.known);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function addOffice() {
    if (!ctx) return;
    const added = await addKnownOffice(db, ctx, {
      officeId: sender.officeId,
      officeCode: sender.officeCode,
      officeName: manifest.office.name,
      publicKey: sender.publicKey,
    });
    setConfirming(false);
    if (added.ok || added.error.code === 'already-known') {
      setKnown(true);
      setMessage({ kind: 'success', text: t('bundles.offices.added', { name: manifest.office.name }) });
    } else setMessage({ kind: 'error', text: t(`bundles.offices.errors.${added.error.code}`) });
  }

  return (
    <div className="card" data-testid="bundle-sender" data-ran-in={lastJobRanIn ?? ''}>
      <h2>{t('bundles.import.sender')}</h2>
      <dl className="facts">
        <dt>{t('bundles.import.office')}</dt>
        <dd>
          {sender.officeName} <span className="mono">({sender.officeCode})</span>
          {known ? (
            <span className="badge success">{t('bundles.import.known')}</span>
          ) : (
            <span className="badge warning">{t('bundles.import.unknown')}</span>
          )}
        </dd>
        <dt>{t('bundles.import.officer')}</dt>
        <dd>{manifest.officer}</dd>
        <dt>{t('bundles.import.createdAt')}</dt>
        <dd>{formatDateTime(manifest.createdAt)}</dd>
        <dt>{t('bundles.import.fingerprint')}</dt>
        <dd className="mono fingerprint">{sender.fingerprint}</dd>
        <dt>{t('bundles.import.file')}</dt>
        <dd>
          {session.fileName}
          {encrypted ? <span className="badge">{t('bundles.import.encrypted')}</span> : null}
        </dd>
      </dl>
      {!known ? (
        <div className="notice notice--warning" role="status">
          <p>{t('bundles.import.unknownSender', { fingerprint: sender.fingerprint })}</p>
          {confirming ? (
            <div className="actions">
              <span>{t('bundles.offices.confirmAdd', { fingerprint: sender.fingerprint })}</span>
              <button type="button" className="primary" onClick={() => void addOffice()}>
                {t('bundles.offices.confirmYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} disabled={!ctx}>
              {t('bundles.offices.addSender')}
            </button>
          )}
        </div>
      ) : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
    </div>
  );
}

function ItemDetail({ item }: { item: PreviewItem }) {
  const { t } = useTranslation();
  const names = useLabelNames();
  if (item.category === 'identity-match' || item.category === 'merged-before') {
    return (
      <>
        {t(item.category === 'merged-before' ? 'bundles.import.mergedBefore' : 'bundles.import.mergeInto', {
          name: item.matchPerson ? recordLabel('persons', item.matchPerson, names) : t('bundles.labels.unknownPerson'),
        })}
      </>
    );
  }
  if (
    item.local &&
    (item.category === 'update' || item.category === 'conflict' || item.category === 'local-newer' || item.category === 'queued')
  ) {
    return (
      <>
        {t('bundles.import.localCopy', { line: versionLine(item.local) })}
        <br />
        {t('bundles.import.incomingCopy', { line: versionLine(item.incoming) })}
      </>
    );
  }
  return <>{versionLine(item.incoming)}</>;
}

function CategoryList({ category, session }: { category: ImportCategory; session: ImportSummary }) {
  const { t, i18n } = useTranslation();
  const names = useLabelNames();
  const items = session.items.filter((i) => i.category === category);
  const count = session.counts[category];
  if (items.length === 0) return null;
  const open = category !== 'unchanged' && category !== 'local-newer' && category !== 'merged-before';
  return (
    <details className="card bundle-category" open={open} data-testid={`category-${category}`}>
      <summary>
        <strong>{t(`bundles.categories.${category}`)}</strong> ({count}) —{' '}
        <span className="muted">{t(`bundles.categoryHints.${category}`)}</span>
      </summary>
      <table className="grid compact">
        <thead>
          <tr>
            <th scope="col">{t('bundles.import.table')}</th>
            <th scope="col">{t('bundles.import.record')}</th>
            <th scope="col">{t('bundles.import.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.table}:${item.id}`}>
              <td>{tableName(t, (k) => i18n.exists(k), item.table)}</td>
              <td>{recordLabel(item.table, item.incoming, names)}</td>
              <td>
                <ItemDetail item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {count > items.length ? <p className="muted">{t('bundles.import.moreItems', { count: count - items.length })}</p> : null}
    </details>
  );
}

function RejectedList({ session }: { session: ImportSummary }) {
  const { t, i18n } = useTranslation();
  const exists = (k: string) => i18n.exists(k);
  const { rejected, rejectedCount } = session;
  if (rejected.length === 0) return null;
  return (
    <details className="card bundle-category" open data-testid="category-rejected">
      <summary>
        <strong>{t('bundles.categories.rejected')}</strong> ({rejectedCount}) —{' '}
        <span className="muted">{t('bundles.categoryHints.rejected')}</span>
      </summary>
      <table className="grid compact">
        <thead>
          <tr>
            <th scope="col">{t('bundles.import.table')}</th>
            <th scope="col">{t('bundles.import.position')}</th>
            <th scope="col">{t('bundles.import.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {rejected.map((r) => (
            <tr key={`${r.table}:${r.index}:${r.id ?? ''}`}>
              <td>{tableName(t, exists, r.table)}</td>
              <td>{r.index >= 0 ? `№ ${r.index + 1}` : ''}</td>
              <td>
                <ul className="reasons">
                  {r.errors.map((line) => {
                    const { path, message } = reasonText(t, exists, line);
                    return (
                      <li key={line}>
                        {path ? <span className="mono">{path}: </span> : null}
                        {message}
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rejectedCount > rejected.length ? (
        <p className="muted">{t('bundles.import.moreItems', { count: rejectedCount - rejected.length })}</p>
      ) : null}
    </details>
  );
}

export function ImportPreview({
  session,
  applying,
  progress,
  failure,
  onApply,
  onRefresh,
  onCancel,
}: {
  session: ImportSummary;
  applying: boolean;
  progress: Progress;
  failure: ApplyError | null;
  onApply: () => void;
  onRefresh: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const preview = session;
  const merges = preview.counts['identity-match'];
  const [mergeConfirmed, setMergeConfirmed] = useState(false);
  const previous = session.previousImports[session.previousImports.length - 1];

  return (
    <>
      <SenderCard session={session} />
      {previous ? (
        <Notice kind="info">
          {t('bundles.import.importedBefore', { date: formatDateTime(previous.importedAt), officer: previous.importedBy })}
        </Notice>
      ) : null}
      <PreviewTable summary={session} caption={t('bundles.import.summary')} testId="bundle-summary" totalTestId={(c) => `total-${c}`} />
      <RejectedList session={session} />
      {(['conflict', 'identity-match', 'new', 'update', 'queued', 'merged-before', 'local-newer', 'unchanged'] as const).map((c) => (
        <CategoryList key={c} category={c} session={session} />
      ))}
      <div className="card bundle-apply" data-testid="bundle-apply">
        {preview.rejectedCount > 0 ? (
          <Notice kind="error">{t('bundles.import.blocked', { count: preview.rejectedCount })}</Notice>
        ) : preview.changesNothing ? (
          <Notice kind="success">
            <span data-testid="bundle-nothing">{t('bundles.import.nothingToChange')}</span>
          </Notice>
        ) : (
          <>
            <p>{t('bundles.import.applyExplain')}</p>
            {preview.counts.conflict > 0 ? (
              <Notice kind="warning">{t('bundles.import.conflictsWarn', { count: preview.counts.conflict })}</Notice>
            ) : null}
            {merges > 0 ? (
              <label className="checkbox">
                <input type="checkbox" checked={mergeConfirmed} onChange={(e) => setMergeConfirmed(e.target.checked)} />
                {t('bundles.import.confirmMerge', { count: merges })}
              </label>
            ) : null}
          </>
        )}
        {failure ? (
          <Notice kind="error">
            {failure.code === 'stale'
              ? t('bundles.import.stale')
              : failure.code === 'rejected'
                ? t('bundles.import.blocked', { count: preview.rejectedCount })
                : failure.code === 'untrusted'
                  ? t('bundles.import.untrusted', { fingerprint: failure.detail })
                  : failure.code === 'audit-head'
                    ? t(`bundles.import.auditHead.${failure.problem.kind}`)
                    : t('bundles.import.failed', { detail: failure.code === 'quota' ? t('errors.quota') : failure.detail })}
          </Notice>
        ) : null}
        {applying ? <ProgressBar label={t('bundles.import.applying')} progress={progress} /> : null}
        <div className="actions">
          {preview.canApply ? (
            <button type="button" className="primary" disabled={applying || !ctx || (merges > 0 && !mergeConfirmed)} onClick={onApply}>
              {t('bundles.import.apply')}
            </button>
          ) : null}
          {failure?.code === 'stale' ? (
            <button type="button" onClick={onRefresh}>
              {t('bundles.import.refresh')}
            </button>
          ) : null}
          <button type="button" onClick={onCancel} disabled={applying}>
            {preview.canApply ? t('common.cancel') : t('common.close')}
          </button>
        </div>
      </div>
    </>
  );
}
