import { useState, type FormEvent } from 'react';
import type { OfficeProfile } from '@shared/office';
import { useTranslation } from 'react-i18next';
import { fullName, type Person } from '@shared/persons';
import type { FieldErrors } from '@shared/validation';
import { href, navigate, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { casesOfPerson, openCase } from '../../db/repositories/cases';
import { searchPersons } from '../../db/repositories/persons';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';

/** `#/intake/new` without a case: pick the person, then one of their cases (or open one). */
export function StartIntake() {
  const { t } = useTranslation();
  const { db } = useServices();
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<Person | null>(null);
  const results = useLiveData(() => searchPersons(db, query, 50), [db, query]);

  return (
    <section aria-labelledby="start-intake-title">
      <header className="page-header">
        <h1 id="start-intake-title">{t('intake.start.title')}</h1>
        <a href={sectionHref('intake')}>{t('common.back')}</a>
      </header>
      {person ? (
        <PersonCases person={person} onBack={() => setPerson(null)} />
      ) : (
        <>
          <div className="search">
            <label htmlFor="intake-person-search">{t('persons.searchLabel')}</label>
            <input
              id="intake-person-search"
              type="search"
              value={query}
              placeholder={t('persons.searchPlaceholder')}
              onChange={(e) => setQuery(e.target.value)}
              autoFocus
            />
          </div>
          {results.status === 'done' && results.value.length === 0 ? (
            <div className="empty">
              {query ? t('persons.emptySearch', { query }) : t('persons.empty')}{' '}
              <a href={href({ name: 'person-new' })}>{t('persons.add')}</a>
            </div>
          ) : null}
          {results.status === 'done' && results.value.length > 0 ? (
            <ul className="intake-pick" aria-label={t('intake.start.persons')}>
              {results.value.map((p) => (
                <li key={p.id}>
                  <button type="button" className="link" onClick={() => setPerson(p)}>
                    {fullName(p)}
                  </button>{' '}
                  <span className="mono muted">{p.iin}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}

function PersonCases({ person, onBack }: { person: Person; onBack(): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const cases = useLiveData(() => casesOfPerson(db, person.id), [db, person.id]);
  const [subject, setSubject] = useState(t('intake.start.defaultSubject'));
  const [registrationDate, setRegistrationDate] = useState(todayIso());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const openAndStart = useSubmit(
    (c: WriteContext, o: OfficeProfile) => openCase(db, c, o, { personId: person.id, subject, registrationDate }),
    {
      onOk: (kase) => navigate({ name: 'section', section: 'intake', path: ['new'], query: { caseId: kase.id } }),
      onRefused: (e) => {
        if (e.code === 'invalid') setErrors(e.errors);
        else if (e.code === 'no-rule-set') setFailure(t('cases.noRuleSet', { date: formatDate(e.date) }));
        else setFailure(t('cases.personNotFound'));
      },
    },
  );

  function open(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    if (ctx && office) openAndStart.run(ctx, office);
  }

  return (
    <>
      <p>
        <strong>{fullName(person)}</strong> <span className="mono muted">{person.iin}</span>{' '}
        <button type="button" className="link" onClick={onBack}>
          {t('intake.start.otherPerson')}
        </button>
      </p>
      <h2>{t('intake.start.chooseCase')}</h2>
      {cases.status === 'done' && cases.value.length === 0 ? <div className="empty">{t('persons.noCases')}</div> : null}
      {cases.status === 'done' && cases.value.length > 0 ? (
        <ul className="intake-pick" aria-label={t('persons.cases')}>
          {cases.value.map((c) => (
            <li key={c.id}>
              <a href={sectionHref('intake', ['new'], { caseId: c.id })}>
                <span className="mono">{c.caseNumber}</span> — {c.subject} ({formatDate(c.registrationDate)})
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="card form-grid" onSubmit={open} noValidate aria-labelledby="intake-open-case-title">
        <h3 id="intake-open-case-title" className="span-2">
          {t('intake.start.openCase')}
        </h3>
        {failure ? (
          <div className="span-2">
            <Notice kind="error">{failure}</Notice>
          </div>
        ) : null}
        {openAndStart.failure ? (
          <div className="span-2">
            <Notice kind="error">{t('common.unexpected', { detail: openAndStart.failure })}</Notice>
          </div>
        ) : null}
        <Field label={t('cases.subject')} error={errors.subject} required>
          {(p) => <input {...p} name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} />}
        </Field>
        <Field label={t('cases.registrationDate')} error={errors.registrationDate} required>
          {(p) => <DateField {...p} name="caseRegistrationDate" value={registrationDate} onChange={setRegistrationDate} />}
        </Field>
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={openAndStart.busy || !ctx || !office}>
            {t('intake.start.openAndStart')}
          </button>
        </div>
      </form>
    </>
  );
}
