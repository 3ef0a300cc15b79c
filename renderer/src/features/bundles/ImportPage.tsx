import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleError } from '@shared/bundle';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { Notice } from '../../ui/Notice';
import { BUNDLE_FILTERS, BundlesNav, NO_PROGRESS, ProgressBar, errorMessage, trackProgress, type Progress } from './common';
import type { ApplyError, ApplyResult } from './importBundle';
import type { ImportSummary } from './importJob';
import { usePendingBundle, type PendingBundleFile } from './pendingBundle';
import { JobCancelled, importSession, type ImportSessionClient } from './workerClient';
import { ImportPreview } from './ImportPreview';
import { ImportReport } from './ImportReport';
import { PassphraseAsk } from './PreviewParts';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; progress: Progress }
  | { kind: 'cancelled' }
  | { kind: 'passphrase'; fileName: string; wrong: boolean }
  | { kind: 'refused'; fileName: string; error: BundleError }
  | { kind: 'preview'; session: ImportSummary }
  | { kind: 'applying'; session: ImportSummary; progress: Progress }
  | { kind: 'done'; session: ImportSummary; result: ApplyResult }
  | { kind: 'failed'; session: ImportSummary; error: ApplyError };

/**
 * Import: open → passphrase when needed → decode and plan in the bundle worker (verify, validate,
 * compare with this office's records on the worker's own connection) → preview from the worker's small
 * summary → apply there, all in one transaction or nothing → report. Nothing is written before
 * "Apply"; until then "Stop" ends the worker at once (issue 14 B6, B7).
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const pending = usePendingBundle((s) => s.pending);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const file = useRef<PendingBundleFile | null>(null);
  const client = useRef<ImportSessionClient | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  const endSession = useCallback(() => {
    client.current?.close();
    client.current = null;
  }, []);
  // Leaving the page ends the worker (a decode under way stops; an apply under way is left to finish there).
  useEffect(() => endSession, [endSession]);

  const decode = useCallback(
    async (passphrase?: string) => {
      const current = file.current;
      if (!current) return;
      endSession();
      const session = importSession(db);
      client.current = session;
      const fileName = current.fileName;
      setStage({ kind: 'reading', fileName, progress: NO_PROGRESS });
      const onProgress = trackProgress((progress) => setStage({ kind: 'reading', fileName, progress }));
      try {
        const opened = await session.open(
          { fileName, bytes: current.bytes, ...(passphrase !== undefined ? { passphrase } : {}) },
          onProgress,
        );
        if (!opened.ok) {
          const code = opened.error.code;
          if (code === 'passphrase-required' || code === 'wrong-passphrase')
            setStage({ kind: 'passphrase', fileName, wrong: code === 'wrong-passphrase' });
          else setStage({ kind: 'refused', fileName, error: opened.error });
          return;
        }
        setStage({ kind: 'preview', session: opened.value });
      } catch (e: unknown) {
        if (e instanceof JobCancelled) return;
        setStage({ kind: 'refused', fileName, error: { code: 'corrupt', detail: String(e) } });
      }
    },
    [db, endSession],
  );

  const start = useCallback(
    (next: PendingBundleFile) => {
      file.current = next;
      setOpenError(null);
      void decode();
    },
    [decode],
  );

  // A file handed over by the desktop shell or another page: taken from the pending store once it is
  // there (already on opening the page, or later), outside the effect's body.
  useEffect(() => {
    if (!pending) return;
    let cancelled = false;
    void Promise.resolve().then(() => {
      if (cancelled) return;
      const taken = usePendingBundle.getState().take();
      if (taken) start(taken);
    });
    return () => {
      cancelled = true;
    };
  }, [pending, start]);

  async function chooseFile() {
    const opened = await platform.openFile({ filters: BUNDLE_FILTERS });
    if (!opened.ok) {
      if (opened.error.code !== 'cancelled') setOpenError(t(`platform.${opened.error.code}`));
      return;
    }
    start({ fileName: opened.value.fileName, bytes: opened.value.data });
  }

  /** Stops a decode or plan under way: the worker ends, nothing was written. */
  function cancelReading() {
    endSession();
    setStage({ kind: 'cancelled' });
  }

  function apply(session: ImportSummary) {
    const running = client.current;
    if (!running || !ctx) return;
    setStage({ kind: 'applying', session, progress: NO_PROGRESS });
    const onProgress = trackProgress((progress) => setStage({ kind: 'applying', session, progress }));
    running.apply({ actor: ctx.actor, roles: ctx.roles, now: ctx.now() }, onProgress).then(
      (result) => {
        if (!result.ok)
          return setStage({
            kind: 'failed',
            session,
            error: result.error.code === 'forbidden' ? { code: 'failed', detail: 'forbidden' } : result.error,
          });
        setStage(
          result.value.kind === 'import'
            ? { kind: 'done', session, result: result.value.result }
            : { kind: 'failed', session, error: { code: 'failed', detail: 'restore' } },
        );
      },
      (e: unknown) => setStage({ kind: 'failed', session, error: { code: 'failed', detail: String(e) } }),
    );
  }

  const busy = stage.kind === 'reading' || stage.kind === 'applying';
  return (
    <section aria-labelledby="bundles-import-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-import-title">{t('bundles.import.title')}</h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void chooseFile()} disabled={busy}>
            {t('bundles.import.open')}
          </button>
        </div>
      </header>
      <BundlesNav current="import" />
      {openError ? <Notice kind="error">{openError}</Notice> : null}
      {stage.kind === 'idle' ? <div className="empty">{t('bundles.import.intro')}</div> : null}
      {stage.kind === 'cancelled' ? (
        <Notice kind="info">
          <span data-testid="bundle-cancelled">{t('bundles.progress.cancelled')}</span>
        </Notice>
      ) : null}
      {stage.kind === 'reading' ? <Reading fileName={stage.fileName} progress={stage.progress} onCancel={cancelReading} /> : null}
      {stage.kind === 'passphrase' ? (
        <PassphrasePrompt
          fileName={stage.fileName}
          wrong={stage.wrong}
          onSubmit={(p) => void decode(p)}
          onCancel={() => {
            endSession();
            setStage({ kind: 'idle' });
          }}
        />
      ) : null}
      {stage.kind === 'refused' ? <Refused fileName={stage.fileName} error={stage.error} /> : null}
      {stage.kind === 'preview' || stage.kind === 'applying' || stage.kind === 'failed' ? (
        <ImportPreview
          session={stage.session}
          applying={stage.kind === 'applying'}
          progress={stage.kind === 'applying' ? stage.progress : NO_PROGRESS}
          failure={stage.kind === 'failed' ? stage.error : null}
          onApply={() => apply(stage.session)}
          onRefresh={() => void decode()}
          onCancel={() => {
            endSession();
            setStage({ kind: 'idle' });
          }}
        />
      ) : null}
      {stage.kind === 'done' ? <ImportReport session={stage.session} result={stage.result} /> : null}
    </section>
  );
}

