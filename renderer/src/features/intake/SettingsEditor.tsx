import i18next from 'i18next';
import { useMemo, useState, type FormEvent } from 'react';
import type { Bilingual } from '@shared/rules';
import { useTranslation } from 'react-i18next';
import {
  contraindicationSource,
  editableValidityItems,
  ITEM,
  MAX_VALIDITY_DAYS,
  type ContraindicationEdit,
  type MedicalCardOverride,
} from '@shared/intake';
import { ruleSetInForce, type RuleSet } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { Citations } from './cite';
import { loadRuleSets, saveMedicalCardOverride } from './repository';

/**
 * `#/intake/settings`: the administrator's editor of the validity periods and the contraindication
 * list (guide §6: not in the seeds, shipped empty). A save adds a new version of the rule set; every
 * officer may read it, only an administrator's save is accepted (issue 8).
 */
export function SettingsEditor() {
  const { t } = useTranslation();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const inForce = ruleSetInForce(ruleSets, todayIso());
  // The newest version of each set is what an edit builds on; older versions stay for the record.
  const latest = useMemo(
    () => ruleSets.filter((r) => !ruleSets.some((o) => o.validFrom === r.validFrom && o.version > r.version)),
    [ruleSets],
  );
  const [baseId, setBaseId] = useState<string>(inForce.ok ? inForce.value.id : (latest[latest.length - 1]?.id ?? ''));
  const [saved, setSaved] = useState<number | null>(null);
  const base = ruleSets.find((r) => r.id === baseId);

  return (
    <section aria-labelledby="intake-settings-title">
      <header className="page-header">
        <h1 id="intake-settings-title">{t('intake.settings.title')}</h1>
        <a href={sectionHref('intake')}>{t('common.back')}</a>
      </header>
      <Notice kind="info">{t('intake.settings.rolesNote')}</Notice>
      {saved !== null ? <Notice kind="success">{t('intake.settings.saved', { version: saved })}</Notice> : null}
      <div className="card">
        <Field label={t('intake.settings.ruleSet')} hint={t('intake.settings.ruleSetHint')}>
          {(p) => (
            <select
              {...p}
              name="ruleSet"
              value={baseId}
              onChange={(e) => {
                setSaved(null);
                setBaseId(e.target.value);
              }}
            >
              {latest.map((r) => (
                <RuleSetOption key={r.id} r={r} />
              ))}
            </select>
          )}
        </Field>
      </div>
      {base ? (
        <OverrideForm
          key={base.id}
          base={base}
          onSaved={(r) => {
            setSaved(r.version);
            setBaseId(r.id);
          }}
        />
      ) : (
        <div className="empty">{t('intake.settings.noRuleSet')}</div>
      )}
    </section>
  );
}

function RuleSetOption({ r }: { r: RuleSet }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <option value={r.id}>
      {loc(r.titleKk, r.titleRu)} · {formatDate(r.validFrom)}–{r.validTo ? formatDate(r.validTo) : t('settings.open-ended')} ·{' '}
      {t('intake.detail.version', { version: r.version })}
    </option>
  );
}

type ValidityItem = ReturnType<typeof editableValidityItems>[number];

