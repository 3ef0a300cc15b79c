import { useTranslation } from 'react-i18next';
import { ageOn } from '@shared/iin';
import { fullName } from '@shared/persons';
import { href, sectionHref } from '../../core/router';
import { formatDate, todayIso } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';
import { CaseLoader } from './CaseLoader';
import { VerdictSummary } from './CheckResultView';
import { OrdersSection } from './OrdersSection';
import { ProgrammesSection } from './ProgrammesSection';
import type { CaseFile } from './repository';

export function CasePage({ caseId }: { caseId: string }) {
  return <CaseLoader caseId={caseId}>{(file) => <CaseView file={file} />}</CaseLoader>;
}

function CaseView({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { person, kase, ruleSet } = file;
  const age = ageOn(person.birthDate, todayIso());
  return (
    <section aria-labelledby="wc-case-title">
      <header className="page-header">
        <h1 id="wc-case-title">{t('wheelchairs.case.title', { number: kase.caseNumber })}</h1>
        <div className="actions">
          <a href={sectionHref('wheelchairs')}>{t('common.back')}</a>
          <a className="button primary" href={sectionHref('wheelchairs', ['case', kase.id, 'check', 'new'])}>
            {t('wheelchairs.case.newCheck')}
          </a>
        </div>
      </header>
      <dl className="card facts" data-testid="wc-case-facts">
        <dt>{t('persons.fullName')}</dt>
        <dd>
          <a href={href({ name: 'person', id: person.id })}>{fullName(person)}</a>
        </dd>
        <dt>{t('persons.iin')}</dt>
        <dd className="mono">{person.iin}</dd>
        <dt>{t('persons.birthDate')}</dt>
        <dd>
          {formatDate(person.birthDate)}
          {Number.isNaN(age) ? null : ` (${t('wheelchairs.case.ageToday', { age })})`}
        </dd>
        <dt>{t('cases.subject')}</dt>
        <dd>{kase.subject}</dd>
        <dt>{t('cases.ruleSet')}</dt>
        <dd>
          {loc(ruleSet.titleKk, ruleSet.titleRu)}
          {ruleSet.provisional ? <span className="badge warning">{t('wheelchairs.case.provisional')}</span> : null}
        </dd>
      </dl>

      <ProgrammesSection file={file} />

      <section aria-labelledby="checks-title">
        <h2 id="checks-title">{t('wheelchairs.case.checks')}</h2>
        {file.checks.length === 0 ? (
          <div className="empty">
            {t('wheelchairs.case.noChecks')}{' '}
            <a href={sectionHref('wheelchairs', ['case', kase.id, 'check', 'new'])}>{t('wheelchairs.case.newCheck')}</a>
          </div>
        ) : (
          <table className="grid compact" data-testid="checks-table">
            <thead>
              <tr>
                <th scope="col">{t('wheelchairs.columns.checkDate')}</th>
                <th scope="col">{t('wheelchairs.columns.verdicts')}</th>
                <th scope="col">{t('wheelchairs.columns.programme')}</th>
                <th scope="col">{t('wheelchairs.columns.discrepancies')}</th>
                <th scope="col">{t('wheelchairs.columns.officer')}</th>
                <th scope="col">{t('wheelchairs.columns.recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {file.checks.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={sectionHref('wheelchairs', ['check', c.id])}>{formatDate(c.checkDate)}</a>
                  </td>
                  <td>
                    <VerdictSummary result={c.result} />
                  </td>
                  <td>{c.result.programme ? c.result.programme.number : t('common.none')}</td>
                  <td>{c.result.programme ? c.result.programme.discrepancies.length : t('common.none')}</td>
                  <td>{c.createdBy}</td>
                  <td>{new Date(c.checkedAt).toLocaleString(t('wheelchairs.locale'))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <OrdersSection file={file} />
    </section>
  );
}
