import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleError } from '@shared/bundle';
import type { ImportCategory } from '@shared/bundle/specs';
import type { OfficeProfile } from '@shared/office';
import { err, ok, type Result } from '@shared/result';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { Notice } from '../../ui/Notice';
import {
  JobCancelled,
  PassphraseAsk,
  PreviewTable,
  ProgressBar,
  formatDateTime,
  importSession,
  recordLabel,
  tableName,
  trackProgress,
  useLabelNames,
  type ImportSummary,
  type Progress,
  type RestoreError,
  type RestoreReport,
} from '../bundles';
import { sniffBackup } from './restore';
import { backupSettingsChanged } from './store';

type Session = ReturnType<typeof importSession>;
const NOTHING_YET: Progress = { done: 0, total: 0, startedAt: 0, at: 0 };

export interface RestoreFile {
  fileName: string;
  bytes: Uint8Array;
}

type Stage =
  | { kind: 'passphrase'; wrong: boolean }
  | { kind: 'reading'; progress: Progress }
  | { kind: 'refused'; code: BundleError['code'] | 'not-a-backup' }
  | { kind: 'preview'; session: ImportSummary; confirming: boolean; failure: RestoreError | null }
  | { kind: 'done'; session: ImportSummary; report: RestoreReport };
/** Categories whose records are listed one by one: the ones an officer must look at. */
const LISTED: readonly ImportCategory[] = ['conflict', 'identity-match', 'queued'];

/**
 * Restore: passphrase (typed again, never taken from the settings) → decrypt, check and plan in the
 * bundle worker on its own connection (the page gets the summary only; "Stop" ends it and nothing is
 * written) → the preview → apply there, all or nothing → report. Nothing is written before "Restore".
 */
