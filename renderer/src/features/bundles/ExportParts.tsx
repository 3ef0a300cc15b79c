/** The parts of the export page the officer fills in or reads: what to export, the cases, the passphrase, the result. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_BUNDLE_PASSPHRASE, passphraseStrength } from '@shared/bundle/specs';
import type { Case } from '@shared/cases';
import { fullName, type Person } from '@shared/persons';
import { Field } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { tableName } from './common';
import type { BuiltBundle } from './exportBundle';

export type ExportMode = 'cases' | 'since';

export function ExportModeChoice({ mode, onChange }: { mode: ExportMode; onChange(mode: ExportMode): void }) {
  const { t } = useTranslation();
  const setMode = onChange;
  return (
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
  );
}

interface CaseChoiceTableProps {
  shown: readonly { kase: Case; person: Person | undefined }[];
  selected: ReadonlySet<string>;
  allShownSelected: boolean;
  onToggle(id: string): void;
  onToggleAll(): void;
}

export function CaseChoiceTable({ shown, selected, allShownSelected, onToggle, onToggleAll }: CaseChoiceTableProps) {
  const { t } = useTranslation();
  const toggle = onToggle;
  const toggleAllShown = onToggleAll;
  return (
    <table className="grid compact" data-testid="bundle-cases">
      <thead>
        <tr>
          <th scope="col">
            <input type="checkbox" aria-label={t('bundles.export.selectAllShown')} checked={allShownSelected} onChange={toggleAllShown} />
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
  );
}

interface PassphraseFieldsProps {
  passphrase: string;
  confirm: string;
  error: string | undefined;
  /** Why the passphrase cannot protect the bundle (an i18n key), said before anything is exported. */
  passphraseError?: string | undefined;
  onPassphrase(value: string): void;
  onConfirm(value: string): void;
}

export function PassphraseFields({ passphrase, confirm, error, passphraseError, onPassphrase, onConfirm }: PassphraseFieldsProps) {
  const { t } = useTranslation();
  const strength = passphraseStrength(passphrase);
  const setPassphrase = onPassphrase;
  const setConfirm = onConfirm;
  const errors = { confirm: error };
  return (
    <fieldset className="card form-grid">
      <legend>{t('bundles.passphrase.legend')}</legend>
      <p className="span-2 muted">{t('bundles.passphrase.intro')}</p>
      <p className="span-2 muted">{t('bundles.passphrase.rule', { min: MIN_BUNDLE_PASSPHRASE })}</p>
      <Field label={t('bundles.passphrase.label')} hint={t(`bundles.passphrase.strength.${strength}`)} error={passphraseError}>
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
  );
}

export function ExportSaved({ built, fileName }: { built: BuiltBundle; fileName: string }) {
  const { t, i18n } = useTranslation();
  const outcome = { built, fileName };
  return (
    <Notice kind="success">
      <span data-testid="bundle-export-done">{t('bundles.export.saved', { fileName: outcome.fileName })}</span>{' '}
      {Object.entries(outcome.built.counts)
        .map(([table, n]) => `${tableName(t, (k) => i18n.exists(k), table)}: ${n}`)
        .join(', ')}
      {outcome.built.encrypted ? ` · ${t('bundles.export.encrypted')}` : ''}
    </Notice>
  );
}

/** The cases ticked for export: one handed over by the case page, then whatever the officer ticks. */
export function useCaseSelection(initialCaseId: string | undefined, shown: readonly { kase: Case }[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(initialCaseId ? [initialCaseId] : []));
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

  return { selected, allShownSelected, toggle, toggleAllShown };
}
