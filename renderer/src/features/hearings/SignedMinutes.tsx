import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HearingMinutes } from '@shared/hearings';
import { useServices } from '../../core/services';
import type { WriteContext } from '../../db/context';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { CitationNote } from './common';
import { MessageLine, useStepSubmit } from './forms';
import { addAddendum, addRemarks, recordFamiliarisation, type ApplicationView, type HearingsResult } from './repository';
import { pastDateErrors } from './timeline';

/**
 * Signed minutes: the signed text, then what may only be appended (addenda, the reading, remarks).
 * Each form keeps its own state; saving one never clears what is typed in another.
 */
export function SignedMinutes({ view, minutes }: { view: ApplicationView; minutes: HearingMinutes }) {
  const { t } = useTranslation();
  return (
    <>
      <Notice kind="info">
        {t('hearings.minutes.signedNotice', { date: formatDate(minutes.signedOff?.date ?? ''), by: minutes.signedOff?.by ?? '' })}
      </Notice>
      <SignedText minutes={minutes} />
      <AddendaCard minutes={minutes} />
      <ReadingCard view={view} minutes={minutes} />
      {minutes.familiarisation ? <RemarksCard view={view} minutes={minutes} /> : null}
    </>
  );
}

function SignedText({ minutes }: { minutes: HearingMinutes }) {
  const { t } = useTranslation();
  const c = minutes.content;
  const optional = (v: string) => v || t('common.none');
  return (
    <dl className="card facts" data-testid="minutes-view">
      <dt>{t('hearings.minutes.place')}</dt>
      <dd>{c.place}</dd>
      <dt>{t('hearings.minutes.dateTime')}</dt>
      <dd>
        {formatDate(c.date)}, {c.startTime}–{c.endTime}
      </dd>
      <dt>{t('hearings.minutes.body')}</dt>
      <dd>{c.body}</dd>
      <dt>{t('hearings.minutes.official')}</dt>
      <dd>{c.official}</dd>
      <dt>{t('hearings.minutes.secretary')}</dt>
      <dd>{c.secretary}</dd>
      <dt>{t('hearings.minutes.applicant')}</dt>
      <dd>
        {c.applicantName}, {t('persons.iin')} {c.applicantIin}
      </dd>
      <dt>{t('hearings.minutes.representative')}</dt>
      <dd>
        {c.representative
          ? `${c.representative.fullName}, ${t('persons.iin')} ${c.representative.iin}; ${t('hearings.minutes.powerOfAttorney')}: ${c.representative.powerOfAttorney}`
          : t('common.none')}
      </dd>
      <dt>{t('hearings.minutes.question')}</dt>
      <dd className="prewrap">{c.question}</dd>
      <dt>{t('hearings.minutes.explanations')}</dt>
      <dd className="prewrap">{optional(c.explanations)}</dd>
      <dt>{t('hearings.minutes.questionsAndAnswers')}</dt>
      <dd className="prewrap">{optional(c.questionsAndAnswers)}</dd>
      <dt>{t('hearings.minutes.statements')}</dt>
      <dd className="prewrap">{optional(c.statements)}</dd>
      <dt>{t('hearings.minutes.factsToRecord')}</dt>
      <dd className="prewrap">{optional(c.factsToRecord)}</dd>
      <dt>{t('hearings.minutes.documentsHandedIn')}</dt>
      <dd className="prewrap">{optional(c.documentsHandedIn)}</dd>
    </dl>
  );
}

/** A dated text appended to signed minutes (addendum or remark): its own state, cleared only by its own save. */
function DatedTextForm({
  label,
  names,
  labels,
  save,
}: {
  label: string;
  names: { date: string; text: string };
  labels: { date: string; text: string };
  save: (ctx: WriteContext, values: { date: string; text: string }) => Promise<HearingsResult<HearingMinutes>>;
}) {
  const [values, setValues] = useState({ date: todayIso(), text: '' });
  // Issue 16 point 2: what is wrong with a date is said as it is typed, not only on submit.
  const live = pastDateErrors({ date: values.date }, todayIso());
  const form = useStepSubmit((ctx) => save(ctx, values), { onOk: () => setValues((v) => ({ ...v, text: '' })) });
  return (
    <form
      className="form-grid"
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        form.run();
      }}
    >
      <div className="span-2">
        <MessageLine message={form.message} />
      </div>
      <Field label={labels.date} error={live.date ?? form.errors.date} required>
        {(p) => <DateField {...p} name={names.date} value={values.date} onChange={(date) => setValues((v) => ({ ...v, date }))} />}
      </Field>
      <div />
      <div className="span-2">
        <Field label={labels.text} error={form.errors.text} required>
          {(p) => (
            <textarea
              {...p}
              name={names.text}
              rows={3}
              value={values.text}
              onChange={(e) => setValues((v) => ({ ...v, text: e.target.value }))}
            />
          )}
        </Field>
      </div>
      <div className="actions span-2">
        <button type="submit" disabled={form.busy}>
          {label}
        </button>
      </div>
    </form>
  );
}

