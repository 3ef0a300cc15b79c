import { Suspense, useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../features/settings/LanguageSwitch';
import { endSession, useInactivityLock } from '../features/officers';
import { usePlatformIntegration } from '../platform';
import { openBundleFromBytes } from '../features/bundles';
import { BackupActivity, showBackupPanel, useAutomaticBackup } from '../features/backup';
import { useAuditHeadFile } from '../features/audit';
import { href, navigate, type Route, useRoute } from '../core/router';
import { useServices } from '../core/services';
import { confirmUnsaved } from '../core/unsaved';
import { canOpen, useRoles } from '../core/permissions';
import { Notice } from '../ui/Notice';
import { pageKey } from './pageKey';
import { focusHeading, focusHeadingWhenShown } from '../ui/focus';
import '../ui/a11y.css';
import { DashboardPage, PersonForm, PersonRoute, PersonsPage, SECTION_PAGES, SettingsPage } from './sections';
import { useAppStore } from '../core/store';

const NAV: { key: string; route: Route; match: Route['name'][] }[] = [
  { key: 'dashboard', route: { name: 'dashboard' }, match: ['dashboard'] },
  { key: 'persons', route: { name: 'persons', query: '' }, match: ['persons', 'person', 'person-new', 'person-edit'] },
  { key: 'complaints', route: { name: 'section', section: 'complaints', path: [], query: {} }, match: [] },
  { key: 'hearings', route: { name: 'section', section: 'hearings', path: [], query: {} }, match: [] },
  { key: 'intake', route: { name: 'section', section: 'intake', path: [], query: {} }, match: [] },
  { key: 'wheelchairs', route: { name: 'section', section: 'wheelchairs', path: [], query: {} }, match: [] },
  { key: 'bundles', route: { name: 'section', section: 'bundles', path: [], query: {} }, match: [] },
  { key: 'reports', route: { name: 'section', section: 'reports', path: [], query: {} }, match: [] },
  { key: 'audit', route: { name: 'section', section: 'audit', path: [], query: {} }, match: [] },
  { key: 'settings', route: { name: 'settings' }, match: ['settings'] },
];

function isActive(item: (typeof NAV)[number], route: Route): boolean {
  if (route.name === 'section') return item.route.name === 'section' && item.route.section === route.section;
  return item.match.includes(route.name);
}

/** A page this officer's roles do not open (typed address, old link): said plainly, nothing shown. */
function Forbidden() {
  const { t } = useTranslation();
  return (
    <Notice kind="warning">
      <span data-testid="screen-forbidden">{t('officers.forbiddenScreen')}</span>
    </Notice>
  );
}

function Page({ route }: { route: Route }) {
  const roles = useRoles();
  if (!canOpen(roles, route)) return <Forbidden />;
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'persons':
      return <PersonsPage key={route.query} query={route.query} />;
    case 'person-new':
      return <PersonForm />;
    case 'person':
      return <PersonRoute id={route.id} edit={false} />;
    case 'person-edit':
      return <PersonRoute id={route.id} edit />;
    case 'settings':
      return <SettingsPage />;
    case 'section': {
      const SectionPage = SECTION_PAGES[route.section];
      return <SectionPage key={route.section} path={route.path} query={route.query} />;
    }
  }
}

/** After a move to another page, focus goes to its heading (issue 16 point 5), not back to the document's start. */
function useFocusOnNavigation(route: Route, main: RefObject<HTMLElement | null>) {
  const key = pageKey(route);
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key || !main.current) return;
    previous.current = key;
    return focusHeadingWhenShown(main.current);
  }, [key, main]);
}

/**
 * The lock and sign-out buttons: with unsaved changes on the page they ask first, saying whether the text is kept
 * as a draft (offered back after signing in) or lost (issue 16 point 1).
 */
function signOut(lock: boolean) {
  if (!confirmUnsaved(lock ? 'lock' : 'signOut')) return;
  endSession(lock ? { by: 'hand' } : null);
}

export function Shell() {
  const { t, i18n } = useTranslation();
  const { platform } = useServices();
  const route = useRoute();
  const office = useAppStore((s) => s.office);
  const officer = useAppStore((s) => s.officer);
  const roles = useRoles();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(route, main);
  const skipToContent = (e: MouseEvent) => {
    e.preventDefault();
    if (main.current && !focusHeading(main.current)) main.current.focus();
  };
  useInactivityLock(officer?.id ?? null);
  useAutomaticBackup();
  // Issue 19: the signed audit head kept outside IndexedDB, compared with the chain at start.
  useAuditHeadFile();
  // The desktop shell's menu and double-clicked bundle files (issue 10); the browser build has neither.
  usePlatformIntegration(platform, i18n.language, {
    onMenuCommand: (command) => {
      if (command === 'import-bundle') navigate({ name: 'section', section: 'bundles', path: ['import'], query: {} });
      else if (command === 'export') navigate({ name: 'section', section: 'bundles', path: ['export'], query: {} });
      else if (command === 'backup') showBackupPanel();
      else if (command === 'office-profile' || command === 'about') navigate({ name: 'settings' });
      // 'print' is handled by the open print preview.
    },
    onFileOpened: (file) => openBundleFromBytes(file.fileName, file.data),
  });
  return (
    <div className="shell">
      <a className="skip-link" href="#main-content" onClick={skipToContent}>
        {t('nav.skip')}
      </a>
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">
          <span className="brand__name">{t('app.title')}</span>
          <span className="brand__office">{office ? `${office.officeCode} · ${office.district}` : ''}</span>
        </div>
        <ul>
          {NAV.filter((item) => canOpen(roles, item.route)).map((item) => (
            <li key={item.key}>
              <a href={href(item.route)} aria-current={isActive(item, route) ? 'page' : undefined}>
                {t(`nav.${item.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="main">
        <header className="topbar">
          <span className="muted">{office?.officeName}</span>
          <BackupActivity />
          <span className="topbar__officer" data-testid="signed-in-officer">
            {officer?.fullName}
            <span className="muted"> · {officer?.roles.map((r) => t(`officers.role.${r}`)).join(', ')}</span>
          </span>
          <button type="button" onClick={() => signOut(true)}>
            {t('officers.lock')}
          </button>
          <button type="button" onClick={() => signOut(false)}>
            {t('officers.signOut')}
          </button>
          <LanguageSwitch />
        </header>
        <main className="content" id="main-content" ref={main} tabIndex={-1}>
          <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
            <Page route={route} />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
