import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { loadCaseFile, type CaseFile } from './repository';

/** Loads a case with its person, rule set, programmes, checks and orders; re-reads after every write. */
export function CaseLoader({ caseId, children }: { caseId: string; children: (file: CaseFile) => ReactNode }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const file = useAsync(() => loadCaseFile(db, caseId), [db, caseId, dataVersion]);
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
