import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceApplication } from '@shared/hearings';
import type { ServiceRule } from '@shared/rules';
import { useServices } from '../../core/services';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';
import { CitationNote } from './common';
import type { SetDraft } from './draft';
import { MessageLine, useStepSubmit } from './forms';
import { recordApplicantPosition, recordPreliminary } from './repository';
import { pastDateErrors } from './timeline';

/** The unfavourable preliminary decision: its form, then what was recorded with the applicant's position. */
export function PreliminaryCard({ app, service, setDraft }: { app: ServiceApplication; service: ServiceRule; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const p = app.preliminary;
  if (!p) return app.decision ? null : <PreliminaryForm app={app} service={service} setDraft={setDraft} />;
  return (
    <div className="card" data-testid="preliminary-card">
      <h2>{t('hearings.preliminary.title')}</h2>
      <dl className="facts">
        <dt>{t('hearings.preliminary.date')}</dt>
        <dd>{formatDate(p.date)}</dd>
        {p.receivedOn ? (
          <>
            <dt>{t('hearings.preliminary.receivedOn')}</dt>
            <dd>{formatDate(p.receivedOn)}</dd>
          </>
        ) : null}
        <dt>{t('hearings.preliminary.grounds')}</dt>
        <dd className="prewrap">{p.grounds}</dd>
        {p.disagreementDate ? (
          <>
            <dt>{t('hearings.preliminary.disagreementDate')}</dt>
            <dd>{formatDate(p.disagreementDate)}</dd>
          </>
        ) : null}
      </dl>
      {p.waiverDate ? (
        <p data-testid="applicant-waived">{t('hearings.position.recordedWaived', { date: formatDate(p.waiverDate) })}</p>
      ) : null}
      {!app.decision && !p.disagreementDate && !p.waiverDate && !app.objection ? (
        <ApplicantPositionForm app={app} service={service} setDraft={setDraft} />
      ) : null}
    </div>
  );
}

function PreliminaryForm({ app, service, setDraft }: { app: ServiceApplication; service: ServiceRule; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const loc = useLocalized();
  const [values, setValues] = useState({ date: todayIso(), receivedOn: '', grounds: '', disagreementDate: '' });
  // Issue 16 point 2: what is wrong with a date is said as it is typed, not only on submit.
  const live = pastDateErrors({ date: values.date, receivedOn: values.receivedOn, disagreementDate: values.disagreementDate }, todayIso());
  const form = useStepSubmit((ctx) => recordPreliminary(db, ctx, app.id, values), {
    success: t('common.saved'),
    onOk: () => setDraft({ preliminaryDate: undefined, preliminaryReceivedDate: undefined, disagreementDate: undefined }),
  });
  const trigger = service.hearing.trigger;
  const byDisagreement = service.hearing.kind === 'service-term' && service.hearing.triggeredBy === 'disagreement';
  const set = (k: keyof typeof values, v: string) => setValues((s) => ({ ...s, [k]: v }));

  return (
    <form
      className="card form-grid"
      noValidate
      aria-labelledby="preliminary-title"
      onSubmit={(e) => {
        e.preventDefault();
        form.run();
      }}
    >
      <h2 id="preliminary-title" className="span-2">
        {t('hearings.preliminary.title')}
      </h2>
      <p className="span-2 muted">
        {t('hearings.preliminary.trigger')}: {loc(trigger.kk, trigger.ru)} <CitationNote citation={trigger.citation} />
      </p>
      <div className="span-2">
        <MessageLine message={form.message} />
      </div>
      <Field label={t('hearings.preliminary.date')} error={live.date ?? form.errors.date} required>
        {(p) => (
          <DateField
            {...p}
            name="preliminaryDate"
            value={values.date}
            onChange={(iso) => {
              set('date', iso);
              setDraft({ preliminaryDate: iso || null });
            }}
          />
        )}
      </Field>
      <Field
        label={t('hearings.preliminary.receivedOn')}
        error={live.receivedOn ?? form.errors.receivedOn}
        hint={t('hearings.preliminary.receivedHint')}
      >
        {(p) => (
          <DateField
            {...p}
            name="preliminaryReceivedOn"
            value={values.receivedOn}
            onChange={(iso) => {
              set('receivedOn', iso);
              setDraft({ preliminaryReceivedDate: iso || null });
            }}
          />
        )}
      </Field>
      {byDisagreement ? (
        <Field
          label={t('hearings.preliminary.disagreementDate')}
          error={live.disagreementDate ?? form.errors.disagreementDate}
          hint={t('hearings.preliminary.disagreementHint')}
        >
          {(p) => (
            <DateField
              {...p}
              name="disagreementDate"
              value={values.disagreementDate}
              onChange={(iso) => {
                set('disagreementDate', iso);
                setDraft({ disagreementDate: iso || null });
              }}
            />
          )}
        </Field>
      ) : null}
      <div className="span-2">
        <Field label={t('hearings.preliminary.grounds')} error={form.errors.grounds} required>
          {(p) => <textarea {...p} name="grounds" rows={3} value={values.grounds} onChange={(e) => set('grounds', e.target.value)} />}
        </Field>
      </div>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('hearings.preliminary.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * The applicant's answer: a disagreement (Order 458 holds the hearing on it, 000 L47) or a written
 * waiver (no hearing needed under Order 458; the objection window closes, 004 L43).
 */
function ApplicantPositionForm({ app, service, setDraft }: { app: ServiceApplication; service: ServiceRule; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const byDisagreement = service.hearing.kind === 'service-term' && service.hearing.triggeredBy === 'disagreement';
  const [values, setValues] = useState({ position: '' as 'disagreed' | 'waived' | '', date: todayIso() });
  const live = pastDateErrors({ date: values.date }, todayIso());
  const form = useStepSubmit(
    (ctx) => recordApplicantPosition(db, ctx, app.id, { position: values.position || 'waived', date: values.date }),
    {
      onOk: () => setDraft({ disagreementDate: undefined, waiverDate: undefined }),
    },
  );
  const update = (next: typeof values) => {
    setValues(next);
    setDraft({
      disagreementDate: next.position === 'disagreed' ? next.date || null : undefined,
      waiverDate: next.position === 'waived' ? next.date || null : undefined,
    });
  };
  const positions = byDisagreement ? (['disagreed', 'waived'] as const) : (['waived'] as const);
  return (
    <form
      className="inline-form"
      noValidate
      aria-label={t('hearings.position.title')}
      data-testid="position-form"
      onSubmit={(e) => {
        e.preventDefault();
        form.run();
      }}
    >
      <MessageLine message={form.message} />
      <Field label={t('hearings.position.position')} error={form.errors.position} required>
        {(p) => (
          <select
            {...p}
            name="applicantPosition"
            value={values.position}
            onChange={(e) => update({ ...values, position: e.target.value as typeof values.position })}
          >
            <option value="">{t('common.choose')}</option>
            {positions.map((k) => (
              <option key={k} value={k}>
                {t(`hearings.position.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.position.date')} error={live.date ?? form.errors.date} required>
        {(p) => <DateField {...p} name="positionDate" value={values.date} onChange={(date) => update({ ...values, date })} />}
      </Field>
      <button type="submit" disabled={form.busy || values.position === ''}>
        {t('hearings.position.save')}
      </button>
    </form>
  );
}
