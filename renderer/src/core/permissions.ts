/**
 * The permission table of shared/officers, applied to what the officer sees: routes (`routeScreen`),
 * menus and buttons (`useCan`). The repositories check the same table (`requirePermission`), so a
 * hidden button is never the only guard.
 */
import { can, canSee, type Permission, type Role, type Screen } from '@shared/officers';
import type { Route } from './router';
import { useAppStore } from './store';

/** The screen a route belongs to. */
export function routeScreen(route: Route): Screen {
  switch (route.name) {
    case 'dashboard':
      return 'dashboard';
    case 'persons':
    case 'person-new':
    case 'person':
    case 'person-edit':
      return 'persons';
    case 'settings':
      return 'settings';
    case 'section':
      return route.section;
  }
}

/** Whether these roles may open the route. */
export function canOpen(roles: readonly Role[], route: Route): boolean {
  return canSee(roles, routeScreen(route));
}

const NO_ROLES: readonly Role[] = [];

/** The signed-in officer's roles (none while signed out or locked). */
export function useRoles(): readonly Role[] {
  return useAppStore((s) => s.officer?.roles ?? NO_ROLES);
}

/** Whether the signed-in officer may do this (`const canDecide = useCan('decision.record')`). */
export function useCan(permission: Permission): boolean {
  return can(useRoles(), permission);
}
