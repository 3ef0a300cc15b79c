import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { getPerson } from '../../db/repositories/persons';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { PersonDetail } from './PersonDetail';
import { PersonForm } from './PersonForm';

/** Loads one person, then shows the card or the edit form. */
export function PersonRoute({ id, edit }: { id: string; edit: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const person = useAsync(() => getPerson(db, id), [db, id, dataVersion]);
  if (person.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (person.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: person.error })}</Notice>;
  if (!person.value) return <Notice kind="warning">{t('persons.notFound')}</Notice>;
  return edit ? <PersonForm key={person.value.id} existing={person.value} /> : <PersonDetail person={person.value} />;
}
