import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationFacts, hearingSchedule, minutesOfHearing, type HearingMinutes, type MinutesContentInput } from '@shared/hearings';
import { fullName } from '@shared/persons';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { CitationNote, useCalendar, useServiceName } from './common';
import { useStepForm, type Message } from './forms';
import { MinutesPrint } from './prints';
import {
  addAddendum,
  addRemarks,
  applicationView,
  createMinutes,
  getApplication,
  getHearing,
  recordFamiliarisation,
  signOffMinutes,
  updateMinutes,
  type ApplicationView,
} from './repository';

export function MinutesPage({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const data = useAsync(async () => {
    const hearing = await getHearing(db, hearingId);
    const app = hearing ? await getApplication(db, hearing.applicationId) : undefined;
    return hearing && app ? { hearing, view: await applicationView(db, app) } : null;
  }, [db, hearingId, dataVersion]);
  if (data.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (data.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: data.error })}</Notice>;
  if (!data.value) return <Notice kind="warning">{t('hearings.errors.not-found')}</Notice>;
  const { view, hearing } = data.value;
  const minutes = minutesOfHearing(hearing, view.minutes);
  return <MinutesDetail key={minutes ? JSON.stringify(minutes.version) : 'new'} view={view} hearingId={hearing.id} minutes={minutes} />;
}

