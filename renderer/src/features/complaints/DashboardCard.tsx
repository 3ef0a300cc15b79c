import { useTranslation } from 'react-i18next';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { useAsync } from '../../ui/useAsync';
import { forwardMissedCount, liveComplaintCounts } from './counts';
import { useDeadlineContext } from './useDeadlines';

/**
 * Open, due-soon and overdue complaints (never a voided one, issue 16 point 2), and those whose 3-working-day forwarding term was missed
 * (seed 000 L75, 001 L57: it stays counted after a late forwarding, remedy or withdrawal); each count
 * opens the register filtered the same way.
 */
export function ComplaintsDashboardCard() {
  const { t } = useTranslation();
  const { db } = useServices();
  const { today, soon } = useDeadlineContext();
  const counts = useLiveData(() => liveComplaintCounts(db, today, soon), [db, today, soon]);
  const stamp = counts.status === 'done' ? counts.value.stamp : null;
  // The register index keeps itself current; the live stamp says when to count again.
  const missed = useAsync(() => (stamp === null ? Promise.resolve(null) : forwardMissedCount(db, today)), [db, today, stamp]);
  const value = (n: number | null | undefined) => (n === null || n === undefined ? '…' : n);
  const done = counts.status === 'done' ? counts.value : null;
  return (
    <div className="card" aria-labelledby="complaints-card-title">
      <h2 id="complaints-card-title">{t('complaints.dashboard.title')}</h2>
      {counts.status === 'error' ? <p className="field__error">{t('common.unexpected', { detail: counts.error })}</p> : null}
      <div className="cards">
        <a className="stat" href={sectionHref('complaints', [], { status: 'open', voided: 'hide' })} data-testid="complaints-open">
          <span className="stat__value">{value(done?.open)}</span>
          <span className="stat__label">{t('complaints.dashboard.open')}</span>
        </a>
        <a className="stat stat--warning" href={sectionHref('complaints', [], { flag: 'due-soon' })} data-testid="complaints-due-soon">
          <span className="stat__value">{value(done?.dueSoon)}</span>
          <span className="stat__label">{t('complaints.dashboard.dueSoon')}</span>
        </a>
        <a className="stat stat--danger" href={sectionHref('complaints', [], { flag: 'overdue' })} data-testid="complaints-overdue">
          <span className="stat__value">{value(done?.overdue)}</span>
          <span className="stat__label">{t('complaints.dashboard.overdue')}</span>
        </a>
        <a
          className="stat stat--danger"
          href={sectionHref('complaints', [], { flag: 'forward-missed' })}
          data-testid="complaints-forward-missed"
        >
          <span className="stat__value">{value(missed.status === 'done' ? missed.value : undefined)}</span>
          <span className="stat__label">{t('complaints.dashboard.forwardMissed')}</span>
        </a>
      </div>
    </div>
  );
}