function AddendaCard({ minutes }: { minutes: HearingMinutes }) {
  const { t } = useTranslation();
  const { db } = useServices();
  return (
    <div className="card" data-testid="minutes-addenda">
      <h2>{t('hearings.minutes.addenda')}</h2>
      <p className="muted">{t('hearings.minutes.addendaHint')}</p>
      {minutes.addenda.length === 0 ? <p className="empty">{t('hearings.minutes.noAddenda')}</p> : null}
      <ol>
        {minutes.addenda.map((a) => (
          <li key={a.id}>
            <strong>{formatDate(a.date)}</strong> ({a.by}): <span className="prewrap">{a.text}</span>
          </li>
        ))}
      </ol>
      <DatedTextForm
        label={t('hearings.minutes.addAddendum')}
        names={{ date: 'addendumDate', text: 'addendumText' }}
        labels={{ date: t('hearings.minutes.addendumDate'), text: t('hearings.minutes.addendumText') }}
        save={(ctx, v) => addAddendum(db, ctx, minutes.id, v)}
      />
    </div>
  );
}

function ReadingCard({ view, minutes }: { view: ApplicationView; minutes: HearingMinutes }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [readDate, setReadDate] = useState(todayIso());
  const live = pastDateErrors({ date: readDate }, todayIso());
  const reading = useStepSubmit((ctx) => recordFamiliarisation(db, ctx, minutes.id, { date: readDate }));
  const rule = view.service?.hearing;
  return (
    <div className="card" data-testid="minutes-reading">
      <h2>{t('hearings.minutes.reading')}</h2>
      {rule?.kind === 'decision-date' ? (
        <p className="muted">
          {t('hearings.minutes.readingHint')} <CitationNote citation={rule.familiarisationCitation} />
        </p>
      ) : null}
      {minutes.familiarisation ? (
        <p>{t('hearings.minutes.readOn', { date: formatDate(minutes.familiarisation.date) })}</p>
      ) : view.application.decision ? null : (
        <form
          className="inline-form"
          noValidate
          aria-label={t('hearings.minutes.reading')}
          onSubmit={(e) => {
            e.preventDefault();
            reading.run();
          }}
        >
          <MessageLine message={reading.message} />
          <Field label={t('hearings.minutes.readDate')} error={live.date ?? reading.errors.date} required>
            {(p) => <DateField {...p} name="readDate" value={readDate} onChange={setReadDate} />}
          </Field>
          <button type="submit" disabled={reading.busy}>
            {t('hearings.minutes.recordReading')}
          </button>
        </form>
      )}
    </div>
  );
}

function RemarksCard({ view, minutes }: { view: ApplicationView; minutes: HearingMinutes }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const schedule = view.schedule;
  const remarksWindow = schedule && minutes.familiarisation ? schedule.remarksWindow : null;
  const remarksLate = new Set(schedule ? schedule.warnings.flatMap((w) => (w.code === 'remarks-late' ? [w.date] : [])) : []);
  return (
    <div className="card" data-testid="minutes-remarks">
      <h2>{t('hearings.minutes.remarks')}</h2>
      {remarksWindow ? (
        <p>
          {t('hearings.minutes.remarksWindow', { opens: formatDate(remarksWindow.opens), closes: formatDate(remarksWindow.closes.date) })}{' '}
          <CitationNote citation={remarksWindow.closes.term.citation} />
        </p>
      ) : (
        <p className="muted">{t('hearings.minutes.noRemarksTerm')}</p>
      )}
      {minutes.remarks.length === 0 ? <p className="empty">{t('hearings.minutes.noRemarks')}</p> : null}
      <ol>
        {minutes.remarks.map((r) => (
          <li key={r.id}>
            <strong>{formatDate(r.date)}</strong>: <span className="prewrap">{r.text}</span>
            {remarksLate.has(r.date) ? <span className="badge warning">{t('hearings.minutes.remarkLate')}</span> : null}
          </li>
        ))}
      </ol>
      {view.application.decision ? null : (
        <DatedTextForm
          label={t('hearings.minutes.addRemark')}
          names={{ date: 'remarkDate', text: 'remarkText' }}
          labels={{ date: t('hearings.minutes.remarkDate'), text: t('hearings.minutes.remarkText') }}
          save={(ctx, v) => addRemarks(db, ctx, minutes.id, v)}
        />
      )}
    </div>
  );
}
