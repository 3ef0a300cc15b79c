import { useTranslation } from 'react-i18next';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { useAsync } from '../../ui/useAsync';
import { complaintCounts } from './repository';
import { useDeadlineContext } from './useDeadlines';

/** Open, due-soon and overdue complaints; each count opens the register filtered the same way. */
export function ComplaintsDashboardCard() {
  const { t } = useTranslation();
  const { db } = useServices();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const { today, soon } = useDeadlineContext();
  const counts = useAsync(() => complaintCounts(db, today, soon), [db, today, soon, dataVersion]);
  const value = (n: number | undefined) => (counts.status === 'done' ? n : '…');
  return (
    <div className="card" aria-labelledby="complaints-card-title">
      <h2 id="complaints-card-title">{t('complaints.dashboard.title')}</h2>
      <div className="cards">
        <a className="stat" href={sectionHref('complaints', [], { status: 'open' })} data-testid="complaints-open">
          <span className="stat__value">{value(counts.status === 'done' ? counts.value.open : undefined)}</span>
          <span className="stat__label">{t('complaints.dashboard.open')}</span>
        </a>
        <a className="stat stat--warning" href={sectionHref('complaints', [], { flag: 'due-soon' })} data-testid="complaints-due-soon">
          <span className="stat__value">{value(counts.status === 'done' ? counts.value.dueSoon : undefined)}</span>
          <span className="stat__label">{t('complaints.dashboard.dueSoon')}</span>
        </a>
        <a className="stat stat--danger" href={sectionHref('complaints', [], { flag: 'overdue' })} data-testid="complaints-overdue">
          <span className="stat__value">{value(counts.status === 'done' ? counts.value.overdue : undefined)}</span>
          <span className="stat__label">{t('complaints.dashboard.overdue')}</span>
        </a>
      </div>
    </div>
  );
}
