/** The import preview: who sent the bundle, what it would change, what was refused, and the Apply button. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_CATEGORIES, type ImportCategory, type ImportItem } from '@shared/bundle/specs';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { Notice } from '../../ui/Notice';
import { ProgressBar, formatDateTime, reasonText, recordLabel, tableName, useLabelNames, versionLine } from './common';
import { applyImport, type ApplyError, type ApplyProgress, type ImportSession } from './importBundle';
import { addKnownOffice } from './repository';
import { lastJobRanIn } from './workerClient';

/** Categories shown in the summary even when empty; the others only when something is in them. */
const ALWAYS_SHOWN: readonly ImportCategory[] = ['new', 'update', 'unchanged', 'conflict'];

function SenderCard({ session }: { session: ImportSession }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const { manifest, sender, encrypted } = session.decoded;
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

function Summary({ session }: { session: ImportSession }) {
  const { t, i18n } = useTranslation();
  const { preview } = session;
  const exists = (k: string) => i18n.exists(k);
  const rejectedByTable = new Map<string, number>();
  for (const r of preview.rejected) rejectedByTable.set(r.table, (rejectedByTable.get(r.table) ?? 0) + 1);
  const tables = [...new Set([...Object.keys(preview.countsByTable), ...rejectedByTable.keys()])];
  const columns = IMPORT_CATEGORIES.filter((c) => ALWAYS_SHOWN.includes(c) || preview.counts[c] > 0);
  return (
    <table className="grid compact bundle-summary" data-testid="bundle-summary">
      <caption>{t('bundles.import.summary')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('bundles.import.table')}</th>
          {columns.map((c) => (
            <th scope="col" key={c} className={`cat cat--${c}`}>
              {t(`bundles.categories.${c}`)}
            </th>
          ))}
          <th scope="col" className="cat cat--rejected">
            {t('bundles.categories.rejected')}
          </th>
        </tr>
      </thead>
      <tbody>
        {tables.map((table) => (
          <tr key={table} data-table={table}>
            <th scope="row">{tableName(t, exists, table)}</th>
            {columns.map((c) => (
              <td key={c} data-category={c}>
                {preview.countsByTable[table]?.[c] ?? 0}
              </td>
            ))}
            <td data-category="rejected">{rejectedByTable.get(table) ?? 0}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('bundles.import.total')}</th>
          {columns.map((c) => (
            <td key={c} data-category={c} data-testid={`total-${c}`}>
              {preview.counts[c]}
            </td>
          ))}
          <td data-category="rejected" data-testid="total-rejected">
            {preview.rejected.length}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function ItemDetail({ item, session }: { item: ImportItem; session: ImportSession }) {
  const { t } = useTranslation();
  const names = useLabelNames();
  if (item.category === 'identity-match' || item.category === 'merged-before') {
    const target =
      item.match?.source === 'bundle'
        ? session.preview.items.find((i) => i.table === 'persons' && i.id === item.match?.id)?.incoming
        : [...session.snapshot.personsByIin.values()].find((p) => p.id === item.match?.id);
    return (
      <>
        {t(item.category === 'merged-before' ? 'bundles.import.mergedBefore' : 'bundles.import.mergeInto', {
          name: target ? recordLabel('persons', target, names) : t('bundles.labels.unknownPerson'),
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

function CategoryList({ category, session }: { category: ImportCategory; session: ImportSession }) {
  const { t, i18n } = useTranslation();
  const names = useLabelNames();
  const items = session.preview.items.filter((i) => i.category === category);
  if (items.length === 0) return null;
  const open = category !== 'unchanged' && category !== 'local-newer' && category !== 'merged-before';
  return (
    <details className="card bundle-category" open={open} data-testid={`category-${category}`}>
      <summary>
        <strong>{t(`bundles.categories.${category}`)}</strong> ({items.length}) —{' '}
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
                <ItemDetail item={item} session={session} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function RejectedList({ session }: { session: ImportSession }) {
  const { t, i18n } = useTranslation();
  const exists = (k: string) => i18n.exists(k);
  const { rejected } = session.preview;
  if (rejected.length === 0) return null;
  return (
    <details className="card bundle-category" open data-testid="category-rejected">
      <summary>
        <strong>{t('bundles.categories.rejected')}</strong> ({rejected.length}) —{' '}
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
    </details>
  );
}

export function ImportPreview({
  session,
  applying,
  failure,
  onApply,
  onRefresh,
  onCancel,
}: {
  session: ImportSession;
  applying: boolean;
  failure: ApplyError | null;
  onApply: (session: ImportSession, run: () => ReturnType<typeof applyImport>) => void;
  onRefresh: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const { preview } = session;
  const merges = preview.counts['identity-match'];
  const [mergeConfirmed, setMergeConfirmed] = useState(false);
  const [progress, setProgress] = useState<ApplyProgress>({ done: 0, total: 0 });
  const previous = session.previousImports[session.previousImports.length - 1];

  return (
    <>
      <SenderCard session={session} />
      {previous ? (
        <Notice kind="info">
          {t('bundles.import.importedBefore', { date: formatDateTime(previous.importedAt), officer: previous.importedBy })}
        </Notice>
      ) : null}
      <Summary session={session} />
      <RejectedList session={session} />
      {(['conflict', 'identity-match', 'new', 'update', 'queued', 'merged-before', 'local-newer', 'unchanged'] as const).map((c) => (
        <CategoryList key={c} category={c} session={session} />
      ))}
      <div className="card bundle-apply" data-testid="bundle-apply">
        {preview.rejected.length > 0 ? (
          <Notice kind="error">{t('bundles.import.blocked', { count: preview.rejected.length })}</Notice>
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
                ? t('bundles.import.blocked', { count: preview.rejected.length })
                : failure.code === 'untrusted'
                  ? t('bundles.import.untrusted', { fingerprint: failure.detail })
                  : failure.code === 'audit-head'
                    ? t(`bundles.import.auditHead.${failure.problem.kind}`)
                    : t('bundles.import.failed', { detail: failure.detail })}
          </Notice>
        ) : null}
        {applying ? <ProgressBar label={t('bundles.import.applying')} done={progress.done} total={progress.total} /> : null}
        <div className="actions">
          {preview.canApply ? (
            <button
              type="button"
              className="primary"
              disabled={applying || !ctx || (merges > 0 && !mergeConfirmed)}
              onClick={() => ctx && onApply(session, () => applyImport(db, ctx, session, { onProgress: setProgress }))}
            >
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
