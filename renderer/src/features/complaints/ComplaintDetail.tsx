import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintRoute, type Complaint } from '@shared/complaints';
import { useCan } from '../../core/permissions';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { useLiveData } from '../../core/useLiveData';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { useLocalized } from '../../ui/useLocalized';
import { RecordHistory } from '../audit';
import { StageLog } from '../reports';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintFacts } from './ComplaintFacts';
import { DeadlinesCard } from './DeadlinesCard';
import { RegistrationConfirmation } from './prints';
import { confirmationDisclosure } from './disclosures';
import { getComplaint } from './repository';
import { VoidDialog } from './VoidDialog';

export function ComplaintDetail({ id, justRegistered }: { id: string; justRegistered: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const loaded = useLiveData(() => getComplaint(db, id), [db, id]);
  if (loaded.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (loaded.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: loaded.error })}</Notice>;
  if (!loaded.value) return <Notice kind="warning">{t('complaints.notFound')}</Notice>;
  return <ComplaintView complaint={loaded.value} justRegistered={justRegistered} />;
}

function ComplaintView({ complaint, justRegistered }: { complaint: Complaint; justRegistered: boolean }) {
  const { t } = useTranslation();
  const office = useAppStore((s) => s.office);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const [printing, setPrinting] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const mayVoid = useCan('record.void');
  const voided = complaint.voided;
  const ruleSet = ruleSets.find((r) => r.id === complaint.ruleSetId);
  const route = ruleSet ? complaintRoute(ruleSet, complaint.serviceId) : null;
  const service = ruleSet?.services.find((s) => s.id === complaint.serviceId);

  return (
    <section aria-labelledby="complaint-title">
      <header className="page-header">
        <h1 id="complaint-title">
          <span className="mono">{complaint.number}</span>{' '}
          <span className={`badge status status--${complaint.status}`} data-testid="complaint-status">
            {t(`complaints.statuses.${complaint.status}`)}
          </span>
          {voided ? (
            <>
              {' '}
              <span className="badge voided-mark" data-testid="complaint-voided-mark">
                {t('complaints.voidedMark')}
              </span>
            </>
          ) : null}
        </h1>
        <div className="actions">
          <a href={sectionHref('complaints')}>{t('common.back')}</a>
          {/* Issue 16 point 2: a voided complaint has no action left, not even its confirmation print. */}
          {voided ? null : (
            <button type="button" onClick={() => setPrinting(true)}>
              {t('complaints.confirmation')}
            </button>
          )}
          {!voided && mayVoid ? (
            <button type="button" className="void-danger" onClick={() => setVoiding(true)}>
              {t('complaints.voidAction')}
            </button>
          ) : null}
        </div>
      </header>
      {justRegistered ? <Notice kind="success">{t('complaints.registered', { number: complaint.number })}</Notice> : null}
      {voided ? (
        <Notice kind="warning">
          <span data-testid="complaint-voided">
            <strong>{t('complaints.voidedNotice', { date: formatDate(todayIso(new Date(voided.at))), by: voided.by })}</strong>{' '}
            {t('complaints.voidedReason', { reason: voided.reason })} {t('complaints.voidedNoTerms')}
          </span>
        </Notice>
      ) : null}
      <DeadlinesCard complaint={complaint} route={route} />
      <ComplaintFacts complaint={complaint} route={route} service={service} />
      <ComplaintActions complaint={complaint} route={route} />
      <ComplaintHistory complaint={complaint} />
      <StageLog subject="complaint" id={complaint.id} />
      <details className="card">
        <summary>{t('complaints.auditHistory')}</summary>
        <RecordHistory table="complaints" recordId={complaint.id} />
      </details>
      {voiding ? <VoidDialog complaint={complaint} onClose={() => setVoiding(false)} /> : null}
      {printing && office ? (
        <PrintPreview
          title={t('complaints.confirmation')}
          suggestedName={`${complaint.number}.pdf`}
          onClose={() => setPrinting(false)}
          disclosure={confirmationDisclosure(complaint)}
        >
          <RegistrationConfirmation complaint={complaint} office={office} />
        </PrintPreview>
      ) : null}
    </section>
  );
}

function ComplaintHistory({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
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
                {h.from && h.from !== h.to ? `${t(`complaints.statuses.${h.from}`)} → ` : ''}
                {t(`complaints.statuses.${h.to}`)}
                {h.note ? ` (${h.note})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
