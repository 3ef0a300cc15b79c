import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationFacts, blockingVoiding, hearingSchedule, minutesOfHearing, type Hearing, type HearingMinutes } from '@shared/hearings';
import { fullName } from '@shared/persons';
import type { ServiceRule } from '@shared/rules';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { VoidedMark, VoidedNotice } from '../../ui/VoidDialog';
import { StageLog } from '../reports';
import { CitationNote, useCalendar, useServiceName } from './common';
import { DecisionForm } from './DecisionForm';
import { DecisionResultCard } from './DecisionResultCard';
import { mergeDraft, withDraft, type Draft, type SetDraft } from './draft';
import { HearingCard } from './HearingCard';
import { HistoryCard } from './HistoryCard';
import { NoticeCard } from './NoticeCard';
import { ObjectionCard } from './ObjectionCard';
import { PlannedDecisionCard } from './PlannedDecisionCard';
import { Planner } from './Planner';
import { PreliminaryCard } from './PreliminaryCard';
import { DecisionNoticePrint, HearingNoticePrint } from './prints';
import { ReadingsCard } from './ReadingsCard';
import { applicationPageData, type ApplicationView } from './repository';
import { StepsCard } from './StepsCard';

/**
 * The application page. The data is a live read: a save re-reads it while the previous answer stays on
 * screen, and no form is remounted, so what the officer typed in one form survives saving another.
 */
export function ApplicationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const today = todayIso();
  const view = useLiveData(() => applicationPageData(db, id, today), [db, id, today]);
  if (view.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (view.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: view.error })}</Notice>;
  if (!view.value) return <Notice kind="warning">{t('hearings.errors.not-found')}</Notice>;
  return <ApplicationDetail view={view.value} today={today} />;
}

function ApplicationDetail({ view, today }: { view: ApplicationView; today: string }) {
  const { t } = useTranslation();
  const cal = useCalendar();
  const serviceName = useServiceName();
  const loc = useLocalized();
  const [draft, setDraftState] = useState<Draft>({});
  const [printing, setPrinting] = useState<'notice' | 'decision' | null>(null);
  const setDraft: SetDraft = (d) => setDraftState((prev) => mergeDraft(prev, d));
  const { application: app, service, hearing } = view;

  const facts = applicationFacts(app, view.hearings, view.minutes, today);
  const computed = service ? hearingSchedule(service, cal, withDraft(facts, draft)) : null;
  const schedule = computed?.ok ? computed.value : null;
  const saved = service ? hearingSchedule(service, cal, facts) : null;
  const hasDraft = Object.keys(draft).length > 0;
  // Issue 16 point 2: a voided application (or one in a voided case) shows what it was, and offers no action.
  const voided = blockingVoiding(app, view.theCase);

  return (
    <section className="hearings-page" aria-labelledby="application-title">
      <header className="page-header">
        <h1 id="application-title">
          {serviceName(service, app.service)}
          {voided ? (
            <>
              {' '}
              <VoidedMark testId="application-voided-mark" />
            </>
          ) : null}
        </h1>
        <div className="actions">
          <a href={sectionHref('hearings', ['case', app.caseId])}>{t('hearings.backToCase')}</a>
        </div>
      </header>
      <ApplicationFacts view={view} />
      {voided ? (
        <VoidedNotice voided={voided} consequence={t('hearings.application.voidedConsequence')} testId="application-voided" />
      ) : (
        <>
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
          {service ? <ReadingsCard service={service} /> : null}

          {service ? (
            <>
              <PreliminaryCard app={app} service={service} setDraft={setDraft} />
              {service.hearing.kind === 'decision-date' || service.term === null ? (
                <PlannedDecisionCard app={app} setDraft={setDraft} />
              ) : null}
              {app.preliminary && (hearing !== null || schedule?.hearingNeeded !== 'no') ? (
                <HearingCard app={app} service={service} hearing={hearing} setDraft={setDraft} onPrint={() => setPrinting('notice')} />
              ) : null}
              {app.preliminary && hearing ? <NoticeCard app={app} hearing={hearing} setDraft={setDraft} /> : null}
              {app.preliminary && service.hearing.kind === 'decision-date' ? (
                <ObjectionCard app={app} service={service} setDraft={setDraft} />
              ) : null}
              {hearing ? <MinutesCard service={service} hearing={hearing} minutes={minutesOfHearing(hearing, view.minutes)} /> : null}
              {app.decision ? (
                <DecisionResultCard app={app} service={service} onPrint={() => setPrinting('decision')} />
              ) : saved?.ok ? (
                <DecisionForm app={app} saved={saved.value} service={service} cal={cal} facts={facts} />
              ) : null}
            </>
          ) : null}

          {service && service.steps.length > 0 ? <StepsCard app={app} service={service} /> : null}
        </>
      )}

      <HistoryCard app={app} service={service} />
      <StageLog subject="application" id={app.id} />

      {printing === 'notice' && hearing && schedule && !voided ? (
        <HearingNoticePrint view={view} hearing={hearing} schedule={schedule} onClose={() => setPrinting(null)} />
      ) : null}
      {printing === 'decision' && !voided ? <DecisionNoticePrint view={view} onClose={() => setPrinting(null)} /> : null}
    </section>
  );
}

function ApplicationFacts({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const app = view.application;
  return (
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
  );
}

function MinutesCard({ service, hearing, minutes }: { service: ServiceRule; hearing: Hearing; minutes: HearingMinutes | null }) {
  const { t } = useTranslation();
  return (
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
  );
}