export function RestoreFlow({ file, onClose }: { file: RestoreFile; onClose: () => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const kind = sniffBackup(file.bytes);
  const [stage, setStage] = useState<Stage>(
    kind === 'plain-bundle' ? { kind: 'refused', code: 'not-a-backup' } : { kind: 'passphrase', wrong: false },
  );
  const client = useRef<Session | null>(null);
  const endSession = useCallback(() => {
    client.current?.close();
    client.current = null;
  }, []);
  useEffect(() => endSession, [endSession]);
  const close = () => {
    endSession();
    onClose();
  };

  const decode = useCallback(
    async (passphrase: string) => {
      endSession();
      const session = importSession(db);
      client.current = session;
      setStage({ kind: 'reading', progress: NOTHING_YET });
      try {
        const opened = await session.open(
          { fileName: file.fileName, bytes: file.bytes, passphrase },
          trackProgress((progress) => setStage({ kind: 'reading', progress })),
        );
        if (!opened.ok) {
          const code = opened.error.code;
          if (code === 'wrong-passphrase' || code === 'passphrase-required') setStage({ kind: 'passphrase', wrong: true });
          else setStage({ kind: 'refused', code });
          return;
        }
        if (!opened.value.encrypted) return setStage({ kind: 'refused', code: 'not-a-backup' });
        setStage({ kind: 'preview', session: opened.value, confirming: false, failure: null });
      } catch (e: unknown) {
        if (!(e instanceof JobCancelled)) setStage({ kind: 'refused', code: 'corrupt' });
      }
    },
    [db, file, endSession],
  );

  return (
    <div className="restore-flow" data-testid="restore-flow">
      <h3>{t('backup.restore.fileTitle', { fileName: file.fileName })}</h3>
      {stage.kind === 'passphrase' ? <PassphraseForm wrong={stage.wrong} onSubmit={(p) => void decode(p)} onCancel={close} /> : null}
      {stage.kind === 'reading' ? (
        <>
          <ProgressBar label={t('backup.restore.reading')} progress={stage.progress} />
          <div className="actions">
            <button type="button" onClick={close}>
              {t('bundles.progress.cancel')}
            </button>
          </div>
        </>
      ) : null}
      {stage.kind === 'refused' ? (
        <div className="notice notice--error" role="alert" data-testid="restore-refused" data-code={stage.code}>
          <p>{t(`backup.decodeErrors.${stage.code}`)}</p>
          <p>{t('backup.restore.nothingWritten')}</p>
          {stage.code === 'not-a-backup' ? <a href={sectionHref('bundles', ['import'])}>{t('backup.restore.toImport')}</a> : null}
          <div className="actions">
            <button type="button" onClick={close}>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : null}
      {stage.kind === 'preview' ? (
        <RestorePreview
          apply={(c, o, onProgress) =>
            client.current ? applyInWorker(client.current, c, o, onProgress) : Promise.resolve(err({ code: 'stale' }))
          }
          session={stage.session}
          confirming={stage.confirming}
          failure={stage.failure}
          onConfirm={(confirming) => setStage({ ...stage, confirming })}
          onApplying={(session) => setStage({ kind: 'preview', session, confirming: false, failure: null })}
          onApplied={(session, report) => setStage({ kind: 'done', session, report })}
          onFailed={(session, failure) => setStage({ kind: 'preview', session, confirming: false, failure })}
          onRefresh={() => setStage({ kind: 'passphrase', wrong: false })}
          onCancel={close}
        />
      ) : null}
      {stage.kind === 'done' ? <RestoreDone session={stage.session} report={stage.report} onClose={close} /> : null}
    </div>
  );
}

function PassphraseForm({ wrong, onSubmit, onCancel }: { wrong: boolean; onSubmit: (passphrase: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <PassphraseAsk
      words={{
        title: t('backup.restore.passphraseTitle'),
        text: t('backup.restore.passphraseText'),
        wrong: t('backup.decodeErrors.wrong-passphrase'),
        label: t('backup.restore.passphrase'),
        unlock: t('backup.restore.unlock'),
      }}
      wrong={wrong}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}

function BackupFacts({ session }: { session: ImportSummary }) {
  const { t } = useTranslation();
  const office = useAppStore((s) => s.office);
  const { manifest, sender } = session;
  const sameOffice = office !== null && sender.officeId === office.officeId;
  return (
    <div data-testid="restore-facts">
      <dl className="facts">
        <dt>{t('backup.restore.madeAt')}</dt>
        <dd>{formatDateTime(manifest.createdAt)}</dd>
        <dt>{t('backup.restore.madeBy')}</dt>
        <dd>{manifest.officer}</dd>
        <dt>{t('backup.restore.office')}</dt>
        <dd>
          {manifest.office.name} <span className="mono">({manifest.office.code})</span>
        </dd>
        <dt>{t('backup.restore.fingerprint')}</dt>
        <dd className="mono">{sender.fingerprint}</dd>
      </dl>
      {sameOffice ? (
        <Notice kind="info">{t('backup.restore.sameOffice')}</Notice>
      ) : (
        <Notice kind="warning">
          {t('backup.restore.otherInstallation', { code: manifest.office.code, here: office?.officeCode ?? '' })}
          {office !== null && office.officeCode !== manifest.office.code
            ? ` ${t('backup.restore.otherCode', { code: manifest.office.code, here: office.officeCode })}`
            : ''}
        </Notice>
      )}
    </div>
  );
}

function ItemsToCheck({ session }: { session: ImportSummary }) {
  const { t, i18n } = useTranslation();
  const labelNames = useLabelNames();
  const items = session.items.filter((i) => LISTED.includes(i.category));
  if (items.length === 0 && session.rejected.length === 0) return null;
  return (
    <table className="grid compact" data-testid="restore-items">
      <caption>{t('backup.restore.toCheck')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('backup.restore.category')}</th>
          <th scope="col">{t('backup.restore.table')}</th>
          <th scope="col">{t('backup.restore.record')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.table}:${item.id}`}>
            <td>{t(`backup.categories.${item.category}`)}</td>
            <td>{tableName(t, (k) => i18n.exists(k), item.table)}</td>
            <td>{recordLabel(item.table, item.incoming, labelNames)}</td>
          </tr>
        ))}
        {session.rejected.map((r) => (
          <tr key={`rejected:${r.table}:${r.index}`}>
            <td>{t('backup.categories.rejected')}</td>
            <td>{tableName(t, (k) => i18n.exists(k), r.table)}</td>
            <td>{`№ ${r.index + 1}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function failureText(t: ReturnType<typeof useTranslation>['t'], failure: RestoreError): string {
  if (failure.code === 'failed') return t('backup.restore.failed', { detail: failure.detail });
  // The worker has no translations: a full disk comes as a code and is said here (issue 19 point 5).
  if (failure.code === 'quota') return t('backup.restore.failed', { detail: t('errors.quota') });
  return t(`backup.restore.errors.${failure.code}`);
}

/** Applies the session the worker holds as a restore into `office`; the page's officer and clock. */
async function applyInWorker(
  client: Session,
  ctx: WriteContext,
  office: OfficeProfile,
  onProgress: (p: Progress) => void,
): Promise<Result<RestoreReport, RestoreError>> {
  const applied = await client.apply(
    { actor: ctx.actor, roles: ctx.roles, now: ctx.now(), restoreInto: office },
    trackProgress(onProgress),
  );
  if (!applied.ok) return applied;
  return applied.value.kind === 'restore' ? ok(applied.value.report) : err({ code: 'failed', detail: 'not a restore' });
}

function RestorePreview(props: {
  apply: (ctx: WriteContext, office: OfficeProfile, onProgress: (p: Progress) => void) => Promise<Result<RestoreReport, RestoreError>>;
  session: ImportSummary;
  confirming: boolean;
  failure: RestoreError | null;
  onConfirm: (confirming: boolean) => void;
  onApplying: (session: ImportSummary) => void;
  onApplied: (session: ImportSummary, report: RestoreReport) => void;
  onFailed: (session: ImportSummary, failure: RestoreError) => void;
  onRefresh: () => void;
  onCancel: () => void;
}) {
  const { session, confirming } = props;
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const preview = session;
  const merges = preview.counts['identity-match'];
  const [mergeConfirmed, setMergeConfirmed] = useState(false);
  const [progress, setProgress] = useState<Progress>(NOTHING_YET);
  const writes = preview.counts.new + preview.counts.update + merges;

  const applying = useSubmit((c: WriteContext, o: OfficeProfile) => props.apply(c, o, setProgress), {
    onOk: (report) => {
      backupSettingsChanged();
      props.onApplied(session, report);
    },
    onRefused: (refusal) => props.onFailed(session, refusal),
  });
  // A failure nobody foresaw (a full disk, a bug) is shown like a refused apply: nothing was written.
  const failure: RestoreError | null = props.failure ?? (applying.failure === null ? null : { code: 'failed', detail: applying.failure });

  function apply() {
    if (!ctx || !office) return;
    props.onApplying(session);
    applying.run(ctx, office);
  }

  return (
    <div data-testid="restore-preview">
      <BackupFacts session={session} />
      <PreviewTable
        summary={session}
        caption={t('backup.restore.summary')}
        testId="restore-summary"
        totalTestId={(c) => `restore-total-${c}`}
      />
      <ItemsToCheck session={session} />
      {preview.rejectedCount > 0 ? (
        <Notice kind="error">{t('backup.restore.blocked', { n: preview.rejectedCount })}</Notice>
      ) : preview.changesNothing ? (
        <Notice kind="success">
          <span data-testid="restore-nothing">{t('backup.restore.nothingToChange')}</span>
        </Notice>
      ) : (
        <>
          <p>{t('backup.restore.applyExplain')}</p>
          {preview.counts.conflict > 0 ? (
            <Notice kind="warning">{t('backup.restore.conflictsWarn', { n: preview.counts.conflict })}</Notice>
          ) : null}
          {merges > 0 ? (
            <label className="checkbox">
              <input type="checkbox" checked={mergeConfirmed} onChange={(e) => setMergeConfirmed(e.target.checked)} />
              {t('backup.restore.confirmMerge', { n: merges })}
            </label>
          ) : null}
        </>
      )}
      {failure ? <Notice kind="error">{failureText(t, failure)}</Notice> : null}
      {applying.busy ? <ProgressBar label={t('backup.restore.applying')} progress={progress} /> : null}
      {confirming ? (
        <div className="notice notice--warning" role="alertdialog" aria-label={t('backup.restore.confirmTitle')}>
          <p>{t('backup.restore.confirmText', { n: writes })}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={apply}>
              {t('backup.restore.confirmYes')}
            </button>
            <button type="button" onClick={() => props.onConfirm(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          {preview.canApply && !preview.changesNothing ? (
            <button
              type="button"
              className="primary"
              disabled={applying.busy || !ctx || (merges > 0 && !mergeConfirmed)}
              onClick={() => props.onConfirm(true)}
            >
              {t('backup.restore.apply')}
            </button>
          ) : null}
          {failure?.code === 'stale' ? (
            <button type="button" onClick={props.onRefresh}>
              {t('backup.restore.refresh')}
            </button>
          ) : null}
          <button type="button" onClick={props.onCancel} disabled={applying.busy}>
            {preview.canApply && !preview.changesNothing ? t('common.cancel') : t('common.close')}
          </button>
        </div>
      )}
    </div>
  );
}

function RestoreDone({ session, report, onClose }: { session: ImportSummary; report: RestoreReport; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const heading = useId();
  useEffect(() => {
    document.getElementById(heading)?.focus();
  }, [heading]);
  const { result, counters } = report;
  return (
    <div data-testid="restore-report">
      <div className="notice notice--success" role="status" id={heading} tabIndex={-1}>
        {result.kind === 'nothing'
          ? t('backup.restore.nothingToChange')
          : t('backup.restore.applied', { fileName: session.fileName, n: result.written })}
      </div>
      {result.kind === 'applied' ? (
        <p>
          {Object.entries(result.history.countsByTable)
            .filter(([, c]) => c.new + c.update > 0)
            .map(([table, c]) => `${tableName(t, (k) => i18n.exists(k), table)}: ${c.new + c.update}`)
            .join(', ')}
        </p>
      ) : null}
      {counters.length > 0 ? <p className="muted">{t('backup.restore.countersRaised')}</p> : null}
      {result.kind === 'applied' && result.conflicts > 0 ? (
        <Notice kind="warning">
          {t('backup.restore.conflictsQueued', { n: result.conflicts })}{' '}
          <a href={sectionHref('bundles', ['conflicts'])}>{t('backup.restore.toConflicts')}</a>
        </Notice>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
