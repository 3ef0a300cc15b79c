import type { SectionProps } from '../../core/router';
import { ComplaintDetail } from './ComplaintDetail';
import { ComplaintForm } from './ComplaintForm';
import { RegisterPage } from './RegisterPage';
import './complaints.css';

export { ComplaintsDashboardCard } from './DashboardCard';
/** For Settings: a calendar change moves the deadlines of open complaints. */
export { recomputeOpenDeadlines } from './repository';

/**
 * `#/complaints` the register (`?flag=overdue|due-soon`, `?status=open`), `#/complaints/new`
 * (`?caseId=&personId=`), `#/complaints/case/<caseId>` the register of one case, `#/complaints/<id>`.
 */
export function ComplaintsSection({ path, query }: SectionProps) {
  const [first, second] = path;
  if (first === 'new')
    return <ComplaintForm {...(query.caseId ? { caseId: query.caseId } : {})} {...(query.personId ? { personId: query.personId } : {})} />;
  if (first === 'case' && second) return <RegisterPage key={`case-${second}`} query={query} caseId={second} />;
  if (first) return <ComplaintDetail key={first} id={first} justRegistered={query.registered === '1'} />;
  return <RegisterPage key={JSON.stringify(query)} query={query} caseId={null} />;
}
