import { lazy } from 'react';
import type { SectionProps } from '../../core/router';
import { RegisterPage } from './RegisterPage';
import './complaints.css';

// The register opens with the section; the complaint page and form (with the audit trail and the stage
// log of other features) are their own chunks, so the register's first rows wait for none of them (issue 16 point 8).
const ComplaintDetail = lazy(() => import('./ComplaintDetail').then((m) => ({ default: m.ComplaintDetail })));
const ComplaintForm = lazy(() => import('./ComplaintForm').then((m) => ({ default: m.ComplaintForm })));

export { ComplaintsDashboardCard } from './DashboardCard';
/** For Settings: a calendar change moves the deadlines of open complaints. */
export { recomputeOpenDeadlines } from './repository';

/**
 * `#/complaints` the register (`?flag=overdue|due-soon`, `?status=open`, `?voided=hide|only`), `#/complaints/new`
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
