import { useTranslation } from 'react-i18next';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { todayIso } from '../../ui/format';
import { useLiveData } from '../../core/useLiveData';
import { hearingsOverview } from './repository';

/** Counts for the dashboard; each links to the hearings list filtered to what it counts. */
export function HearingsDashboardCard() {
  const { t } = useTranslation();
  const { db } = useServices();
  const today = todayIso();
  const data = useLiveData(() => hearingsOverview(db, today), [db, today]);
  const count = (n: (o: Awaited<ReturnType<typeof hearingsOverview>>) => number) => (data.status === 'done' ? n(data.value) : '…');
  const items = [
    { view: 'upcoming', label: t('hearings.list.upcoming'), value: count((o) => o.upcoming.length) },
    { view: 'notices', label: t('hearings.list.notices'), value: count((o) => o.noticesDue.length) },
    { view: 'remarks', label: t('hearings.list.remarks'), value: count((o) => o.remarksOpen.length) },
  ];
  return (
    <div className="card" data-testid="hearings-dashboard-card">
      <h2>
        <a href={sectionHref('hearings')}>{t('hearings.title')}</a>
      </h2>
      <div className="cards">
        {items.map((i) => (
          <a
            key={i.view}
            className="card stat"
            href={sectionHref('hearings', [], { view: i.view })}
            data-testid={`hearings-count-${i.view}`}
          >
            <span className="stat__value">{i.value}</span>
            <span className="stat__label">{i.label}</span>
          </a>
        ))}
      </div>
    </div>
  );
}
