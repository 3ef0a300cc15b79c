import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { conductingOfficers, minutesOfHearing, type HearingMinutes, type MinutesContentInput } from '@shared/hearings';
import { fullName } from '@shared/persons';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { DraftOffer } from '../../core/DraftOffer';
import { useAppStore } from '../../core/store';
import { useDraft } from '../../core/useDraft';
import { useLiveData } from '../../core/useLiveData';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { TimeField } from '../../ui/TimeField';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useServiceName } from './common';
import { MessageLine, useStepSubmit } from './forms';
import { MinutesPrint } from './prints';
import { conductingOfficerNames, createMinutes, minutesPageData, signOffMinutes, updateMinutes, type ApplicationView } from './repository';
import { SignedMinutes } from './SignedMinutes';
import { hearingDateErrors } from './timeline';

/** The minutes page: a live read, so saving one form never clears another (no remount on reload). */
export function MinutesPage({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const today = todayIso();
  const data = useLiveData(() => minutesPageData(db, hearingId, today), [db, hearingId, today]);
  if (data.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (data.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: data.error })}</Notice>;
  if (!data.value) return <Notice kind="warning">{t('hearings.errors.not-found')}</Notice>;
  const { view, hearing } = data.value;
  return <MinutesDetail view={view} hearingId={hearing.id} minutes={minutesOfHearing(hearing, view.minutes)} />;
}

function MinutesDetail({ view, hearingId, minutes }: { view: ApplicationView; hearingId: string; minutes: HearingMinutes | null }) {
  const { t } = useTranslation();
  const serviceName = useServiceName();
  const [printing, setPrinting] = useState(false);
  const hearing = view.hearings.find((h) => h.id === hearingId);
  return (
    <section className="hearings-page" aria-labelledby="minutes-title">
      <header className="page-header">
        <h1 id="minutes-title">{t('hearings.minutes.title')}</h1>
        <div className="actions">
          <a href={sectionHref('hearings', ['application', view.application.id])}>{t('hearings.backToApplication')}</a>
          {minutes ? (
            <button type="button" onClick={() => setPrinting(true)}>
              {t('hearings.minutes.print')}
            </button>
          ) : null}
        </div>
      </header>
      <p className="muted">
        {serviceName(view.service, view.application.service)} · {view.theCase?.caseNumber} · {view.person ? fullName(view.person) : ''}
        {hearing ? ` · ${formatDate(hearing.date)} ${hearing.time}` : ''}
      </p>
      {minutes === null || minutes.signedOff === null ? (
        <MinutesForm view={view} hearingId={hearingId} minutes={minutes} />
      ) : (
        <SignedMinutes view={view} minutes={minutes} />
      )}
      {printing && minutes ? <MinutesPrint view={view} minutes={minutes} onClose={() => setPrinting(false)} /> : null}
    </section>
  );
}

/**
 * A new minutes' text: the hearing's place and time, the office, the applicant; "conducted by" is the signed-in
 * officer when their account may conduct a hearing (issue 16 point 4), never the office's administrator by default.
 */
function prefill(
  view: ApplicationView,
  hearingId: string,
  who: { officeName: string; conductedBy: string },
  question: string,
): MinutesContentInput {
  const hearing = view.hearings.find((h) => h.id === hearingId);
  const rep = view.person?.legalRepresentative;
  return {
    place: hearing?.place ?? '',
    date: hearing?.date ?? todayIso(),
    startTime: hearing?.time ?? '',
    endTime: '',
    body: who.officeName,
    official: who.conductedBy,
    secretary: '',
    applicantName: view.person ? fullName(view.person) : '',
    applicantIin: view.person?.iin ?? '',
    representative: rep ? { fullName: rep.fullName, iin: rep.iin, powerOfAttorney: rep.document } : null,
    question,
    explanations: '',
    questionsAndAnswers: '',
    statements: '',
    factsToRecord: '',
    documentsHandedIn: '',
  };
}

type TextField = Exclude<keyof MinutesContentInput, 'representative'>;

/** A stored minutes draft has the text fields of the minutes (checked before it is offered back). */
function isMinutesContent(v: unknown): v is MinutesContentInput {
  return typeof v === 'object' && v !== null && 'question' in v && typeof v.question === 'string' && 'representative' in v;
}

/**
 * "Conducted by": chosen from the accounts that may conduct a hearing (issue 16 point 4), not typed. A name already
 * in the minutes that is not such an account (older or another office's minutes) stays offered, so nothing is lost.
 */
