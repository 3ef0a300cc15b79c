import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseStrength } from '@shared/bundle/specs';
import { fullName } from '@shared/persons';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { useAppStore, useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { BUNDLE_FILTERS, BundlesNav, ProgressBar, encodeErrorMessage, tableName } from './common';
import { buildBundle, recordExport, type BuiltBundle, type BundleSelection, type Encoder } from './exportBundle';
import { findCases } from './repository';
import { encodeInWorker } from './workerClient';

type Mode = 'cases' | 'since';

const workerEncoder: Encoder = (input, options, onProgress) =>
  encodeInWorker({ input, signingKey: options.signingKey, ...(options.passphrase ? { passphrase: options.passphrase } : {}) }, onProgress);

/** Start of a local calendar day as the ISO timestamp `updatedAt` is compared with. */
function startOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toISOString();
}

/**
 * Export: one case (`#/bundles/export?caseId=…`, `#/bundles/case/<caseId>`), the cases ticked in the
 * list, or every record changed since a date; optional passphrase; the file is saved through the platform.
 */
export function ExportPage({ initialCaseId }: { initialCaseId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);

  const [mode, setMode] = useState<Mode>('cases');
  const [filter, setFilter] = useState('');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(initialCaseId ? [initialCaseId] : []));
  const [since, setSince] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'saved'; built: BuiltBundle; fileName: string } | { kind: 'error'; text: string } | null>(
    null,
  );

  useEffect(() => {
    const timer = setTimeout(() => setQuery(filter), 200);
    return () => clearTimeout(timer);
  }, [filter]);

  const choices = useLiveData(() => findCases(db, query), [db, query]);
  const preselected = useAsync(async () => (initialCaseId ? db.cases.get(initialCaseId) : undefined), [db, initialCaseId]);
  const strength = passphraseStrength(passphrase);
  const shown = useMemo(() => (choices.status === 'done' ? choices.value : []), [choices]);
  const allShownSelected = shown.length > 0 && shown.every((c) => selected.has(c.kase.id));

  function toggle(id: string) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function toggleAllShown() {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const c of shown) {
        if (allShownSelected) next.delete(c.kase.id);
        else next.add(c.kase.id);
      }
      return next;
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!office || !ctx || progress) return;
    const problems: Record<string, string> = {};
    if (mode === 'cases' && selected.size === 0) problems['cases'] = 'bundles.export.noCases';
    if (mode === 'since' && !/^\d{4}-\d{2}-\d{2}$/u.test(since)) problems['since'] = 'validation.date';
    if (passphrase !== '' && passphrase !== confirm) problems['confirm'] = 'bundles.passphrase.mismatch';
    setErrors(problems);
    setOutcome(null);
    if (Object.keys(problems).length > 0) return;

    const selection: BundleSelection =
      mode === 'cases' ? { kind: 'cases', caseIds: [...selected] } : { kind: 'since', since: startOfDay(since) };
    setProgress({ done: 0, total: 0 });
    try {
      const built = await buildBundle(db, selection, {
        office,
        officer: ctx.actor.officerName,
        encoder: workerEncoder,
        onProgress: (done, total) => setProgress({ done, total }),
        ...(passphrase ? { passphrase } : {}),
      });
      if (!built.ok) {
        setOutcome({
          kind: 'error',
          text: built.error.code === 'empty' ? t('bundles.export.empty') : encodeErrorMessage(t, built.error.error),
        });
        return;
      }
      const saved = await platform.saveFile({ suggestedName: built.value.suggestedName, filters: BUNDLE_FILTERS, data: built.value.bytes });
      if (!saved.ok) {
        if (saved.error.code !== 'cancelled') setOutcome({ kind: 'error', text: t(`platform.${saved.error.code}`) });
        return;
      }
      await recordExport(db, ctx, built.value, saved.value.fileName, selection);
      setOutcome({ kind: 'saved', built: built.value, fileName: saved.value.fileName });
      setPassphrase('');
      setConfirm('');
    } catch (e2: unknown) {
      setOutcome({ kind: 'error', text: t('bundles.unexpected', { detail: String(e2) }) });
    } finally {
      setProgress(null);
    }
  }

  return (
    <section aria-labelledby="bundles-export-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-export-title">{t('bundles.export.title')}</h1>
      </header>
      <BundlesNav current="export" />
      <p className="muted">{t('bundles.export.intro')}</p>

      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="bundles-export-title">
        <fieldset className="card">
          <legend>{t('bundles.export.what')}</legend>
          <label className="checkbox">
            <input type="radio" name="mode" value="cases" checked={mode === 'cases'} onChange={() => setMode('cases')} />
            {t('bundles.export.modeCases')}
          </label>
          <label className="checkbox">
            <input type="radio" name="mode" value="since" checked={mode === 'since'} onChange={() => setMode('since')} />
            {t('bundles.export.modeSince')}
          </label>
        </fieldset>

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
              <table className="grid compact" data-testid="bundle-cases">
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t('bundles.export.selectAllShown')}
                        checked={allShownSelected}
                        onChange={toggleAllShown}
                      />
                    </th>
                    <th scope="col">{t('cases.number')}</th>
                    <th scope="col">{t('bundles.export.person')}</th>
                    <th scope="col">{t('persons.iin')}</th>
                    <th scope="col">{t('cases.registrationDate')}</th>
                    <th scope="col">{t('cases.subject')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map(({ kase, person }) => (
                    <tr key={kase.id}>
                      <td>
                        <input
                          type="checkbox"
                          checked={selected.has(kase.id)}
                          onChange={() => toggle(kase.id)}
                          aria-label={t('bundles.export.selectCase', { number: kase.caseNumber })}
                        />
                      </td>
                      <td className="mono">{kase.caseNumber}</td>
                      <td>{person ? fullName(person) : t('common.none')}</td>
                      <td className="mono">{person?.iin ?? ''}</td>
                      <td>{formatDate(kase.registrationDate)}</td>
                      <td>{kase.subject}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ) : (
          <div className="card">
            <Field label={t('bundles.export.since')} hint={t('bundles.export.sinceHint')} error={errors['since']} required>
              {(p) => <input {...p} type="date" name="since" value={since} onChange={(e) => setSince(e.target.value)} />}
            </Field>
          </div>
        )}

        <fieldset className="card form-grid">
          <legend>{t('bundles.passphrase.legend')}</legend>
          <p className="span-2 muted">{t('bundles.passphrase.intro')}</p>
          <Field label={t('bundles.passphrase.label')} hint={t(`bundles.passphrase.strength.${strength}`)}>
            {(p) => (
              <input
                {...p}
                type="password"
                name="passphrase"
                autoComplete="new-password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('bundles.passphrase.confirm')} error={errors['confirm']}>
            {(p) => (
              <input
                {...p}
                type="password"
                name="passphraseConfirm"
                autoComplete="new-password"
                value={confirm}
                disabled={passphrase === ''}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </Field>
          {passphrase !== '' ? (
            <div className="span-2">
              <meter
                className={`strength strength--${strength}`}
                min={0}
                max={4}
                low={2}
                high={3}
                optimum={4}
                value={['empty', 'weak', 'fair', 'good', 'strong'].indexOf(strength)}
                aria-label={t('bundles.passphrase.meter')}
              />
            </div>
          ) : null}
        </fieldset>

        {progress ? <ProgressBar label={t('bundles.export.progress')} done={progress.done} total={progress.total} /> : null}
        {outcome?.kind === 'error' ? <Notice kind="error">{outcome.text}</Notice> : null}
        {outcome?.kind === 'saved' ? (
          <Notice kind="success">
            <span data-testid="bundle-export-done">{t('bundles.export.saved', { fileName: outcome.fileName })}</span>{' '}
            {Object.entries(outcome.built.counts)
              .map(([table, n]) => `${tableName(t, (k) => i18n.exists(k), table)}: ${n}`)
              .join(', ')}
            {outcome.built.encrypted ? ` · ${t('bundles.export.encrypted')}` : ''}
          </Notice>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={progress !== null || !ctx}>
            {t('bundles.export.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
