import { lazy, type ComponentType } from 'react';
import type { Section, SectionProps } from '../core/router';

/**
 * One entry per sidebar section; each feature folder exports its own page from its index. Each
 * section is its own chunk, loaded when first opened (issue 16 point 8: the first screen loads only
 * what it shows).
 */
export const SECTION_PAGES: Record<Section, ComponentType<SectionProps>> = {
  complaints: lazy(() => import('../features/complaints').then((m) => ({ default: m.ComplaintsSection }))),
  hearings: lazy(() => import('../features/hearings').then((m) => ({ default: m.HearingsSection }))),
  intake: lazy(() => import('../features/intake').then((m) => ({ default: m.IntakeSection }))),
  wheelchairs: lazy(() => import('../features/wheelchairs').then((m) => ({ default: m.WheelchairsSection }))),
  bundles: lazy(() => import('../features/bundles').then((m) => ({ default: m.BundlesSection }))),
  audit: lazy(() => import('../features/audit').then((m) => ({ default: m.AuditSection }))),
  reports: lazy(() => import('../features/reports').then((m) => ({ default: m.ReportsSection }))),
};

/** The pages the shell routes itself, loaded on first use too. */
export const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
export const PersonsPage = lazy(() => import('../features/persons/PersonsPage').then((m) => ({ default: m.PersonsPage })));
export const PersonForm = lazy(() => import('../features/persons/PersonForm').then((m) => ({ default: m.PersonForm })));
export const PersonRoute = lazy(() => import('../features/persons/PersonRoute').then((m) => ({ default: m.PersonRoute })));
export const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
