import { describe, expect, it } from 'vitest';
import { calendarYearSchema } from '@shared/calendar/schema';
import { statutoryCalendarYear, tryStatutoryCalendarYear } from '@shared/calendar/statutory';
import type { CalendarYear } from '@shared/calendar/types';

const dates = (days: CalendarYear['holidays']): string[] => days.map((d) => d.date);

describe('statutoryCalendarYear', () => {
  it('lists the 14 fixed holidays and Kurban ait on their statutory dates, also on weekends', () => {
    const y = statutoryCalendarYear(2025, '2025-06-06');
    expect(dates(y.holidays)).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-01-07',
      '2025-03-08',
      '2025-03-21',
      '2025-03-22',
      '2025-03-23',
      '2025-05-01',
      '2025-05-07',
      '2025-05-09',
      '2025-06-06',
      '2025-07-06',
      '2025-08-30',
      '2025-10-25',
      '2025-12-16',
    ]);
    expect(y.workingWeekends).toEqual([]);
    expect(y.verified).toBe(false);
    expect(y.note).toMatch(/decree/);
    expect(y.holidays.every((d) => d.nameKk.length > 0 && d.nameRu.length > 0)).toBe(true);
  });

  it('2025: weekend holidays move to the next working days (8 Mar Sat -> Mon 10 Mar, Nauryz 22-23 -> 24-25 Mar, ...)', () => {
    const y = statutoryCalendarYear(2025, '2025-06-06');
    expect(dates(y.extraDaysOff)).toEqual([
      '2025-03-10', // 8 Mar, Saturday
      '2025-03-24', // 22 Mar, Saturday (Mon 24 is the first working day after Nauryz)
      '2025-03-25', // 23 Mar, Sunday (the next one after 24)
      '2025-07-07', // 6 Jul, Sunday
      '2025-09-01', // 30 Aug, Saturday
      '2025-10-27', // 25 Oct, Saturday
    ]);
    expect(y.extraDaysOff[0]?.nameRu).toContain('Международный женский день');
  });

  it('2026: Nauryz on Sat 21, Sun 22, Mon 23 moves two days off to Tue 24 and Wed 25; 9 May Sat -> Mon 11', () => {
    const y = statutoryCalendarYear(2026, '2026-05-27');
    expect(dates(y.extraDaysOff)).toEqual(['2026-03-09', '2026-03-24', '2026-03-25', '2026-05-11', '2026-08-31', '2026-10-26']);
  });

  it('2027: religious holidays do not move (Kurban ait Sun 16 May); 2 Jan Sat -> Mon 4 Jan; 21 Mar Sun -> Wed 24', () => {
    const y = statutoryCalendarYear(2027, '2027-05-16');
    expect(dates(y.extraDaysOff)).toEqual(['2027-01-04', '2027-03-24', '2027-05-03', '2027-05-10']);
  });

  it('Orthodox Christmas on a weekend does not move (7 Jan 2024 was a Sunday)', () => {
    const y = statutoryCalendarYear(2024, '2024-06-16');
    expect(dates(y.extraDaysOff)).not.toContain('2024-01-08');
    // Kurban ait 16 Jun 2024 was also a Sunday and did not move either.
    expect(dates(y.extraDaysOff)).not.toContain('2024-06-17');
  });

  it('a moved day skips a weekday Kurban ait (constructed: 6 Jul on Sunday, Kurban ait on Monday 7 Jul)', () => {
    const y = statutoryCalendarYear(2025, '2025-07-07');
    expect(dates(y.extraDaysOff)).toContain('2025-07-08');
    expect(dates(y.extraDaysOff)).not.toContain('2025-07-07');
  });

  it('1-2 Jan on Saturday-Sunday move to Monday 3 and Tuesday 4 Jan (2022)', () => {
    const y = statutoryCalendarYear(2022, '2022-07-09');
    expect(dates(y.extraDaysOff).slice(0, 2)).toEqual(['2022-01-03', '2022-01-04']);
  });

  it('always produces a table that passes the schema (2000-2100)', () => {
    for (let year = 2000; year <= 2100; year += 1) {
      const kurban = `${year}-06-15`;
      const r = calendarYearSchema.safeParse(statutoryCalendarYear(year, kurban));
      expect(r.success, `year ${year}`).toBe(true);
    }
  });

  it('rejects a Kurban ait date outside the year or an invalid date', () => {
    expect(tryStatutoryCalendarYear(2025, '2026-05-27')).toEqual({
      ok: false,
      error: { code: 'kurban-not-in-year', year: 2025, date: '2026-05-27' },
    });
    expect(tryStatutoryCalendarYear(2025, '2025-02-30')).toEqual({ ok: false, error: { code: 'invalid-date', date: '2025-02-30' } });
    expect(tryStatutoryCalendarYear(25, '0025-06-06')).toEqual({ ok: false, error: { code: 'invalid-year', year: 25 } });
    expect(() => statutoryCalendarYear(2025, '2026-05-27')).toThrow(RangeError);
  });

  it('records the Kurban ait source when given', () => {
    const y = statutoryCalendarYear(2026, '2026-05-27', { kurbanAitSource: 'https://example.kz/2026' });
    expect(y.holidays.find((d) => d.date === '2026-05-27')?.source).toBe('https://example.kz/2026');
  });
});
