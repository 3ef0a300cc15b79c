import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeSetup } from '../features/office/OfficeSetup';
import { bootstrap } from './bootstrap';
import { ServicesProvider, type Services } from './services';
import { Shell } from './Shell';
import { useAppStore } from './store';

export function App({ services }: { services: Services }) {
  const { t } = useTranslation();
  const office = useAppStore((s) => s.office);
  const [state, setState] = useState<'loading' | 'ready' | { error: string }>('loading');

  useEffect(() => {
    bootstrap(services.db).then(
      () => setState('ready'),
      (e: unknown) => setState({ error: String(e) }),
    );
  }, [services.db]);

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
  return <ServicesProvider services={services}>{office ? <Shell /> : <OfficeSetup />}</ServicesProvider>;
}
