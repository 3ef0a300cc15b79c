import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleError } from '@shared/bundle';
import { useServices } from '../../core/services';
import { Notice } from '../../ui/Notice';
import { BUNDLE_FILTERS, BundlesNav, ProgressBar, errorMessage } from './common';
import { prepareImport, type ApplyError, type ApplyResult, type ImportSession } from './importBundle';
import { usePendingBundle, type PendingBundleFile } from './pendingBundle';
import { knownOfficesForDecoding } from './repository';
import { decodeInWorker } from './workerClient';
import { ImportPreview } from './ImportPreview';
import { ImportReport } from './ImportReport';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; done: number; total: number }
  | { kind: 'passphrase'; fileName: string; wrong: boolean }
  | { kind: 'refused'; fileName: string; error: BundleError }
  | { kind: 'preview'; session: ImportSession }
  | { kind: 'applying'; session: ImportSession }
  | { kind: 'done'; session: ImportSession; result: ApplyResult }
  | { kind: 'failed'; session: ImportSession; error: ApplyError };

/**
 * Import: open → passphrase when needed → decode in the worker (verify, validate) → preview →
 * apply all in one transaction or nothing → report. Nothing is written before "Apply".
 */
export function ImportPage() {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const pending = usePendingBundle((s) => s.pending);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const file = useRef<PendingBundleFile | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  const decode = useCallback(
    async (passphrase?: string) => {
      const current = file.current;
      if (!current) return;
      setStage({ kind: 'reading', fileName: current.fileName, done: 0, total: 0 });
      try {
        const knownOffices = await knownOfficesForDecoding(db);
        const decoded = await decodeInWorker(
          { bytes: current.bytes, knownOffices, ...(passphrase !== undefined ? { passphrase } : {}) },
          (done, total) => setStage({ kind: 'reading', fileName: current.fileName, done, total }),
        );
        if (!decoded.ok) {
          const code = decoded.error.code;
          if (code === 'passphrase-required' || code === 'wrong-passphrase')
            setStage({ kind: 'passphrase', fileName: current.fileName, wrong: code === 'wrong-passphrase' });
          else setStage({ kind: 'refused', fileName: current.fileName, error: decoded.error });
          return;
        }
        setStage({ kind: 'preview', session: await prepareImport(db, current.fileName, decoded.value) });
      } catch (e: unknown) {
        setStage({ kind: 'refused', fileName: current.fileName, error: { code: 'corrupt', detail: String(e) } });
      }
    },
    [db],
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
      {stage.kind === 'reading' ? (
        <div className="card">
          <p>{t('bundles.import.reading', { fileName: stage.fileName })}</p>
          <ProgressBar label={t('bundles.import.checking')} done={stage.done} total={stage.total} />
        </div>
      ) : null}
      {stage.kind === 'passphrase' ? (
        <PassphrasePrompt
          fileName={stage.fileName}
          wrong={stage.wrong}
          onSubmit={(p) => void decode(p)}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      ) : null}
      {stage.kind === 'refused' ? <Refused fileName={stage.fileName} error={stage.error} /> : null}
      {stage.kind === 'preview' || stage.kind === 'applying' || stage.kind === 'failed' ? (
        <ImportPreview
          session={stage.session}
          applying={stage.kind === 'applying'}
          failure={stage.kind === 'failed' ? stage.error : null}
          onApply={(session, run) => {
            setStage({ kind: 'applying', session });
            void run().then(
              (result) =>
                setStage(result.ok ? { kind: 'done', session, result: result.value } : { kind: 'failed', session, error: result.error }),
              (e: unknown) => setStage({ kind: 'failed', session, error: { code: 'failed', detail: String(e) } }),
            );
          }}
          onRefresh={() => void decode()}
          onCancel={() => setStage({ kind: 'idle' })}
        />
      ) : null}
      {stage.kind === 'done' ? <ImportReport session={stage.session} result={stage.result} /> : null}
    </section>
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
  const [value, setValue] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (value !== '') onSubmit(value);
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="bundle-passphrase-title">
      <h2 id="bundle-passphrase-title">{t('bundles.import.passphraseTitle')}</h2>
      <p>{t('bundles.import.passphraseText', { fileName })}</p>
      {wrong ? <Notice kind="error">{t('bundles.errors.wrong-passphrase')}</Notice> : null}
      <div className="inline-form">
        <label htmlFor="bundle-passphrase">{t('bundles.passphrase.label')}</label>
        <input
          id="bundle-passphrase"
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoFocus
        />
        <button type="submit" className="primary" disabled={value === ''}>
          {t('bundles.import.unlock')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
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
