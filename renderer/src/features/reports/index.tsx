import type { SectionProps } from '../../core/router';
import { ReportsPage } from './ReportsPage';
import './reports.css';

export { StageLog } from './StageLog';
/** The report charts of the current year for the dashboard (they load their own data). */
export { DashboardReportCharts } from './DashboardReportCharts';

/** `#/reports`: period reports, charts and the monitoring export (issue 17). */
export function ReportsSection(_props: SectionProps) {
  return <ReportsPage />;
}
