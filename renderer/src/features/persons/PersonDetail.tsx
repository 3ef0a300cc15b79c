import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName, type Person } from '@shared/persons';
import type { FieldErrors } from '@shared/validation';
import { href, sectionHref, type Section } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import { casesOfPerson, closeCase, openCase } from '../../db/repositories/cases';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { RecordHistory } from '../audit';

/** The sections that keep records inside a case. */
const CASE_SECTIONS: readonly Section[] = ['complaints', 'hearings', 'intake', 'wheelchairs', 'bundles'];

export function PersonDetail({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const cases = useLiveData(async () => await casesOfPerson(db, person.id), [db, person.id]);
  const rep = person.legalRepresentative;
  const loc = useLocalized();
  const ctx = useWriteContext();
  const [closeRefusal, setCloseRefusal] = useState<string | null>(null);
  const closing = useSubmit(closeCase, {
    onOk: () => setCloseRefusal(null),
    onRefused: (error) => setCloseRefusal(error.code === 'invalid' ? t('validation.required') : t('cases.closeFailed')),
  });
  const closeError = closing.failure === null ? closeRefusal : t('common.unexpected', { detail: closing.failure });

  function close(id: string, caseNumber: string) {
    if (!ctx) return;
    const reason = window.prompt(t('cases.closeReason', { number: caseNumber }));
    if (reason !== null) closing.run(db, ctx, id, { date: todayIso(), reason });
  }

  return (
    <section aria-labelledby="person-title">
      <header className="page-header">
        <h1 id="person-title">{fullName(person)}</h1>
        <div className="actions">
          <a href={href({ name: 'persons', query: '' })}>{t('common.back')}</a>
          <a className="button" href={href({ name: 'person-edit', id: person.id })}>
            {t('common.edit')}
          </a>
        </div>
      </header>
      <dl className="card facts" data-testid="person-facts">
        <dt>{t('persons.iin')}</dt>
        <dd className="mono">{person.iin}</dd>
        <dt>{t('persons.birthDate')}</dt>
        <dd>{formatDate(person.birthDate)}</dd>
        <dt>{t('persons.sex')}</dt>
        <dd>{t(`sex.${person.sex}`)}</dd>
        <dt>{t('persons.address')}</dt>
        <dd>{person.address}</dd>
        <dt>{t('persons.phone')}</dt>
        <dd>{person.phone || t('common.none')}</dd>
        <dt>{t('persons.disabilityGroup')}</dt>
        <dd>{t(`disabilityGroup.${person.disabilityGroup}`)}</dd>
        <dt>{t('persons.disabilityCategory')}</dt>
        <dd>{person.disabilityCategory ? t(`disabilityCategory.${person.disabilityCategory}`) : t('persons.notSet')}</dd>
        <dt>{t('persons.representative')}</dt>
        <dd>
          {rep
            ? `${rep.fullName} (${t('persons.iin')} ${rep.iin}), ${t(`representativeBasis.${rep.basis}`)}${rep.document ? `, ${rep.document}` : ''}`
            : t('common.none')}
        </dd>
      </dl>

      <h2>{t('persons.cases')}</h2>
      {closeError ? <Notice kind="error">{closeError}</Notice> : null}
      {cases.status === 'done' && cases.value.length === 0 ? <div className="empty">{t('persons.noCases')}</div> : null}
      {cases.status === 'error' ? <Notice kind="error">{t('common.unexpected', { detail: cases.error })}</Notice> : null}
      {cases.status === 'done' && cases.value.length > 0 ? (
        <table className="grid" data-testid="cases-table">
          <thead>
            <tr>
              <th scope="col">{t('cases.number')}</th>
              <th scope="col">{t('cases.registrationDate')}</th>
              <th scope="col">{t('cases.subject')}</th>
              <th scope="col">{t('cases.status')}</th>
              <th scope="col">{t('cases.ruleSet')}</th>
              <th scope="col">{t('cases.sections')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.value.map((c) => {
              const rs = ruleSets.find((r) => r.id === c.ruleSetId);
              return (
                <tr key={c.id}>
                  <td className="mono">{c.caseNumber}</td>
                  <td>{formatDate(c.registrationDate)}</td>
                  <td>{c.subject}</td>
                  <td>
                    {t(`cases.statuses.${c.status}`)}
                    {c.closure ? (
                      <div className="muted">
                        {formatDate(c.closure.date)}: {c.closure.reason}
                      </div>
                    ) : null}
                    {c.status === 'open' ? (
                      <button type="button" className="link" onClick={() => close(c.id, c.caseNumber)} disabled={closing.busy}>
                        {t('cases.close')}
                      </button>
                    ) : null}
                  </td>
                  <td>{rs ? loc(rs.titleKk, rs.titleRu) : c.ruleSetId}</td>
                  <td>
                    <ul className="link-list">
                      {CASE_SECTIONS.map((section) => (
                        <li key={section}>
                          <a href={sectionHref(section, ['case', c.id])}>{t(`nav.${section}`)}</a>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <OpenCaseForm personId={person.id} />
      <details className="card">
        <summary>{t('persons.history')}</summary>
        <RecordHistory table="persons" recordId={person.id} />
      </details>
    </section>
  );
}

function OpenCaseForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const [subject, setSubject] = useState('');
  const [registrationDate, setRegistrationDate] = useState(todayIso());
  const [errors, setErrors] = useState<FieldErrors>({});
  // Kept as a key, not a text, so it follows a language switch while it is on screen.
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; key: string; params?: Record<string, string> } | null>(null);
  const opening = useSubmit(openCase, {
    onOk: (kase) => {
      setErrors({});
      setSubject('');
      setOutcome({ kind: 'success', key: 'cases.created', params: { number: kase.caseNumber } });
    },
    onRefused: (error) => {
      setErrors(error.code === 'invalid' ? error.errors : {});
      if (error.code === 'no-rule-set') setOutcome({ kind: 'error', key: 'cases.noRuleSet', params: { date: formatDate(error.date) } });
      else if (error.code !== 'invalid') setOutcome({ kind: 'error', key: 'cases.personNotFound' });
      else setOutcome(null);
    },
  });
  const message =
    opening.failure !== null
      ? { kind: 'error' as const, text: t('common.unexpected', { detail: opening.failure }) }
      : outcome && { kind: outcome.kind, text: t(outcome.key, outcome.params) };
  const busy = opening.busy;

  return (
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        if (ctx && office) opening.run(db, ctx, office, { personId, subject, registrationDate });
      }}
      noValidate
      aria-labelledby="open-case-title"
    >
      <h3 id="open-case-title" className="span-2">
        {t('cases.newTitle')}
      </h3>
      {message ? (
        <div className="span-2">
          <Notice kind={message.kind}>{message.text}</Notice>
        </div>
      ) : null}
      <Field label={t('cases.subject')} error={errors.subject} required>
        {(p) => <input {...p} name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} />}
      </Field>
      <Field label={t('cases.registrationDate')} error={errors.registrationDate} required>
        {(p) => <DateField {...p} name="registrationDate" value={registrationDate} onChange={setRegistrationDate} />}
      </Field>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={busy}>
          {t('cases.open')}
        </button>
      </div>
    </form>
  );
}