function ConductedBy({ value, names, error, onChange }: { value: string; names: string[]; error?: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  const options = value && !names.includes(value) ? [value, ...names] : names;
  return (
    <Field label={t('hearings.minutes.official')} error={error} required>
      {(p) => (
        <select {...p} name="official" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {options.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** What new minutes open with (prefill), in the officer's language, with the signed-in officer conducting. */
function useOpeningText(view: ApplicationView, hearingId: string): MinutesContentInput {
  const { t } = useTranslation();
  const office = useAppStore((s) => s.office);
  const officer = useAppStore((s) => s.officer);
  const serviceName = useServiceName();
  const question = t('hearings.minutes.questionDefault', {
    date: formatDate(view.application.preliminary?.date ?? ''),
    service: serviceName(view.service, view.application.service),
    grounds: view.application.preliminary?.grounds ?? '',
  });
  const conductedBy = officer && conductingOfficers([officer]).length > 0 ? officer.fullName : '';
  return prefill(view, hearingId, { officeName: office?.officeName ?? '', conductedBy }, question);
}

/** The draft: created, edited, then signed off with exactly the text on screen (saved first in the same write). */
function MinutesForm({ view, hearingId, minutes }: { view: ApplicationView; hearingId: string; minutes: HearingMinutes | null }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const conductors = useLiveData(() => conductingOfficerNames(db), [db]);
  const opening = useOpeningText(view, hearingId);
  const [values, setValues] = useState<MinutesContentInput>(() => minutes?.content ?? opening);
  const [signDate, setSignDate] = useState(minutes?.content.date ?? todayIso());
  const draft = useDraft({ form: 'minutes', recordId: hearingId, values, onRestore: setValues, isValues: isMinutesContent });
  const form = useStepSubmit((ctx) => (minutes ? updateMinutes(db, ctx, minutes.id, values) : createMinutes(db, ctx, hearingId, values)), {
    success: t('common.saved'),
    onOk: draft.saved,
  });
  const sign = useStepSubmit((ctx) => signOffMinutes(db, ctx, minutes?.id ?? '', { date: signDate, content: values }), {
    onOk: draft.saved,
  });
  const set = (k: TextField, v: string) => setValues((s) => ({ ...s, [k]: v }));
  const rep = values.representative;
  const setRep = (k: 'fullName' | 'iin' | 'powerOfAttorney', v: string) =>
    setValues((s) => ({ ...s, representative: { fullName: '', iin: '', powerOfAttorney: '', ...s.representative, [k]: v } }));
  // Field errors of the sign-off's save of the text show at their fields too; the date of the hearing held is
  // checked as it is typed (issue 16 point 2: not before the hearing, not after today).
  const hearingDate = view.hearings.find((h) => h.id === hearingId)?.date ?? '';
  const live = hearingDateErrors({ hearingDate, heldDate: values.date }, { heldDate: 'date' }, todayIso());
  const errors = { ...form.errors, ...sign.errors, ...live };

  function submit(e: FormEvent) {
    e.preventDefault();
    form.run();
  }

  const text = (k: TextField, label: string, opts: { required?: boolean; type?: 'date' | 'time' } = {}) => (
    <Field label={label} error={errors[k]} required={opts.required ?? false}>
      {(p) => {
        const value = String(values[k] ?? '');
        if (opts.type === 'date') return <DateField {...p} name={k} value={value} onChange={(v) => set(k, v)} />;
        if (opts.type === 'time') return <TimeField {...p} name={k} value={value} onChange={(v) => set(k, v)} />;
        return <input {...p} name={k} value={value} onChange={(e) => set(k, e.target.value)} />;
      }}
    </Field>
  );
  const area = (k: TextField, label: string, rows = 3, required = false) => (
    <div className="span-2">
      <Field label={label} error={errors[k]} required={required}>
        {(p) => <textarea {...p} name={k} rows={rows} value={String(values[k] ?? '')} onChange={(e) => set(k, e.target.value)} />}
      </Field>
    </div>
  );

  return (
    <>
      <form className="card form-grid" onSubmit={submit} noValidate aria-label={t('hearings.minutes.title')} data-testid="minutes-form">
        <DraftOffer draft={draft} />
        <div className="span-2">
          {minutes ? <Notice kind="info">{t('hearings.minutes.draftNotice')}</Notice> : null}
          <MessageLine message={form.message} />
        </div>
        {text('place', t('hearings.minutes.place'), { required: true })}
        {text('date', t('hearings.minutes.date'), { required: true, type: 'date' })}
        {text('startTime', t('hearings.minutes.startTime'), { required: true, type: 'time' })}
        {text('endTime', t('hearings.minutes.endTime'), { required: true, type: 'time' })}
        {text('body', t('hearings.minutes.body'), { required: true })}
        <ConductedBy
          value={values.official}
          names={conductors.status === 'done' ? conductors.value : []}
          error={errors.official}
          onChange={(v) => set('official', v)}
        />
        {text('secretary', t('hearings.minutes.secretary'), { required: true })}
        <div />
        {text('applicantName', t('hearings.minutes.applicant'), { required: true })}
        {text('applicantIin', t('persons.iin'), { required: true })}
        <fieldset className="span-2">
          <legend>{t('hearings.minutes.representative')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              name="hasRepresentative"
              checked={rep !== null}
              onChange={(e) =>
                setValues((s) => ({ ...s, representative: e.target.checked ? { fullName: '', iin: '', powerOfAttorney: '' } : null }))
              }
            />
            {t('hearings.minutes.hasRepresentative')}
          </label>
          {rep ? (
            <div className="form-grid">
              <Field label={t('hearings.minutes.representativeName')} error={errors['representative.fullName']} required>
                {(p) => <input {...p} name="repName" value={rep.fullName} onChange={(e) => setRep('fullName', e.target.value)} />}
              </Field>
              <Field label={t('persons.iin')} error={errors['representative.iin']} required>
                {(p) => <input {...p} name="repIin" value={rep.iin} onChange={(e) => setRep('iin', e.target.value)} />}
              </Field>
              <div className="span-2">
                <Field label={t('hearings.minutes.powerOfAttorney')} error={errors['representative.powerOfAttorney']} required>
                  {(p) => (
                    <input
                      {...p}
                      name="repPowerOfAttorney"
                      value={rep.powerOfAttorney}
                      onChange={(e) => setRep('powerOfAttorney', e.target.value)}
                    />
                  )}
                </Field>
              </div>
            </div>
          ) : null}
        </fieldset>
        {area('question', t('hearings.minutes.question'), 3, true)}
        {area('explanations', t('hearings.minutes.explanations'))}
        {area('questionsAndAnswers', t('hearings.minutes.questionsAndAnswers'))}
        {area('statements', t('hearings.minutes.statements'))}
        {area('factsToRecord', t('hearings.minutes.factsToRecord'), 2)}
        {area('documentsHandedIn', t('hearings.minutes.documentsHandedIn'), 2)}
        <p className="span-2 muted">{t('hearings.minutes.templateNote')}</p>
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={form.busy || sign.busy}>
            {minutes ? t('hearings.minutes.saveDraft') : t('hearings.minutes.create')}
          </button>
        </div>
      </form>
      {minutes ? (
        <SignOffForm
          sign={sign}
          busy={form.busy}
          dirty={draft.dirty}
          signDate={signDate}
          setSignDate={setSignDate}
          live={hearingDateErrors({ hearingDate, heldDate: values.date, signedDate: signDate }, { signedDate: 'signOffDate' }, todayIso())}
        />
      ) : null}
    </>
  );
}

/** Sign-off: saves and signs exactly the text on screen, naming unsaved edits before it (issue 16 point 1). */
function SignOffForm({
  sign,
  busy,
  dirty,
  signDate,
  setSignDate,
  live,
}: {
  sign: ReturnType<typeof useStepSubmit<unknown>>;
  busy: boolean;
  dirty: boolean;
  signDate: string;
  setSignDate(v: string): void;
  /** What is wrong with the sign-off date as typed (not before the hearing or the minutes' date, not after today). */
  live: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="card"
      noValidate
      aria-label={t('hearings.minutes.signOff')}
      onSubmit={(e) => {
        e.preventDefault();
        // Sign-off saves and signs exactly the text on screen; unsaved edits are named before it (issue 16 point 1).
        const question = dirty ? t('hearings.minutes.signOffUnsaved') : t('hearings.minutes.signOffConfirm');
        if (window.confirm(question)) sign.run();
      }}
    >
      <h2>{t('hearings.minutes.signOff')}</h2>
      <p className="muted">{t('hearings.minutes.signOffHint')}</p>
      <p className="muted">{t('hearings.minutes.signOffSaves')}</p>
      <MessageLine message={sign.message} />
      <div className="inline-form">
        <Field label={t('hearings.minutes.signOffDate')} error={live.signOffDate ?? sign.errors.signOffDate ?? sign.errors.date} required>
          {(p) => <DateField {...p} name="signOffDate" value={signDate} onChange={setSignDate} />}
        </Field>
        <button type="submit" className="primary" disabled={sign.busy || busy}>
          {t('hearings.minutes.signOff')}
        </button>
      </div>
    </form>
  );
}
