import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeSetup } from '../features/office/OfficeSetup';
import { SignIn } from '../features/officers/SignIn';
import { bootstrap, needsAdministrator } from './bootstrap';
import { ServicesProvider, type Services } from '../core/services';
import { Shell } from './Shell';
import { useAppStore } from '../core/store';

export function App({ services }: { services: Services }) {
  const { t } = useTranslation();
  const office = useAppStore((s) => s.office);
  const officer = useAppStore((s) => s.officer);
  const [state, setState] = useState<'loading' | 'ready' | { error: string }>('loading');
  const [noAdministrator, setNoAdministrator] = useState(false);

  useEffect(() => {
    bootstrap(services.db)
      .then(async () => setNoAdministrator(await needsAdministrator(services.db)))
      .then(
        () => setState('ready'),
        (e: unknown) => setState({ error: String(e) }),
      );
  }, [services.db]);

  // Once someone has signed in, the installation has an administrator.
  useEffect(() => {
    if (officer) setNoAdministrator(false);
  }, [officer]);

  if (state === 'loading') return <p className="splash">{t('app.loading')}</p>;
  if (typeof state === 'object') {
    return (
      <main className="splash" role="alert">
        <h1>{t('app.fatal')}</h1>
        <p>{t('app.fatalHint')}</p>
        <pre className="muted">{state.error}</pre>
      </main>
    );
  }
  const screen = !office ? <OfficeSetup /> : officer ? <Shell /> : noAdministrator ? <OfficeSetup adminOnly /> : <SignIn />;
  return <ServicesProvider services={services}>{screen}</ServicesProvider>;
}
