import type { Route } from '../core/router';

/**
 * The page a route shows, without its query: a filter typed into the address (the persons search, the
 * audit filters) stays on the same page and keeps focus where the officer types.
 */
export function pageKey(route: Route): string {
  if (route.name === 'section') return ['section', route.section, ...route.path].join('/');
  if (route.name === 'person' || route.name === 'person-edit') return `${route.name}/${route.id}`;
  return route.name;
}
