import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so that a reload (and Electron's file:// loading) keeps the officer on the same page.
 */
export type Route =
  | { name: 'dashboard' }
  | { name: 'persons'; query: string }
  | { name: 'person-new' }
  | { name: 'person'; id: string }
  | { name: 'person-edit'; id: string }
  | { name: 'settings' }
  | { name: 'pending'; section: PendingSection };

export const PENDING_SECTIONS = ['complaints', 'hearings', 'intake', 'wheelchairs', 'bundles'] as const;
export type PendingSection = (typeof PENDING_SECTIONS)[number];

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/u, '').split('?');
  const parts = path.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
  const [head, id, sub] = parts;
  if (head === 'persons') {
    if (id === 'new') return { name: 'person-new' };
    if (id !== undefined && sub === 'edit') return { name: 'person-edit', id };
    if (id !== undefined) return { name: 'person', id };
    return { name: 'persons', query: new URLSearchParams(search).get('q') ?? '' };
  }
  if (head === 'settings') return { name: 'settings' };
  const pending = PENDING_SECTIONS.find((s) => s === head);
  if (pending) return { name: 'pending', section: pending };
  return { name: 'dashboard' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '#/';
    case 'persons':
      return route.query ? `#/persons?q=${encodeURIComponent(route.query)}` : '#/persons';
    case 'person-new':
      return '#/persons/new';
    case 'person':
      return `#/persons/${encodeURIComponent(route.id)}`;
    case 'person-edit':
      return `#/persons/${encodeURIComponent(route.id)}/edit`;
    case 'settings':
      return '#/settings';
    case 'pending':
      return `#/${route.section}`;
  }
}

export function navigate(route: Route, replace = false): void {
  const target = href(route);
  if (replace) window.history.replaceState(null, '', target);
  else window.location.hash = target;
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
