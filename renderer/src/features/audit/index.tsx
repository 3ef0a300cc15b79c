import type { SectionProps } from '../../app/sections';
import { PendingPage } from '../pending/PendingPage';

export function AuditSection(_props: SectionProps) {
  return <PendingPage section="audit" />;
}
