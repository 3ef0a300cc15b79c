import { useSyncExternalStore } from 'react';

/**
 * Hash routes, so that a reload (and Electron's file:// loading) keeps the officer on the same page.
 * Persons, settings and the dashboard are routed here; every other section owns its sub-paths:
 * `#/<section>/<path…>?<query>` reaches the section's page with `path` and `query`.
 */
export const SECTIONS = ['complaints', 'hearings', 'intake', 'wheelchairs', 'bundles', 'audit', 'reports'] as const;
export type Section = (typeof SECTIONS)[number];

/** What a section page receives: the rest of the hash path and its query parameters. */
export interface SectionProps {
  path: string[];
  query: Record<string, string>;
}

export type Route =
  | { name: 'dashboard' }
  | { name: 'persons'; query: string }
  | { name: 'person-new' }
  | { name: 'person'; id: string }
  | { name: 'person-edit'; id: string }
  | { name: 'settings' }
  | { name: 'section'; section: Section; path: string[]; query: Record<string, string> };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/u, '').split('?');
  const parts = path
    .split('/')
    .filter((p) => p.length > 0)
    .map(decodeURIComponent);
  const [head, id, sub] = parts;
  const params = new URLSearchParams(search);
  if (head === 'persons') {
    if (id === 'new') return { name: 'person-new' };
    if (id !== undefined && sub === 'edit') return { name: 'person-edit', id };
    if (id !== undefined) return { name: 'person', id };
    return { name: 'persons', query: params.get('q') ?? '' };
  }
  if (head === 'settings') return { name: 'settings' };
  const section = SECTIONS.find((s) => s === head);
  if (section) return { name: 'section', section, path: parts.slice(1), query: Object.fromEntries(params) };
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
    case 'section': {
      const path = [route.section, ...route.path].map(encodeURIComponent).join('/');
      const query = new URLSearchParams(route.query).toString();
      return query ? `#/${path}?${query}` : `#/${path}`;
    }
  }
}

/** A section link: `sectionHref('complaints', ['new'])`, `sectionHref('complaints', [], { flag: 'overdue' })`. */
export function sectionHref(section: Section, path: string[] = [], query: Record<string, string> = {}): string {
  return href({ name: 'section', section, path, query });
}

export function navigate(route: Route, replace = false): void {
  const target = href(route);
  // The app's own moves (after a save) are not asked about: only the officer's links and the back button are.
  accepted = target;
  if (replace) {
    window.history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else window.location.hash = target;
}

/** Asked before the officer leaves the page by a link or the back button; false keeps the page (issue 16 point 1). */
let leaveGuard: (() => boolean) | null = null;
/** The hash the page shows; a refused change is put back to it. */
let accepted: string | null = null;
const listeners = new Set<() => void>();

export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

function onHashChange(): void {
  const hash = window.location.hash;
  if (accepted !== null && hash !== accepted && leaveGuard && !leaveGuard()) {
    window.history.replaceState(null, '', accepted || `${window.location.pathname}${window.location.search}`);
    return;
  }
  accepted = hash;
  for (const listener of [...listeners]) listener();
}

function subscribe(onChange: () => void): () => void {
  if (listeners.size === 0) {
    accepted = window.location.hash;
    window.addEventListener('hashchange', onHashChange);
  }
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
  };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
