import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/cases';
import { ageOn } from '@shared/iin';
import {
  checkIntake,
  DOC,
  formOf,
  intakeDateErrors,
  PSYCHONEUROLOGICAL_MIN_AGE,
  type Intake,
  type IntakeCheck,
  type IntakeInput,
} from '@shared/intake';
import { fullName, type Person } from '@shared/persons';
import { ruleSetInForce } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { href, navigate, sectionHref } from '../../core/router';
import { DraftOffer } from '../../core/DraftOffer';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useDraft } from '../../core/useDraft';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { ApplicationFields } from './ApplicationFields';
import { CardFields } from './CardFields';
import { CheckPanel, ResultBadge } from './CheckPanel';
import { Citations } from './cite';
import { DocumentsFields } from './DocumentsFields';
import { RegistrationFields } from './RegistrationFields';
import { createIntake, intakeDataOf, updateIntake, type IntakeWriteExtra } from './repository';
import type { WriteError } from '../../db/write';

const PHONE_KEY = 'qamqor.intake.officerPhone';

function rememberedPhone(): string {
  try {
    return localStorage.getItem(PHONE_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberPhone(phone: string): void {
  try {
    localStorage.setItem(PHONE_KEY, phone);
  } catch {
    // Storage unavailable: the phone is simply not remembered.
  }
}

function initialState(kase: Case, person: Person, existing: Intake | undefined): IntakeInput {
  if (existing) {
    const {
      caseId,
      form,
      registrationDate,
      channel,
      officerPhone,
      application,
      situation,
      presentedDocumentIds,
      identity,
      consentIds,
      card,
    } = existing;
    const conditionalDocuments = existing.conditionalDocuments ?? {};
    return {
      caseId,
      form,
      registrationDate,
      channel,
      officerPhone,
      application,
      situation,
      presentedDocumentIds,
      identity,
      consentIds,
      conditionalDocuments,
      card,
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
      legalRepresentatives: rep
        ? [{ fullName: rep.fullName, iin: rep.iin, relationship: '', socialStatus: '', address: '', phone: '' }]
        : [],
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
    conditionalDocuments: {},
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

/** The refusal of a save, in words (invalid input is shown at the fields). */
function refusalText(t: (k: string, o?: Record<string, unknown>) => string, e: WriteError<IntakeWriteExtra>): string {
  switch (e.code) {
    case 'no-rule-set':
      return t('cases.noRuleSet', { date: formatDate(e.date) });
    case 'case-not-found':
      return t('intake.caseNotFound');
    case 'person-not-found':
      return t('cases.personNotFound');
    case 'not-found':
      return t('intake.notFound');
    case 'forbidden':
      return t('officers.adminOnly');
    case 'invalid':
      return t('common.fixErrors');
  }
}

/** The result of the live check in one line, kept in view while the officer scrolls the card. */
function LiveSummary({ check }: { check: IntakeCheck }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** Whom the intake is for: the register's name, IIN, case and age on the registration date. */
function PersonFacts({ kase, person, onDate }: { kase: Case; person: Person; onDate: string }) {
  const { t } = useTranslation();
  const age = ageOn(person.birthDate, onDate);
  return (
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
  );
}

/** The date messages the form says live (shared/intake intakeDateErrors): a refusal's copy of them is not kept. */
const LIVE_DATE_MESSAGES = new Set(['intake.validation.future', 'intake.validation.afterRegistration']);

function save(db: ReturnType<typeof useServices>['db'], ctx: WriteContext, existing: Intake | undefined, state: IntakeInput) {
  return existing ? updateIntake(db, ctx, existing.id, state, todayIso()) : createIntake(db, ctx, state, todayIso());
}

/** A stored intake draft is a whole intake input of this case (checked before it is offered back). */
function isIntakeDraftOf(caseId: string) {
  return (v: unknown): v is IntakeInput =>
    typeof v === 'object' &&
    v !== null &&
    'caseId' in v &&
    v.caseId === caseId &&
    'registrationDate' in v &&
    typeof v.registrationDate === 'string' &&
    ['application', 'situation', 'card'].every((k) => k in v) &&
    'presentedDocumentIds' in v &&
    Array.isArray(v.presentedDocumentIds);
}

/**
 * The intake at the counter: the application, the documents, the card, and the live check of all three. What is
 * typed is kept as a draft in IndexedDB and offered back after a reload, a crash or the lock (issue 16 point 1).
 */
export function IntakeForm({ kase, person, existing }: { kase: Case; person: Person; existing?: Intake }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { db } = useServices();
  const ctx = useWriteContext();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const [state, setState] = useState<IntakeInput>(() => initialState(kase, person, existing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const draft = useDraft({
    form: 'intake',
    recordId: existing?.id ?? `case-${kase.id}`,
    values: state,
    onRestore: setState,
    isValues: isIntakeDraftOf(kase.id),
  });
  const submit = useSubmit((c: WriteContext, input: IntakeInput) => save(db, c, existing, input), {
    onOk: (saved) => {
      draft.saved();
      rememberPhone(saved.officerPhone);
      navigate({ name: 'section', section: 'intake', path: [saved.id], query: {} });
    },
    onRefused: (e) => {
      setErrors(e.code === 'invalid' ? e.errors : {});
      setRefusal(e.code === 'invalid' ? null : refusalText(t, e));
    },
  });

  const ruleSet = ruleSetInForce(ruleSets, state.registrationDate);
  const rules = ruleSet.ok ? ruleSet.value.medicalCard : null;
  const cardForm = rules ? formOf(rules, state.form) : undefined;
  const data = intakeDataOf(person, state);
  const check = rules ? checkIntake(rules, state.form, data, state.registrationDate) : null;
  // Issue 16 point 2: what is wrong with a date is said as it is typed; a corrected date clears its message.
  const stillTrue = Object.entries(errors).filter(([, message]) => !LIVE_DATE_MESSAGES.has(message));
  const shown = { ...Object.fromEntries(stillTrue), ...intakeDateErrors(state, todayIso()) };
  const part = { state, errors: shown, change: setState };
  const stationary = state.form === 'stationary';
  const backHref = existing ? sectionHref('intake', [existing.id]) : sectionHref('intake', ['case', kase.id]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    if (ctx) submit.run(ctx, state);
  }

  return (
    <section aria-labelledby="intake-form-title">
      <header className="page-header">
        <h1 id="intake-form-title">{existing ? t('intake.form.editTitle') : t('intake.form.newTitle')}</h1>
        <a href={backHref}>{t('common.back')}</a>
      </header>
      <PersonFacts kase={kase} person={person} onDate={state.registrationDate} />
      <form onSubmit={onSubmit} noValidate>
        <DraftOffer draft={draft} />
        {check ? <LiveSummary check={check} /> : null}
        {Object.keys(errors).length > 0 ? <Notice kind="error">{t('common.fixErrors')}</Notice> : null}
        {refusal ? <Notice kind="error">{refusal}</Notice> : null}
        {submit.failure ? <Notice kind="error">{t('common.unexpected', { detail: submit.failure })}</Notice> : null}
        {!ruleSet.ok ? <Notice kind="error">{t('cases.noRuleSet', { date: formatDate(state.registrationDate) })}</Notice> : null}

        <RegistrationFields {...part} officerName={existing?.officerName ?? ctx?.actor.officerName ?? ''} />
        <ApplicationFields {...part} appendix={cardForm?.applicationAppendix ?? (stationary ? '1' : '2')} />
        {rules ? <DocumentsFields {...part} rules={rules} person={data.person} /> : null}

        {rules && cardForm ? (
          <fieldset className="card intake-card" data-testid="card-form">
            <legend>{t('intake.card.title', { appendix: cardForm.appendix })}</legend>
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
              person={data.person}
              registrationDate={state.registrationDate}
              contraindications={rules.contraindications}
              findings={check?.findings ?? []}
              errors={shown}
              onCard={(card) => setState((s) => ({ ...s, card }))}
              onSituation={(situation) => setState((s) => ({ ...s, situation }))}
            />
          </fieldset>
        ) : null}

        {check && rules ? <CheckPanel check={check} notConfiguredNote={rules.notConfiguredNote} live /> : null}

        <div className="actions intake-submit">
          <button type="submit" className="primary" disabled={submit.busy || !ctx}>
            {existing ? t('intake.form.saveEdit') : t('intake.form.save')}
          </button>
          <a href={backHref}>{t('common.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
