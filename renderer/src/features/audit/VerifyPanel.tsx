import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAnchor, TrustBreak, TrustReport } from '@shared/audit';
import { useServices } from '../../core/services';
import { auditSigningFailure, verifyAuditTrail } from '../../db/repositories/audit';
import { describeError } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { entryHref } from './display';
import { headFileAnchor, useHeadFileStatus } from './headFile';
import { HeadFileNotice } from './HeadFileNotice';
import { AnchorPicker, TrailExportButton } from './TrailExport';

type State =
  | { status: 'idle' }
  | { status: 'running'; read: number; total: number }
  | { status: 'done'; report: TrustReport }
  | { status: 'cancelled' }
  | { status: 'error'; detail: string };

function BreakMessage({ b }: { b: TrustBreak }) {
  const { t } = useTranslation();
  switch (b.kind) {
    case 'edited':
      return <>{t(`audit.verify.edited.${b.reason}`, { seq: b.seq })}</>;
    case 'removed':
      return (
        <>
          {b.missingFrom === b.missingTo
            ? t('audit.verify.removedOne', { missing: b.missingFrom, seq: b.seq })
            : t('audit.verify.removedMany', { from: b.missingFrom, to: b.missingTo, seq: b.seq })}
        </>
      );
    case 'inserted':
      return <>{t(`audit.verify.inserted.${b.reason}`, { seq: b.seq })}</>;
    case 'unsigned':
      return <>{t('audit.verify.unsigned', { seq: b.seq })}</>;
    case 'rewritten':
      return <>{t('audit.verify.rewritten', { seq: b.seq, at: b.checkpointSeq, source: b.source })}</>;
    case 'truncated':
      return <>{t('audit.verify.truncated', { from: b.seq, to: b.missingTo, source: b.source })}</>;
  }
}

function Verdict({ report }: { report: TrustReport }) {
  const { t } = useTranslation();
  if (report.break) {
    return (
      <Notice kind="error">
        <strong>{t('audit.verify.broken')}</strong> <BreakMessage b={report.break} />{' '}
        {report.break.kind === 'truncated' ? null : (
          <a href={entryHref(report.break.seq)}>{t('audit.verify.openEntry', { seq: report.break.seq })}</a>
        )}
        <br />
        {t('audit.verify.verifiedBefore', { count: report.verified })}
      </Notice>
    );
  }
  if (report.read === 0) return <Notice kind="info">{t('audit.verify.empty')}</Notice>;
  if (report.verified === 0) return <Notice kind="warning">{t('audit.verify.onlyLegacy')}</Notice>;
  return (
    <Notice kind="success">
      <strong>{t('audit.verify.intact')}</strong> {t('audit.verify.intactDetail', { count: report.verified })}
    </Notice>
  );
}

function ReportDetails({ report }: { report: TrustReport }) {
  const { t } = useTranslation();
  return (
    <>
      {report.legacy ? (
        <Notice kind="info">
          {t('audit.verify.legacy', { count: report.legacy.count, from: report.legacy.firstSeq, to: report.legacy.lastSeq })}
        </Notice>
      ) : null}
      {report.baselineUpTo !== null ? <Notice kind="info">{t('audit.verify.baseline', { seq: report.baselineUpTo })}</Notice> : null}
      {report.invalidCheckpoints > 0 ? (
        <Notice kind="warning">{t('audit.verify.invalidCheckpoints', { count: report.invalidCheckpoints })}</Notice>
      ) : null}
      {report.anchorsChecked > 0 ? <p className="muted">{t('audit.verify.anchorsChecked', { count: report.anchorsChecked })}</p> : null}
      {report.signedHead ? (
        <p className="muted" data-testid="audit-signed-head">
          {t('audit.verify.signedHead', { seq: report.signedHead.seq, at: report.signedHead.signedAt })}
        </p>
      ) : null}
      {report.head && !report.break ? (
        <p className="audit-head">
          {t('audit.verify.head', { seq: report.head.seq })} <code className="audit-digest">{report.head.digest}</code>
        </p>
      ) : null}
    </>
  );
}

/**
 * "Verify audit trail": walks the chain page by page with a progress bar, against the office's signed
 * checkpoints and any head kept outside the database, and says where it breaks.
 */
export function VerifyPanel() {
  const { t } = useTranslation();
  const { db } = useServices();
  const [state, setState] = useState<State>({ status: 'idle' });
  const [anchors, setAnchors] = useState<AuditAnchor[]>([]);
  const abort = useRef<AbortController | null>(null);
  const fileAnchor = headFileAnchor(useHeadFileStatus().status);

  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ status: 'running', read: 0, total: 0 });
    try {
      const report = await verifyAuditTrail(db, {
        signal: controller.signal,
        anchors: fileAnchor ? [fileAnchor, ...anchors] : anchors,
        onProgress: (read, total) => setState({ status: 'running', read, total }),
      });
      setState({ status: 'done', report });
    } catch (e: unknown) {
      if (controller.signal.aborted) setState({ status: 'cancelled' });
      else setState({ status: 'error', detail: describeError(e) });
    } finally {
      abort.current = null;
    }
  };

  const report = state.status === 'done' ? state.report : null;
  const signingFailure = auditSigningFailure(db);
  return (
    <section className="card audit-verify" aria-labelledby="audit-verify-title" data-testid="audit-verify">
      <div className="page-header">
        <h2 id="audit-verify-title">{t('audit.verify.title')}</h2>
        <div className="actions">
          <TrailExportButton />
          {state.status === 'running' ? (
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('common.cancel')}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void run()}>
              {t('audit.verify.run')}
            </button>
          )}
        </div>
      </div>
      <p className="muted">{t('audit.verify.intro')}</p>
      <HeadFileNotice />
      <AnchorPicker anchors={anchors} onAdd={(a) => setAnchors((list) => [...list, a])} />
      {signingFailure ? <Notice kind="error">{t('audit.verify.signingFailed', { detail: describeError(signingFailure) })}</Notice> : null}
      {state.status === 'running' ? (
        <div className="audit-progress" role="status">
          <progress max={Math.max(state.total, 1)} value={state.read} aria-label={t('audit.verify.progressLabel')} />
          <span>
            {t('audit.verify.progress', { read: state.read.toLocaleString('ru-RU'), total: state.total.toLocaleString('ru-RU') })}
          </span>
        </div>
      ) : null}
      {state.status === 'cancelled' ? <Notice kind="info">{t('audit.verify.cancelled')}</Notice> : null}
      {state.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: state.detail })}</Notice> : null}
      {report ? (
        <div data-testid="audit-verify-result">
          <Verdict report={report} />
          <ReportDetails report={report} />
        </div>
      ) : null}
    </section>
  );
}
