import { describe, expect, it } from 'vitest';
import { can, canSee, PERMISSIONS, ROLES, SCREENS, type Permission, type Role, type Screen } from '@shared/officers';
import { canOpen, routeScreen } from '../../../renderer/src/core/permissions';
import { parseRoute, SECTIONS, type Route } from '../../../renderer/src/core/router';

/** The table as the README states it: every role, every screen and every action, written out. */
const EXPECTED_SCREENS: Record<Role, readonly Screen[]> = {
  registrar: ['dashboard', 'persons', 'complaints', 'hearings', 'intake', 'wheelchairs', 'reports', 'settings'],
  reviewer: ['dashboard', 'persons', 'complaints', 'hearings', 'intake', 'wheelchairs', 'reports', 'settings'],
  head: ['dashboard', 'persons', 'complaints', 'hearings', 'intake', 'wheelchairs', 'bundles', 'audit', 'reports', 'settings'],
  administrator: ['dashboard', 'persons', 'complaints', 'hearings', 'intake', 'wheelchairs', 'bundles', 'audit', 'reports', 'settings'],
};

const EVERYONE = ['records.edit', 'records.print', 'records.export', 'backup.make'] as const;
const EXPECTED_ACTIONS: Record<Role, readonly Permission[]> = {
  registrar: EVERYONE,
  reviewer: [...EVERYONE, 'complaint.review'],
  head: [
    ...EVERYONE,
    'decision.record',
    'record.void',
    'complaint.review',
    'audit.view',
    'audit.export',
    'bundles.export',
    'bundles.import',
  ],
  administrator: [
    ...EVERYONE,
    'reference.edit',
    'office.edit',
    'accounts.manage',
    'audit.view',
    'audit.export',
    'bundles.export',
    'bundles.import',
    'backup.restore',
  ],
};

/** Every route of the app: the fixed pages, and every section with and without sub-paths. */
const ROUTES: Route[] = [
  parseRoute('#/'),
  parseRoute('#/persons'),
  parseRoute('#/persons?q=Ким'),
  parseRoute('#/persons/new'),
  parseRoute('#/persons/abc'),
  parseRoute('#/persons/abc/edit'),
  parseRoute('#/settings'),
  ...SECTIONS.flatMap((s) => [parseRoute(`#/${s}`), parseRoute(`#/${s}/new`), parseRoute(`#/${s}/x/y?z=1`)]),
  parseRoute('#/bundles/export'),
  parseRoute('#/bundles/import'),
  parseRoute('#/audit/entry/7'),
];

describe('the permission table', () => {
  it('gives every role exactly the screens and actions the README states', () => {
    for (const role of ROLES) {
      const screens = SCREENS.filter((s) => canSee([role], s));
      expect(screens, role).toEqual(EXPECTED_SCREENS[role]);
      const actions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !p.startsWith('screen.') && can([role], p));
      expect([...actions].sort(), role).toEqual([...EXPECTED_ACTIONS[role]].sort());
    }
  });

  it('walks every route for every role: each route has a screen, opened exactly when the table says', () => {
    const seen = new Set<Screen>();
    for (const route of ROUTES) {
      const screen = routeScreen(route);
      seen.add(screen);
      for (const role of ROLES)
        expect(canOpen([role], route), `${role} ${JSON.stringify(route)}`).toBe(EXPECTED_SCREENS[role].includes(screen));
    }
    // No screen of the table is unreachable, and every sidebar section is a screen of the table.
    expect([...seen].sort()).toEqual([...SCREENS].sort());
    for (const s of SECTIONS) expect(SCREENS).toContain(s);
  });

  it('a registrar sees neither the audit trail nor bundle export, and may not delete from the calendar', () => {
    expect(canOpen(['registrar'], parseRoute('#/audit'))).toBe(false);
    expect(canOpen(['registrar'], parseRoute('#/bundles/export'))).toBe(false);
    expect(can(['registrar'], 'bundles.export')).toBe(false);
    expect(can(['registrar'], 'reference.edit')).toBe(false);
  });

  it('an account with several roles gets the union; no roles get nothing', () => {
    expect(can(['registrar', 'head'], 'decision.record')).toBe(true);
    expect(canSee(['reviewer', 'administrator'], 'audit')).toBe(true);
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can([], p)).toBe(false);
  });
});
