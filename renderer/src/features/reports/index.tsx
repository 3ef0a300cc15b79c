import type { SectionProps } from '../../core/router';
import { ReportsPage } from './ReportsPage';
import './reports.css';

export { StageLog, type StageLogProps } from './StageLog';
export { ReportCharts, type ReportChartsProps } from './ReportCharts';
export { DashboardReportCharts } from './DashboardReportCharts';

/** `#/reports`: period reports, charts and the monitoring export (issue 17). */
export function ReportsSection(_props: SectionProps) {
  return <ReportsPage />;
}
