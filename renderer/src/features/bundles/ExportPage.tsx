import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { IpcError } from '@shared/ipc';
import { bundlePassphraseProblem } from '@shared/bundle/specs';
import type { OfficeProfile } from '@shared/office';
import { err, ok, type Result } from '@shared/result';
import { useServices, type Services } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { useAppStore, useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { BUNDLE_FILTERS, BundlesNav, NO_PROGRESS, ProgressBar, encodeErrorMessage, trackProgress, type Progress } from './common';
import { CaseChoiceTable, ExportModeChoice, ExportSaved, PassphraseFields, useCaseSelection, type ExportMode } from './ExportParts';
import { buildBundle, recordExport, type BuiltBundle, type BundleSelection, type ExportError } from './exportBundle';
import { exportPhase } from './exportJob';
import { findCases } from './repository';
import { exportInWorker } from './workerClient';

type Mode = ExportMode;

/** Start of a local calendar day as the ISO timestamp `updatedAt` is compared with. */
function startOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toISOString();
}

/** Why nothing was saved: nothing to export, the encoder refused, or the file could not be saved. */
type ExportRefusal = ExportError | { code: 'save'; error: IpcError };

interface ExportJob {
  /** Cancels the reading and packing (issue 14 B7); after that nothing is saved or recorded. */
  signal: AbortSignal;
  services: Services;
  ctx: WriteContext;
  office: OfficeProfile;
  selection: BundleSelection;
  passphrase: string;
  onProgress: (done: number, total: number) => void;
}

/** Builds the bundle in the worker, saves it where the officer chooses, then records the export. */
async function exportAndSave(job: ExportJob): Promise<Result<{ built: BuiltBundle; fileName: string }, ExportRefusal>> {
  const { services, ctx, selection, passphrase } = job;
  const built = await buildBundle(services.db, selection, {
    office: job.office,
    officer: ctx.actor.officerName,
    // Reading and packing both run in the bundle worker: the page never holds the records (issue 14 B6).
    exporter: exportInWorker(services.db, job.signal),
    onProgress: job.onProgress,
    ...(passphrase ? { passphrase } : {}),
  });
  if (!built.ok) return built;
  if (job.signal.aborted) return err({ code: 'cancelled' });
  const saved = await services.platform.saveFile({
    suggestedName: built.value.suggestedName,
    filters: BUNDLE_FILTERS,
    data: built.value.bytes,
  });
  if (!saved.ok) return err({ code: 'save', error: saved.error });
  await recordExport(services.db, ctx, built.value, saved.value.fileName, selection);
  return ok({ built: built.value, fileName: saved.value.fileName });
}

/** The message of a refusal; none when the officer cancelled the save dialog. */
function refusalText(t: TFunction, refusal: ExportRefusal): string | null {
  if (refusal.code === 'empty') return t('bundles.export.empty');
  if (refusal.code === 'encode') return encodeErrorMessage(t, refusal.error);
  if (refusal.code === 'cancelled') return t('bundles.export.cancelled');
  return refusal.error.code === 'cancelled' ? null : t(`platform.${refusal.error.code}`);
}

/**
 * Export: one case (`#/bundles/export?caseId=…`, `#/bundles/case/<caseId>`), the cases ticked in the
 * list, or every record changed since a date; optional passphrase; the file is saved through the platform.
 */
