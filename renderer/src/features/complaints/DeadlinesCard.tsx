import { useTranslation } from 'react-i18next';
import { complaintDeadlineStatus, routeAddressee, type Complaint, type ComplaintRoute } from '@shared/complaints';
import { Citation } from '../../ui/Citation';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { DeadlineRow } from './DeadlineView';
import { useDeadlineContext } from './useDeadlines';

/**
 * Both clocks of a complaint with their clauses (000 L75-81 or 001 L57-60), and what became of the
 * forwarding term: waived by a timely full remedy (000 L77 / 001 L58), or missed — which stays shown.
 */
export function DeadlinesCard({ complaint, route }: { complaint: Complaint; route: ComplaintRoute | null }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { cal, today } = useDeadlineContext();
  const status = route ? complaintDeadlineStatus(route, cal, complaint, today) : null;
  const addressee = route ? routeAddressee(route, complaint.addressee) : undefined;
  if (complaint.voided) {
    // Issue 16 point 2: no term runs for a voided complaint.
    return (
      <div className="card">
        <h2>{t('complaints.deadlines')}</h2>
        <p data-testid="deadlines-voided">{t('complaints.voidedNoTerms')}</p>
      </div>
    );
  }
  if (!route || !status?.ok) {
    return (
      <div className="card">
        <h2>{t('complaints.deadlines')}</h2>
        <Notice kind="error">
          {status && !status.ok && status.error.code === 'year-not-covered'
            ? t('complaints.calendarMissing', { year: status.error.year })
            : t('complaints.noRuleSet', { date: formatDate(complaint.registrationDate) })}
        </Notice>
      </div>
    );
  }
  const forward = status.value.forward;
  const missed = forward !== null && (forward.state === 'late' || forward.state === 'missed' || (forward.daysLeft ?? 0) < 0);
  return (
    <div className="card">
      <h2>{t('complaints.deadlines')}</h2>
      <table className="grid compact deadlines" data-testid="deadlines">
        <tbody>
          {forward ? (
            <DeadlineRow label={t('complaints.forwardDeadline')} status={forward} term={route.forward} />
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
      {forward?.state === 'waived' ? (
        <p data-testid="forward-waiver">
          {loc(route.waiver.kk, route.waiver.ru)} <Citation citation={route.waiver.citation} />
        </p>
      ) : null}
      {missed ? (
        <Notice kind="warning">
          <span data-testid="forward-missed">{t('complaints.forwardMissed', { date: formatDate(forward.due) })}</span>
        </Notice>
      ) : null}
    </div>
  );
}
