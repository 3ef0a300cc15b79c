import { lazy, type ComponentType } from 'react';
import type { Route, Section, SectionProps } from '../core/router';

type Page<P> = Promise<{ default: ComponentType<P> }>;

/** The chunk of each sidebar section; each feature folder exports its own page from its index. */
const SECTION_LOADERS: Record<Section, () => Page<SectionProps>> = {
  complaints: () => import('../features/complaints').then((m) => ({ default: m.ComplaintsSection })),
  hearings: () => import('../features/hearings').then((m) => ({ default: m.HearingsSection })),
  intake: () => import('../features/intake').then((m) => ({ default: m.IntakeSection })),
  wheelchairs: () => import('../features/wheelchairs').then((m) => ({ default: m.WheelchairsSection })),
  bundles: () => import('../features/bundles').then((m) => ({ default: m.BundlesSection })),
  audit: () => import('../features/audit').then((m) => ({ default: m.AuditSection })),
  reports: () => import('../features/reports').then((m) => ({ default: m.ReportsSection })),
};

/**
 * One entry per sidebar section. Each section is its own chunk, loaded when first opened (issue 16
 * point 8: the first screen loads only what it shows).
 */
export const SECTION_PAGES: Record<Section, ComponentType<SectionProps>> = {
  complaints: lazy(SECTION_LOADERS.complaints),
  hearings: lazy(SECTION_LOADERS.hearings),
  intake: lazy(SECTION_LOADERS.intake),
  wheelchairs: lazy(SECTION_LOADERS.wheelchairs),
  bundles: lazy(SECTION_LOADERS.bundles),
  audit: lazy(SECTION_LOADERS.audit),
  reports: lazy(SECTION_LOADERS.reports),
};

/** The pages the shell routes itself, loaded on first use too. */
export const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
export const PersonsPage = lazy(() => import('../features/persons/PersonsPage').then((m) => ({ default: m.PersonsPage })));
export const PersonForm = lazy(() => import('../features/persons/PersonForm').then((m) => ({ default: m.PersonForm })));
export const PersonRoute = lazy(() => import('../features/persons/PersonRoute').then((m) => ({ default: m.PersonRoute })));
export const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

/**
 * Starts loading the chunk of the section a reloaded page opens, while the app starts (the database
 * opens, the session is read): without it the chunk would be asked for only once the shell is drawn,
 * one network round trip and one script compile after the start (issue 16 point 8). The lazy page
 * then finds the module loaded. A failure here is left to the page's own load, which shows it.
 */
export function preloadPage(route: Route): void {
  if (route.name !== 'section') return;
  SECTION_LOADERS[route.section]().catch(() => undefined);
}
