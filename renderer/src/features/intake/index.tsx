import type { SectionProps } from '../../app/sections';
import { PendingPage } from '../pending/PendingPage';

export function IntakeSection(_props: SectionProps) {
  return <PendingPage section="intake" />;
}
