import type { SectionProps } from '../../app/sections';
import { PendingPage } from '../pending/PendingPage';

export function ComplaintsSection(_props: SectionProps) {
  return <PendingPage section="complaints" />;
}
