import type { SectionProps } from '../../app/sections';
import { PendingPage } from '../pending/PendingPage';

export function WheelchairsSection(_props: SectionProps) {
  return <PendingPage section="wheelchairs" />;
}
