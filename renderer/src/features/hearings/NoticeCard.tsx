import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_CHANNELS, type Hearing, type NoticeChannel, type ServiceApplication } from '@shared/hearings';
import { useServices } from '../../core/services';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import type { SetDraft } from './draft';
import { MessageLine, useStepSubmit } from './forms';
import { recordNotice } from './repository';
import { hearingDateErrors, pastDateErrors } from './timeline';

/** The hearing notice: recorded as sent (and received), or sent again after the hearing moved. */
export function NoticeCard({ app, hearing, setDraft }: { app: ServiceApplication; hearing: Hearing; setDraft: SetDraft }) {
  const { t } = useTranslation();
  const stale = app.notice !== null && app.notice.hearingId !== hearing.id;
  const [editing, setEditing] = useState(app.notice === null || stale);

  if (!editing && app.notice) {
    const n = app.notice;
    return (
      <div className="card" data-testid="notice-card">
        <h2>{t('hearings.notice.title')}</h2>
        <dl className="facts">
          <dt>{t('hearings.notice.sentOn')}</dt>
          <dd>{formatDate(n.sentOn)}</dd>
          <dt>{t('hearings.notice.channel')}</dt>
          <dd>{t(`hearings.noticeChannels.${n.channel}`)}</dd>
          <dt>{t('hearings.notice.receivedOn')}</dt>
          <dd>{formatDate(n.receivedOn)}</dd>
        </dl>
        {!app.decision && hearing.status === 'scheduled' ? (
          <button type="button" onClick={() => setEditing(true)}>
            {t('hearings.notice.again')}
          </button>
        ) : null}
      </div>
    );
  }
  if (app.decision) return null;
  return <NoticeForm app={app} hearing={hearing} setDraft={setDraft} onDone={() => setEditing(false)} />;
}

function NoticeForm({ app, hearing, setDraft, onDone }: { app: ServiceApplication; hearing: Hearing; setDraft: SetDraft; onDone(): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [values, setValues] = useState({ sentOn: todayIso(), channel: '' as NoticeChannel | '', receivedOn: '' });
  // Issue 16 point 2: what is wrong with a date is said as it is typed, not only on submit.
  const live = {
    ...pastDateErrors({ receivedOn: values.receivedOn }, todayIso()),
    ...hearingDateErrors({ noticeDate: values.sentOn, hearingDate: hearing.date }, { noticeDate: 'sentOn' }, todayIso()),
  };
  const form = useStepSubmit(
    (ctx) =>
      recordNotice(db, ctx, app.id, {
        hearingId: hearing.id,
        sentOn: values.sentOn,
        channel: values.channel as NoticeChannel,
        receivedOn: values.receivedOn,
      }),
    {
      onOk: () => {
        setDraft({ noticeDate: undefined, noticeReceivedDate: undefined });
        onDone();
      },
    },
  );

  return (
    <form
      className="card form-grid"
      noValidate
      aria-labelledby="notice-title"
      onSubmit={(e) => {
        e.preventDefault();
        form.run();
      }}
    >
      <h2 id="notice-title" className="span-2">
        {t('hearings.notice.title')}
      </h2>
      <p className="span-2 muted">{t('hearings.notice.hint')}</p>
      <div className="span-2">
        <MessageLine message={form.message} />
      </div>
      <Field label={t('hearings.notice.sentOn')} error={live.sentOn ?? form.errors.sentOn} required>
        {(p) => (
          <DateField
            {...p}
            name="noticeSentOn"
            value={values.sentOn}
            onChange={(iso) => {
              setValues((v) => ({ ...v, sentOn: iso }));
              setDraft({ noticeDate: iso || null });
            }}
          />
        )}
      </Field>
      <Field label={t('hearings.notice.channel')} error={form.errors.channel} required>
        {(p) => (
          <select
            {...p}
            name="noticeChannel"
            value={values.channel}
            onChange={(e) => setValues((v) => ({ ...v, channel: e.target.value as NoticeChannel | '' }))}
          >
            <option value="">{t('common.choose')}</option>
            {NOTICE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`hearings.noticeChannels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('hearings.notice.receivedOn')}
        error={live.receivedOn ?? form.errors.receivedOn}
        hint={t('hearings.notice.receivedHint')}
      >
        {(p) => (
          <DateField
            {...p}
            name="noticeReceivedOn"
            value={values.receivedOn}
            onChange={(iso) => {
              setValues((v) => ({ ...v, receivedOn: iso }));
              setDraft({ noticeReceivedDate: iso || null });
            }}
          />
        )}
      </Field>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={form.busy}>
          {t('hearings.notice.save')}
        </button>
      </div>
    </form>
  );
}
