import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createWorkingCalendar } from '@shared/calendar';
import {
  DECISION_KINDS,
  intakeTerms,
  type Intake,
  type IntakeTerms,
  type StateCorpHandOver,
  type TermError,
  type TermStatus,
} from '@shared/intake';
import type { Result } from '@shared/result';
import { serviceRule, type RuleSet } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { Citations } from './cite';
import { recordProgress } from './repository';

export const MSI_SERVICE = 'msi-placement';

/** The 17-working-day term of an intake under its rule set, or why it cannot be computed. */
export function useIntakeTerms(
  intake: Intake,
  ruleSet: RuleSet | undefined,
  today = todayIso(),
): Result<IntakeTerms, TermError | { code: 'no-service' }> {
  const calendarYears = useAppStore((s) => s.calendarYears);
  return computeTerms(intake, ruleSet, calendarYears, today);
}

export function computeTerms(
  intake: Intake,
  ruleSet: RuleSet | undefined,
  calendarYears: Parameters<typeof createWorkingCalendar>[0],
  today: string,
): Result<IntakeTerms, TermError | { code: 'no-service' }> {
  const service = ruleSet ? serviceRule(ruleSet, MSI_SERVICE) : undefined;
  if (!service) return { ok: false, error: { code: 'no-service' } };
  return intakeTerms(
    service,
    createWorkingCalendar(calendarYears),
    {
      registrationDate: intake.registrationDate,
      channel: intake.channel,
      progress: intake.progress,
      refused: intake.check.result === 'refuse',
    },
    today,
  );
}

/** One short phrase for lists: days left, overdue, done, hearing, refused. */
export function TermStatusText({ status }: { status: TermStatus }) {
  const { t } = useTranslation();
  switch (status.kind) {
    case 'refused':
      return <span className="muted">{t('intake.term.status.refused')}</span>;
    case 'done':
      return (
        <span className={status.state === 'late' ? 'intake-late' : ''}>
          {t(`intake.term.status.done-${status.state}`, { date: formatDate(status.doneOn) })}
        </span>
      );
    case 'open':
    case 'hearing': {
      const base =
        status.daysLeft < 0
          ? t('intake.term.status.overdue', { due: formatDate(status.due), days: -status.daysLeft })
          : t('intake.term.status.left', { due: formatDate(status.due), days: status.daysLeft });
      return (
        <span className={status.flag === 'overdue' ? 'intake-late' : status.flag === 'due-soon' ? 'intake-soon' : ''}>
          {status.kind === 'hearing' ? `${t('intake.term.status.hearing')}; ` : ''}
          {base}
        </span>
      );
    }
  }
}

export function termErrorText(t: (k: string, o?: Record<string, unknown>) => string, e: TermError | { code: 'no-service' }): string {
  switch (e.code) {
    case 'year-not-covered':
      return t('intake.term.yearNotCovered', { year: e.year });
    case 'invalid-date':
      return t('intake.term.invalidDate', { date: e.date });
    case 'no-service':
    case 'no-term':
    case 'unsupported-anchor':
      return t('intake.term.noService');
  }
}

/**
 * Issue 18 point 5 (para 11, 001 L37; App. 3 item 3, L208): the day the result must reach the State
 * Corporation, in both readings of "one day before", the one applied and why.
 */
function StateCorpHandOverFacts({ handOver }: { handOver: StateCorpHandOver }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <>
      <dt>{t('intake.term.stateCorp')}</dt>
      <dd data-testid="state-corp-hand-over">
        <strong>{formatDate(handOver.due)}</strong>
        <ul className="intake-readings">
          {handOver.readings.map((r) => (
            <li key={r.id} className={r.chosen ? '' : 'muted'}>
              {t('intake.term.stateCorpReading', { reading: loc(r.kk, r.ru), date: formatDate(r.due) })}
              {r.chosen ? ` (${t('intake.term.stateCorpChosen')})` : ''}
            </li>
          ))}
        </ul>
        <span className="muted">{loc(handOver.why.kk, handOver.why.ru)}</span>
        <Citations citations={handOver.citations} />
      </dd>
    </>
  );
}

