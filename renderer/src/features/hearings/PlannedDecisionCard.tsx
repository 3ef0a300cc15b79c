import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceApplication } from '@shared/hearings';
import { useServices } from '../../core/services';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import type { SetDraft } from './draft';
import { MessageLine, useStepSubmit } from './forms';
import { setPlannedDecisionDate } from './repository';

/** The officer's planned decision date (the anchor of the "decision date" terms, 004 L38). */
export function PlannedDecisionCard({ app, setDraft }: { app: ServiceApplication; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [date, setDate] = useState(app.plannedDecisionDate ?? '');
  const form = useStepSubmit((ctx) => setPlannedDecisionDate(db, ctx, app.id, { plannedDecisionDate: date }), {
    success: t('common.saved'),
    onOk: () => setDraft({ plannedDecisionDate: undefined }),
  });
  if (app.decision) return null;
  return (
    <form
      className="card"
      noValidate
      aria-labelledby="planned-title"
      onSubmit={(e) => {
        e.preventDefault();
        form.run();
      }}
    >
      <h2 id="planned-title">{t('hearings.planned.title')}</h2>
      <p className="muted">{t('hearings.planned.hint')}</p>
      <MessageLine message={form.message} />
      <div className="inline-form">
        <Field label={t('hearings.planned.date')} error={form.errors.plannedDecisionDate} required>
          {(p) => (
            <DateField
              {...p}
              name="plannedDecisionDate"
              value={date}
              onChange={(iso) => {
                setDate(iso);
                setDraft({ plannedDecisionDate: iso || null });
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={form.busy}>
          {t('hearings.planned.save')}
        </button>
      </div>
    </form>
  );
}