/** The validity period of every dated card line, in days; empty = not configured (guide §6). */
function ValidityTable({
  base,
  items,
  days,
  errors,
  onDays,
}: {
  base: RuleSet;
  items: readonly ValidityItem[];
  days: Record<string, string>;
  errors: FieldErrors;
  onDays(id: string, value: string): void;
}) {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <section className="card" aria-labelledby="intake-validity-title">
      <h2 id="intake-validity-title">{t('intake.settings.validityTitle')}</h2>
      <p className="muted">{loc(base.medicalCard.notConfiguredNote.kk, base.medicalCard.notConfiguredNote.ru)}</p>
      <p className="muted">{t('intake.settings.validityHint', { max: MAX_VALIDITY_DAYS })}</p>
      <table className="grid compact" data-testid="validity-table">
        <thead>
          <tr>
            <th scope="col">{t('intake.card.line')}</th>
            <th scope="col">{t('intake.settings.appendices')}</th>
            <th scope="col">{t('intake.settings.days')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const error = errors[`validity.${item.id}`];
            // The card's own date line is captioned only "Күні" on the form: name it for what it dates.
            const name = item.id === ITEM.cardDate ? t('intake.card.cardDate') : loc(item.labelKk, item.labelRu);
            return (
              <tr key={item.id}>
                <th scope="row">{name}</th>
                <td>{item.appendices.join(', ')}</td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={MAX_VALIDITY_DAYS}
                    step={1}
                    name={`validity.${item.id}`}
                    className="intake-days"
                    aria-label={`${name}: ${t('intake.settings.days')}`}
                    aria-invalid={Boolean(error)}
                    placeholder={t('intake.settings.notConfigured')}
                    value={days[item.id] ?? ''}
                    onChange={(e) => onDays(item.id, e.target.value)}
                  />
                  {error ? <div className="field__error">{t(error)}</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The administrator's list of medical contraindications, each with the act it comes from. */
function ContraindicationsEditor({
  base,
  rows,
  errors,
  onRows,
}: {
  base: RuleSet;
  rows: ContraindicationEdit[];
  errors: FieldErrors;
  onRows(update: (rows: ContraindicationEdit[]) => ContraindicationEdit[]): void;
}) {
  const { t } = useTranslation();
  const setRow = (i: number, patch: Partial<ContraindicationEdit>) =>
    onRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <section className="card" aria-labelledby="intake-contra-title" data-testid="contraindications-editor">
      <h2 id="intake-contra-title">{t('intake.settings.contraTitle')}</h2>
      <p className="muted">{t('intake.settings.contraHint')}</p>
      {rows.length === 0 ? <div className="empty">{t('intake.settings.contraEmpty')}</div> : null}
      {rows.map((c, i) => {
        const stored = base.medicalCard.contraindications.find((x) => x.id === c.id);
        return (
          <fieldset key={c.id || `new-${i}`} className="form-grid">
            <legend>{t('intake.settings.contraItem', { n: i + 1 })}</legend>
            <Field label={t('settings.nameKk')} error={errors[`contraindications.${i}.labelKk`]} required>
              {(p) => (
                <input {...p} name={`contra.${i}.labelKk`} value={c.labelKk} onChange={(e) => setRow(i, { labelKk: e.target.value })} />
              )}
            </Field>
            <Field label={t('settings.nameRu')} error={errors[`contraindications.${i}.labelRu`]} required>
              {(p) => (
                <input {...p} name={`contra.${i}.labelRu`} value={c.labelRu} onChange={(e) => setRow(i, { labelRu: e.target.value })} />
              )}
            </Field>
            <div className="span-2">
              <Field
                label={t('intake.settings.source')}
                hint={t('intake.settings.sourceHint')}
                error={errors[`contraindications.${i}.source`]}
                required
              >
                {(p) => (
                  <input {...p} name={`contra.${i}.source`} value={c.source} onChange={(e) => setRow(i, { source: e.target.value })} />
                )}
              </Field>
              {stored ? <Citations citations={[stored.citation]} /> : null}
            </div>
            <div className="actions span-2">
              <button
                type="button"
                className="link danger"
                onClick={() => {
                  if (window.confirm(t('intake.settings.removeConfirm', { name: c.labelKk || c.labelRu || `${i + 1}` })))
                    onRows((all) => all.filter((_, j) => j !== i));
                }}
              >
                {t('intake.application.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onRows((all) => [...all, { id: '', labelKk: '', labelRu: '', source: '' }])}>
        {t('intake.settings.contraAdd')}
      </button>
    </section>
  );
}

/** The note kept with the new version: who changed what and on which basis, in both languages of the rule set. */
function basisNote(basis: string, officer: string): Bilingual {
  if (basis.trim() === '') return { kk: '', ru: '' };
  const vars = { date: formatDate(todayIso()), officer, basis: basis.trim() };
  return {
    kk: i18next.getFixedT('kk')('intake.settings.noteTemplate', vars),
    ru: i18next.getFixedT('ru')('intake.settings.noteTemplate', vars),
  };
}

function OverrideForm({ base, onSaved }: { base: RuleSet; onSaved(saved: RuleSet): void }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { db } = useServices();
  const ctx = useWriteContext();
  const calendarYears = useAppStore((s) => s.calendarYears);
  const items = useMemo(() => editableValidityItems(base.medicalCard), [base]);
  const [days, setDays] = useState<Record<string, string>>(() =>
    Object.fromEntries(items.map((i) => [i.id, i.validityDays === null ? '' : String(i.validityDays)])),
  );
  const [contraindications, setContraindications] = useState<ContraindicationEdit[]>(() =>
    base.medicalCard.contraindications.map((c) => ({
      id: c.id,
      labelKk: c.labelKk,
      labelRu: c.labelRu,
      source: contraindicationSource(c),
    })),
  );
  const [basis, setBasis] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function saveAndReload(c: WriteContext, override: MedicalCardOverride) {
    const r = await saveMedicalCardOverride(db, c, base.id, override);
    // The store's reference data follows the new version (the rule sets are read once at start).
    if (r.ok) useAppStore.getState().setReference(calendarYears, await loadRuleSets(db));
    return r;
  }
  const save = useSubmit(saveAndReload, {
    onOk: (saved) => {
      setErrors({});
      onSaved(saved);
    },
    onRefused: (e) => {
      if (e.code === 'invalid') {
        setErrors(e.errors);
        setMessage(t('common.fixErrors'));
      } else if (e.code === 'schema') setMessage(t('intake.settings.schemaError', { issues: e.issues.join('; ') }));
      else if (e.code === 'forbidden') setMessage(t('officers.adminOnly'));
      else setMessage(t('intake.settings.noRuleSet'));
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    if (!ctx) return;
    const validityDays: Record<string, number | null> = {};
    for (const item of items) {
      const raw = (days[item.id] ?? '').trim();
      validityDays[item.id] = raw === '' ? null : Number(raw);
    }
    save.run(ctx, { validityDays, contraindications, note: basisNote(basis, ctx.actor.officerName) });
  }

  return (
    <form onSubmit={submit} noValidate>
      {message ? <Notice kind="error">{message}</Notice> : null}
      {save.failure ? <Notice kind="error">{t('common.unexpected', { detail: save.failure })}</Notice> : null}
      <ValidityTable base={base} items={items} days={days} errors={errors} onDays={(id, v) => setDays((d) => ({ ...d, [id]: v }))} />
      <ContraindicationsEditor base={base} rows={contraindications} errors={errors} onRows={setContraindications} />
      <section className="card" aria-labelledby="intake-basis-title">
        <h2 id="intake-basis-title">{t('intake.settings.basisTitle')}</h2>
        <Field label={t('intake.settings.basis')} hint={t('intake.settings.basisHint')} error={errors.basis} required>
          {(p) => <textarea {...p} rows={2} name="basis" value={basis} onChange={(e) => setBasis(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={save.busy || !ctx}>
            {t('intake.settings.save')}
          </button>
        </div>
        {base.notes.length > 0 ? (
          <>
            <h3>{t('intake.settings.history')}</h3>
            <ul data-testid="rule-set-notes">
              {base.notes.map((n, i) => (
                <li key={i} className="muted">
                  {loc(n.kk, n.ru)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </form>
  );
}
