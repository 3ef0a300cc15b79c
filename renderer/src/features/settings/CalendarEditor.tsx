import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { statutoryCalendarYear, type CalendarDay, type CalendarYear } from '@shared/calendar';
import { useCan } from '../../core/permissions';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { listCalendarYears, saveCalendarYear } from '../../db/repositories/reference';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { nextTabIndex } from '../../ui/focus';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { recomputeOpenDeadlines } from '../complaints';

type DayList = 'holidays' | 'extraDaysOff' | 'workingWeekends';
const LISTS: readonly DayList[] = ['holidays', 'extraDaysOff', 'workingWeekends'];

/**
 * Saves a year table, reloads the calendar everyone reads, and moves the deadlines of open complaints
 * registered under it (a decree's transfer of days off moves them).
 */
async function saveYear(db: QamqorDb, ctx: WriteContext, year: CalendarYear) {
  const result = await saveCalendarYear(db, ctx, year);
  if (!result.ok) return result;
  const { ruleSets, setReference } = useAppStore.getState();
  setReference(await listCalendarYears(db), ruleSets);
  await recomputeOpenDeadlines(db, ctx);
  return result;
}

/**
 * Year tables of the working-day calendar (domain guide §2): an office must be able to enter a
 * decree's transfer of days off without waiting for a new release. Only an administrator changes them
 * ('reference.edit'); everyone else reads them, with every changing control hidden or disabled.
 */
