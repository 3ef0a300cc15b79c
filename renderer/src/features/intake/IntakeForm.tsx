import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/cases';
import { ageOn, parseIin } from '@shared/iin';
import {
  checkIntake,
  DIGITAL_DOCUMENTS_CONSENT,
  DOC,
  formOf,
  IDENTITY_PRESENTATIONS,
  INTAKE_CHANNELS,
  PSYCHONEUROLOGICAL_MIN_AGE,
  STAY_MODES,
  type IdentityPresentation,
  type Intake,
  type IntakeChannel,
  type IntakeInput,
  type MedicalCardFormId,
  type StayMode,
} from '@shared/intake';
import { fullName, type Person } from '@shared/persons';
import { ruleSetInForce } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { href, navigate, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { CardFields } from './CardFields';
import { CheckPanel, ResultBadge } from './CheckPanel';
import { Citations } from './cite';
import { createIntake, intakeDataOf, updateIntake, type IntakeWriteError } from './repository';
import { describeError } from '../../ui/errors';

type Relative = IntakeInput['application']['legalRepresentatives'][number];
const EMPTY_RELATIVE: Relative = { fullName: '', iin: '', relationship: '', socialStatus: '', address: '', phone: '' };
const PHONE_KEY = 'qamqor.intake.officerPhone';

function rememberedPhone(): string {
  try {
    return localStorage.getItem(PHONE_KEY) ?? '';
  } catch {
    return '';
  }
}

function initialState(kase: Case, person: Person, existing: Intake | undefined): IntakeInput {
  if (existing) {
    return {
      caseId: existing.caseId,
      form: existing.form,
      registrationDate: existing.registrationDate,
      channel: existing.channel,
      officerPhone: existing.officerPhone,
      application: existing.application,
      situation: existing.situation,
      presentedDocumentIds: existing.presentedDocumentIds,
      identity: existing.identity,
      consentIds: existing.consentIds,
      card: existing.card,
    };
  }
  const rep = person.legalRepresentative;
  return {
    caseId: kase.id,
    form: 'stationary',
    registrationDate: todayIso(),
    channel: 'provider',
    officerPhone: rememberedPhone(),
    application: {
      addresseeHead: '',
      addresseeBin: '',
      identityDocumentNumber: '',
      identityDocumentIssuedOn: '',
      registrationAddress: person.address,
      residenceAddress: person.address,
      birthPlace: '',
      allowance: '',
      disabilityCategory: '',
      legalRepresentatives: rep ? [{ ...EMPTY_RELATIVE, fullName: rep.fullName, iin: rep.iin }] : [],
      relatives: [],
      stayMode: null,
      attachedDocuments: [],
      warnedOfLiability: false,
      acquaintedWithConditions: false,
      signedOn: '',
    },
    situation: { psychoneurological: false, dispensaryExamIds: [] },
    presentedDocumentIds: [],
    identity: 'none',
    consentIds: [],
    // The card header is typed from the card, not copied from the register, so that a mismatch shows.
    card: {
      entries: {},
      fluorography: { date: '', text: '' },
      macAnswer: '',
      contraindicationIds: [],
      sealPresent: false,
      headSigned: false,
    },
  };
}

export function IntakeForm({ kase, person, existing }: { kase: Case; person: Person; existing?: Intake }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { db } = useServices();
  const ctx = useWriteContext();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const dataChanged = useAppStore((s) => s.dataChanged);
  const [state, setState] = useState<IntakeInput>(() => initialState(kase, person, existing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const app = state.application;
  const setApp = (patch: Partial<IntakeInput['application']>) => setState((s) => ({ ...s, application: { ...s.application, ...patch } }));
  const ruleSet = ruleSetInForce(ruleSets, state.registrationDate);
  const rules = ruleSet.ok ? ruleSet.value.medicalCard : null;
  const cardForm = rules ? formOf(rules, state.form) : undefined;
  const age = ageOn(person.birthDate, state.registrationDate);

  const check = useMemo(
    () => (rules ? checkIntake(rules, state.form, intakeDataOf(person, state), state.registrationDate) : null),
    [rules, state, person],
  );

  function failureText(e: IntakeWriteError): string {
    switch (e.code) {
      case 'no-rule-set':
        return t('cases.noRuleSet', { date: formatDate(e.date) });
      case 'case-not-found':
        return t('intake.caseNotFound');
      case 'person-not-found':
        return t('cases.personNotFound');
      case 'not-found':
        return t('intake.notFound');
      case 'invalid':
        return t('common.fixErrors');
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = existing ? await updateIntake(db, ctx, existing.id, state) : await createIntake(db, ctx, state);
      if (r.ok) {
        try {
          localStorage.setItem(PHONE_KEY, r.value.officerPhone);
        } catch {
          // Storage unavailable: the phone is simply not remembered.
        }
        dataChanged();
        navigate({ name: 'section', section: 'intake', path: [r.value.id], query: {} });
        return;
      }
      if (r.error.code === 'invalid') setErrors(r.error.errors);
      else setErrors({});
      setFailure(failureText(r.error));
    } catch (e2: unknown) {
      setFailure(t('common.unexpected', { detail: describeError(e2) }));
    } finally {
      setBusy(false);
    }
  }

  const text = (key: keyof IntakeInput['application'], label: string, opts: { span?: boolean } = {}) => (
    <div className={opts.span ? 'span-2' : undefined}>
      <Field label={label} error={errors[`application.${key}`]}>
        {(p) => (
          <input {...p} name={`application.${key}`} value={String(app[key] ?? '')} onChange={(e) => setApp({ [key]: e.target.value })} />
        )}
      </Field>
    </div>
  );
  const date = (key: 'identityDocumentIssuedOn' | 'signedOn', label: string) => (
    <Field label={label} error={errors[`application.${key}`]}>
      {(p) => <input {...p} type="date" name={`application.${key}`} value={app[key]} onChange={(e) => setApp({ [key]: e.target.value })} />}
    </Field>
  );

  const relatives = (key: 'legalRepresentatives' | 'relatives', title: string) => {
    const rows = app[key];
    const setRow = (i: number, patch: Partial<Relative>) => setApp({ [key]: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
    return (
      <fieldset className="span-2" data-testid={`intake-${key}`}>
        <legend>{title}</legend>
        {rows.length === 0 ? <p className="muted">{t('intake.application.noneListed')}</p> : null}
        {rows.map((r, i) => {
          const iin = parseIin(r.iin);
          const relAge = iin.ok ? ageOn(iin.value.birthDate, state.registrationDate) : Number.NaN;
          const field = (f: keyof Relative, label: string) => (
            <Field label={label} error={errors[`application.${key}.${i}.${f}`]}>
              {(p) => (
                <input {...p} name={`application.${key}.${i}.${f}`} value={r[f]} onChange={(e) => setRow(i, { [f]: e.target.value })} />
              )}
            </Field>
          );
          return (
            <div key={i} className="form-grid intake-relative">
              {field('fullName', t('intake.application.relative.fullName'))}
              <div>
                {field('iin', t('persons.iin'))}
                {Number.isFinite(relAge) ? <div className="derived">{t('intake.application.relative.age', { age: relAge })}</div> : null}
              </div>
              {field('relationship', t('intake.application.relative.relationship'))}
              {field('socialStatus', t('intake.application.relative.socialStatus'))}
              {field('address', t('intake.application.relative.address'))}
              {field('phone', t('persons.phone'))}
              <div className="actions span-2">
                <button
                  type="button"
                  className="link danger"
                  onClick={() => {
                    if (window.confirm(t('intake.application.removeConfirm', { name: r.fullName || `${i + 1}` })))
                      setApp({ [key]: rows.filter((_, j) => j !== i) });
                  }}
                >
                  {t('intake.application.remove')}
                </button>
              </div>
            </div>
          );
        })}
        <button type="button" onClick={() => setApp({ [key]: [...rows, EMPTY_RELATIVE] })}>
          {t('intake.application.addRow')}
        </button>
      </fieldset>
    );
  };

  const stationary = state.form === 'stationary';
  const appNo = cardForm?.applicationAppendix ?? (stationary ? '1' : '2');
  const cardNo = cardForm?.appendix ?? (stationary ? '5' : '6');
  const backHref = existing ? sectionHref('intake', [existing.id]) : sectionHref('intake', ['case', kase.id]);

  return (
    <section aria-labelledby="intake-form-title">
      <header className="page-header">
        <h1 id="intake-form-title">{existing ? t('intake.form.editTitle') : t('intake.form.newTitle')}</h1>
        <a href={backHref}>{t('common.back')}</a>
      </header>
      <dl className="card facts">
        <dt>{t('persons.fullName')}</dt>
        <dd>
          <a href={href({ name: 'person', id: person.id })}>{fullName(person)}</a> <span className="mono muted">{person.iin}</span>
        </dd>
        <dt>{t('cases.number')}</dt>
        <dd className="mono">{kase.caseNumber}</dd>
        <dt>{t('persons.birthDate')}</dt>
        <dd>
          {formatDate(person.birthDate)} ({t(`sex.${person.sex}`)}){Number.isFinite(age) ? `, ${t('intake.form.ageOn', { age })}` : ''}
        </dd>
      </dl>
      <form onSubmit={submit} noValidate>
        {check ? (
          <div className="intake-summary" data-testid="intake-summary" aria-live="polite">
            <strong>{t('intake.check.liveTitle')}</strong>
            <ResultBadge result={check.result} />
            <span>
              {t('intake.check.summary', {
                refusing: check.findings.filter((f) => f.severity === 'refuse').length,
                warnings: check.findings.filter((f) => f.severity === 'warn').length,
              })}
            </span>
            <button type="button" className="link" onClick={() => document.getElementById('intake-check-title')?.scrollIntoView()}>
              {t('intake.check.jump')}
            </button>
          </div>
        ) : null}
        {Object.keys(errors).length > 0 ? <Notice kind="error">{t('common.fixErrors')}</Notice> : null}
        {failure && failure !== t('common.fixErrors') ? <Notice kind="error">{failure}</Notice> : null}
        {!ruleSet.ok ? <Notice kind="error">{t('cases.noRuleSet', { date: formatDate(state.registrationDate) })}</Notice> : null}

        <fieldset className="card form-grid">
          <legend>{t('intake.form.intakeSection')}</legend>
          <div className="span-2 intake-radios" role="radiogroup" aria-label={t('intake.form.form')}>
            <span>{t('intake.form.form')}</span>
            {(['stationary', 'semi-stationary'] as const satisfies readonly MedicalCardFormId[]).map((f) => (
              <label key={f} className="checkbox">
                <input
                  type="radio"
                  name="form"
                  value={f}
                  checked={state.form === f}
                  onChange={() => setState((s) => ({ ...s, form: f }))}
                />
                {t(`intake.formName.${f}`)}
              </label>
            ))}
          </div>
          <Field
            label={t('intake.form.registrationDate')}
            error={errors.registrationDate}
            required
            hint={t('intake.form.registrationHint')}
          >
            {(p) => (
              <input
                {...p}
                type="date"
                name="registrationDate"
                value={state.registrationDate}
                onChange={(e) => setState((s) => ({ ...s, registrationDate: e.target.value }))}
              />
            )}
          </Field>
          <Field label={t('intake.form.channel')} error={errors.channel} required>
            {(p) => (
              <select
                {...p}
                name="channel"
                value={state.channel}
                onChange={(e) => setState((s) => ({ ...s, channel: e.target.value as IntakeChannel }))}
              >
                {INTAKE_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`intake.channel.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('intake.form.officerPhone')} error={errors.officerPhone} required hint={t('intake.form.officerPhoneHint')}>
            {(p) => (
              <input
                {...p}
                name="officerPhone"
                inputMode="tel"
                value={state.officerPhone}
                onChange={(e) => setState((s) => ({ ...s, officerPhone: e.target.value }))}
              />
            )}
          </Field>
          <div className="derived">{t('intake.form.officer', { name: existing?.officerName ?? ctx?.actor.officerName ?? '' })}</div>
        </fieldset>

        <fieldset className="card form-grid">
          <legend>{t('intake.application.title', { appendix: appNo })}</legend>
          {text('addresseeHead', t('intake.application.addresseeHead'))}
          <Field label={t('intake.application.addresseeBin')} error={errors['application.addresseeBin']}>
            {(p) => (
              <input
                {...p}
                name="application.addresseeBin"
                inputMode="numeric"
                maxLength={12}
                className="mono"
                value={app.addresseeBin}
                onChange={(e) => setApp({ addresseeBin: e.target.value.replace(/\D/gu, '') })}
              />
            )}
          </Field>
          {stationary ? (
            <>
              {text('identityDocumentNumber', t('intake.application.identityDocumentNumber'))}
              {date('identityDocumentIssuedOn', t('intake.application.identityDocumentIssuedOn'))}
              {text('registrationAddress', t('intake.application.registrationAddress'))}
              {text('residenceAddress', t('intake.application.residenceAddress'))}
              {text('birthPlace', t('intake.application.birthPlace'))}
              {text('allowance', t('intake.application.allowance'))}
              {text('disabilityCategory', t('intake.application.disabilityCategory'))}
            </>
          ) : (
            text('residenceAddress', t('intake.application.residenceAddress'))
          )}
          {relatives('legalRepresentatives', t('intake.application.legalRepresentatives'))}
          {stationary ? relatives('relatives', t('intake.application.relatives')) : null}
          {stationary ? (
            <div className="span-2 intake-radios" role="radiogroup" aria-label={t('intake.application.stayMode')}>
              <span>{t('intake.application.stayMode')} *</span>
              {STAY_MODES.map((m) => (
                <label key={m} className="checkbox">
                  <input
                    type="radio"
                    name="application.stayMode"
                    value={m}
                    checked={app.stayMode === m}
                    onChange={() => setApp({ stayMode: m as StayMode })}
                  />
                  {t(`intake.stayMode.${m}`)}
                </label>
              ))}
              {errors['application.stayMode'] ? <div className="field__error">{t(errors['application.stayMode'] ?? '')}</div> : null}
            </div>
          ) : (
            <p className="span-2 muted">{t('intake.stayMode.daytime')}</p>
          )}
          <div className="span-2">
            <Field
              label={t('intake.application.attachedDocuments')}
              hint={t('intake.application.attachedHint')}
              error={errors['application.attachedDocuments']}
            >
              {(p) => (
                <textarea
                  {...p}
                  rows={3}
                  name="application.attachedDocuments"
                  value={app.attachedDocuments.join('\n')}
                  onChange={(e) => setApp({ attachedDocuments: e.target.value.split('\n').slice(0, 10) })}
                />
              )}
            </Field>
          </div>
          {stationary ? (
            <label className="checkbox span-2">
              <input
                type="checkbox"
                name="application.warnedOfLiability"
                checked={app.warnedOfLiability}
                onChange={(e) => setApp({ warnedOfLiability: e.target.checked })}
              />
              {t('intake.application.warnedOfLiability')}
            </label>
          ) : null}
          <label className="checkbox span-2">
            <input
              type="checkbox"
              name="application.acquaintedWithConditions"
              checked={app.acquaintedWithConditions}
              onChange={(e) => setApp({ acquaintedWithConditions: e.target.checked })}
            />
            {t(stationary ? 'intake.application.acquaintedStationary' : 'intake.application.acquaintedSemi')}
          </label>
          {date('signedOn', t('intake.application.signedOn'))}
        </fieldset>

        {rules ? (
          <fieldset className="card">
            <legend>{t('intake.documents.title')}</legend>
            <Field
              label={loc(
                rules.applicantDocuments.find((d) => d.id === DOC.identity)?.labelKk ?? '',
                rules.applicantDocuments.find((d) => d.id === DOC.identity)?.labelRu ?? '',
              )}
              error={errors.identity}
            >
              {(p) => (
                <select
                  {...p}
                  name="identity"
                  value={state.identity}
                  onChange={(e) => setState((s) => ({ ...s, identity: e.target.value as IdentityPresentation }))}
                >
                  {IDENTITY_PRESENTATIONS.map((i) => (
                    <option key={i} value={i}>
                      {t(`intake.identity.${i}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {rules.applicantDocuments
              .filter((d) => d.id !== DOC.identity && d.forms.includes(state.form))
              .map((d) => (
                <label key={d.id} className="checkbox">
                  <input
                    type="checkbox"
                    name={d.id}
                    checked={state.presentedDocumentIds.includes(d.id)}
                    onChange={(e) =>
                      setState((s) => ({
                        ...s,
                        presentedDocumentIds: e.target.checked
                          ? [...s.presentedDocumentIds, d.id]
                          : s.presentedDocumentIds.filter((x) => x !== d.id),
                      }))
                    }
                  />
                  <span>
                    {loc(d.labelKk, d.labelRu)}
                    <Citations citations={[d.citation]} />
                  </span>
                </label>
              ))}
            <h3>{t('intake.documents.consents')}</h3>
            {rules.consents
              .filter((c) => c.forms.includes(state.form) && (c.id !== DIGITAL_DOCUMENTS_CONSENT || state.identity === 'digital'))
              .map((c) => (
                <label key={c.id} className="checkbox">
                  <input
                    type="checkbox"
                    name={c.id}
                    checked={state.consentIds.includes(c.id)}
                    onChange={(e) =>
                      setState((s) => ({
                        ...s,
                        consentIds: e.target.checked ? [...s.consentIds, c.id] : s.consentIds.filter((x) => x !== c.id),
                      }))
                    }
                  />
                  <span>
                    {loc(c.labelKk, c.labelRu)}
                    <Citations citations={[c.citation]} />
                  </span>
                </label>
              ))}
          </fieldset>
        ) : null}

        {rules && cardForm ? (
          <fieldset className="card intake-card" data-testid="card-form">
            <legend>{t('intake.card.title', { appendix: cardNo })}</legend>
            <p className="muted">
              {loc(cardForm.titleKk, cardForm.titleRu)}
              <Citations citations={[cardForm.citation]} />
            </p>
            {!state.presentedDocumentIds.includes(DOC.medicalCard) ? <Notice kind="info">{t('intake.card.notPresented')}</Notice> : null}
            <p className="muted">{t('intake.card.psychoneurologicalAge', { min: PSYCHONEUROLOGICAL_MIN_AGE })}</p>
            <CardFields
              form={cardForm}
              card={state.card}
              situation={state.situation}
              person={intakeDataOf(person, state).person}
              registrationDate={state.registrationDate}
              contraindications={rules.contraindications}
              findings={check?.findings ?? []}
              errors={errors}
              onCard={(card) => setState((s) => ({ ...s, card }))}
              onSituation={(situation) => setState((s) => ({ ...s, situation }))}
            />
          </fieldset>
        ) : null}

        {check && rules ? <CheckPanel check={check} notConfiguredNote={rules.notConfiguredNote} live /> : null}

        <div className="actions intake-submit">
          <button type="submit" className="primary" disabled={busy || !ctx}>
            {existing ? t('intake.form.saveEdit') : t('intake.form.save')}
          </button>
          <a href={backHref}>{t('common.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
