import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yearPeriod, type Period } from '@shared/reports';
import { todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { DeferredReportCharts } from './ReportCharts';
import { useReport } from './useReport';

/** The report charts of the current year, ready to place on the dashboard. */
export function DashboardReportCharts() {
  const { t } = useTranslation();
  const [period] = useState<Period>(() => yearPeriod(Number(todayIso().slice(0, 4))));
  const state = useReport(period);
  return (
    <div className="card">
      <h2>{t('reports.charts.title')}</h2>
      {state.status === 'error' ? <Notice kind="error">{state.error}</Notice> : null}
      {state.status === 'loading' ? <p>{t('reports.loading')}</p> : null}
      {state.status === 'done' ? <DeferredReportCharts series={state.value.series} stageCounts={state.value.stageCounts} /> : null}
    </div>
  );
}