/** Decoding and planning under way, with "Stop" (nothing is written before Apply). */
function Reading({ fileName, progress, onCancel }: { fileName: string; progress: Progress; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <p>{t('bundles.import.reading', { fileName })}</p>
      <ProgressBar label={t('bundles.import.checking')} progress={progress} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t('bundles.progress.cancel')}
        </button>
      </div>
    </div>
  );
}

function PassphrasePrompt({
  fileName,
  wrong,
  onSubmit,
  onCancel,
}: {
  fileName: string;
  wrong: boolean;
  onSubmit: (p: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <PassphraseAsk
      className="card"
      inputId="bundle-passphrase"
      words={{
        title: t('bundles.import.passphraseTitle'),
        heading: <h2>{t('bundles.import.passphraseTitle')}</h2>,
        text: t('bundles.import.passphraseText', { fileName }),
        wrong: t('bundles.errors.wrong-passphrase'),
        label: t('bundles.passphrase.label'),
        unlock: t('bundles.import.unlock'),
      }}
      wrong={wrong}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}

function Refused({ fileName, error }: { fileName: string; error: BundleError }) {
  const { t } = useTranslation();
  const keyMismatch = error.code === 'bad-signature' && (error.detail ?? '').includes('office-key-mismatch');
  return (
    <div className="notice notice--error" role="alert" data-testid="bundle-refused" data-code={error.code}>
      <h2>{t('bundles.import.refusedTitle')}</h2>
      <p>{t('bundles.import.refusedFile', { fileName })}</p>
      <p data-testid="bundle-refused-message">{keyMismatch ? t('bundles.errors.officeKeyMismatch') : errorMessage(t, error)}</p>
      <p>{t('bundles.import.nothingWritten')}</p>
      {error.entry ? <p className="muted">{t('bundles.import.entry', { entry: error.entry })}</p> : null}
    </div>
  );
}
