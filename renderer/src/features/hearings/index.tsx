import type { SectionProps } from '../../app/sections';
import { PendingPage } from '../pending/PendingPage';

export function HearingsSection(_props: SectionProps) {
  return <PendingPage section="hearings" />;
}
