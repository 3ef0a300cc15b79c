import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECTION_KINDS, type ObjectionKind, type ServiceApplication } from '@shared/hearings';
import type { ServiceRule } from '@shared/rules';
import { useServices } from '../../core/services';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { CitationNote } from './common';
import type { SetDraft } from './draft';
import { MessageLine, useStepSubmit } from './forms';
import { recordObjection } from './repository';
import { pastDateErrors } from './timeline';

/** The applicant's objection, written or oral (004 L43); an oral one needs minutes (L44). */
export function ObjectionCard({ app, service, setDraft }: { app: ServiceApplication; service: ServiceRule; setDraft: SetDraft }) {
  const { t } = useTranslation();
  if (app.objection) {
    return (
      <div className="card" data-testid="objection-card">
        <h2>{t('hearings.objection.title')}</h2>
        <dl className="facts">
          <dt>{t('hearings.objection.kind')}</dt>
          <dd>{t(`hearings.objectionKinds.${app.objection.kind}`)}</dd>
          <dt>{t('hearings.objection.date')}</dt>
          <dd>{formatDate(app.objection.date)}</dd>
          <dt>{t('hearings.objection.summary')}</dt>
          <dd className="prewrap">{app.objection.summary || t('common.none')}</dd>
        </dl>
      </div>
    );
  }
  // A written waiver closes the window: no objection follows it.
  if (app.decision || app.preliminary?.waiverDate) return null;
  return <ObjectionForm app={app} service={service} setDraft={setDraft} />;
}

function ObjectionForm({ app, service, setDraft }: { app: ServiceApplication; service: ServiceRule; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [values, setValues] = useState({ kind: '' as ObjectionKind | '', date: todayIso(), summary: '' });
  // Issue 16 point 2: what is wrong with a date is said as it is typed, not only on submit.
  const live = pastDateErrors({ date: values.date }, todayIso());
  const form = useStepSubmit(
    (ctx) => recordObjection(db, ctx, app.id, { kind: values.kind as ObjectionKind, date: values.date, summary: values.summary }),
    { onOk: () => setDraft({ objection: undefined }) },
  );
  const citation = service.hearing.kind === 'decision-date' ? service.hearing.objectionAfterReceipt.citation : null;
  const update = (next: typeof values) => {
    setValues(next);
    setDraft({ objection: next.kind && next.date ? { kind: next.kind, date: next.date } : undefined });
  };

  return (
    <form
      className="card form-grid"
      noValidate
      aria-labelledby="objection-title"
      onSubmit={(e) => {
        e.preventDefault();
        form.run();
      }}
    >
      <h2 id="objection-title" className="span-2">
        {t('hearings.objection.title')}
      </h2>
      {citation ? (
        <p className="span-2 muted">
          {t('hearings.objection.hint')} <CitationNote citation={citation} />
        </p>
      ) : null}
      <div className="span-2">
        <MessageLine message={form.message} />
      </div>
      <Field label={t('hearings.objection.kind')} error={form.errors.kind} required>
        {(p) => (
          <select
            {...p}
            name="objectionKind"
            value={values.kind}
            onChange={(e) => update({ ...values, kind: e.target.value as ObjectionKind | '' })}
          >
            <option value="">{t('common.choose')}</option>
            {OBJECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`hearings.objectionKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.objection.date')} error={live.date ?? form.errors.date} required>
        {(p) => <DateField {...p} name="objectionDate" value={values.date} onChange={(date) => update({ ...values, date })} />}
      </Field>
      <div className="span-2">
        <Field label={t('hearings.objection.summary')} error={form.errors.summary}>
          {(p) => (
            <textarea
              {...p}
              name="objectionSummary"
              rows={2}
              value={values.summary}
              onChange={(e) => setValues({ ...values, summary: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('hearings.objection.save')}
        </button>
      </div>
    </form>
  );
}
