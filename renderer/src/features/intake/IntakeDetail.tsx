import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/cases';
import type { Intake } from '@shared/intake';
import { fullName, type Person } from '@shared/persons';
import { ruleSetInForce, type RuleSet } from '@shared/rules';
import { href, sectionHref } from '../../core/router';
import { useAppStore } from '../../core/store';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { StageLog } from '../reports';
import { CheckPanel, ResultBadge } from './CheckPanel';
import { Citations } from './cite';
import { AcknowledgementPanel } from './AcknowledgementPanel';
import { Scans } from './Scans';
import { TermPanel } from './TermPanel';

/** The rule set an intake was checked against (kept by id), else the one in force on its date. */
export function ruleSetOf(ruleSets: readonly RuleSet[], intake: Pick<Intake, 'ruleSetId' | 'registrationDate'>): RuleSet | undefined {
  const kept = ruleSets.find((r) => r.id === intake.ruleSetId);
  if (kept) return kept;
  const inForce = ruleSetInForce(ruleSets, intake.registrationDate);
  return inForce.ok ? inForce.value : undefined;
}

export function IntakeDetail({ intake, kase, person }: { intake: Intake; kase: Case; person: Person }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const ruleSet = ruleSetOf(ruleSets, intake);
  const inForceNow = ruleSetInForce(ruleSets, intake.registrationDate);
  const newerRules = inForceNow.ok && inForceNow.value.id !== intake.ruleSetId;
  const cardForm = ruleSet?.medicalCard.forms.find((f) => f.id === intake.form);
  const refused = intake.check.result === 'refuse';

  return (
    <section aria-labelledby="intake-title">
      <header className="page-header">
        <h1 id="intake-title">
          {t('intake.detail.title', { name: fullName(person) })} <ResultBadge result={intake.check.result} />
        </h1>
        <div className="actions">
          <a href={sectionHref('intake', ['case', kase.id])}>{t('intake.detail.caseIntakes')}</a>
          <a className="button" href={sectionHref('intake', [intake.id, 'edit'])}>
            {t('common.edit')}
          </a>
        </div>
      </header>
      <dl className="card facts" data-testid="intake-facts">
        <dt>{t('persons.fullName')}</dt>
        <dd>
          <a href={href({ name: 'person', id: person.id })}>{fullName(person)}</a> <span className="mono muted">{person.iin}</span>
        </dd>
        <dt>{t('cases.number')}</dt>
        <dd className="mono">{kase.caseNumber}</dd>
        <dt>{t('intake.form.form')}</dt>
        <dd>{t(`intake.formName.${intake.form}`)}</dd>
        <dt>{t('intake.form.registrationDate')}</dt>
        <dd>{formatDate(intake.registrationDate)}</dd>
        <dt>{t('intake.form.channel')}</dt>
        <dd>{t(`intake.channel.${intake.channel}`)}</dd>
        <dt>{t('intake.detail.officer')}</dt>
        <dd>
          {intake.officerName}, <span className="mono">{intake.officerPhone}</span>
        </dd>
        {intake.form === 'stationary' && intake.application.stayMode ? (
          <>
            <dt>{t('intake.application.stayMode')}</dt>
            <dd>{t(`intake.stayMode.${intake.application.stayMode}`)}</dd>
          </>
        ) : null}
        <dt>{t('cases.ruleSet')}</dt>
        <dd>
          {ruleSet ? loc(ruleSet.titleKk, ruleSet.titleRu) : intake.ruleSetId} ·{' '}
          {t('intake.detail.version', { version: intake.ruleSetVersion })}
        </dd>
      </dl>
      {newerRules ? <Notice kind="info">{t('intake.detail.newerRules')}</Notice> : null}

      <CheckPanel check={intake.check} notConfiguredNote={ruleSet?.medicalCard.notConfiguredNote ?? null} />

      {refused ? (
        <section className="card" aria-labelledby="intake-refusal-title">
          <h2 id="intake-refusal-title">{t('intake.detail.refusalTitle')}</h2>
          <p>{t(intake.channel === 'portal' ? 'intake.detail.refusalTextPortal' : 'intake.detail.refusalText')}</p>
          {ruleSet ? <Citations citations={[ruleSet.medicalCard.intakeRefusal]} /> : null}
        </section>
      ) : null}
      <AcknowledgementPanel intake={intake} person={person} ruleSet={ruleSet} appendix={cardForm?.appendix ?? ''} />
      {refused ? null : <TermPanel intake={intake} ruleSet={ruleSet} />}

      <Scans intake={intake} />
      <StageLog subject="intake" id={intake.id} />
    </section>
  );
}
