import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/cases';
import type { Intake, IntakeResult } from '@shared/intake';
import { fullName, type Person } from '@shared/persons';
import { href, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import type { QamqorDb } from '../../db/database';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLiveData } from '../../core/useLiveData';
import { ResultBadge } from './CheckPanel';
import { ruleSetOf } from './IntakeDetail';
import { intakesOfCase, listIntakes } from './repository';
import { computeTerms, termErrorText, TermStatusText } from './TermPanel';

interface Row {
  intake: Intake;
  person: Person | undefined;
  kase: Case | undefined;
}

async function withPeople(db: QamqorDb, intakes: Intake[]): Promise<Row[]> {
  const persons = await db.persons.bulkGet([...new Set(intakes.map((i) => i.personId))]);
  const cases = await db.cases.bulkGet([...new Set(intakes.map((i) => i.caseId))]);
  const personById = new Map(persons.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const caseById = new Map(cases.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  return intakes.map((intake) => ({ intake, person: personById.get(intake.personId), kase: caseById.get(intake.caseId) }));
}

function IntakesTable({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const calendarYears = useAppStore((s) => s.calendarYears);
  const today = todayIso();
  return (
    <table className="grid" data-testid="intakes-table">
      <thead>
        <tr>
          <th scope="col">{t('persons.fullName')}</th>
          <th scope="col">{t('cases.number')}</th>
          <th scope="col">{t('intake.form.form')}</th>
          <th scope="col">{t('intake.form.registrationDate')}</th>
          <th scope="col">{t('intake.list.result')}</th>
          <th scope="col">{t('intake.list.term')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ intake, person, kase }) => {
          const terms = computeTerms(intake, ruleSetOf(ruleSets, intake), calendarYears, today);
          return (
            <tr key={intake.id}>
              <td>
                <a href={sectionHref('intake', [intake.id])}>{person ? fullName(person) : t('persons.notFound')}</a>
              </td>
              <td className="mono">{kase ? <a href={sectionHref('intake', ['case', kase.id])}>{kase.caseNumber}</a> : t('common.none')}</td>
              <td>{t(`intake.formShort.${intake.form}`)}</td>
              <td>{formatDate(intake.registrationDate)}</td>
              <td>
                <ResultBadge result={intake.check.result} />
              </td>
              <td>
                {terms.ok ? <TermStatusText status={terms.value.status} /> : <span className="muted">{termErrorText(t, terms.error)}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const RESULTS: readonly IntakeResult[] = ['refuse', 'complete-with-warnings', 'complete'];

/** `#/intake`: every intake of the office, newest first. */
export function IntakeListPage() {
  const { t } = useTranslation();
  const { db } = useServices();
  const [result, setResult] = useState<IntakeResult | ''>('');
  const rows = useLiveData(async () => withPeople(db, await listIntakes(db)), [db]);
  const shown = rows.status === 'done' ? rows.value.filter((r) => result === '' || r.intake.check.result === result) : [];
  return (
    <section aria-labelledby="intake-list-title">
      <header className="page-header">
        <h1 id="intake-list-title">{t('intake.title')}</h1>
        <div className="actions">
          <a href={sectionHref('intake', ['settings'])}>{t('intake.settings.link')}</a>
          <a className="button primary" href={sectionHref('intake', ['new'])}>
            {t('intake.list.new')}
          </a>
        </div>
      </header>
      <p className="muted">{t('intake.list.intro')}</p>
      <div className="inline-form">
        <label htmlFor="intake-result-filter">{t('intake.list.filter')}</label>
        <select id="intake-result-filter" value={result} onChange={(e) => setResult(RESULTS.find((r) => r === e.target.value) ?? '')}>
          <option value="">{t('intake.list.all')}</option>
          {RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`intake.result.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {rows.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {rows.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: rows.error })}</Notice> : null}
      {rows.status === 'done' && rows.value.length === 0 ? <div className="empty">{t('intake.list.empty')}</div> : null}
      {rows.status === 'done' && rows.value.length > 0 && shown.length === 0 ? (
        <div className="empty">{t('intake.list.emptyFilter')}</div>
      ) : null}
      {shown.length > 0 ? <IntakesTable rows={shown} /> : null}
    </section>
  );
}

/** `#/intake/case/<caseId>`: the intakes of one case, and a new one for it. */
export function CaseIntakesPage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const data = useLiveData(async () => {
    const kase = await db.cases.get(caseId);
    const person = kase ? await db.persons.get(kase.personId) : undefined;
    const rows = await withPeople(db, await intakesOfCase(db, caseId));
    return { kase, person, rows };
  }, [db, caseId]);
  if (data.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (data.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: data.error })}</Notice>;
  const { kase, person, rows } = data.value;
  if (!kase) return <Notice kind="warning">{t('intake.caseNotFound')}</Notice>;
  return (
    <section aria-labelledby="case-intakes-title">
      <header className="page-header">
        <h1 id="case-intakes-title">{t('intake.case.title', { number: kase.caseNumber })}</h1>
        <div className="actions">
          {person ? <a href={href({ name: 'person', id: person.id })}>{fullName(person)}</a> : null}
          <a className="button primary" href={sectionHref('intake', ['new'], { caseId })}>
            {t('intake.list.new')}
          </a>
        </div>
      </header>
      <p className="muted">
        {kase.subject} · {formatDate(kase.registrationDate)}
      </p>
      {rows.length === 0 ? <div className="empty">{t('intake.case.empty')}</div> : <IntakesTable rows={rows} />}
    </section>
  );
}
