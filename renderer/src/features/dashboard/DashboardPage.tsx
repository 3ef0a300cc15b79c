import { useTranslation } from 'react-i18next';
import { REGIONS } from '@shared/office';
import { ruleSetInForce } from '@shared/rules';
import { href } from '../../core/router';
import { BackupReminder } from '../backup';
import { ComplaintsDashboardCard } from '../complaints';
import { HearingsDashboardCard } from '../hearings';
import { DashboardReportCharts } from '../reports';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { useLiveData } from '../../core/useLiveData';
import { countCases } from '../../db/repositories/cases';
import { countPersons } from '../../db/repositories/persons';
import { todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';

export function DashboardPage() {
  const { t } = useTranslation();
  const { db } = useServices();
  const loc = useLocalized();
  const office = useAppStore((s) => s.office);
  const calendarYears = useAppStore((s) => s.calendarYears);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const storagePersistent = useAppStore((s) => s.storagePersistent);
  const counts = useLiveData(async () => ({ persons: await countPersons(db), cases: await countCases(db) }), [db]);
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const unverified = calendarYears.filter((y) => !y.verified).map((y) => y.year);
  const ruleSet = ruleSetInForce(ruleSets, today);
  const region = REGIONS.find((r) => r.id === office?.region);

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {storagePersistent === false ? (
        <Notice kind="warning">
          <span data-testid="storage-not-persistent">{t('dashboard.storageNotPersistent')}</span>
        </Notice>
      ) : null}
      <div className="cards">
        <a className="card stat" href={href({ name: 'persons', query: '' })}>
          <span className="stat__value" data-testid="count-persons">
            {counts.status === 'done' ? counts.value.persons : '…'}
          </span>
          <span className="stat__label">{t('dashboard.persons')}</span>
        </a>
        <div className="card stat">
          <span className="stat__value" data-testid="count-cases">
            {counts.status === 'done' ? counts.value.cases : '…'}
          </span>
          <span className="stat__label">{t('dashboard.cases')}</span>
        </div>
      </div>
      <BackupReminder />
      <ComplaintsDashboardCard />
      <HearingsDashboardCard />
      <DashboardReportCharts />
      <div className="card">
        <h2>{t('dashboard.office')}</h2>
        <p>
          <strong>{office?.officeName}</strong> ({office?.officeCode}) — {region ? loc(region.kk, region.ru) : ''}, {office?.district}
        </p>
      </div>
      <div className="card">
        <h2>{t('dashboard.calendar')}</h2>
        <p>{t('dashboard.calendarYears', { years: calendarYears.map((y) => y.year).join(', ') })}</p>
        {!calendarYears.some((y) => y.year === year) ? <Notice kind="error">{t('dashboard.calendarMissing', { year })}</Notice> : null}
        {unverified.length > 0 ? (
          <Notice kind="warning">{t('dashboard.calendarUnverified', { years: unverified.join(', ') })}</Notice>
        ) : null}
      </div>
      <div className="card">
        <h2>{t('dashboard.ruleSet')}</h2>
        {ruleSet.ok ? (
          <p>
            {loc(ruleSet.value.titleKk, ruleSet.value.titleRu)}
            {ruleSet.value.provisional ? <span className="badge warning"> {t('dashboard.ruleSetProvisional')}</span> : null}
          </p>
        ) : (
          <Notice kind="error">{t('cases.noRuleSet', { date: today })}</Notice>
        )}
      </div>
    </section>
  );
}