/** Term tracking: the total, the steps with their clauses, the hearing when the decision is unfavourable. */
export function TermPanel({ intake, ruleSet }: { intake: Intake; ruleSet: RuleSet | undefined }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const terms = useIntakeTerms(intake, ruleSet);
  if (!terms.ok) return <Notice kind="warning">{termErrorText(t, terms.error)}</Notice>;
  const v = terms.value;
  return (
    <section className="card" aria-labelledby="intake-term-title" data-testid="intake-terms">
      <h2 id="intake-term-title">{t('intake.term.title')}</h2>
      <dl className="facts">
        <dt>{t('intake.term.registered')}</dt>
        <dd>{formatDate(v.registrationDate)}</dd>
        <dt>{t('intake.term.total', { days: v.total.term.workingDays })}</dt>
        <dd data-testid="term-total">
          <strong>{formatDate(v.total.due)}</strong> — <TermStatusText status={v.status} />
          <Citations citations={[v.total.term.citation, ...(v.total.term.alsoIn ?? [])]} />
        </dd>
        {v.stateCorpHandOver ? <StateCorpHandOverFacts handOver={v.stateCorpHandOver} /> : null}
      </dl>
      <h3>{t('intake.term.steps', { sum: v.stepsWorkingDays, total: v.total.term.workingDays })}</h3>
      <table className="grid compact" data-testid="term-steps">
        <thead>
          <tr>
            <th scope="col">{t('intake.term.step')}</th>
            <th scope="col">{t('intake.term.days')}</th>
            <th scope="col">{t('intake.term.from')}</th>
            <th scope="col">{t('intake.term.due')}</th>
            <th scope="col">{t('intake.term.done')}</th>
          </tr>
        </thead>
        <tbody>
          {v.steps.map((s) => (
            <tr key={s.id}>
              <td>
                {loc(s.label.kk, s.label.ru)}
                <Citations citations={[s.term.citation]} />
              </td>
              <td>{s.term.workingDays}</td>
              <td>
                {formatDate(s.anchorDate)}
                {s.anchorActual ? null : <span className="muted"> ({t('intake.term.planned')})</span>}
              </td>
              <td>{formatDate(s.due)}</td>
              <td>
                {s.state === 'not-applicable'
                  ? t('intake.term.notApplicable')
                  : s.state === 'open'
                    ? t('intake.term.openLeft', { days: s.daysLeft ?? 0 })
                    : t(`intake.term.state.${s.state}`, { date: formatDate(s.doneOn ?? '') })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {v.notes.map((n, i) => (
        <p key={i} className="muted">
          {loc(n.kk, n.ru)}
        </p>
      ))}
      {v.hearing ? (
        <Notice kind={v.hearing.noticeTooLate ? 'error' : 'warning'}>
          <div data-testid="hearing-notice">
            {t('intake.term.hearing', {
              decision: formatDate(v.hearing.decisionOn),
              noticeBy: formatDate(v.hearing.noticeBy),
              days: v.hearing.noticeTerm.workingDays,
              hearingDays: v.hearing.hearingTerm.workingDays,
            })}
            {v.hearing.noticeTooLate ? ` ${t('intake.term.hearingLate')}` : ''}
            <Citations citations={[v.hearing.noticeTerm.citation, v.hearing.hearingTerm.citation]} />
            <a
              className="button primary"
              href={sectionHref('hearings', ['new'], { caseId: intake.caseId, service: MSI_SERVICE, intakeId: intake.id })}
            >
              {t('intake.term.openHearing')}
            </a>
          </div>
        </Notice>
      ) : null}
      <ProgressForm intake={intake} />
    </section>
  );
}

function ProgressForm({ intake }: { intake: Intake }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const [form, setForm] = useState(intake.progress);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const save = useSubmit((c: WriteContext, input: typeof form) => recordProgress(db, c, intake.id, input, todayIso()), {
    onOk: () => {
      setErrors({});
      setMessage({ kind: 'success', text: t('intake.progress.saved') });
    },
    onRefused: (e) => {
      if (e.code === 'invalid') setErrors(e.errors);
      else setMessage({ kind: 'error', text: t(`intake.progress.error.${e.code}`) });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    if (ctx) save.run(ctx, form);
  }

  const date = (k: 'assessmentConclusionOn' | 'decisionOn' | 'portalNoticeOn') => (
    <Field label={t(`intake.progress.${k}`)} error={errors[k]}>
      {(p) => <DateField {...p} name={`progress.${k}`} value={form[k]} onChange={(v) => set(k, v)} />}
    </Field>
  );

  return (
    <form className="form-grid intake-progress" onSubmit={submit} noValidate aria-labelledby="intake-progress-title">
      <h3 id="intake-progress-title" className="span-2">
        {t('intake.progress.title')}
      </h3>
      {message ? (
        <div className="span-2">
          <Notice kind={message.kind}>{message.text}</Notice>
        </div>
      ) : null}
      {save.failure ? (
        <div className="span-2">
          <Notice kind="error">{t('common.unexpected', { detail: save.failure })}</Notice>
        </div>
      ) : null}
      {date('assessmentConclusionOn')}
      <div />
      {date('decisionOn')}
      <Field label={t('intake.progress.decisionKind')} error={errors.decisionKind}>
        {(p) => (
          <select
            {...p}
            name="progress.decisionKind"
            value={form.decisionKind}
            onChange={(e) => set('decisionKind', DECISION_KINDS.find((k) => k === e.target.value) ?? '')}
          >
            <option value="">{t('common.choose')}</option>
            {DECISION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`intake.progress.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {form.decisionKind === 'unfavourable' ? null : date('portalNoticeOn')}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={save.busy || !ctx}>
          {t('intake.progress.save')}
        </button>
      </div>
    </form>
  );
}
