/**
 * Arithmetic on ISO calendar dates ('YYYY-MM-DD'). Every conversion goes through UTC, so the local
 * time zone of the machine can never shift a day. Dates are handled as "day numbers": whole days
 * since 1970-01-01.
 */
import type { IsoDate } from './types';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the parts name a real day of the proleptic Gregorian calendar (years 0000-9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 0 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Splits a strict 'YYYY-MM-DD' string into parts; undefined when the format or the date is wrong. */
export function parseIsoDate(value: string): DateParts | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatIsoDate(parts: DateParts): IsoDate {
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** Whole days since 1970-01-01 (UTC). The parts must be a real date. */
export function toDayNumber(parts: DateParts): number {
  // Date.UTC maps years 0-99 to 1900-1999, so years below 100 go through setUTCFullYear.
  const ms =
    parts.year >= 100
      ? Date.UTC(parts.year, parts.month - 1, parts.day)
      : new Date(0).setUTCFullYear(parts.year, parts.month - 1, parts.day);
  return Math.round(ms / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): DateParts {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day of the week of a valid ISO date: 0 = Sunday … 6 = Saturday; undefined for an invalid date. */
export function weekdayOf(date: IsoDate): number | undefined {
  const parts = parseIsoDate(date);
  return parts ? weekdayOfDayNumber(toDayNumber(parts)) : undefined;
}

export function isWeekendDayNumber(dayNumber: number): boolean {
  const w = weekdayOfDayNumber(dayNumber);
  return w === 0 || w === 6;
}

/** The date `days` calendar days after (or before, when negative) a valid ISO date. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate | undefined {
  const parts = parseIsoDate(date);
  return parts ? formatIsoDate(fromDayNumber(toDayNumber(parts) + days)) : undefined;
}