export function ExportPage({ initialCaseId }: { initialCaseId?: string | undefined }) {
  const { t } = useTranslation();
  const services = useServices();
  const { db } = services;
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);

  const [mode, setMode] = useState<Mode>('cases');
  const [filter, setFilter] = useState('');
  const [query, setQuery] = useState('');
  const [since, setSince] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<Progress>(NO_PROGRESS);
  /** Cancels the export under way (issue 14 B7). */
  const cancelRef = useRef<AbortController | null>(null);
  // Leaving the page cancels an export under way: nothing is saved behind the officer's back.
  useEffect(() => () => cancelRef.current?.abort(), []);
  const [outcome, setOutcome] = useState<{ kind: 'saved'; built: BuiltBundle; fileName: string } | { kind: 'error'; text: string } | null>(
    null,
  );
  const exporting = useSubmit(exportAndSave, {
    onOk: (saved) => {
      setOutcome({ kind: 'saved', ...saved });
      setPassphrase('');
      setConfirm('');
    },
    onRefused: (refusal) => {
      const text = refusalText(t, refusal);
      setOutcome(text === null ? null : { kind: 'error', text });
    },
  });

  useEffect(() => {
    const timer = setTimeout(() => setQuery(filter), 200);
    return () => clearTimeout(timer);
  }, [filter]);

  const choices = useLiveData(() => findCases(db, query), [db, query]);
  const preselected = useAsync(async () => (initialCaseId ? db.cases.get(initialCaseId) : undefined), [db, initialCaseId]);
  const shown = useMemo(() => (choices.status === 'done' ? choices.value : []), [choices]);
  const { selected, allShownSelected, toggle, toggleAllShown } = useCaseSelection(initialCaseId, shown);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!office || !ctx || exporting.busy) return;
    const problems: Record<string, string> = {};
    if (mode === 'cases' && selected.size === 0) problems['cases'] = 'bundles.export.noCases';
    if (mode === 'since' && !/^\d{4}-\d{2}-\d{2}$/u.test(since)) problems['since'] = 'validation.date';
    // Issue 16 pt 7: a bundle's passphrase is held to the backups' rule (shared/bundle/specs/passphrase.ts).
    const weak = bundlePassphraseProblem(passphrase);
    if (weak) problems['passphrase'] = `bundles.passphrase.problems.${weak}`;
    else if (passphrase !== '' && passphrase !== confirm) problems['confirm'] = 'bundles.passphrase.mismatch';
    setErrors(problems);
    setOutcome(null);
    if (Object.keys(problems).length > 0) return;

    const selection: BundleSelection =
      mode === 'cases' ? { kind: 'cases', caseIds: [...selected] } : { kind: 'since', since: startOfDay(since) };
    setProgress(NO_PROGRESS);
    const track = trackProgress(setProgress);
    const controller = new AbortController();
    cancelRef.current = controller;
    exporting.run({
      signal: controller.signal,
      services,
      ctx,
      office,
      selection,
      passphrase,
      onProgress: (done, total) => track(exportPhase(done, total), done, total),
    });
  }

  return (
    <section aria-labelledby="bundles-export-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-export-title">{t('bundles.export.title')}</h1>
      </header>
      <BundlesNav current="export" />
      <p className="muted">{t('bundles.export.intro')}</p>

      <form onSubmit={submit} noValidate aria-labelledby="bundles-export-title">
        <ExportModeChoice mode={mode} onChange={setMode} />

        {mode === 'cases' ? (
          <div className="card">
            <div className="search">
              <label htmlFor="bundle-case-filter">{t('bundles.export.filter')}</label>
              <input
                id="bundle-case-filter"
                type="search"
                value={filter}
                placeholder={t('bundles.export.filterPlaceholder')}
                onChange={(e) => setFilter(e.target.value)}
              />
            </div>
            <p data-testid="bundle-selected-count" aria-live="polite">
              {t('bundles.export.selected', { count: selected.size })}
              {preselected.status === 'done' && preselected.value && selected.has(preselected.value.id) ? (
                <span className="mono"> · {preselected.value.caseNumber}</span>
              ) : null}
            </p>
            {errors['cases'] ? (
              <p className="field__error" role="alert">
                {t(errors['cases'])}
              </p>
            ) : null}
            {choices.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
            {choices.status === 'error' ? <Notice kind="error">{t('bundles.unexpected', { detail: choices.error })}</Notice> : null}
            {choices.status === 'done' && shown.length === 0 ? (
              <div className="empty">{query ? t('bundles.export.noMatch', { query }) : t('bundles.export.noCasesYet')}</div>
            ) : null}
            {shown.length > 0 ? (
              <CaseChoiceTable
                shown={shown}
                selected={selected}
                allShownSelected={allShownSelected}
                onToggle={toggle}
                onToggleAll={toggleAllShown}
              />
            ) : null}
          </div>
        ) : (
          <div className="card">
            <Field label={t('bundles.export.since')} hint={t('bundles.export.sinceHint')} error={errors['since']} required>
              {(p) => <input {...p} type="date" name="since" value={since} onChange={(e) => setSince(e.target.value)} />}
            </Field>
          </div>
        )}

        <PassphraseFields
          passphrase={passphrase}
          confirm={confirm}
          error={errors['confirm']}
          passphraseError={errors['passphrase']}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
        />

        {exporting.busy ? (
          <div className="actions">
            <ProgressBar label={t('bundles.export.progress')} progress={progress} />
            <button type="button" onClick={() => cancelRef.current?.abort()} data-testid="export-cancel">
              {t('common.cancel')}
            </button>
          </div>
        ) : null}
        {outcome?.kind === 'error' ? <Notice kind="error">{outcome.text}</Notice> : null}
        {exporting.failure ? <Notice kind="error">{t('bundles.unexpected', { detail: exporting.failure })}</Notice> : null}
        {outcome?.kind === 'saved' ? <ExportSaved built={outcome.built} fileName={outcome.fileName} /> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={exporting.busy || !ctx}>
            {t('bundles.export.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
