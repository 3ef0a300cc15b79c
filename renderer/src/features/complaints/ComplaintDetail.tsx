import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintDeadlineStatus, type Complaint } from '@shared/complaints';
import { sectionHref, href } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { useAsync } from '../../ui/useAsync';
import { useLocalized } from '../../ui/useLocalized';
import { RecordHistory } from '../audit';
import { ComplaintActions } from './ComplaintActions';
import { DeadlineRow } from './DeadlineView';
import { RegistrationConfirmation } from './prints';
import { getComplaint } from './repository';
import { useDeadlineContext } from './useDeadlines';

export function ComplaintDetail({ id, justRegistered }: { id: string; justRegistered: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const loaded = useAsync(() => getComplaint(db, id), [db, id, dataVersion]);
  if (loaded.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (loaded.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: loaded.error })}</Notice>;
  if (!loaded.value) return <Notice kind="warning">{t('complaints.notFound')}</Notice>;
  return <ComplaintView complaint={loaded.value} justRegistered={justRegistered} />;
}

function ComplaintView({ complaint: initial, justRegistered }: { complaint: Complaint; justRegistered: boolean }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const office = useAppStore((s) => s.office);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const { cal, today } = useDeadlineContext();
  const [complaint, setComplaint] = useState(initial);
  const [printing, setPrinting] = useState(false);
  const ruleSet = ruleSets.find((r) => r.id === complaint.ruleSetId);
  const status = ruleSet ? complaintDeadlineStatus(ruleSet.complaints, cal, complaint, today) : null;
  const addressee = ruleSet?.complaints.addressees.find((a) => a.kind === complaint.addressee);
  const service = ruleSet?.services.find((s) => s.id === complaint.serviceId);

  return (
    <section aria-labelledby="complaint-title">
      <header className="page-header">
        <h1 id="complaint-title">
          <span className="mono">{complaint.number}</span>{' '}
          <span className={`badge status status--${complaint.status}`} data-testid="complaint-status">
            {t(`complaints.statuses.${complaint.status}`)}
          </span>
        </h1>
        <div className="actions">
          <a href={sectionHref('complaints')}>{t('common.back')}</a>
          <button type="button" onClick={() => setPrinting(true)}>
            {t('complaints.confirmation')}
          </button>
        </div>
      </header>
      {justRegistered ? <Notice kind="success">{t('complaints.registered', { number: complaint.number })}</Notice> : null}

      <div className="card">
        <h2>{t('complaints.deadlines')}</h2>
        {status && status.ok && ruleSet ? (
          <table className="grid compact deadlines" data-testid="deadlines">
            <tbody>
              {status.value.forward && ruleSet.complaints.forward ? (
                <DeadlineRow label={t('complaints.forwardDeadline')} status={status.value.forward} term={ruleSet.complaints.forward} />
              ) : (
                <tr>
                  <th scope="row">{t('complaints.forwardDeadline')}</th>
                  <td colSpan={3}>{t('complaints.noDeadline')}</td>
                </tr>
              )}
              {addressee ? (
                <DeadlineRow label={t('complaints.reviewDeadline')} status={status.value.review} term={addressee.reviewTerm} />
              ) : null}
            </tbody>
          </table>
        ) : (
          <Notice kind="error">
            {status && !status.ok && status.error.code === 'year-not-covered'
              ? t('complaints.calendarMissing', { year: status.error.year })
              : t('complaints.noRuleSet', { date: formatDate(complaint.registrationDate) })}
          </Notice>
        )}
      </div>

      <dl className="card facts" data-testid="complaint-facts">
        <dt>{t('complaints.complainant')}</dt>
        <dd>
          <a href={href({ name: 'person', id: complaint.personId })}>{complaint.complainantName}</a> (
          <span className="mono">{complaint.complainantIin}</span>)
          {complaint.representative ? ` — ${complaint.representative.fullName}, ${complaint.representative.powerOfAttorney}` : ''}
        </dd>
        <dt>{t('complaints.receiptDate')}</dt>
        <dd>{formatDate(complaint.receiptDate)}</dd>
        <dt>{t('complaints.registrationDate')}</dt>
        <dd>{formatDate(complaint.registrationDate)}</dd>
        <dt>{t('complaints.channel')}</dt>
        <dd>{t(`complaints.channels.${complaint.channel}`)}</dd>
        <dt>{t('complaints.addressee')}</dt>
        <dd>{t(`complaints.addressees.${complaint.addressee}`)}</dd>
        <dt>{t('complaints.service')}</dt>
        <dd>{service ? loc(service.nameKk, service.nameRu) : complaint.serviceId}</dd>
        <dt>{t('complaints.contested')}</dt>
        <dd>
          {t(`complaints.contestedKinds.${complaint.contested}`)}
          {complaint.contestedRef ? `: ${complaint.contestedRef}` : ''}
          {complaint.official ? ` (${complaint.official})` : ''}
        </dd>
        <dt>{t('complaints.text')}</dt>
        <dd className="pre">{complaint.text}</dd>
        <dt>{t('complaints.demands')}</dt>
        <dd className="pre">{complaint.demands}</dd>
        <dt>{t('complaints.acceptedBy')}</dt>
        <dd>{complaint.acceptedBy}</dd>
        <dt>{t('complaints.answerPlace')}</dt>
        <dd>{complaint.answerPlace}</dd>
        <dt>{t('complaints.reviewer')}</dt>
        <dd>{complaint.reviewer || t('common.none')}</dd>
        {complaint.forwarded ? (
          <>
            <dt>{t('complaints.forward')}</dt>
            <dd>{t('complaints.forwarded', { date: formatDate(complaint.forwarded.date), to: complaint.forwarded.to })}</dd>
          </>
        ) : null}
        {complaint.decision ? (
          <>
            <dt>{t('complaints.decision')}</dt>
            <dd data-testid="complaint-decision">
              <strong>{t(`complaints.outcomes.${complaint.decision.outcome}`)}</strong>, {formatDate(complaint.decision.date)}.{' '}
              {complaint.decision.text} ({t(`complaints.notification.${complaint.decision.notifiedBy}`)},{' '}
              {formatDate(complaint.decision.notifiedOn)})
            </dd>
          </>
        ) : null}
        {complaint.withdrawal ? (
          <>
            <dt>{t('complaints.statuses.withdrawn')}</dt>
            <dd>{t('complaints.withdrawn', { date: formatDate(complaint.withdrawal.date), reason: complaint.withdrawal.reason })}</dd>
          </>
        ) : null}
        {complaint.courtNote ? (
          <>
            <dt>{t('complaints.courtNote')}</dt>
            <dd>{t('complaints.court', { date: formatDate(complaint.courtNote.date), text: complaint.courtNote.text })}</dd>
          </>
        ) : null}
      </dl>

      <ComplaintActions complaint={complaint} onChanged={setComplaint} />

      <div className="card">
        <h2>{t('complaints.history')}</h2>
        <table className="grid compact" data-testid="complaint-history">
          <thead>
            <tr>
              <th scope="col">{t('complaints.historyWhen')}</th>
              <th scope="col">{t('complaints.historyWho')}</th>
              <th scope="col">{t('complaints.historyWhat')}</th>
            </tr>
          </thead>
          <tbody>
            {complaint.history.map((h, i) => (
              <tr key={i}>
                <td>{new Date(h.at).toLocaleString(loc('kk-KZ', 'ru-RU'))}</td>
                <td>{h.by}</td>
                <td>
                  {h.from ? `${t(`complaints.statuses.${h.from}`)} → ` : ''}
                  {t(`complaints.statuses.${h.to}`)}
                  {h.note ? ` (${h.note})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="card">
        <summary>{t('complaints.auditHistory')}</summary>
        <RecordHistory table="complaints" recordId={complaint.id} />
      </details>
      {printing && office ? (
        <PrintPreview title={t('complaints.confirmation')} suggestedName={`${complaint.number}.pdf`} onClose={() => setPrinting(false)}>
          <RegistrationConfirmation complaint={complaint} office={office} />
        </PrintPreview>
      ) : null}
    </section>
  );
}
