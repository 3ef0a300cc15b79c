/**
 * Typed dates and times for DateField and TimeField (issue 16 point 6): the officer types DD.MM.YYYY
 * (also D.M.YYYY, DDMMYYYY, or pastes an ISO YYYY-MM-DD) and 24-hour HH:MM whatever the browser's
 * locale; forms keep ISO `YYYY-MM-DD` and `HH:MM`. Pure functions, no DOM.
 */

/** What a typed date is: nothing yet, still being typed, a real day (its ISO form), or impossible. */
export type TypedDate = { kind: 'empty' } | { kind: 'incomplete' } | { kind: 'invalid' } | { kind: 'ok'; iso: string };

/** Years a form may hold: a typo like 0202 or 20266 is not a date an office records. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayOf(y: number, m: number, d: number): TypedDate {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { kind: 'invalid' };
  return { kind: 'ok', iso: `${y}-${pad2(m)}-${pad2(d)}` };
}

/** Reads what the officer typed or pasted. */
export function parseTypedDate(text: string): TypedDate {
  const s = text.trim();
  if (s === '') return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (iso) return dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/u.exec(s);
  if (dotted) return dayOf(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const digits = /^(\d{2})(\d{2})(\d{4})$/u.exec(s);
  if (digits) return dayOf(Number(digits[3]), Number(digits[2]), Number(digits[1]));
  // Still being typed: digits and separators that can still become DD.MM.YYYY.
  if (/^\d{1,2}([./-](\d{1,2}([./-]\d{0,3})?)?)?$/u.test(s) || /^\d{1,7}$/u.test(s)) return { kind: 'incomplete' };
  return { kind: 'invalid' };
}

/** ISO `YYYY-MM-DD` as the officer reads it, DD.MM.YYYY; anything else is shown as it is. */
export function isoToTyped(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** The ISO a form receives for the typed text: '' unless it is a real day. */
export function typedToIso(text: string): string {
  const parsed = parseTypedDate(text);
  return parsed.kind === 'ok' ? parsed.iso : '';
}

function isoParts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? MIN_YEAR, m ?? 1, d ?? 1];
}

/** The day `days` after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = isoParts(iso);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** The same day `months` later, kept inside the target month (31.01 + 1 month = 28.02 or 29.02). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = isoParts(iso);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return `${ty}-${pad2(tm)}-${pad2(Math.min(d, daysInMonth(ty, tm)))}`;
}

/**
 * The weeks of the month of `iso`, Monday first (as in Kazakhstan), each day as ISO; days of the
 * neighbouring months fill the first and last weeks.
 */
export function monthWeeks(iso: string): string[][] {
  const [y, m] = isoParts(iso);
  const first = `${y}-${pad2(m)}-01`;
  const weekday = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const start = addDays(first, -weekday);
  const weeks: string[][] = [];
  for (let day = start; weeks.length === 0 || day.slice(0, 7) === first.slice(0, 7);) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/**
 * Month names (January first) and weekday names (Monday first) from `Intl` for `lang`, or the
 * given table when the browser has no data for the language: Chromium's ICU answers Kazakh with
 * placeholders such as "M01" and "Mon".
 */
export function calendarNames(
  lang: string,
  fallback: { months: string[]; weekdays: string[]; weekdaysShort: string[] },
): { months: string[]; weekdays: string[]; weekdaysShort: string[] } {
  const format = (options: Intl.DateTimeFormatOptions, dates: number[]): string[] => {
    const f = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
    return dates.map((d) => f.format(d));
  };
  const monthDates = Array.from({ length: 12 }, (_, i) => Date.UTC(2026, i, 1));
  // 5 January 2026 is a Monday.
  const dayDates = Array.from({ length: 7 }, (_, i) => Date.UTC(2026, 0, 5 + i));
  const months = format({ month: 'long' }, monthDates);
  const weekdays = format({ weekday: 'long' }, dayDates);
  const weekdaysShort = format({ weekday: 'short' }, dayDates);
  // No data for the language: ICU falls back to placeholders ("M01") or to English ("Monday").
  const placeholder = months.some((n) => /^M\d{2}$/u.test(n)) || weekdays[0] === 'Monday';
  return placeholder ? fallback : { months, weekdays, weekdaysShort };
}

/** What a typed time is: nothing yet, still being typed, a real 24-hour time (`HH:MM`), or impossible. */
export type TypedTime = { kind: 'empty' } | { kind: 'incomplete' } | { kind: 'invalid' } | { kind: 'ok'; value: string };

/** Reads a typed 24-hour time: 9:05, 09:05, 09.05 or 0905. */
export function parseTypedTime(text: string): TypedTime {
  const s = text.trim();
  if (s === '') return { kind: 'empty' };
  const m = /^(\d{1,2})[:.](\d{2})$/u.exec(s) ?? /^(\d{2})(\d{2})$/u.exec(s);
  if (m) {
    const h = Number(m[1]);
    const min = Number(m[2]);
    return h <= 23 && min <= 59 ? { kind: 'ok', value: `${pad2(h)}:${pad2(min)}` } : { kind: 'invalid' };
  }
  if (/^\d{1,2}([:.]\d?)?$/u.test(s) || /^\d{3}$/u.test(s)) return { kind: 'incomplete' };
  return { kind: 'invalid' };
}
