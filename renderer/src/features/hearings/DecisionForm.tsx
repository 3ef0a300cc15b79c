import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingCalendar } from '@shared/calendar';
import {
  checkDecision,
  DECISION_OUTCOMES,
  hearingSchedule,
  type DecisionOutcome,
  type HearingFacts,
  type HearingSchedule,
  type ServiceApplication,
} from '@shared/hearings';
import type { ServiceRule } from '@shared/rules';
import { DraftOffer } from '../../core/DraftOffer';
import { useServices } from '../../core/services';
import { useDraft } from '../../core/useDraft';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { CitationNote } from './common';
import { MessageLine, useStepSubmit } from './forms';
import { recordDecision } from './repository';
import { pastDateErrors } from './timeline';

interface Props {
  app: ServiceApplication;
  saved: HearingSchedule;
  service: ServiceRule;
  cal: WorkingCalendar;
  facts: HearingFacts;
}

interface DecisionValues {
  outcome: DecisionOutcome | '';
  date: string;
  reasons: string;
  earlyReason: string;
}

/** A stored decision draft has the form's four text fields and a known outcome (checked before it is offered back). */
function isDecisionValues(v: unknown): v is DecisionValues {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  const texts = ['date', 'reasons', 'earlyReason'].every((k) => typeof r[k] === 'string');
  return texts && (r.outcome === '' || (DECISION_OUTCOMES as readonly unknown[]).includes(r.outcome));
}

/**
 * The decision form: a refusal before its earliest allowed date asks for a reason (kept in the history). The
 * reasons are kept as a draft in IndexedDB as they are typed and offered back after a reload or the lock (issue 16
 * point 1); the page's live read keeps them through the saves of its other forms.
 */
export function DecisionForm({ app, saved, service, cal, facts }: Props) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [values, setValues] = useState<DecisionValues>({ outcome: '', date: todayIso(), reasons: '', earlyReason: '' });
  const draft = useDraft({ form: 'decision', recordId: app.id, values, onRestore: setValues, isValues: isDecisionValues });
  const form = useStepSubmit((ctx) => recordDecision(db, ctx, app.id, { ...values, outcome: values.outcome as DecisionOutcome }), {
    onOk: draft.saved,
  });
  // Issue 16 point 2: a decision date that has not come is said as it is typed.
  const live = pastDateErrors({ date: values.date }, todayIso());
  const set = (k: keyof DecisionValues, v: string) => setValues((s) => ({ ...s, [k]: v }));
  // The check as the repository will make it, with the date being typed.
  const withDate = values.date ? hearingSchedule(service, cal, { ...facts, decisionDate: values.date }) : null;
  const check = values.outcome && values.date && withDate?.ok ? checkDecision(withDate.value, values.outcome, values.date) : null;
  const early = check?.early ?? false;
  const e = check?.earliest ?? saved.earliestDecision;

  return (
    <form
      className="card form-grid"
      noValidate
      aria-labelledby="decision-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        form.run();
      }}
    >
      <h2 id="decision-title" className="span-2">
        {t('hearings.decision.title')}
      </h2>
      <DraftOffer draft={draft} />
      <div className="span-2">
        <MessageLine message={form.message} />
        {early ? (
          <Notice kind="warning">
            {e.notBefore ? t('hearings.decision.earlyUntil', { date: formatDate(e.notBefore) }) : t('hearings.decision.earlyBlocked')}
            {e.blockers.length > 0 ? ` (${e.blockers.map((b) => t(`hearings.blockers.${b}`)).join('; ')})` : ''}
            {e.binding ? (
              <>
                {' '}
                <CitationNote citation={e.binding.citation} />
              </>
            ) : null}
          </Notice>
        ) : null}
        {check?.late ? (
          <Notice kind="warning">{t('hearings.decision.late', { date: formatDate(saved.latestDecision?.date ?? '') })}</Notice>
        ) : null}
      </div>
      <Field label={t('hearings.decision.outcome')} error={form.errors.outcome} required>
        {(p) => (
          <select {...p} name="outcome" value={values.outcome} onChange={(ev) => set('outcome', ev.target.value)}>
            <option value="">{t('common.choose')}</option>
            {DECISION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`hearings.outcomes.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.decision.date')} error={live.date ?? form.errors.date} required>
        {(p) => <DateField {...p} name="decisionDate" value={values.date} onChange={(iso) => set('date', iso)} />}
      </Field>
      <div className="span-2">
        <Field label={t('hearings.decision.reasons')} error={form.errors.reasons} required={values.outcome === 'refused'}>
          {(p) => <textarea {...p} name="reasons" rows={3} value={values.reasons} onChange={(ev) => set('reasons', ev.target.value)} />}
        </Field>
      </div>
      {early ? (
        <div className="span-2">
          <Field
            label={t('hearings.decision.earlyReason')}
            error={form.errors.earlyReason}
            hint={t('hearings.decision.earlyReasonHint')}
            required
          >
            {(p) => (
              <textarea
                {...p}
                name="earlyReason"
                rows={2}
                value={values.earlyReason}
                onChange={(ev) => set('earlyReason', ev.target.value)}
              />
            )}
          </Field>
        </div>
      ) : null}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('hearings.decision.save')}
        </button>
      </div>
    </form>
  );
}
