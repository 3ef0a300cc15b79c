import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { searchCases } from '../../db/repositories/cases';
import { searchPersons } from '../../db/repositories/persons';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { PersonsTable } from './PersonsTable';

/** Persons and cases register: one search box for IIN, name or case number. */
export function PersonsPage({ query }: { query: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [text, setText] = useState(query);

  // The query lives in the URL so that Back returns to the same search; typing updates it after a pause.
  useEffect(() => {
    if (text === query) return;
    const timer = setTimeout(() => navigate({ name: 'persons', query: text.trim() }, true), 200);
    return () => clearTimeout(timer);
  }, [text, query]);

  const results = useLiveData(async () => {
    const persons = await searchPersons(db, query);
    const cases = /[a-z]/iu.test(query) && /\d/u.test(query) ? await searchCases(db, query) : [];
    return { persons, cases };
  }, [db, query]);

  return (
    <section aria-labelledby="persons-title">
      <header className="page-header">
        <h1 id="persons-title">{t('persons.title')}</h1>
        <a className="button primary" href={href({ name: 'person-new' })}>
          {t('persons.add')}
        </a>
      </header>
      <div className="search">
        <label htmlFor="person-search">{t('persons.searchLabel')}</label>
        <input
          id="person-search"
          type="search"
          value={text}
          placeholder={t('persons.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
      </div>
      {results.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {results.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: results.error })}</Notice> : null}
      {results.status === 'done' ? (
        <>
          {results.value.cases.length > 0 ? (
            <ul className="case-hits" aria-label={t('persons.cases')}>
              {results.value.cases.map((c) => (
                <li key={c.id}>
                  <a href={href({ name: 'person', id: c.personId })}>
                    <span className="mono">{c.caseNumber}</span> — {c.subject} ({formatDate(c.registrationDate)})
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {results.value.persons.length === 0 && results.value.cases.length === 0 ? (
            <div className="empty">{query ? t('persons.emptySearch', { query }) : t('persons.empty')}</div>
          ) : null}
          {results.value.persons.length > 0 ? (
            <>
              <p className="muted">{t('persons.count', { count: results.value.persons.length })}</p>
              <PersonsTable persons={results.value.persons} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
