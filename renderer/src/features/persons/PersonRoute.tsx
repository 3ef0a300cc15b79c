import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { getPerson } from '../../db/repositories/persons';
import { Notice } from '../../ui/Notice';
import { PersonDetail } from './PersonDetail';
import { PersonForm } from './PersonForm';

/** Loads one person, then shows the card or the edit form. */
export function PersonRoute({ id, edit }: { id: string; edit: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const person = useLiveData(async () => await getPerson(db, id), [db, id]);
  if (person.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (person.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: person.error })}</Notice>;
  if (!person.value) return <Notice kind="warning">{t('persons.notFound')}</Notice>;
  return edit ? <PersonForm key={person.value.id} existing={person.value} /> : <PersonDetail person={person.value} />;
}
