import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { Notice } from '../../ui/Notice';
import { IntakeDetail } from './IntakeDetail';
import { IntakeForm } from './IntakeForm';
import { CaseIntakesPage, IntakeListPage } from './IntakeLists';
import { getIntake } from './repository';
import { SettingsEditor } from './SettingsEditor';
import { StartIntake } from './StartIntake';
import './intake.css';

/**
 * Medical-card intake (issue 5). Routes:
 * `#/intake` list · `#/intake/new?caseId=…` (without caseId: pick person and case) ·
 * `#/intake/case/<caseId>` · `#/intake/<id>` · `#/intake/<id>/edit` · `#/intake/settings`.
 */
export function IntakeSection({ path, query }: SectionProps) {
  const [head, sub] = path;
  if (head === undefined) return <IntakeListPage />;
  if (head === 'settings') return <SettingsEditor />;
  if (head === 'new') return query.caseId ? <NewIntakeRoute key={query.caseId} caseId={query.caseId} /> : <StartIntake />;
  if (head === 'case' && sub !== undefined) return <CaseIntakesPage key={sub} caseId={sub} />;
  return <IntakeRoute key={`${head}/${sub ?? ''}`} id={head} edit={sub === 'edit'} />;
}

function NewIntakeRoute({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const data = useLiveData(async () => {
    const kase = await db.cases.get(caseId);
    const person = kase ? await db.persons.get(kase.personId) : undefined;
    return { kase, person };
  }, [db, caseId]);
  if (data.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (data.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: data.error })}</Notice>;
  const { kase, person } = data.value;
  if (!kase || !person) return <Notice kind="warning">{t('intake.caseNotFound')}</Notice>;
  return <IntakeForm kase={kase} person={person} />;
}

function IntakeRoute({ id, edit }: { id: string; edit: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const data = useLiveData(async () => {
    const intake = await getIntake(db, id);
    const kase = intake ? await db.cases.get(intake.caseId) : undefined;
    const person = intake ? await db.persons.get(intake.personId) : undefined;
    return { intake, kase, person };
  }, [db, id]);
  if (data.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (data.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: data.error })}</Notice>;
  const { intake, kase, person } = data.value;
  if (!intake) return <Notice kind="warning">{t('intake.notFound')}</Notice>;
  if (!kase || !person) return <Notice kind="warning">{t('intake.caseNotFound')}</Notice>;
  return edit ? <IntakeForm kase={kase} person={person} existing={intake} /> : <IntakeDetail intake={intake} kase={kase} person={person} />;
}
