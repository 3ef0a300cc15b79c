import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../../core/router';
import { Notice } from '../../ui/Notice';
import { ApplicationPage } from './ApplicationPage';
import { CasePage, NewApplicationPage } from './CasePage';
import { HearingsListPage } from './HearingsListPage';
import { MinutesPage } from './MinutesPage';
import './hearings.css';

export { HearingsDashboardCard } from './DashboardCard';

/**
 * Routes: `#/hearings` (lists, `?view=upcoming|notices|remarks`), `#/hearings/case/<caseId>`,
 * `#/hearings/new?caseId=&service=&intakeId=`, `#/hearings/application/<id>`, `#/hearings/minutes/<hearingId>`.
 */
export function HearingsSection({ path, query }: SectionProps) {
  const { t } = useTranslation();
  const [head, id] = path;
  if (head === undefined) return <HearingsListPage query={query} />;
  if (head === 'new') return <NewApplicationPage key={JSON.stringify(query)} query={query} />;
  if (head === 'case' && id) return <CasePage key={id} caseId={id} />;
  if (head === 'application' && id) return <ApplicationPage key={id} id={id} />;
  if (head === 'minutes' && id) return <MinutesPage key={id} hearingId={id} />;
  return <Notice kind="warning">{t('hearings.errors.not-found')}</Notice>;
}
