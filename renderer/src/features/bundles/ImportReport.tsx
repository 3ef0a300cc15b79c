/** What an applied import changed. */
import { useTranslation } from 'react-i18next';
import { sectionHref } from '../../core/router';
import { Notice } from '../../ui/Notice';
import { tableName } from './common';
import type { ApplyResult } from './importBundle';
import type { ImportSummary } from './importJob';

export function ImportReport({ session, result }: { session: ImportSummary; result: ApplyResult }) {
  const { t, i18n } = useTranslation();
  if (result.kind === 'nothing') return <Notice kind="success">{t('bundles.import.nothingToChange')}</Notice>;
  const { counts } = result.history;
  return (
    <div className="card" data-testid="bundle-report">
      <Notice kind="success">{t('bundles.import.applied', { fileName: session.fileName })}</Notice>
      <ul>
        {(['new', 'update', 'identity-match', 'conflict', 'unchanged', 'local-newer'] as const)
          .filter((c) => counts[c] > 0)
          .map((c) => (
            <li key={c}>
              {t(`bundles.categories.${c}`)}: {counts[c]}
            </li>
          ))}
      </ul>
      <p>
        {Object.entries(result.history.countsByTable)
          .map(([table, c]) => `${tableName(t, (k) => i18n.exists(k), table)}: ${c.new + c.update}`)
          .join(', ')}
      </p>
      {result.conflicts > 0 ? (
        <Notice kind="warning">
          {t('bundles.import.conflictsQueued', { count: result.conflicts })}{' '}
          <a href={sectionHref('bundles', ['conflicts'])}>{t('bundles.nav.conflicts')}</a>
        </Notice>
      ) : null}
      <a href={sectionHref('bundles', ['history'])}>{t('bundles.nav.history')}</a>
    </div>
  );
}
