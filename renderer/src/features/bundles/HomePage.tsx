import { useTranslation } from 'react-i18next';
import { fingerprint } from '@shared/bundle';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { useAsync } from '../../ui/useAsync';
import { BundlesNav, formatDateTime } from './common';
import { countOpenConflicts } from './conflictStore';
import { ensureOfficeKeys, listImportHistory } from './repository';

/** The section's start page: what can be done, open conflicts, the last imports, this office's fingerprint. */
export function HomePage() {
  const { t } = useTranslation();
  const { db } = useServices();
  // The office's keys are made once (a write) and fingerprinted with WebCrypto: not part of the live read.
  const own = useAsync(async () => fingerprint((await ensureOfficeKeys(db)).publicKey), [db]);
  const live = useLiveData(async () => {
    const [conflicts, history] = await Promise.all([countOpenConflicts(db), listImportHistory(db)]);
    return { conflicts, last: history.slice(0, 5) };
  }, [db]);
  const state = live;
  const conflicts = live.status === 'done' ? live.value.conflicts : 0;
  return (
    <section aria-labelledby="bundles-title" className="bundles">
      <header className="page-header">
        <h1 id="bundles-title">{t('bundles.title')}</h1>
      </header>
      <BundlesNav current="home" conflicts={conflicts} />
      <p>{t('bundles.home.intro')}</p>
      <div className="cards">
        <a className="card stat" href={sectionHref('bundles', ['export'])}>
          <span className="stat__label">{t('bundles.nav.export')}</span>
          <span>{t('bundles.home.export')}</span>
        </a>
        <a className="card stat" href={sectionHref('bundles', ['import'])}>
          <span className="stat__label">{t('bundles.nav.import')}</span>
          <span>{t('bundles.home.import')}</span>
        </a>
        <a className="card stat" href={sectionHref('bundles', ['conflicts'])} data-testid="bundle-conflict-count">
          <span className="stat__value">{conflicts}</span>
          <span className="stat__label">{t('bundles.home.conflicts')}</span>
        </a>
      </div>
      {state.status === 'done' ? (
        <>
          <p>
            {t('bundles.home.ownFingerprint')} <span className="mono fingerprint">{own.status === 'done' ? own.value : ''}</span> ·{' '}
            <a href={sectionHref('bundles', ['offices'])}>{t('bundles.nav.offices')}</a>
          </p>
          <h2>{t('bundles.home.lastImports')}</h2>
          {state.value.last.length === 0 ? (
            <div className="empty">{t('bundles.history.empty')}</div>
          ) : (
            <ul>
              {state.value.last.map((r) => (
                <li key={r.id}>
                  {formatDateTime(r.importedAt)} — {r.office.name} ({r.office.code}), {r.fileName}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
