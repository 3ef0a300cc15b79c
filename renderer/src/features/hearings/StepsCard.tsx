import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepDates, type ServiceApplication, type StepDate } from '@shared/hearings';
import type { ServiceRule } from '@shared/rules';
import { useServices } from '../../core/services';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';
import { CitationNote, useCalendar } from './common';
import { MessageLine, useStepSubmit } from './forms';
import { recordStepDone } from './repository';

/** The service's internal steps with their due dates (001 L38-42; 004 L32-36, L51). */
export function StepsCard({ app, service }: { app: ServiceApplication; service: ServiceRule }) {
  const { t } = useTranslation();
  const cal = useCalendar();
  const loc = useLocalized();
  const steps = stepDates(service, cal, {
    registrationDate: app.registrationDate,
    stepsDone: app.stepsDone,
    decisionDate: app.decision?.date ?? null,
    plannedDecisionDate: app.plannedDecisionDate,
  });
  if (!steps.ok) return null;
  return (
    <div className="card" data-testid="steps-card">
      <h2>{t('hearings.steps.title')}</h2>
      <table className="grid compact">
        <thead>
          <tr>
            <th scope="col">{t('hearings.steps.step')}</th>
            <th scope="col">{t('hearings.steps.term')}</th>
            <th scope="col">{t('hearings.steps.due')}</th>
            <th scope="col">{t('hearings.steps.done')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.value.map((s) => (
            <StepRow key={s.step.id} app={app} s={s} />
          ))}
        </tbody>
      </table>
      {service.notes.map((n, i) => (
        <p key={i} className="muted">
          {loc(n.kk, n.ru)}
        </p>
      ))}
    </div>
  );
}

function StepRow({ app, s }: { app: ServiceApplication; s: StepDate }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const loc = useLocalized();
  const [date, setDate] = useState('');
  const form = useStepSubmit((ctx) => recordStepDone(db, ctx, app.id, { stepId: s.step.id, date }));
  const label = loc(s.step.labelKk, s.step.labelRu);
  return (
    <tr>
      <td>{label}</td>
      <td>
        {t('hearings.steps.termText', { n: s.step.term.workingDays, anchor: t(`hearings.anchors.${s.step.term.anchor}`) })}
        <br />
        <CitationNote citation={s.step.term.citation} />
        {s.step.term.note ? <div className="muted">{loc(s.step.term.note.kk, s.step.term.note.ru)}</div> : null}
      </td>
      <td className="nowrap">
        {s.due ? formatDate(s.due.date) : t('hearings.steps.noAnchor')}
        {s.due?.projected ? <span className="badge warning">{t('hearings.planner.projected')}</span> : null}
      </td>
      <td className="nowrap">
        {s.done ? (
          <>
            {formatDate(s.done)}
            {s.late ? <span className="badge warning">{t('hearings.steps.late')}</span> : null}
          </>
        ) : app.decision ? (
          t('common.none')
        ) : (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              form.run();
            }}
          >
            <MessageLine message={form.message} />
            <DateField
              aria-label={t('hearings.steps.doneOn', { step: label })}
              aria-invalid={Boolean(form.errors.date)}
              value={date}
              onChange={setDate}
            />
            <button type="submit" disabled={form.busy}>
              {t('common.save')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
