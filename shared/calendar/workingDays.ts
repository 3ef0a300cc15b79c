/**
 * Working days (domain guide §2): Monday-Friday, minus public holidays and days off moved by the
 * weekend rule or by decree, plus weekend days made working by decree. The calendar covers only the
 * years it was given; asking about any other year is an error, never a guess.
 *
 * Counting (the seeds: "the day of acceptance is not counted"): a term of N working days starts on the
 * working day after the starting event and ends at the end of the Nth working day.
 */
import { err, ok, type Result } from '../result';
import { formatIsoDate, fromDayNumber, isWeekendDayNumber, parseIsoDate, toDayNumber } from './isoDate';
import type { CalendarYear, IsoDate } from './types';

export { statutoryCalendarYear } from './statutory';

export type CalendarError = { code: 'year-not-covered'; year: number } | { code: 'invalid-date'; date: string };

export interface WorkingCalendar {
  isWorkingDay(date: IsoDate): Result<boolean, CalendarError>;
  /** The covered years, ascending. */
  years: readonly number[];
}

/**
 * Builds a calendar from year tables. When a year is given twice the later table replaces the earlier
 * one, so an office's edited table can be passed after the shipped one. Entries whose date lies outside
 * their table's year are ignored (calendarYearSchema rejects them). A day that is both a day off and a
 * decree working day is a day off.
 */
export function createWorkingCalendar(years: readonly CalendarYear[]): WorkingCalendar {
  const byYear = new Map<number, CalendarYear>();
  for (const y of years) byYear.set(y.year, y);

  const daysOff = new Set<number>();
  const workingWeekends = new Set<number>();
  for (const [year, table] of byYear) {
    const add = (set: Set<number>, date: IsoDate): void => {
      const parts = parseIsoDate(date);
      if (parts && parts.year === year) set.add(toDayNumber(parts));
    };
    for (const d of table.holidays) add(daysOff, d.date);
    for (const d of table.extraDaysOff) add(daysOff, d.date);
    for (const d of table.workingWeekends) add(workingWeekends, d.date);
  }

  const covered = [...byYear.keys()].sort((a, b) => a - b);
  const coveredSet = new Set(covered);

  const check = (dayNumber: number): Result<boolean, CalendarError> => {
    const { year } = fromDayNumber(dayNumber);
    if (!coveredSet.has(year)) return err({ code: 'year-not-covered', year });
    if (daysOff.has(dayNumber)) return ok(false);
    if (workingWeekends.has(dayNumber)) return ok(true);
    return ok(!isWeekendDayNumber(dayNumber));
  };

  return {
    years: Object.freeze(covered),
    isWorkingDay(date) {
      const parts = parseIsoDate(date);
      if (!parts) return err({ code: 'invalid-date', date });
      return check(toDayNumber(parts));
    },
  };
}

/** Asks the calendar about a day number (any WorkingCalendar works, including test fakes). */
function isWorkingDayNumber(cal: WorkingCalendar, dayNumber: number): Result<boolean, CalendarError> {
  return cal.isWorkingDay(formatIsoDate(fromDayNumber(dayNumber)));
}

function toDay(date: IsoDate): Result<number, CalendarError> {
  const parts = parseIsoDate(date);
  return parts ? ok(toDayNumber(parts)) : err({ code: 'invalid-date', date });
}

/**
 * Term of n working days starting after `start` (the start day itself is not counted); returns the Nth
 * working day. `start` may be any day, working or not (an application accepted on a Saturday starts
 * its term on Monday).
 * - n = 0: returns `start` unchanged (after checking it is a valid date).
 * - n < 0: the mirror image, the |n|th working day before `start` (start not counted). It answers
 *   "at least 3 working days before the term ends": addWorkingDays(cal, termEnd, -3).
 * - A non-integer n is a programming error and throws a RangeError (rule sets store whole days).
 * Fails with `year-not-covered` as soon as the count reaches a year the calendar does not cover.
 */
export function addWorkingDays(cal: WorkingCalendar, start: IsoDate, n: number): Result<IsoDate, CalendarError> {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
  const s = toDay(start);
  if (!s.ok) return s;
  if (n === 0) return ok(start);
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let d = s.value;
  while (remaining > 0) {
    d += step;
    const w = isWorkingDayNumber(cal, d);
    if (!w.ok) return w;
    if (w.value) remaining -= 1;
  }
  return ok(formatIsoDate(fromDayNumber(d)));
}

/**
 * Working days from `today` (exclusive) up to `deadline` (inclusive); 0 when today is the deadline;
 * negative when overdue (count of working days past).
 * - today < deadline: the number of working days in (today, deadline]; 0 means today is the last
 *   working day before a deadline that falls on a day off.
 * - today > deadline: minus the number of working days in (deadline, today], but at least -1: the day
 *   after the deadline is overdue even when it is a weekend. So a result is negative exactly when the
 *   deadline has passed.
 * When the deadline is a working day and today is before it, addWorkingDays(cal, today, result) is the
 * deadline again.
 */
export function workingDaysLeft(cal: WorkingCalendar, today: IsoDate, deadline: IsoDate): Result<number, CalendarError> {
  const t = toDay(today);
  if (!t.ok) return t;
  const dl = toDay(deadline);
  if (!dl.ok) return dl;
  if (t.value === dl.value) return ok(0);
  const [from, to] = t.value < dl.value ? [t.value, dl.value] : [dl.value, t.value];
  let count = 0;
  for (let d = from + 1; d <= to; d += 1) {
    const w = isWorkingDayNumber(cal, d);
    if (!w.ok) return w;
    if (w.value) count += 1;
  }
  return ok(t.value < dl.value ? count : -Math.max(1, count));
}
