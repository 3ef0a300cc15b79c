import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationMethods, type NotificationMethod, type ServiceApplication } from '@shared/hearings';
import type { ServiceRule } from '@shared/rules';
import { useServices } from '../../core/services';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { CitationNote } from './common';
import { MessageLine, useStepSubmit } from './forms';
import { recordNotification } from './repository';
import { pastDateErrors } from './timeline';

/** The recorded decision, its printed notice and how the applicant was told (004 L48-51). */
export function DecisionResultCard({ app, service, onPrint }: { app: ServiceApplication; service: ServiceRule; onPrint(): void }) {
  const { t } = useTranslation();
  const d = app.decision;
  if (!d) return null;
  const rule = service.hearing;
  return (
    <div className="card" data-testid="decision-card">
      <h2>{t('hearings.decision.title')}</h2>
      <dl className="facts">
        <dt>{t('hearings.decision.outcome')}</dt>
        <dd data-testid="decision-outcome">{t(`hearings.outcomes.${d.outcome}`)}</dd>
        <dt>{t('hearings.decision.date')}</dt>
        <dd>{formatDate(d.date)}</dd>
        <dt>{t('hearings.decision.reasons')}</dt>
        <dd className="prewrap">{d.reasons || t('common.none')}</dd>
        {d.earlyReason ? (
          <>
            <dt>{t('hearings.decision.earlyReason')}</dt>
            <dd className="prewrap">{d.earlyReason}</dd>
          </>
        ) : null}
        {app.notification ? (
          <>
            <dt>{t('hearings.notification.title')}</dt>
            <dd>
              {t(`hearings.notificationMethods.${app.notification.method}`)}, {formatDate(app.notification.date)}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        <button type="button" onClick={onPrint}>
          {t('hearings.decision.print')}
        </button>
      </div>
      {!app.notification ? <NotificationForm app={app} service={service} /> : null}
      {rule.kind === 'decision-date' ? (
        <p className="muted">
          <CitationNote citation={rule.notificationCitation} />
        </p>
      ) : null}
    </div>
  );
}

function NotificationForm({ app, service }: { app: ServiceApplication; service: ServiceRule }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [values, setValues] = useState({
    method: '' as NotificationMethod | '',
    date: app.decision?.date ?? todayIso(),
    mobileRegistered: false,
  });
  const live = pastDateErrors({ date: values.date }, todayIso());
  const form = useStepSubmit((ctx) =>
    recordNotification(db, ctx, app.id, {
      method: values.method as NotificationMethod,
      date: values.date,
      mobileRegistered: values.mobileRegistered,
    }),
  );
  const rule = service.hearing;
  const smsCondition = rule.kind === 'decision-date' ? (rule.smsCondition ?? null) : null;
  const methods = notificationMethods(rule, app.channel, values.mobileRegistered);
  return (
    <form
      className="inline-form"
      noValidate
      aria-label={t('hearings.notification.title')}
      onSubmit={(e) => {
        e.preventDefault();
        form.run();
      }}
    >
      <MessageLine message={form.message} />
      {smsCondition ? (
        <label className="checkbox">
          <input
            type="checkbox"
            name="mobileRegistered"
            checked={values.mobileRegistered}
            onChange={(e) => {
              const mobileRegistered = e.target.checked;
              setValues((v) => ({ ...v, mobileRegistered, method: !mobileRegistered && v.method === 'sms' ? '' : v.method }));
            }}
          />
          {t('hearings.notification.mobileRegistered')} <CitationNote citation={smsCondition} />
        </label>
      ) : null}
      <Field label={t('hearings.notification.method')} error={form.errors.method} required>
        {(p) => (
          <select
            {...p}
            name="notificationMethod"
            value={values.method}
            onChange={(e) => setValues((v) => ({ ...v, method: e.target.value as NotificationMethod | '' }))}
          >
            <option value="">{t('common.choose')}</option>
            {methods.map((m) => (
              <option key={m} value={m}>
                {t(`hearings.notificationMethods.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.notification.date')} error={live.date ?? form.errors.date} required>
        {(p) => <DateField {...p} name="notificationDate" value={values.date} onChange={(date) => setValues((v) => ({ ...v, date }))} />}
      </Field>
      <button type="submit" disabled={form.busy}>
        {t('hearings.notification.save')}
      </button>
    </form>
  );
}