export function CalendarEditor() {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const editable = useCan('reference.edit');
  const years = useAppStore((s) => s.calendarYears);
  const [chosen, setSelected] = useState<number | null>(null);
  const selected = chosen ?? years[0]?.year ?? null;
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const save = useSubmit(saveYear, {
    onOk: (saved) => {
      setSelected(saved.year);
      setMessage({ kind: 'success', text: t('settings.yearSaved', { year: saved.year }) });
    },
    onRefused: (error) =>
      setMessage({
        kind: 'error',
        text:
          error.code === 'forbidden'
            ? t('officers.adminOnly')
            : `${t('common.fixErrors')} ${Object.entries(error.errors)
                .map(([k, v]) => `${k}: ${t(v)}`)
                .join('; ')}`,
      }),
  });
  const persist = (year: CalendarYear) => {
    if (!ctx) return;
    setMessage(null);
    save.run(db, ctx, year);
  };
  const year = years.find((c) => c.year === selected) ?? null;

  return (
    <div className="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('settings.calendar')}</h2>
      <p className="muted">{t('settings.calendarIntro')}</p>
      {!editable ? <Notice kind="info">{t('officers.adminOnly')}</Notice> : null}
      {save.failure ? <Notice kind="error">{t('common.unexpected', { detail: save.failure })}</Notice> : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <YearTabs years={years.map((y) => y.year)} verified={years.map((y) => y.verified)} selected={selected} onSelect={setSelected} />
      {/* Keyed by the year and its stored content: a saved or switched year starts a fresh draft. */}
      {year ? (
        <div role="tabpanel" id={`calendar-panel-${year.year}`} aria-labelledby={`calendar-tab-${year.year}`}>
          <YearEditor key={`${year.year}:${JSON.stringify(year)}`} year={year} editable={editable} busy={save.busy} onSave={persist} />
        </div>
      ) : null}
      {editable ? <AddYearForm existing={years.map((y) => y.year)} onAdd={persist} /> : null}
    </div>
  );
}

/**
 * The year tabs (WAI-ARIA tabs pattern, issue 16 point 5): one tab stop, the arrow keys, Home and
 * End move between years and show the year at once.
 */
function YearTabs(props: { years: number[]; verified: boolean[]; selected: number | null; onSelect(year: number): void }) {
  const { t } = useTranslation();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = Math.max(0, props.years.indexOf(props.selected ?? NaN));
    const next = nextTabIndex(e.key, current, props.years.length);
    const year = next === null ? undefined : props.years[next];
    if (year === undefined) return;
    e.preventDefault();
    props.onSelect(year);
    e.currentTarget.querySelector<HTMLButtonElement>(`#calendar-tab-${year}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={t('settings.year')} onKeyDown={onKeyDown}>
      {props.years.map((y, i) => (
        <button
          key={y}
          id={`calendar-tab-${y}`}
          type="button"
          role="tab"
          aria-selected={props.selected === y}
          aria-controls={props.selected === y ? `calendar-panel-${y}` : undefined}
          tabIndex={props.selected === y ? 0 : -1}
          className={props.selected === y ? 'active' : ''}
          onClick={() => props.onSelect(y)}
        >
          {y} <span aria-hidden="true">{props.verified[i] ? '✓' : '!'}</span>
          <span className="visually-hidden">{t(props.verified[i] ? 'settings.verifiedMark' : 'settings.unverifiedMark')}</span>
        </button>
      ))}
    </div>
  );
}

/** One year's days off and transferred working days, edited as a draft until saved. */
function YearEditor(props: { year: CalendarYear; editable: boolean; busy: boolean; onSave(year: CalendarYear): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CalendarYear>(() => structuredClone(props.year));

  function removeDay(list: DayList, date: string) {
    if (!window.confirm(t('settings.removeConfirm', { date: formatDate(date) }))) return;
    setDraft({ ...draft, [list]: draft[list].filter((d) => d.date !== date) });
  }

  function addDay(list: DayList, day: CalendarDay) {
    const next = [...draft[list].filter((d) => d.date !== day.date), day].sort((a, b) => a.date.localeCompare(b.date));
    setDraft({ ...draft, [list]: next });
  }

  return (
    <div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.verified}
          disabled={!props.editable}
          onChange={(e) => setDraft({ ...draft, verified: e.target.checked })}
        />
        {t('settings.markVerified')}
      </label>
      {draft.note ? <p className="muted">{draft.note}</p> : null}
      {LISTS.map((list) => (
        <DayTable
          key={list}
          title={t(`settings.${list}`)}
          days={draft[list]}
          editable={props.editable}
          onRemove={(d) => removeDay(list, d)}
          onAdd={(d) => addDay(list, d)}
          year={draft.year}
        />
      ))}
      {props.editable ? (
        <button type="button" className="primary" disabled={props.busy} onClick={() => props.onSave(draft)}>
          {t('settings.saveYear')}
        </button>
      ) : null}
    </div>
  );
}

function DayTable(props: {
  title: string;
  days: CalendarDay[];
  year: number;
  /** Administrator only ('reference.edit'): otherwise the remove buttons are disabled and the add form hidden. */
  editable: boolean;
  onRemove(date: string): void;
  onAdd(day: CalendarDay): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="day-table">
      <h3>{props.title}</h3>
      <table className="grid compact">
        <thead>
          <tr>
            <th scope="col">{t('settings.date')}</th>
            <th scope="col">{t('settings.nameKk')}</th>
            <th scope="col">{t('settings.nameRu')}</th>
            <th scope="col">{t('settings.source')}</th>
            <th scope="col" aria-label={t('settings.remove')} />
          </tr>
        </thead>
        <tbody>
          {props.days.map((d) => (
            <tr key={d.date}>
              <td>{formatDate(d.date)}</td>
              <td>{d.nameKk}</td>
              <td>{d.nameRu}</td>
              <td className="muted">{d.source ?? ''}</td>
              <td>
                <button
                  type="button"
                  className="link danger"
                  disabled={!props.editable}
                  aria-label={t('settings.removeDay', { date: formatDate(d.date), name: d.nameKk })}
                  onClick={() => props.onRemove(d.date)}
                >
                  {t('settings.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.editable ? <AddDayForm year={props.year} onAdd={props.onAdd} /> : null}
    </section>
  );
}

function AddDayForm(props: { year: number; onAdd(day: CalendarDay): void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [nameKk, setNameKk] = useState('');
  const [nameRu, setNameRu] = useState('');
  const [source, setSource] = useState('');
  const valid = date.startsWith(`${props.year}-`) && nameKk.trim() !== '' && nameRu.trim() !== '';

  function add(e: FormEvent) {
    e.preventDefault();
    if (!valid) return;
    props.onAdd({ date, nameKk: nameKk.trim(), nameRu: nameRu.trim(), ...(source.trim() ? { source: source.trim() } : {}) });
    setDate('');
    setNameKk('');
    setNameRu('');
    setSource('');
  }

  return (
    <form className="inline-form" onSubmit={add}>
      <DateField aria-label={t('settings.date')} value={date} openOn={`${props.year}-01-01`} onChange={setDate} />
      <input
        aria-label={t('settings.nameKk')}
        placeholder={t('settings.nameKk')}
        value={nameKk}
        onChange={(e) => setNameKk(e.target.value)}
      />
      <input
        aria-label={t('settings.nameRu')}
        placeholder={t('settings.nameRu')}
        value={nameRu}
        onChange={(e) => setNameRu(e.target.value)}
      />
      <input
        aria-label={t('settings.source')}
        placeholder={t('settings.source')}
        value={source}
        onChange={(e) => setSource(e.target.value)}
      />
      <button type="submit" disabled={!valid}>
        {t('settings.addDay')}
      </button>
    </form>
  );
}

function AddYearForm({ existing, onAdd }: { existing: number[]; onAdd(year: CalendarYear): void }) {
  const { t } = useTranslation();
  const [year, setYear] = useState('');
  const [kurbanAit, setKurbanAit] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(e: FormEvent) {
    e.preventDefault();
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return setError('validation.year');
    if (existing.includes(y)) return setError('validation.yearExists');
    if (!kurbanAit.startsWith(`${y}-`)) return setError('validation.date');
    setError(undefined);
    onAdd(statutoryCalendarYear(y, kurbanAit));
    setYear('');
    setKurbanAit('');
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <Field label={t('settings.addYearPrompt')} error={error}>
        {(p) => <input {...p} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />}
      </Field>
      <Field label={t('settings.kurbanAit')}>{(p) => <DateField {...p} value={kurbanAit} onChange={setKurbanAit} />}</Field>
      <button type="submit">{t('settings.addYear')}</button>
    </form>
  );
}
