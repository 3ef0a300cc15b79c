import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName, type Person } from '@shared/persons';
import { navigate, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import { casesOfPerson, openCase } from '../../db/repositories/cases';
import { searchPersons } from '../../db/repositories/persons';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { VerdictSummary } from './CheckResultView';
import { recentChecks } from './repository';

/** The section page: recent checks, and finding a person to start a check for. */
export function WheelchairsHome() {
  const { t } = useTranslation();
  const { db } = useServices();
  const recent = useLiveData(async () => await recentChecks(db, 50), [db]);

  return (
    <section aria-labelledby="wc-title">
      <header className="page-header">
        <h1 id="wc-title">{t('wheelchairs.title')}</h1>
      </header>
      <p className="muted">{t('wheelchairs.intro')}</p>
      <StartCheck />
      <h2>{t('wheelchairs.recent')}</h2>
      {recent.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {recent.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: recent.error })}</Notice> : null}
      {recent.status === 'done' && recent.value.length === 0 ? <div className="empty">{t('wheelchairs.noChecks')}</div> : null}
      {recent.status === 'done' && recent.value.length > 0 ? (
        <table className="grid compact" data-testid="recent-checks">
          <thead>
            <tr>
              <th scope="col">{t('wheelchairs.columns.checkDate')}</th>
              <th scope="col">{t('persons.fullName')}</th>
              <th scope="col">{t('persons.iin')}</th>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('wheelchairs.columns.verdicts')}</th>
              <th scope="col">{t('wheelchairs.columns.discrepancies')}</th>
              <th scope="col">{t('wheelchairs.columns.officer')}</th>
            </tr>
          </thead>
          <tbody>
            {recent.value.map(({ check, person, kase }) => (
              <tr key={check.id}>
                <td>
                  <a href={sectionHref('wheelchairs', ['check', check.id])}>{formatDate(check.checkDate)}</a>
                </td>
                <td>{person ? fullName(person) : t('common.none')}</td>
                <td className="mono">{person?.iin ?? t('common.none')}</td>
                <td className="mono">
                  {kase ? <a href={sectionHref('wheelchairs', ['case', kase.id])}>{kase.caseNumber}</a> : t('common.none')}
                </td>
                <td>
                  <VerdictSummary result={check.result} />
                </td>
                <td>{check.result.programme ? check.result.programme.discrepancies.length : t('common.none')}</td>
                <td>{check.createdBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function StartCheck() {
  const { t } = useTranslation();
  const { db } = useServices();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useLiveData(async () => (query === '' ? [] : await searchPersons(db, query, 20)), [db, query]);

  return (
    <div className="card" role="search">
      <h2>{t('wheelchairs.start')}</h2>
      <div className="search">
        <label htmlFor="wc-person-search">{t('wheelchairs.searchLabel')}</label>
        <input
          id="wc-person-search"
          type="search"
          value={text}
          placeholder={t('wheelchairs.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {found.status === 'done' && query !== '' && found.value.length === 0 ? (
        <div className="empty">{t('wheelchairs.noPersons', { query })}</div>
      ) : null}
      {found.status === 'done' && found.value.length > 0 ? (
        <ul className="person-hits" data-testid="person-hits">
          {found.value.map((p) => (
            <PersonHit key={p.id} person={p} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function PersonHit({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const cases = useLiveData(async () => await casesOfPerson(db, person.id), [db, person.id]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const open = useSubmit(openCase, {
    onOk: (kase) => navigate({ name: 'section', section: 'wheelchairs', path: ['case', kase.id], query: {} }),
    onRefused: (error) =>
      setRefusal(
        error.code === 'no-rule-set'
          ? t('cases.noRuleSet', { date: formatDate(error.date) })
          : error.code === 'person-not-found'
            ? t('cases.personNotFound')
            : t('common.fixErrors'),
      ),
  });
  const failure = open.failure === null ? refusal : t('common.unexpected', { detail: open.failure });
  const busy = open.busy;

  return (
    <li className="person-hit">
      <div>
        <strong>{fullName(person)}</strong> <span className="mono">{person.iin}</span>{' '}
        <span className="muted">{t('wheelchairs.bornOn', { date: formatDate(person.birthDate) })}</span>
      </div>
      {failure ? <Notice kind="error">{failure}</Notice> : null}
      {cases.status === 'done' ? (
        <div className="actions person-hit__cases">
          {cases.value.map((c) => (
            <a key={c.id} className="button" href={sectionHref('wheelchairs', ['case', c.id])}>
              {t('wheelchairs.openCase', { number: c.caseNumber })}
            </a>
          ))}
          <button
            type="button"
            onClick={() => {
              if (ctx && office)
                open.run(db, ctx, office, { personId: person.id, registrationDate: todayIso(), subject: t('wheelchairs.caseSubject') });
            }}
            disabled={busy || !ctx}
          >
            {t('wheelchairs.newCase')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