function MessageLine({ message }: { message: Message }) {
  return message ? <Notice kind={message.kind}>{message.text}</Notice> : null;
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

function prefill(
  view: ApplicationView,
  hearingId: string,
  office: { officeName: string; officerName: string } | null,
  question: string,
): MinutesContentInput {
  const hearing = view.hearings.find((h) => h.id === hearingId);
  const rep = view.person?.legalRepresentative;
  return {
    place: hearing?.place ?? '',
    date: hearing?.date ?? todayIso(),
    startTime: hearing?.time ?? '',
    endTime: '',
    body: office?.officeName ?? '',
    official: office?.officerName ?? '',
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

function MinutesForm({ view, hearingId, minutes }: { view: ApplicationView; hearingId: string; minutes: HearingMinutes | null }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const serviceName = useServiceName();
  const form = useStepForm();
  const sign = useStepForm();
  const question = t('hearings.minutes.questionDefault', {
    date: formatDate(view.application.preliminary?.date ?? ''),
    service: serviceName(view.service, view.application.service),
    grounds: view.application.preliminary?.grounds ?? '',
  });
  const [values, setValues] = useState<MinutesContentInput>(() => minutes?.content ?? prefill(view, hearingId, office, question));
  const [signDate, setSignDate] = useState(minutes?.content.date ?? todayIso());
  const set = (k: TextField, v: string) => setValues((s) => ({ ...s, [k]: v }));
  const rep = values.representative;
  const setRep = (k: 'fullName' | 'iin' | 'powerOfAttorney', v: string) =>
    setValues((s) => ({ ...s, representative: { fullName: '', iin: '', powerOfAttorney: '', ...s.representative, [k]: v } }));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx) return;
    void form.run(() => (minutes ? updateMinutes(db, ctx, minutes.id, values) : createMinutes(db, ctx, hearingId, values)), {
      success: t('common.saved'),
    });
  }

  const text = (k: TextField, label: string, opts: { required?: boolean; type?: string; hint?: string } = {}) => (
    <Field label={label} error={form.errors[k]} required={opts.required ?? false} {...(opts.hint ? { hint: opts.hint } : {})}>
      {(p) => <input {...p} name={k} type={opts.type ?? 'text'} value={String(values[k] ?? '')} onChange={(e) => set(k, e.target.value)} />}
    </Field>
  );
  const area = (k: TextField, label: string, rows = 3, required = false) => (
    <div className="span-2">
      <Field label={label} error={form.errors[k]} required={required}>
        {(p) => <textarea {...p} name={k} rows={rows} value={String(values[k] ?? '')} onChange={(e) => set(k, e.target.value)} />}
      </Field>
    </div>
  );

  return (
    <>
      <form className="card form-grid" onSubmit={submit} noValidate aria-label={t('hearings.minutes.title')} data-testid="minutes-form">
        <div className="span-2">
          {minutes ? <Notice kind="info">{t('hearings.minutes.draftNotice')}</Notice> : null}
          <MessageLine message={form.message} />
        </div>
        {text('place', t('hearings.minutes.place'), { required: true })}
        {text('date', t('hearings.minutes.date'), { required: true, type: 'date' })}
        {text('startTime', t('hearings.minutes.startTime'), { required: true, type: 'time' })}
        {text('endTime', t('hearings.minutes.endTime'), { required: true, type: 'time' })}
        {text('body', t('hearings.minutes.body'), { required: true })}
        {text('official', t('hearings.minutes.official'), { required: true })}
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
              <Field label={t('hearings.minutes.representativeName')} error={form.errors['representative.fullName']} required>
                {(p) => <input {...p} name="repName" value={rep.fullName} onChange={(e) => setRep('fullName', e.target.value)} />}
              </Field>
              <Field label={t('persons.iin')} error={form.errors['representative.iin']} required>
                {(p) => <input {...p} name="repIin" value={rep.iin} onChange={(e) => setRep('iin', e.target.value)} />}
              </Field>
              <div className="span-2">
                <Field label={t('hearings.minutes.powerOfAttorney')} error={form.errors['representative.powerOfAttorney']} required>
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
          <button type="submit" className="primary" disabled={form.busy}>
            {minutes ? t('hearings.minutes.saveDraft') : t('hearings.minutes.create')}
          </button>
        </div>
      </form>
      {minutes ? (
        <form
          className="card"
          noValidate
          aria-label={t('hearings.minutes.signOff')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!ctx || !window.confirm(t('hearings.minutes.signOffConfirm'))) return;
            void sign.run(() => signOffMinutes(db, ctx, minutes.id, { date: signDate }));
          }}
        >
          <h2>{t('hearings.minutes.signOff')}</h2>
          <p className="muted">{t('hearings.minutes.signOffHint')}</p>
          <MessageLine message={sign.message} />
          <div className="inline-form">
            <Field label={t('hearings.minutes.signOffDate')} error={sign.errors.date} required>
              {(p) => <input {...p} type="date" name="signOffDate" value={signDate} onChange={(e) => setSignDate(e.target.value)} />}
            </Field>
            <button type="submit" className="primary" disabled={sign.busy}>
              {t('hearings.minutes.signOff')}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}

function SignedMinutes({ view, minutes }: { view: ApplicationView; minutes: HearingMinutes }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const cal = useCalendar();
  const reading = useStepForm();
  const remark = useStepForm();
  const addendum = useStepForm();
  const [readDate, setReadDate] = useState(todayIso());
  const [remarkValues, setRemarkValues] = useState({ date: todayIso(), text: '' });
  const [addendumValues, setAddendumValues] = useState({ date: todayIso(), text: '' });
  const c = minutes.content;
  const decided = view.application.decision !== null;
  const rule = view.service?.hearing;
  const schedule = view.service
    ? hearingSchedule(view.service, cal, applicationFacts(view.application, view.hearings, view.minutes))
    : null;
  const remarksWindow = schedule?.ok && minutes.familiarisation ? schedule.value.remarksWindow : null;
  const remarksLate = new Set(schedule?.ok ? schedule.value.warnings.flatMap((w) => (w.code === 'remarks-late' ? [w.date] : [])) : []);

  return (
    <>
      <Notice kind="info">
        {t('hearings.minutes.signedNotice', { date: formatDate(minutes.signedOff?.date ?? ''), by: minutes.signedOff?.by ?? '' })}
      </Notice>
      <dl className="card facts" data-testid="minutes-view">
        <dt>{t('hearings.minutes.place')}</dt>
        <dd>{c.place}</dd>
        <dt>{t('hearings.minutes.dateTime')}</dt>
        <dd>
          {formatDate(c.date)}, {c.startTime}–{c.endTime}
        </dd>
        <dt>{t('hearings.minutes.body')}</dt>
        <dd>{c.body}</dd>
        <dt>{t('hearings.minutes.official')}</dt>
        <dd>{c.official}</dd>
        <dt>{t('hearings.minutes.secretary')}</dt>
        <dd>{c.secretary}</dd>
        <dt>{t('hearings.minutes.applicant')}</dt>
        <dd>
          {c.applicantName}, {t('persons.iin')} {c.applicantIin}
        </dd>
        <dt>{t('hearings.minutes.representative')}</dt>
        <dd>
          {c.representative
            ? `${c.representative.fullName}, ${t('persons.iin')} ${c.representative.iin}; ${t('hearings.minutes.powerOfAttorney')}: ${c.representative.powerOfAttorney}`
            : t('common.none')}
        </dd>
        <dt>{t('hearings.minutes.question')}</dt>
        <dd className="prewrap">{c.question}</dd>
        <dt>{t('hearings.minutes.explanations')}</dt>
        <dd className="prewrap">{c.explanations || t('common.none')}</dd>
        <dt>{t('hearings.minutes.questionsAndAnswers')}</dt>
        <dd className="prewrap">{c.questionsAndAnswers || t('common.none')}</dd>
        <dt>{t('hearings.minutes.statements')}</dt>
        <dd className="prewrap">{c.statements || t('common.none')}</dd>
        <dt>{t('hearings.minutes.factsToRecord')}</dt>
        <dd className="prewrap">{c.factsToRecord || t('common.none')}</dd>
        <dt>{t('hearings.minutes.documentsHandedIn')}</dt>
        <dd className="prewrap">{c.documentsHandedIn || t('common.none')}</dd>
      </dl>

      <div className="card" data-testid="minutes-addenda">
        <h2>{t('hearings.minutes.addenda')}</h2>
        <p className="muted">{t('hearings.minutes.addendaHint')}</p>
        {minutes.addenda.length === 0 ? <p className="empty">{t('hearings.minutes.noAddenda')}</p> : null}
        <ol>
          {minutes.addenda.map((a) => (
            <li key={a.id}>
              <strong>{formatDate(a.date)}</strong> ({a.by}): <span className="prewrap">{a.text}</span>
            </li>
          ))}
        </ol>
        <form
          className="form-grid"
          noValidate
          aria-label={t('hearings.minutes.addAddendum')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!ctx) return;
            void addendum.run(() => addAddendum(db, ctx, minutes.id, addendumValues));
          }}
        >
          <div className="span-2">
            <MessageLine message={addendum.message} />
          </div>
          <Field label={t('hearings.minutes.addendumDate')} error={addendum.errors.date} required>
            {(p) => (
              <input
                {...p}
                type="date"
                name="addendumDate"
                value={addendumValues.date}
                onChange={(e) => setAddendumValues((v) => ({ ...v, date: e.target.value }))}
              />
            )}
          </Field>
          <div />
          <div className="span-2">
            <Field label={t('hearings.minutes.addendumText')} error={addendum.errors.text} required>
              {(p) => (
                <textarea
                  {...p}
                  name="addendumText"
                  rows={2}
                  value={addendumValues.text}
                  onChange={(e) => setAddendumValues((v) => ({ ...v, text: e.target.value }))}
                />
              )}
            </Field>
          </div>
          <div className="actions span-2">
            <button type="submit" disabled={addendum.busy}>
              {t('hearings.minutes.addAddendum')}
            </button>
          </div>
        </form>
      </div>

      <div className="card" data-testid="minutes-reading">
        <h2>{t('hearings.minutes.reading')}</h2>
        {rule?.kind === 'decision-date' ? (
          <p className="muted">
            {t('hearings.minutes.readingHint')} <CitationNote citation={rule.familiarisationCitation} />
          </p>
        ) : null}
        {minutes.familiarisation ? (
          <p>{t('hearings.minutes.readOn', { date: formatDate(minutes.familiarisation.date) })}</p>
        ) : decided ? null : (
          <form
            className="inline-form"
            noValidate
            aria-label={t('hearings.minutes.reading')}
            onSubmit={(e) => {
              e.preventDefault();
              if (!ctx) return;
              void reading.run(() => recordFamiliarisation(db, ctx, minutes.id, { date: readDate }));
            }}
          >
            <MessageLine message={reading.message} />
            <Field label={t('hearings.minutes.readDate')} error={reading.errors.date} required>
              {(p) => <input {...p} type="date" name="readDate" value={readDate} onChange={(e) => setReadDate(e.target.value)} />}
            </Field>
            <button type="submit" disabled={reading.busy}>
              {t('hearings.minutes.recordReading')}
            </button>
          </form>
        )}
      </div>

      {minutes.familiarisation ? (
        <div className="card" data-testid="minutes-remarks">
          <h2>{t('hearings.minutes.remarks')}</h2>
          {remarksWindow ? (
            <p>
              {t('hearings.minutes.remarksWindow', {
                opens: formatDate(remarksWindow.opens),
                closes: formatDate(remarksWindow.closes.date),
              })}{' '}
              <CitationNote citation={remarksWindow.closes.term.citation} />
            </p>
          ) : (
            <p className="muted">{t('hearings.minutes.noRemarksTerm')}</p>
          )}
          {minutes.remarks.length === 0 ? <p className="empty">{t('hearings.minutes.noRemarks')}</p> : null}
          <ol>
            {minutes.remarks.map((r) => (
              <li key={r.id}>
                <strong>{formatDate(r.date)}</strong>: <span className="prewrap">{r.text}</span>
                {remarksLate.has(r.date) ? <span className="badge warning">{t('hearings.minutes.remarkLate')}</span> : null}
              </li>
            ))}
          </ol>
          {decided ? null : (
            <form
              className="form-grid"
              noValidate
              aria-label={t('hearings.minutes.addRemark')}
              onSubmit={(e) => {
                e.preventDefault();
                if (!ctx) return;
                void remark.run(() => addRemarks(db, ctx, minutes.id, remarkValues));
              }}
            >
              <div className="span-2">
                <MessageLine message={remark.message} />
              </div>
              <Field label={t('hearings.minutes.remarkDate')} error={remark.errors.date} required>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    name="remarkDate"
                    value={remarkValues.date}
                    onChange={(e) => setRemarkValues((v) => ({ ...v, date: e.target.value }))}
                  />
                )}
              </Field>
              <div />
              <div className="span-2">
                <Field label={t('hearings.minutes.remarkText')} error={remark.errors.text} required>
                  {(p) => (
                    <textarea
                      {...p}
                      name="remarkText"
                      rows={3}
                      value={remarkValues.text}
                      onChange={(e) => setRemarkValues((v) => ({ ...v, text: e.target.value }))}
                    />
                  )}
                </Field>
              </div>
              <div className="actions span-2">
                <button type="submit" disabled={remark.busy}>
                  {t('hearings.minutes.addRemark')}
                </button>
              </div>
            </form>
          )}
        </div>
      ) : null}
    </>
  );
}
