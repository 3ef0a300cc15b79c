import type { SectionProps } from '../../app/sections';
import { PendingPage } from '../pending/PendingPage';

export function BundlesSection(_props: SectionProps) {
  return <PendingPage section="bundles" />;
}
