import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  calendarNames,
  daysInMonth,
  isoToTyped,
  monthWeeks,
  parseTypedDate,
  parseTypedTime,
  typedToIso,
} from '../../../renderer/src/ui/dateInput';

const FALLBACK = {
  months: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  weekdays: ['дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі', 'жексенбі'],
  weekdaysShort: ['дс', 'сс', 'ср', 'бс', 'жм', 'сб', 'жс'],
};

describe('typed dates (issue 16 point 6)', () => {
  it('reads DD.MM.YYYY, D.M.YYYY, DDMMYYYY and a pasted ISO date as the same day', () => {
    for (const text of ['05.03.2026', '5.3.2026', '05032026', '2026-03-05', ' 05.03.2026 ', '5/3/2026', '05-03-2026'])
      expect(parseTypedDate(text)).toEqual({ kind: 'ok', iso: '2026-03-05' });
  });

  it('never reads the US order: 03.05.2026 is the 3rd of May', () => {
    expect(typedToIso('03.05.2026')).toBe('2026-05-03');
  });

  it('marks impossible days invalid: 31 February, 29 February of a common year, month 13, day 0, a typo year', () => {
    for (const text of ['31.02.2026', '29.02.2026', '01.13.2026', '00.01.2026', '32.01.2026', '01.01.0202', '2026-02-30'])
      expect(parseTypedDate(text)).toEqual({ kind: 'invalid' });
    expect(parseTypedDate('29.02.2028')).toEqual({ kind: 'ok', iso: '2028-02-29' });
  });

  it('tells a date still being typed from text that can never be one', () => {
    for (const text of ['0', '05', '05.', '05.03', '05.03.', '05.03.20', '0503202']) expect(parseTypedDate(text).kind).toBe('incomplete');
    for (const text of ['abc', '05.03.2026x', '2026/03', '05..03.2026']) expect(parseTypedDate(text).kind).toBe('invalid');
    expect(parseTypedDate('   ')).toEqual({ kind: 'empty' });
  });

  it('gives the form ISO or nothing, and shows ISO as DD.MM.YYYY', () => {
    expect(typedToIso('20.11.2026')).toBe('2026-11-20');
    expect(typedToIso('20.11.20')).toBe('');
    expect(typedToIso('31.11.2026')).toBe('');
    expect(isoToTyped('2026-11-20')).toBe('20.11.2026');
    expect(isoToTyped('')).toBe('');
  });
});

describe('calendar arithmetic', () => {
  it('counts the days of a month, leap years included', () => {
    expect([1, 2, 4, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 30, 31]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('moves by days across months and years, and by months keeping the day inside the month', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-20', -7)).toBe('2026-11-13');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('lays a month out in weeks from Monday, with the neighbouring days around it', () => {
    // November 2026 starts on a Sunday and ends on a Monday.
    const weeks = monthWeeks('2026-11-20');
    expect(weeks[0]).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);
    expect(weeks.at(-1)?.[0]).toBe('2026-11-30');
    expect(weeks).toHaveLength(6);
    for (const w of weeks) expect(w).toHaveLength(7);
    // February 2027 starts on a Monday: four whole weeks.
    expect(monthWeeks('2027-02-10')).toHaveLength(4);
  });
});

describe('month and weekday names', () => {
  it('Russian from Intl, January and Monday first', () => {
    const ru = calendarNames('ru', FALLBACK);
    expect(ru.months[0]).toBe('январь');
    expect(ru.months[11]).toBe('декабрь');
    expect(ru.weekdays[0]).toBe('понедельник');
    expect(ru.weekdaysShort[6]).toBe('вс');
  });

  it('the table when Intl has no data for the language (placeholders or English)', () => {
    expect(calendarNames('zz-unknown', FALLBACK)).toBe(FALLBACK);
  });
});

describe('typed 24-hour times', () => {
  it('reads 14:30, 9:05, 09.05 and 0905; never AM/PM', () => {
    expect(parseTypedTime('14:30')).toEqual({ kind: 'ok', value: '14:30' });
    expect(parseTypedTime('9:05')).toEqual({ kind: 'ok', value: '09:05' });
    expect(parseTypedTime('09.05')).toEqual({ kind: 'ok', value: '09:05' });
    expect(parseTypedTime('0905')).toEqual({ kind: 'ok', value: '09:05' });
    expect(parseTypedTime('2:30 PM').kind).toBe('invalid');
  });

  it('marks impossible times invalid and tells an unfinished one', () => {
    for (const text of ['24:00', '12:60', '25:30']) expect(parseTypedTime(text)).toEqual({ kind: 'invalid' });
    for (const text of ['1', '14', '14:', '14:3', '143']) expect(parseTypedTime(text).kind).toBe('incomplete');
    expect(parseTypedTime('')).toEqual({ kind: 'empty' });
  });
});
