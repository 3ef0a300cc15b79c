import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { Notice } from '../../ui/Notice';
import { loadCaseFile, type CaseFile } from './repository';

/**
 * Loads a case with its person, rule set, programmes, checks and orders; a live read, current after
 * every write to them. The query is an `async` function on purpose: Dexie's liveQuery keeps tracking
 * reads across native awaits only for an async querier (a plain arrow returning the promise of an
 * async function loses every read after its first await).
 */
export function CaseLoader({ caseId, children }: { caseId: string; children: (file: CaseFile) => ReactNode }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const file = useLiveData(async () => await loadCaseFile(db, caseId), [db, caseId]);
  if (file.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (file.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: file.error })}</Notice>;
  if (!file.value) {
    return (
      <Notice kind="warning">
        {t('wheelchairs.case.notFound')} <a href={sectionHref('wheelchairs')}>{t('wheelchairs.title')}</a>
      </Notice>
    );
  }
  return <>{children(file.value)}</>;
}
