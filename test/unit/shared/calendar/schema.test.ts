import { describe, expect, it } from 'vitest';
import { applyDecreeTransfers } from '@shared/calendar/decrees';
import { CALENDAR_MESSAGES, calendarYearSchema } from '@shared/calendar/schema';
import { statutoryCalendarYear } from '@shared/calendar/statutory';
import type { CalendarYear } from '@shared/calendar/types';

const base = (): CalendarYear => statutoryCalendarYear(2026, '2026-05-27');
const messages = (v: unknown): string[] => {
  const r = calendarYearSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const day = (date: string) => ({ date, nameKk: 'Күн', nameRu: 'День' });

describe('calendarYearSchema', () => {
  it('accepts a statutory year and one with a decree transfer', () => {
    expect(messages(base())).toEqual([]);
    const withDecree = applyDecreeTransfers(base(), [{ from: '2026-07-04', to: '2026-07-07', source: 'test decree' }]);
    expect(messages(withDecree)).toEqual([]);
    expect(withDecree.workingWeekends.map((d) => d.date)).toEqual(['2026-07-04']);
  });

  it('rejects a malformed or impossible date', () => {
    expect(messages({ ...base(), holidays: [day('2026-02-30')] })).toEqual(['validation.date']);
    expect(messages({ ...base(), holidays: [day('26-03-21')] })).toContain('validation.date');
  });

  it('rejects a day outside the year', () => {
    expect(messages({ ...base(), holidays: [day('2027-01-01')] })).toEqual([CALENDAR_MESSAGES.notInYear]);
  });

  it('rejects a weekend or holiday among the moved days off, and duplicates', () => {
    expect(messages({ ...base(), extraDaysOff: [day('2026-03-28')] })).toEqual([CALENDAR_MESSAGES.weekendDayOff]);
    expect(messages({ ...base(), extraDaysOff: [day('2026-03-23')] })).toEqual([CALENDAR_MESSAGES.alreadyHoliday]);
    expect(messages({ ...base(), extraDaysOff: [day('2026-03-24'), day('2026-03-24')] })).toEqual([CALENDAR_MESSAGES.duplicate]);
  });

  it('rejects a working weekend that is a weekday or also a day off', () => {
    expect(messages({ ...base(), workingWeekends: [day('2026-03-27')] })).toEqual([CALENDAR_MESSAGES.notWeekend]);
    expect(messages({ ...base(), workingWeekends: [day('2026-03-21')] })).toEqual([CALENDAR_MESSAGES.conflict]);
  });

  it('rejects empty names, unknown keys and a bad year', () => {
    expect(messages({ ...base(), holidays: [{ date: '2026-01-01', nameKk: ' ', nameRu: 'Новый год' }] })).toEqual(['validation.required']);
    expect(messages({ ...base(), holiday: [] })).not.toEqual([]);
    expect(messages({ ...base(), year: 2026.5 })).toContain(CALENDAR_MESSAGES.year);
    expect(messages({ ...base(), verified: 'yes' })).not.toEqual([]);
  });
});
