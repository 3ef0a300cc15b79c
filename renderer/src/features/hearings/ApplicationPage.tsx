import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allowedHearingMethods,
  applicationFacts,
  checkDecision,
  DECISION_OUTCOMES,
  hearingSchedule,
  minutesOfHearing,
  NOTICE_CHANNELS,
  NOTIFICATION_METHODS,
  OBJECTION_KINDS,
  stepDates,
  type DecisionOutcome,
  type Hearing,
  type HearingFacts,
  type HearingSchedule,
  type NoticeChannel,
  type NotificationMethod,
  type ObjectionKind,
  type ServiceApplication,
} from '@shared/hearings';
import { fullName } from '@shared/persons';
import type { ServiceRule } from '@shared/rules';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { useLocalized } from '../../ui/useLocalized';
import { CitationNote, useCalendar, useMethodLabel, useServiceName } from './common';
import { useStepForm, type Message } from './forms';
import { Planner } from './Planner';
import { DecisionNoticePrint, HearingNoticePrint } from './prints';
import {
  applicationView,
  getApplication,
  recordDecision,
  recordHearingOutcome,
  recordNotice,
  recordNotification,
  recordObjection,
  recordPreliminary,
  recordStepDone,
  scheduleHearing,
  setPlannedDecisionDate,
  type ApplicationView,
} from './repository';

type Draft = Partial<HearingFacts>;
type SetDraft = (d: Draft) => void;

export function ApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const view = useAsync(async () => {
    const app = await getApplication(db, id);
    return app ? applicationView(db, app) : null;
  }, [db, id, dataVersion]);
  if (view.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (view.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: view.error })}</Notice>;
  if (!view.value) return <Notice kind="warning">{t('hearings.errors.not-found')}</Notice>;
  // Keyed by the record's version so that unsaved drafts of a step are dropped once it is saved.
  return <ApplicationDetail key={JSON.stringify(view.value.application.version)} view={view.value} />;
}

function MessageLine({ message }: { message: Message }) {
  return message ? <Notice kind={message.kind}>{message.text}</Notice> : null;
}

