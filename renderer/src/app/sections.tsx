import type { ComponentType } from 'react';
import { AuditSection } from '../features/audit';
import { BundlesSection } from '../features/bundles';
import { ComplaintsSection } from '../features/complaints';
import { HearingsSection } from '../features/hearings';
import { IntakeSection } from '../features/intake';
import { WheelchairsSection } from '../features/wheelchairs';
import { ReportsSection } from '../features/reports';
import type { Section, SectionProps } from '../core/router';

/** One entry per sidebar section; each feature folder exports its own page from its index. */
export const SECTION_PAGES: Record<Section, ComponentType<SectionProps>> = {
  complaints: ComplaintsSection,
  hearings: HearingsSection,
  intake: IntakeSection,
  wheelchairs: WheelchairsSection,
  bundles: BundlesSection,
  audit: AuditSection,
  reports: ReportsSection,
};
