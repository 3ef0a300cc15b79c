import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedHearingMethods, type Hearing, type ServiceApplication } from '@shared/hearings';
import type { ServiceRule } from '@shared/rules';
import { useServices } from '../../core/services';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { TimeField } from '../../ui/TimeField';
import { formatDate, todayIso } from '../../ui/format';
import { CitationNote, useMethodLabel } from './common';
import type { SetDraft } from './draft';
import { MessageLine, useStepSubmit } from './forms';
import { recordHearingOutcome, scheduleHearing } from './repository';
import { hearingDateErrors } from './timeline';

interface Props {
  app: ServiceApplication;
  service: ServiceRule;
  hearing: Hearing | null;
  setDraft: SetDraft;
  onPrint(): void;
}

/** The hearing: planned (or moved) in a form, then shown with "held" / "did not come". */
export function HearingCard({ app, service, hearing, setDraft, onPrint }: Props) {
  const { t } = useTranslation();
  const { db } = useServices();
  const methodLabel = useMethodLabel();
  const [editing, setEditing] = useState(hearing === null);
  const hearingId = hearing?.id ?? '';
  const held = useStepSubmit((ctx) => recordHearingOutcome(db, ctx, hearingId, 'held'));
  const absent = useStepSubmit((ctx) => recordHearingOutcome(db, ctx, hearingId, 'applicant-absent'));

  if (editing || !hearing) {
    return app.decision ? null : (
      <HearingForm app={app} service={service} hearing={hearing} setDraft={setDraft} onDone={() => setEditing(false)} />
    );
  }
  const busy = held.busy || absent.busy;
  return (
    <div className="card" data-testid="hearing-card">
      <h2>{t('hearings.hearing.title')}</h2>
      <MessageLine message={held.message ?? absent.message} />
      <dl className="facts">
        <dt>{t('hearings.hearing.dateTime')}</dt>
        <dd>
          {formatDate(hearing.date)} {hearing.time}
        </dd>
        <dt>{t('hearings.hearing.method')}</dt>
        <dd>{methodLabel(service, hearing.method)}</dd>
        <dt>{t('hearings.hearing.place')}</dt>
        <dd>{hearing.place}</dd>
        <dt>{t('hearings.hearing.participants')}</dt>
        <dd className="prewrap">{hearing.participants || t('common.none')}</dd>
        <dt>{t('hearings.status')}</dt>
        <dd data-testid="hearing-status">{t(`hearings.hearingStatuses.${hearing.status}`)}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={onPrint}>
          {t('hearings.hearing.printNotice')}
        </button>
        {hearing.status === 'scheduled' && !app.decision ? (
          <>
            <button type="button" onClick={() => setEditing(true)}>
              {t('hearings.hearing.change')}
            </button>
            {app.notice ? (
              <>
                <button type="button" className="primary" disabled={busy} onClick={() => held.run()}>
                  {t('hearings.hearing.held')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    if (window.confirm(t('hearings.hearing.absentConfirm'))) absent.run();
                  }}
                >
                  {t('hearings.hearing.absent')}
                </button>
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

function HearingForm({ app, service, hearing, setDraft, onDone }: Omit<Props, 'onPrint'> & { onDone(): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const methodLabel = useMethodLabel();
  const methods = allowedHearingMethods(service.hearing);
  const [values, setValues] = useState({
    date: hearing?.date ?? '',
    time: hearing?.time ?? '10:00',
    method: hearing?.method ?? methods[0] ?? '',
    place: hearing?.place ?? '',
    participants: hearing?.participants ?? '',
  });
  const form = useStepSubmit((ctx) => scheduleHearing(db, ctx, app.id, values, hearing?.id), {
    onOk: () => {
      setDraft({ hearingDate: undefined });
      onDone();
    },
  });
  const set = (k: keyof typeof values, v: string) => setValues((s) => ({ ...s, [k]: v }));
  // Issue 16 point 2, said as the date is typed: not before the preliminary decision (the write's own check) nor
  // before the application (000 L47).
  const preliminaryDate = app.preliminary?.date ?? '';
  const live: Partial<Record<string, string>> =
    values.date && values.date < preliminaryDate
      ? { date: 'hearings.validation.beforePreliminary' }
      : hearingDateErrors({ applicationDate: app.registrationDate, hearingDate: values.date }, { hearingDate: 'date' }, todayIso());

  return (
    <form
      className="card form-grid"
      noValidate
      aria-labelledby="hearing-title"
      onSubmit={(e) => {
        e.preventDefault();
        form.run();
      }}
    >
      <h2 id="hearing-title" className="span-2">
        {t('hearings.hearing.title')}
      </h2>
      <div className="span-2">
        <MessageLine message={form.message} />
      </div>
      <Field label={t('hearings.hearing.date')} error={live.date ?? form.errors.date} required>
        {(p) => (
          <DateField
            {...p}
            name="hearingDate"
            value={values.date}
            onChange={(iso) => {
              set('date', iso);
              setDraft({ hearingDate: iso || null });
            }}
          />
        )}
      </Field>
      <Field label={t('hearings.hearing.time')} error={form.errors.time} required>
        {(p) => <TimeField {...p} name="hearingTime" value={values.time} onChange={(time) => set('time', time)} />}
      </Field>
      <Field label={t('hearings.hearing.method')} error={form.errors.method} required>
        {(p) => (
          <select {...p} name="method" value={values.method} onChange={(e) => set('method', e.target.value)}>
            {methods.map((m) => (
              <option key={m} value={m}>
                {methodLabel(service, m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.hearing.place')} error={form.errors.place} hint={t('hearings.hearing.placeHint')} required>
        {(p) => <input {...p} name="place" value={values.place} onChange={(e) => set('place', e.target.value)} />}
      </Field>
      <div className="span-2">
        <Field label={t('hearings.hearing.participants')} error={form.errors.participants}>
          {(p) => (
            <textarea
              {...p}
              name="participants"
              rows={2}
              value={values.participants}
              onChange={(e) => set('participants', e.target.value)}
            />
          )}
        </Field>
      </div>
      {service.hearing.kind === 'decision-date' ? (
        <p className="span-2 muted">
          {t('hearings.hearing.modesFromSeed')} <CitationNote citation={service.hearing.modesCitation} />
        </p>
      ) : null}
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {hearing ? t('hearings.hearing.saveChange') : t('hearings.hearing.schedule')}
        </button>
        {hearing ? (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
