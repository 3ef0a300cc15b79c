import { useTranslation } from 'react-i18next';
import { fullName } from '@shared/persons';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { VoidedMark } from '../../ui/VoidDialog';
import { useLiveData } from '../../core/useLiveData';
import { useMethodLabel, useServiceName } from './common';
import { hearingsOverview, voidedCases, type ApplicationView } from './repository';

export const LIST_VIEWS = ['upcoming', 'notices', 'remarks'] as const;
export type ListView = (typeof LIST_VIEWS)[number];

export function isListView(v: string | undefined): v is ListView {
  return (LIST_VIEWS as readonly string[]).includes(v ?? '');
}

/**
 * `#/hearings?view=upcoming|notices|remarks`: what is due, so that no term passes unnoticed;
 * `view=voided`: the cases voided as made by mistake, with their numbers (issue 16 point 2).
 */
export function HearingsListPage({ query }: { query: Record<string, string> }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const today = todayIso();
  const view = isListView(query.view) ? query.view : null;
  const showVoided = query.view === 'voided';
  const data = useLiveData(() => hearingsOverview(db, today), [db, today]);

  return (
    <section className="hearings-page" aria-labelledby="hearings-title">
      <header className="page-header">
        <h1 id="hearings-title">{t('hearings.title')}</h1>
        <a className="button primary" href={sectionHref('hearings', ['new'])}>
          {t('hearings.new.title')}
        </a>
      </header>
      <nav className="tabs" aria-label={t('hearings.list.filter')}>
        <a
          className={`button${view === null && !showVoided ? ' active primary' : ''}`}
          href={sectionHref('hearings')}
          aria-current={view === null && !showVoided ? 'page' : undefined}
        >
          {t('hearings.list.all')}
        </a>
        {LIST_VIEWS.map((v) => (
          <a
            key={v}
            className={`button${view === v ? ' active primary' : ''}`}
            href={sectionHref('hearings', [], { view: v })}
            aria-current={view === v ? 'page' : undefined}
          >
            {t(`hearings.list.${v}`)}
            {data.status === 'done' ? ` (${countOf(data.value, v)})` : ''}
          </a>
        ))}
        <a
          className={`button${showVoided ? ' active primary' : ''}`}
          href={sectionHref('hearings', [], { view: 'voided' })}
          aria-current={showVoided ? 'page' : undefined}
        >
          {t('hearings.list.voided')}
        </a>
      </nav>
      {showVoided ? <VoidedCasesTable /> : null}
      {data.status === 'loading' && !showVoided ? <p className="muted">{t('app.loading')}</p> : null}
      {data.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: data.error })}</Notice> : null}
      {data.status === 'done' && !showVoided ? (
        <>
          {view === null || view === 'upcoming' ? <UpcomingTable rows={data.value.upcoming} /> : null}
          {view === null || view === 'notices' ? <NoticesTable rows={data.value.noticesDue} today={today} /> : null}
          {view === null || view === 'remarks' ? <RemarksTable rows={data.value.remarksOpen} /> : null}
        </>
      ) : null}
    </section>
  );
}

function countOf(o: Awaited<ReturnType<typeof hearingsOverview>>, v: ListView): number {
  return v === 'upcoming' ? o.upcoming.length : v === 'notices' ? o.noticesDue.length : o.remarksOpen.length;
}

function Who({ v }: { v: ApplicationView }) {
  const serviceName = useServiceName();
  return (
    <>
      <td>
        <a href={sectionHref('hearings', ['application', v.application.id])}>{v.person ? fullName(v.person) : v.application.personId}</a>
      </td>
      <td className="mono">{v.theCase?.caseNumber ?? ''}</td>
      <td>{serviceName(v.service, v.application.service)}</td>
    </>
  );
}