function ApplicationDetail({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const cal = useCalendar();
  const serviceName = useServiceName();
  const loc = useLocalized();
  const [draft, setDraftState] = useState<Draft>({});
  const [printing, setPrinting] = useState<'notice' | 'decision' | null>(null);
  const setDraft: SetDraft = (d) => setDraftState((prev) => ({ ...prev, ...d }));
  const { application: app, service, hearing } = view;

  const facts = applicationFacts(app, view.hearings, view.minutes);
  const computed = service ? hearingSchedule(service, cal, { ...facts, ...draft }) : null;
  const schedule = computed?.ok ? computed.value : null;
  const saved = service ? hearingSchedule(service, cal, facts) : null;
  const minutes = minutesOfHearing(hearing, view.minutes);
  const decided = app.decision !== null;
  const hasDraft = Object.values(draft).some((v) => v !== undefined && v !== null && v !== '');

  return (
    <section className="hearings-page" aria-labelledby="application-title">
      <header className="page-header">
        <h1 id="application-title">{serviceName(service, app.service)}</h1>
        <div className="actions">
          <a href={sectionHref('hearings', ['case', app.caseId])}>{t('hearings.backToCase')}</a>
        </div>
      </header>
      <dl className="card facts" data-testid="application-facts">
        <dt>{t('cases.number')}</dt>
        <dd className="mono">{view.theCase?.caseNumber ?? app.caseId}</dd>
        <dt>{t('hearings.applicant')}</dt>
        <dd>{view.person ? `${fullName(view.person)} (${t('persons.iin')} ${view.person.iin})` : app.personId}</dd>
        <dt>{t('hearings.registrationDate')}</dt>
        <dd>{formatDate(app.registrationDate)}</dd>
        <dt>{t('hearings.channel')}</dt>
        <dd>{t(`hearings.channels.${app.channel}`)}</dd>
        <dt>{t('hearings.status')}</dt>
        <dd data-testid="application-status">{t(`hearings.statuses.${app.status}`)}</dd>
        {app.decision ? (
          <>
            <dt>{t('hearings.result')}</dt>
            <dd>{t(`hearings.outcomes.${app.decision.outcome}`)}</dd>
          </>
        ) : null}
        {app.intakeId ? (
          <>
            <dt>{t('hearings.intake')}</dt>
            <dd className="mono">{app.intakeId}</dd>
          </>
        ) : null}
        {app.note ? (
          <>
            <dt>{t('hearings.note')}</dt>
            <dd>{app.note}</dd>
          </>
        ) : null}
      </dl>

      {!service ? <Notice kind="error">{t('hearings.errors.rule-set-missing', { id: app.ruleSetId })}</Notice> : null}
      {computed && !computed.ok ? (
        <Notice kind="error">
          {computed.error.code === 'year-not-covered'
            ? t('hearings.errors.calendarYear', { year: computed.error.year })
            : t('hearings.errors.calendarDate', { date: computed.error.date })}
        </Notice>
      ) : null}
      {service?.termNote && !service.term ? <Notice kind="info">{loc(service.termNote.kk, service.termNote.ru)}</Notice> : null}
      {schedule ? (
        <>
          {hasDraft ? <Notice kind="info">{t('hearings.planner.draftIncluded')}</Notice> : null}
          <Planner schedule={schedule} />
        </>
      ) : null}

      {service ? (
        <>
          <PreliminaryStep app={app} service={service} setDraft={setDraft} />
          {service.hearing.kind === 'decision-date' || service.term === null ? <PlannedDecisionStep app={app} setDraft={setDraft} /> : null}
          {app.preliminary ? (
            <HearingStep app={app} service={service} hearing={hearing} setDraft={setDraft} onPrint={() => setPrinting('notice')} />
          ) : null}
          {app.preliminary && hearing ? <NoticeStep app={app} hearing={hearing} setDraft={setDraft} /> : null}
          {app.preliminary && service.hearing.kind === 'decision-date' ? (
            <ObjectionStep app={app} service={service} setDraft={setDraft} />
          ) : null}
          {hearing ? (
            <div className="card" data-testid="minutes-card">
              <h2>{t('hearings.minutes.title')}</h2>
              <p>
                {minutes
                  ? t(minutes.signedOff ? 'hearings.minutes.stateSigned' : 'hearings.minutes.stateDraft', {
                      date: formatDate(minutes.content.date),
                      remarks: minutes.remarks.length,
                      addenda: minutes.addenda.length,
                    })
                  : t('hearings.minutes.none')}
                {minutes?.familiarisation ? ` ${t('hearings.minutes.readOn', { date: formatDate(minutes.familiarisation.date) })}` : ''}
              </p>
              {service.hearing.kind === 'decision-date' ? (
                <p className="muted">
                  {t('hearings.minutes.whenOral')} <CitationNote citation={service.hearing.minutesCitation} />
                </p>
              ) : null}
              <a className="button" href={sectionHref('hearings', ['minutes', hearing.id])}>
                {minutes ? t('hearings.minutes.open') : t('hearings.minutes.create')}
              </a>
            </div>
          ) : null}
          {decided ? (
            <DecisionResult app={app} service={service} onPrint={() => setPrinting('decision')} />
          ) : saved?.ok ? (
            <DecisionStep app={app} saved={saved.value} service={service} cal={cal} facts={facts} />
          ) : null}
        </>
      ) : null}

      {service && service.steps.length > 0 ? <StepsCard app={app} service={service} /> : null}

      <HistoryCard app={app} service={service} />

      {printing === 'notice' && hearing && schedule ? (
        <HearingNoticePrint view={view} hearing={hearing} schedule={schedule} onClose={() => setPrinting(null)} />
      ) : null}
      {printing === 'decision' ? <DecisionNoticePrint view={view} onClose={() => setPrinting(null)} /> : null}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------

function StepsCard({ app, service }: { app: ServiceApplication; service: ServiceRule }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const cal = useCalendar();
  const loc = useLocalized();
  const form = useStepForm();
  const [dates, setDates] = useState<Record<string, string>>({});
  const steps = stepDates(service, cal, {
    registrationDate: app.registrationDate,
    stepsDone: app.stepsDone,
    decisionDate: app.decision?.date ?? null,
    plannedDecisionDate: app.plannedDecisionDate,
  });
  if (!steps.ok) return null;
  return (
    <div className="card" data-testid="steps-card">
      <h2>{t('hearings.steps.title')}</h2>
      <MessageLine message={form.message} />
      <table className="grid compact">
        <thead>
          <tr>
            <th scope="col">{t('hearings.steps.step')}</th>
            <th scope="col">{t('hearings.steps.term')}</th>
            <th scope="col">{t('hearings.steps.due')}</th>
            <th scope="col">{t('hearings.steps.done')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.value.map((s) => (
            <tr key={s.step.id}>
              <td>{loc(s.step.labelKk, s.step.labelRu)}</td>
              <td>
                {t('hearings.steps.termText', { n: s.step.term.workingDays, anchor: t(`hearings.anchors.${s.step.term.anchor}`) })}
                <br />
                <CitationNote citation={s.step.term.citation} />
                {s.step.term.note ? <div className="muted">{loc(s.step.term.note.kk, s.step.term.note.ru)}</div> : null}
              </td>
              <td className="nowrap">
                {s.due ? formatDate(s.due.date) : t('hearings.steps.noAnchor')}
                {s.due?.projected ? <span className="badge warning">{t('hearings.planner.projected')}</span> : null}
              </td>
              <td className="nowrap">
                {s.done ? (
                  <>
                    {formatDate(s.done)}
                    {s.late ? <span className="badge warning">{t('hearings.steps.late')}</span> : null}
                  </>
                ) : app.decision ? (
                  t('common.none')
                ) : (
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      if (!ctx) return;
                      void form.run(() => recordStepDone(db, ctx, app.id, { stepId: s.step.id, date: dates[s.step.id] ?? '' }));
                    }}
                  >
                    <input
                      type="date"
                      aria-label={t('hearings.steps.doneOn', { step: loc(s.step.labelKk, s.step.labelRu) })}
                      value={dates[s.step.id] ?? ''}
                      onChange={(e) => setDates((d) => ({ ...d, [s.step.id]: e.target.value }))}
                    />
                    <button type="submit" disabled={form.busy}>
                      {t('common.save')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {service.notes.map((n, i) => (
        <p key={i} className="muted">
          {loc(n.kk, n.ru)}
        </p>
      ))}
    </div>
  );
}

function PreliminaryStep({ app, service, setDraft }: { app: ServiceApplication; service: ServiceRule; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const loc = useLocalized();
  const form = useStepForm();
  const [date, setDate] = useState(todayIso());
  const [grounds, setGrounds] = useState('');
  const [disagreementDate, setDisagreementDate] = useState('');
  const trigger = service.hearing.trigger;

  if (app.preliminary) {
    return (
      <div className="card" data-testid="preliminary-card">
        <h2>{t('hearings.preliminary.title')}</h2>
        <dl className="facts">
          <dt>{t('hearings.preliminary.date')}</dt>
          <dd>{formatDate(app.preliminary.date)}</dd>
          <dt>{t('hearings.preliminary.grounds')}</dt>
          <dd className="prewrap">{app.preliminary.grounds}</dd>
          {app.preliminary.disagreementDate ? (
            <>
              <dt>{t('hearings.preliminary.disagreementDate')}</dt>
              <dd>{formatDate(app.preliminary.disagreementDate)}</dd>
            </>
          ) : null}
        </dl>
      </div>
    );
  }
  if (app.decision) return null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx) return;
    void form.run(() => recordPreliminary(db, ctx, app.id, { date, grounds, disagreementDate }), { success: t('common.saved') });
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-labelledby="preliminary-title">
      <h2 id="preliminary-title" className="span-2">
        {t('hearings.preliminary.title')}
      </h2>
      <p className="span-2 muted">
        {t('hearings.preliminary.trigger')}: {loc(trigger.kk, trigger.ru)} <CitationNote citation={trigger.citation} />
      </p>
      <div className="span-2">
        <MessageLine message={form.message} />
      </div>
      <Field label={t('hearings.preliminary.date')} error={form.errors.date} required>
        {(p) => (
          <input
            {...p}
            type="date"
            name="preliminaryDate"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              setDraft({ preliminaryDate: e.target.value || null });
            }}
          />
        )}
      </Field>
      {service.hearing.kind === 'service-term' ? (
        <Field
          label={t('hearings.preliminary.disagreementDate')}
          error={form.errors.disagreementDate}
          hint={t('hearings.preliminary.disagreementHint')}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              name="disagreementDate"
              value={disagreementDate}
              onChange={(e) => setDisagreementDate(e.target.value)}
            />
          )}
        </Field>
      ) : (
        <div />
      )}
      <div className="span-2">
        <Field label={t('hearings.preliminary.grounds')} error={form.errors.grounds} required>
          {(p) => <textarea {...p} name="grounds" rows={3} value={grounds} onChange={(e) => setGrounds(e.target.value)} />}
        </Field>
      </div>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('hearings.preliminary.save')}
        </button>
      </div>
    </form>
  );
}

function PlannedDecisionStep({ app, setDraft }: { app: ServiceApplication; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const form = useStepForm();
  const [date, setDate] = useState(app.plannedDecisionDate ?? '');
  if (app.decision) return null;
  return (
    <form
      className="card"
      noValidate
      aria-labelledby="planned-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ctx) return;
        void form.run(() => setPlannedDecisionDate(db, ctx, app.id, { plannedDecisionDate: date }), { success: t('common.saved') });
      }}
    >
      <h2 id="planned-title">{t('hearings.planned.title')}</h2>
      <p className="muted">{t('hearings.planned.hint')}</p>
      <MessageLine message={form.message} />
      <div className="inline-form">
        <Field label={t('hearings.planned.date')} error={form.errors.plannedDecisionDate} required>
          {(p) => (
            <input
              {...p}
              type="date"
              name="plannedDecisionDate"
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                setDraft({ plannedDecisionDate: e.target.value || null });
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={form.busy}>
          {t('hearings.planned.save')}
        </button>
      </div>
    </form>
  );
}

function HearingStep({
  app,
  service,
  hearing,
  setDraft,
  onPrint,
}: {
  app: ServiceApplication;
  service: ServiceRule;
  hearing: Hearing | null;
  setDraft: SetDraft;
  onPrint(): void;
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const methodLabel = useMethodLabel();
  const form = useStepForm();
  const outcome = useStepForm();
  const [editing, setEditing] = useState(hearing === null);
  const methods = allowedHearingMethods(service.hearing);
  const [values, setValues] = useState({
    date: hearing?.date ?? '',
    time: hearing?.time ?? '10:00',
    method: hearing?.method ?? methods[0] ?? '',
    place: hearing?.place ?? '',
    participants: hearing?.participants ?? '',
  });
  const set = (k: keyof typeof values, v: string) => setValues((s) => ({ ...s, [k]: v }));

  if (!editing && hearing) {
    return (
      <div className="card" data-testid="hearing-card">
        <h2>{t('hearings.hearing.title')}</h2>
        <MessageLine message={outcome.message} />
        <dl className="facts">
          <dt>{t('hearings.hearing.dateTime')}</dt>
          <dd>
            {formatDate(hearing.date)} {hearing.time}
          </dd>
          <dt>{t('hearings.hearing.method')}</dt>
          <dd>{methodLabel(service, hearing.method)}</dd>
          <dt>{t('hearings.hearing.place')}</dt>
          <dd>{hearing.place}</dd>
          <dt>{t('hearings.hearing.participants')}</dt>
          <dd className="prewrap">{hearing.participants || t('common.none')}</dd>
          <dt>{t('hearings.status')}</dt>
          <dd data-testid="hearing-status">{t(`hearings.hearingStatuses.${hearing.status}`)}</dd>
        </dl>
        <div className="actions">
          <button type="button" onClick={onPrint}>
            {t('hearings.hearing.printNotice')}
          </button>
          {hearing.status === 'scheduled' && !app.decision ? (
            <>
              <button type="button" onClick={() => setEditing(true)}>
                {t('hearings.hearing.change')}
              </button>
              {app.notice ? (
                <>
                  <button
                    type="button"
                    className="primary"
                    disabled={outcome.busy}
                    onClick={() => ctx && void outcome.run(() => recordHearingOutcome(db, ctx, hearing.id, 'held'))}
                  >
                    {t('hearings.hearing.held')}
                  </button>
                  <button
                    type="button"
                    disabled={outcome.busy}
                    onClick={() => {
                      if (ctx && window.confirm(t('hearings.hearing.absentConfirm'))) {
                        void outcome.run(() => recordHearingOutcome(db, ctx, hearing.id, 'applicant-absent'));
                      }
                    }}
                  >
                    {t('hearings.hearing.absent')}
                  </button>
                </>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
    );
  }
  if (app.decision) return null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx) return;
    void form.run(() => scheduleHearing(db, ctx, app.id, values, hearing?.id), { onOk: () => setEditing(false) });
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-labelledby="hearing-title">
      <h2 id="hearing-title" className="span-2">
        {t('hearings.hearing.title')}
      </h2>
      <div className="span-2">
        <MessageLine message={form.message} />
      </div>
      <Field label={t('hearings.hearing.date')} error={form.errors.date} required>
        {(p) => (
          <input
            {...p}
            type="date"
            name="hearingDate"
            value={values.date}
            onChange={(e) => {
              set('date', e.target.value);
              setDraft({ hearingDate: e.target.value || null });
            }}
          />
        )}
      </Field>
      <Field label={t('hearings.hearing.time')} error={form.errors.time} required>
        {(p) => <input {...p} type="time" name="hearingTime" value={values.time} onChange={(e) => set('time', e.target.value)} />}
      </Field>
      <Field label={t('hearings.hearing.method')} error={form.errors.method} required>
        {(p) => (
          <select {...p} name="method" value={values.method} onChange={(e) => set('method', e.target.value)}>
            {methods.map((m) => (
              <option key={m} value={m}>
                {methodLabel(service, m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.hearing.place')} error={form.errors.place} hint={t('hearings.hearing.placeHint')} required>
        {(p) => <input {...p} name="place" value={values.place} onChange={(e) => set('place', e.target.value)} />}
      </Field>
      <div className="span-2">
        <Field label={t('hearings.hearing.participants')} error={form.errors.participants}>
          {(p) => (
            <textarea
              {...p}
              name="participants"
              rows={2}
              value={values.participants}
              onChange={(e) => set('participants', e.target.value)}
            />
          )}
        </Field>
      </div>
      {service.hearing.kind === 'decision-date' ? (
        <p className="span-2 muted">
          {t('hearings.hearing.modesFromSeed')} <CitationNote citation={service.hearing.modesCitation} />
        </p>
      ) : null}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {hearing ? t('hearings.hearing.saveChange') : t('hearings.hearing.schedule')}
        </button>
        {hearing ? (
          <button type="button" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function NoticeStep({ app, hearing, setDraft }: { app: ServiceApplication; hearing: Hearing; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const form = useStepForm();
  const stale = app.notice !== null && app.notice.hearingId !== hearing.id;
  const [editing, setEditing] = useState(app.notice === null || stale);
  const [values, setValues] = useState({ sentOn: todayIso(), channel: '' as NoticeChannel | '', receivedOn: '' });

  if (!editing && app.notice) {
    const n = app.notice;
    return (
      <div className="card" data-testid="notice-card">
        <h2>{t('hearings.notice.title')}</h2>
        <dl className="facts">
          <dt>{t('hearings.notice.sentOn')}</dt>
          <dd>{formatDate(n.sentOn)}</dd>
          <dt>{t('hearings.notice.channel')}</dt>
          <dd>{t(`hearings.noticeChannels.${n.channel}`)}</dd>
          <dt>{t('hearings.notice.receivedOn')}</dt>
          <dd>{formatDate(n.receivedOn)}</dd>
        </dl>
        {!app.decision && hearing.status === 'scheduled' ? (
          <button type="button" onClick={() => setEditing(true)}>
            {t('hearings.notice.again')}
          </button>
        ) : null}
      </div>
    );
  }
  if (app.decision) return null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx) return;
    void form.run(
      () =>
        recordNotice(db, ctx, app.id, {
          hearingId: hearing.id,
          sentOn: values.sentOn,
          channel: values.channel as NoticeChannel,
          receivedOn: values.receivedOn,
        }),
      {
        onOk: () => setEditing(false),
      },
    );
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-labelledby="notice-title">
      <h2 id="notice-title" className="span-2">
        {t('hearings.notice.title')}
      </h2>
      <p className="span-2 muted">{t('hearings.notice.hint')}</p>
      <div className="span-2">
        <MessageLine message={form.message} />
      </div>
      <Field label={t('hearings.notice.sentOn')} error={form.errors.sentOn} required>
        {(p) => (
          <input
            {...p}
            type="date"
            name="noticeSentOn"
            value={values.sentOn}
            onChange={(e) => {
              setValues((v) => ({ ...v, sentOn: e.target.value }));
              setDraft({ noticeDate: e.target.value || null });
            }}
          />
        )}
      </Field>
      <Field label={t('hearings.notice.channel')} error={form.errors.channel} required>
        {(p) => (
          <select
            {...p}
            name="noticeChannel"
            value={values.channel}
            onChange={(e) => setValues((v) => ({ ...v, channel: e.target.value as NoticeChannel | '' }))}
          >
            <option value="">{t('common.choose')}</option>
            {NOTICE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`hearings.noticeChannels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.notice.receivedOn')} error={form.errors.receivedOn} hint={t('hearings.notice.receivedHint')}>
        {(p) => (
          <input
            {...p}
            type="date"
            name="noticeReceivedOn"
            value={values.receivedOn}
            onChange={(e) => {
              setValues((v) => ({ ...v, receivedOn: e.target.value }));
              setDraft({ noticeReceivedDate: e.target.value || null });
            }}
          />
        )}
      </Field>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('hearings.notice.save')}
        </button>
      </div>
    </form>
  );
}

function ObjectionStep({ app, service, setDraft }: { app: ServiceApplication; service: ServiceRule; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const form = useStepForm();
  const [values, setValues] = useState({ kind: '' as ObjectionKind | '', date: todayIso(), summary: '' });
  const citation = service.hearing.kind === 'decision-date' ? service.hearing.objectionAfterReceipt.citation : null;

  if (app.objection) {
    return (
      <div className="card" data-testid="objection-card">
        <h2>{t('hearings.objection.title')}</h2>
        <dl className="facts">
          <dt>{t('hearings.objection.kind')}</dt>
          <dd>{t(`hearings.objectionKinds.${app.objection.kind}`)}</dd>
          <dt>{t('hearings.objection.date')}</dt>
          <dd>{formatDate(app.objection.date)}</dd>
          <dt>{t('hearings.objection.summary')}</dt>
          <dd className="prewrap">{app.objection.summary || t('common.none')}</dd>
        </dl>
      </div>
    );
  }
  if (app.decision) return null;
  const update = (next: typeof values) => {
    setValues(next);
    setDraft({ objection: next.kind && next.date ? { kind: next.kind, date: next.date } : null });
  };

  return (
    <form
      className="card form-grid"
      noValidate
      aria-labelledby="objection-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ctx) return;
        void form.run(() =>
          recordObjection(db, ctx, app.id, { kind: values.kind as ObjectionKind, date: values.date, summary: values.summary }),
        );
      }}
    >
      <h2 id="objection-title" className="span-2">
        {t('hearings.objection.title')}
      </h2>
      {citation ? (
        <p className="span-2 muted">
          {t('hearings.objection.hint')} <CitationNote citation={citation} />
        </p>
      ) : null}
      <div className="span-2">
        <MessageLine message={form.message} />
      </div>
      <Field label={t('hearings.objection.kind')} error={form.errors.kind} required>
        {(p) => (
          <select
            {...p}
            name="objectionKind"
            value={values.kind}
            onChange={(e) => update({ ...values, kind: e.target.value as ObjectionKind | '' })}
          >
            <option value="">{t('common.choose')}</option>
            {OBJECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`hearings.objectionKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.objection.date')} error={form.errors.date} required>
        {(p) => (
          <input
            {...p}
            type="date"
            name="objectionDate"
            value={values.date}
            onChange={(e) => update({ ...values, date: e.target.value })}
          />
        )}
      </Field>
      <div className="span-2">
        <Field label={t('hearings.objection.summary')} error={form.errors.summary}>
          {(p) => (
            <textarea
              {...p}
              name="objectionSummary"
              rows={2}
              value={values.summary}
              onChange={(e) => setValues({ ...values, summary: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('hearings.objection.save')}
        </button>
      </div>
    </form>
  );
}

function DecisionStep({
  app,
  saved,
  service,
  cal,
  facts,
}: {
  app: ServiceApplication;
  saved: HearingSchedule;
  service: ServiceRule;
  cal: ReturnType<typeof useCalendar>;
  facts: HearingFacts;
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const form = useStepForm();
  const [values, setValues] = useState({ outcome: '' as DecisionOutcome | '', date: todayIso(), reasons: '', earlyReason: '' });
  const set = (k: keyof typeof values, v: string) => setValues((s) => ({ ...s, [k]: v }));
  // The check as the repository will make it, with the date being typed.
  const withDate = values.date ? hearingSchedule(service, cal, { ...facts, decisionDate: values.date }) : null;
  const check = values.outcome && values.date && withDate?.ok ? checkDecision(withDate.value, values.outcome, values.date) : null;
  const early = check?.early ?? false;
  const e = check?.earliest ?? saved.earliestDecision;

  return (
    <form
      className="card form-grid"
      noValidate
      aria-labelledby="decision-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        if (!ctx) return;
        void form.run(() => recordDecision(db, ctx, app.id, { ...values, outcome: values.outcome as DecisionOutcome }));
      }}
    >
      <h2 id="decision-title" className="span-2">
        {t('hearings.decision.title')}
      </h2>
      <div className="span-2">
        <MessageLine message={form.message} />
        {early ? (
          <Notice kind="warning">
            {e.notBefore ? t('hearings.decision.earlyUntil', { date: formatDate(e.notBefore) }) : t('hearings.decision.earlyBlocked')}
            {e.blockers.length > 0 ? ` (${e.blockers.map((b) => t(`hearings.blockers.${b}`)).join('; ')})` : ''}
            {e.binding ? (
              <>
                {' '}
                <CitationNote citation={e.binding.citation} />
              </>
            ) : null}
          </Notice>
        ) : null}
        {check?.late ? (
          <Notice kind="warning">{t('hearings.decision.late', { date: formatDate(saved.latestDecision?.date ?? '') })}</Notice>
        ) : null}
      </div>
      <Field label={t('hearings.decision.outcome')} error={form.errors.outcome} required>
        {(p) => (
          <select {...p} name="outcome" value={values.outcome} onChange={(ev) => set('outcome', ev.target.value)}>
            <option value="">{t('common.choose')}</option>
            {DECISION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`hearings.outcomes.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.decision.date')} error={form.errors.date} required>
        {(p) => <input {...p} type="date" name="decisionDate" value={values.date} onChange={(ev) => set('date', ev.target.value)} />}
      </Field>
      <div className="span-2">
        <Field label={t('hearings.decision.reasons')} error={form.errors.reasons} required={values.outcome === 'refused'}>
          {(p) => <textarea {...p} name="reasons" rows={3} value={values.reasons} onChange={(ev) => set('reasons', ev.target.value)} />}
        </Field>
      </div>
      {early ? (
        <div className="span-2">
          <Field
            label={t('hearings.decision.earlyReason')}
            error={form.errors.earlyReason}
            hint={t('hearings.decision.earlyReasonHint')}
            required
          >
            {(p) => (
              <textarea
                {...p}
                name="earlyReason"
                rows={2}
                value={values.earlyReason}
                onChange={(ev) => set('earlyReason', ev.target.value)}
              />
            )}
          </Field>
        </div>
      ) : null}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('hearings.decision.save')}
        </button>
      </div>
    </form>
  );
}

function DecisionResult({ app, service, onPrint }: { app: ServiceApplication; service: ServiceRule; onPrint(): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const form = useStepForm();
  const [values, setValues] = useState({ method: '' as NotificationMethod | '', date: app.decision?.date ?? todayIso() });
  const d = app.decision;
  if (!d) return null;
  const notificationCitation = service.hearing.kind === 'decision-date' ? service.hearing.notificationCitation : null;
  return (
    <div className="card" data-testid="decision-card">
      <h2>{t('hearings.decision.title')}</h2>
      <dl className="facts">
        <dt>{t('hearings.decision.outcome')}</dt>
        <dd data-testid="decision-outcome">{t(`hearings.outcomes.${d.outcome}`)}</dd>
        <dt>{t('hearings.decision.date')}</dt>
        <dd>{formatDate(d.date)}</dd>
        <dt>{t('hearings.decision.reasons')}</dt>
        <dd className="prewrap">{d.reasons || t('common.none')}</dd>
        {d.earlyReason ? (
          <>
            <dt>{t('hearings.decision.earlyReason')}</dt>
            <dd className="prewrap">{d.earlyReason}</dd>
          </>
        ) : null}
        {app.notification ? (
          <>
            <dt>{t('hearings.notification.title')}</dt>
            <dd>
              {t(`hearings.notificationMethods.${app.notification.method}`)}, {formatDate(app.notification.date)}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        <button type="button" onClick={onPrint}>
          {t('hearings.decision.print')}
        </button>
      </div>
      {!app.notification ? (
        <form
          className="inline-form"
          noValidate
          aria-label={t('hearings.notification.title')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!ctx) return;
            void form.run(() => recordNotification(db, ctx, app.id, { method: values.method as NotificationMethod, date: values.date }));
          }}
        >
          <MessageLine message={form.message} />
          <Field label={t('hearings.notification.method')} error={form.errors.method} required>
            {(p) => (
              <select
                {...p}
                name="notificationMethod"
                value={values.method}
                onChange={(e) => setValues((v) => ({ ...v, method: e.target.value as NotificationMethod | '' }))}
              >
                <option value="">{t('common.choose')}</option>
                {NOTIFICATION_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`hearings.notificationMethods.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('hearings.notification.date')} error={form.errors.date} required>
            {(p) => (
              <input
                {...p}
                type="date"
                name="notificationDate"
                value={values.date}
                onChange={(e) => setValues((v) => ({ ...v, date: e.target.value }))}
              />
            )}
          </Field>
          <button type="submit" disabled={form.busy}>
            {t('hearings.notification.save')}
          </button>
        </form>
      ) : null}
      {notificationCitation ? (
        <p className="muted">
          <CitationNote citation={notificationCitation} />
        </p>
      ) : null}
    </div>
  );
}

/** Notes of some actions start with a code ("oral: …", "sms"); the officer reads its label. */
function useHistoryNote(service: ServiceRule | undefined): (action: string, note: string | null) => string {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (action, note) => {
    if (note === null) return '';
    const [code = '', ...rest] = note.split(': ');
    const text = rest.join(': ');
    const label = (key: string) => (text ? `${t(key)}: ${text}` : t(key));
    switch (action) {
      case 'notice-sent':
        return (NOTICE_CHANNELS as readonly string[]).includes(code) ? label(`hearings.noticeChannels.${code}`) : note;
      case 'objection':
        return (OBJECTION_KINDS as readonly string[]).includes(code) ? label(`hearings.objectionKinds.${code}`) : note;
      case 'decision':
        return (DECISION_OUTCOMES as readonly string[]).includes(code) ? label(`hearings.outcomes.${code}`) : note;
      case 'decision-notified':
        return (NOTIFICATION_METHODS as readonly string[]).includes(code) ? label(`hearings.notificationMethods.${code}`) : note;
      case 'step-done': {
        const step = service?.steps.find((s) => s.id === note);
        return step ? loc(step.labelKk, step.labelRu) : note;
      }
      case 'registered':
        return t('hearings.history.fromIntake', { id: note });
      default:
        return note;
    }
  };
}

function HistoryCard({ app, service }: { app: ServiceApplication; service: ServiceRule | undefined }) {
  const { t } = useTranslation();
  const noteText = useHistoryNote(service);
  return (
    <div className="card">
      <h2>{t('hearings.history.title')}</h2>
      <table className="grid compact" data-testid="history">
        <thead>
          <tr>
            <th scope="col">{t('hearings.history.at')}</th>
            <th scope="col">{t('hearings.history.by')}</th>
            <th scope="col">{t('hearings.history.action')}</th>
            <th scope="col">{t('hearings.history.date')}</th>
            <th scope="col">{t('hearings.history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {app.history.map((h, i) => (
            <tr key={i} data-action={h.action}>
              <td className="nowrap">{new Date(h.at).toLocaleString('ru-RU')}</td>
              <td>{h.by}</td>
              <td>{t(`hearings.history.actions.${h.action}`)}</td>
              <td>{h.date ? formatDate(h.date) : ''}</td>
              <td className="prewrap">{noteText(h.action, h.note)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
