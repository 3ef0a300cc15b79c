import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstStartRestore, isEmptyOffice } from '../features/backup';
import { OfficeSetup } from '../features/office/OfficeSetup';
import { SignIn } from '../features/officers/SignIn';
import { bootstrap, needsAdministrator } from './bootstrap';
import { ServicesProvider, type Services } from '../core/services';
import { Shell } from './Shell';
import { preloadPage } from './sections';
import { parseRoute } from '../core/router';
import { useAppStore } from '../core/store';
import { useLiveData } from '../core/useLiveData';

// The page a reload opens is fetched while the app starts (catalogs, database), not after (issue 16 point 8).
if (typeof window !== 'undefined') preloadPage(parseRoute(window.location.hash));

interface Started {
  noAdministrator: boolean;
  /** No office and nothing written: the first screen offers to restore a backup (issue 14 A3). */
  empty: boolean;
}

export function App({ services }: { services: Services }) {
  const { t } = useTranslation();
  const office = useAppStore((s) => s.office);
  const officer = useAppStore((s) => s.officer);
  const [state, setState] = useState<'loading' | Started | { error: string }>('loading');
  // Live: after the first administrator is made (or the last one is restored), sign-out shows the sign-in form.
  const administrators = useLiveData(() => needsAdministrator(services.db), [services.db]);
  // Bumped after a restore at the first start: the app starts again on the restored database.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    bootstrap(services.db)
      .then(() => Promise.all([needsAdministrator(services.db), isEmptyOffice(services.db)]))
      .then(([noAdministrator, empty]) => ({ noAdministrator, empty }))
      .then(
        (started) => live && setState(started),
        (e: unknown) => live && setState({ error: String(e) }),
      );
    return () => {
      live = false;
    };
  }, [services.db, generation]);

  if (state === 'loading') return <p className="splash">{t('app.loading')}</p>;
  if ('error' in state) {
    return (
      <main className="splash" role="alert">
        <h1>{t('app.fatal')}</h1>
        <p>{t('app.fatalHint')}</p>
        <pre className="muted">{state.error}</pre>
      </main>
    );
  }
  // Once someone has signed in, the installation has an administrator.
  const noAdministrator = (administrators.status === 'done' ? administrators.value : state.noAdministrator) && !officer;
  const screen = !office ? (
    state.empty ? (
      <FirstStartRestore onRestored={() => setGeneration((g) => g + 1)}>
        <OfficeSetup />
      </FirstStartRestore>
    ) : (
      <OfficeSetup />
    )
  ) : officer ? (
    <Shell />
  ) : noAdministrator ? (
    <OfficeSetup adminOnly />
  ) : (
    <SignIn />
  );
  return <ServicesProvider services={services}>{screen}</ServicesProvider>;
}