function UpcomingTable({ rows }: { rows: ApplicationView[] }) {
  const { t } = useTranslation();
  const methodLabel = useMethodLabel();
  return (
    <div className="card">
      <h2>{t('hearings.list.upcoming')}</h2>
      {rows.length === 0 ? (
        <div className="empty">{t('hearings.list.noUpcoming')}</div>
      ) : (
        <table className="grid compact" data-testid="upcoming-table">
          <thead>
            <tr>
              <th scope="col">{t('hearings.hearing.dateTime')}</th>
              <th scope="col">{t('hearings.applicant')}</th>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('hearings.service')}</th>
              <th scope="col">{t('hearings.hearing.method')}</th>
              <th scope="col">{t('hearings.list.window')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.application.id}>
                <td className="nowrap">
                  {formatDate(v.hearing?.date ?? '')} {v.hearing?.time}
                </td>
                <Who v={v} />
                <td>
                  {methodLabel(v.service, v.hearing?.method ?? '')}, {v.hearing?.place}
                </td>
                <td>
                  {v.schedule?.hearingWindow ? formatDate(v.schedule.hearingWindow.closes.date) : ''}
                  {v.schedule?.warnings.some((w) => w.code === 'hearing-after-window' || w.code === 'hearing-after-objection-window') ? (
                    <span className="badge warning">{t('hearings.list.outsideWindow')}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function NoticesTable({ rows, today }: { rows: ApplicationView[]; today: string }) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h2>{t('hearings.list.notices')}</h2>
      {rows.length === 0 ? (
        <div className="empty">{t('hearings.list.noNotices')}</div>
      ) : (
        <table className="grid compact" data-testid="notices-table">
          <thead>
            <tr>
              <th scope="col">{t('hearings.planner.latestNotice')}</th>
              <th scope="col">{t('hearings.applicant')}</th>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('hearings.service')}</th>
              <th scope="col">{t('hearings.preliminary.date')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => {
              const latest = v.schedule?.latestNotice?.date ?? null;
              return (
                <tr key={v.application.id}>
                  <td className="nowrap">
                    {latest ? formatDate(latest) : t('hearings.blockers.decision-date-missing')}
                    {latest && latest < today ? <span className="badge warning">{t('hearings.list.overdue')}</span> : null}
                  </td>
                  <Who v={v} />
                  <td>{formatDate(v.application.preliminary?.date ?? '')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

function RemarksTable({ rows }: { rows: ApplicationView[] }) {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h2>{t('hearings.list.remarks')}</h2>
      {rows.length === 0 ? (
        <div className="empty">{t('hearings.list.noRemarks')}</div>
      ) : (
        <table className="grid compact" data-testid="remarks-table">
          <thead>
            <tr>
              <th scope="col">{t('hearings.planner.remarksWindow')}</th>
              <th scope="col">{t('hearings.applicant')}</th>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('hearings.service')}</th>
              <th scope="col">{t('hearings.planned.date')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => {
              const w = v.schedule?.remarksWindow;
              const past = v.schedule?.warnings.some((x) => x.code === 'remarks-window-past-decision');
              return (
                <tr key={v.application.id}>
                  <td className="nowrap">{w ? `${formatDate(w.opens)} – ${formatDate(w.closes.date)}` : ''}</td>
                  <Who v={v} />
                  <td>
                    {v.application.plannedDecisionDate ? formatDate(v.application.plannedDecisionDate) : t('common.none')}
                    {past ? <span className="badge warning">{t('hearings.list.pastDecision')}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The voided cases, each with its number, the mark and who voided it, when and why. */
function VoidedCasesTable() {
  const { t } = useTranslation();
  const { db } = useServices();
  const data = useLiveData(() => voidedCases(db), [db]);
  if (data.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (data.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: data.error })}</Notice>;
  return (
    <div className="card">
      <h2>{t('hearings.list.voided')}</h2>
      {data.value.length === 0 ? (
        <div className="empty">{t('hearings.list.noVoided')}</div>
      ) : (
        <table className="grid compact" data-testid="voided-cases-table">
          <thead>
            <tr>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('hearings.registrationDate')}</th>
              <th scope="col">{t('hearings.list.voidedOn')}</th>
              <th scope="col">{t('hearings.list.voidedReason')}</th>
            </tr>
          </thead>
          <tbody>
            {data.value.map((c) => (
              <tr key={c.id} className="voided-row">
                <td className="nowrap">
                  <a className="mono" href={sectionHref('hearings', ['case', c.id])}>
                    {c.caseNumber}
                  </a>{' '}
                  <VoidedMark />
                </td>
                <td>{formatDate(c.registrationDate)}</td>
                <td>{c.voided ? `${formatDate(todayIso(new Date(c.voided.at)))}, ${c.voided.by}` : ''}</td>
                <td>{c.voided?.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
