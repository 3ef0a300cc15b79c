import { describe, expect, it } from 'vitest';
import kz2025 from '../../../../resources/calendar/kz-2025.json';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import kz2027 from '../../../../resources/calendar/kz-2027.json';
import type { CalendarYear } from '@shared/calendar/types';
import {
  addWorkingDays,
  createWorkingCalendar,
  statutoryCalendarYear,
  workingDaysLeft,
  type WorkingCalendar,
} from '@shared/calendar/workingDays';

// The shipped tables: 2025 includes the decree transfer Sun 05.01 -> Fri 03.01.
const shipped: CalendarYear[] = [kz2025, kz2026, kz2027];
const cal = createWorkingCalendar(shipped);

const working = (c: WorkingCalendar, date: string): boolean | string => {
  const r = c.isWorkingDay(date);
  return r.ok ? r.value : r.error.code;
};

describe('isWorkingDay', () => {
  it('covers exactly the given years', () => {
    expect(cal.years).toEqual([2025, 2026, 2027]);
  });

  it('Monday-Friday work, Saturday and Sunday do not', () => {
    expect(working(cal, '2025-02-10')).toBe(true); // Mon
    expect(working(cal, '2025-02-14')).toBe(true); // Fri
    expect(working(cal, '2025-02-15')).toBe(false); // Sat
    expect(working(cal, '2025-02-16')).toBe(false); // Sun
  });

  it('8 Mar 2025 is a Saturday: the day off moves to Monday 10 Mar', () => {
    expect(working(cal, '2025-03-08')).toBe(false);
    expect(working(cal, '2025-03-10')).toBe(false);
    expect(working(cal, '2025-03-11')).toBe(true);
  });

  it('Nauryz 2025 (Fri 21, Sat 22, Sun 23): 22 and 23 move to Mon 24 and Tue 25', () => {
    expect(['2025-03-20', '2025-03-21', '2025-03-24', '2025-03-25', '2025-03-26'].map((d) => working(cal, d))).toEqual([
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it('religious holidays do not move: Kurban ait 2027 on Sunday 16 May leaves Monday 17 May working', () => {
    expect(working(cal, '2027-05-16')).toBe(false);
    expect(working(cal, '2027-05-17')).toBe(true);
  });

  it('applies the 2025 decree transfer: Sunday 5 Jan works, Friday 3 Jan is off', () => {
    expect(working(cal, '2025-01-03')).toBe(false);
    expect(working(cal, '2025-01-04')).toBe(false);
    expect(working(cal, '2025-01-05')).toBe(true);
    expect(working(cal, '2025-01-06')).toBe(true);
    expect(working(cal, '2025-01-07')).toBe(false); // Orthodox Christmas
  });

  it('reports a year that is not covered and a malformed or impossible date', () => {
    expect(cal.isWorkingDay('2024-06-03')).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2024 } });
    expect(cal.isWorkingDay('2028-01-03')).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2028 } });
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-5', '05.01.2025', '', '2025-01-05T00:00:00Z']) {
      expect(cal.isWorkingDay(bad)).toEqual({ ok: false, error: { code: 'invalid-date', date: bad } });
    }
  });

  it('a later table for the same year replaces the earlier one (an office edit)', () => {
    const edited: CalendarYear = {
      ...kz2026,
      workingWeekends: [{ date: '2026-03-28', nameKk: 'Жұмыс күні', nameRu: 'Рабочий день', source: 'test' }],
      extraDaysOff: [...kz2026.extraDaysOff, { date: '2026-03-26', nameKk: 'Демалыс', nameRu: 'Выходной', source: 'test' }],
    };
    const c = createWorkingCalendar([...shipped, edited]);
    expect(c.years).toEqual([2025, 2026, 2027]);
    expect(working(c, '2026-03-28')).toBe(true);
    expect(working(c, '2026-03-26')).toBe(false);
    expect(working(cal, '2026-03-28')).toBe(false);
  });

  it('is not shifted by the local time zone (UTC arithmetic only)', () => {
    // The process time zone is whatever the machine has; the answers are the same for every zone
    // because no local Date method is used. Check a run of days whose weekday is known.
    const days = ['2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05', '2025-04-06'];
    expect(days.map((d) => working(cal, d))).toEqual([true, true, true, true, true, false, false]);
  });
});

describe('addWorkingDays', () => {
  it('crosses a weekend: 3 working days from Thursday 13 Feb 2025 end on Tuesday 18 Feb', () => {
    // Fri 14 (1), Sat/Sun skipped, Mon 17 (2), Tue 18 (3).
    expect(addWorkingDays(cal, '2025-02-13', 3)).toEqual({ ok: true, value: '2025-02-18' });
  });

  it('spans Nauryz 2025: 5 working days from Wednesday 19 Mar end on Monday 31 Mar', () => {
    // The 19th (the event) is not counted. Thu 20 (1); Fri 21 Nauryz; Sat 22, Sun 23 Nauryz on a weekend;
    // Mon 24 and Tue 25 are the days off moved from 22 and 23; Wed 26 (2), Thu 27 (3), Fri 28 (4);
    // Sat 29, Sun 30 weekend; Mon 31 (5).
    expect(addWorkingDays(cal, '2025-03-19', 5)).toEqual({ ok: true, value: '2025-03-31' });
  });

  it('crosses 1, 7 and 9 May 2025: 5 working days from Wednesday 30 Apr end on Monday 12 May', () => {
    // Thu 1 May holiday; Fri 2 (1); weekend; Mon 5 (2), Tue 6 (3); Wed 7 holiday; Thu 8 (4);
    // Fri 9 holiday; weekend; Mon 12 (5).
    expect(addWorkingDays(cal, '2025-04-30', 5)).toEqual({ ok: true, value: '2025-05-12' });
  });

  it('skips the day moved from 8 Mar 2025: 1 working day from Friday 7 Mar is Tuesday 11 Mar', () => {
    expect(addWorkingDays(cal, '2025-03-07', 1)).toEqual({ ok: true, value: '2025-03-11' });
  });

  it('counts a decree working Sunday: 1 working day from 2 Jan 2025 is Sunday 5 Jan', () => {
    expect(addWorkingDays(cal, '2025-01-02', 1)).toEqual({ ok: true, value: '2025-01-05' });
  });

  it('starts counting on the next working day when the event falls on a day off', () => {
    // Accepted Saturday 15 Feb 2025: Mon 17 (1), Tue 18 (2).
    expect(addWorkingDays(cal, '2025-02-15', 2)).toEqual({ ok: true, value: '2025-02-18' });
  });

  it('crosses a year boundary inside the covered years, skipping 1-2 Jan and the moved 2 Jan 2027', () => {
    // From Wed 30 Dec 2026: Thu 31 (1); Fri 1 Jan 2027 holiday; Sat 2 Jan holiday on a weekend; Sun 3;
    // Mon 4 Jan is the day off moved from Sat 2 Jan; Tue 5 (2); Wed 6 (3); Thu 7 Orthodox Christmas; Fri 8 (4).
    expect(addWorkingDays(cal, '2026-12-30', 4)).toEqual({ ok: true, value: '2027-01-08' });
  });

  it('the 17-working-day term of medical-social placement accepted 2 Mar 2026 ends 31 Mar 2026', () => {
    // March 2026 days off: 8 Mar is a Sunday -> Mon 9 off; Nauryz Sat 21, Sun 22, Mon 23 -> Tue 24, Wed 25 off.
    // Working days after Mon 2: 3-6 (4), 10-13 (8), 16-20 (13), Thu 26, Fri 27 (15), Mon 30 (16), Tue 31 (17).
    expect(addWorkingDays(cal, '2026-03-02', 17)).toEqual({ ok: true, value: '2026-03-31' });
  });

  it('n = 0 returns the start unchanged, even a day off', () => {
    expect(addWorkingDays(cal, '2025-03-22', 0)).toEqual({ ok: true, value: '2025-03-22' });
    expect(addWorkingDays(cal, '2025-02-30', 0)).toEqual({ ok: false, error: { code: 'invalid-date', date: '2025-02-30' } });
  });

  it('negative n mirrors: the |n|th working day before the start', () => {
    expect(addWorkingDays(cal, '2025-03-31', -5)).toEqual({ ok: true, value: '2025-03-19' });
    expect(addWorkingDays(cal, '2025-03-11', -1)).toEqual({ ok: true, value: '2025-03-07' });
    // "notify at least 3 working days before the term ends": the term ends Tue 31 Mar 2026;
    // back: Mon 30 (1), Fri 27 (2), Thu 26 (3).
    expect(addWorkingDays(cal, '2026-03-31', -3)).toEqual({ ok: true, value: '2026-03-26' });
    // Back over Nauryz 2026: from Thu 26, Wed 25 and Tue 24 (moved days off), Mon 23 (holiday) and the
    // weekend are skipped: Fri 20 (1), Thu 19 (2).
    expect(addWorkingDays(cal, '2026-03-26', -2)).toEqual({ ok: true, value: '2026-03-19' });
  });

  it('throws a RangeError for a count that is not an integer (a programming error)', () => {
    expect(() => addWorkingDays(cal, '2025-03-19', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2025-03-19', Number.NaN)).toThrow(RangeError);
  });

  it('fails with year-not-covered when the count leaves the covered years', () => {
    // Wed 29, Thu 30, Fri 31 Dec 2027 are 3 working days; the 4th would be in 2028.
    expect(addWorkingDays(cal, '2027-12-28', 3)).toEqual({ ok: true, value: '2027-12-31' });
    expect(addWorkingDays(cal, '2027-12-28', 5)).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2028 } });
    expect(addWorkingDays(cal, '2025-01-06', -2)).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2024 } });
    expect(addWorkingDays(cal, '2025-13-01', 1)).toEqual({ ok: false, error: { code: 'invalid-date', date: '2025-13-01' } });
  });

  it('an empty calendar covers nothing', () => {
    const none = createWorkingCalendar([]);
    expect(none.years).toEqual([]);
    expect(addWorkingDays(none, '2025-03-19', 1)).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2025 } });
  });
});

describe('workingDaysLeft', () => {
  it('positive before the deadline: from 19 Mar 2025 to 31 Mar 2025 is 5 (the Nauryz term)', () => {
    expect(workingDaysLeft(cal, '2025-03-19', '2025-03-31')).toEqual({ ok: true, value: 5 });
    expect(workingDaysLeft(cal, '2025-03-28', '2025-03-31')).toEqual({ ok: true, value: 1 });
  });

  it('is the inverse of addWorkingDays for a working-day deadline', () => {
    for (const [start, n] of [
      ['2025-03-19', 5],
      ['2025-04-30', 5],
      ['2026-03-02', 17],
      ['2026-12-30', 4],
    ] as const) {
      const end = addWorkingDays(cal, start, n);
      expect(end.ok).toBe(true);
      if (end.ok) expect(workingDaysLeft(cal, start, end.value)).toEqual({ ok: true, value: n });
    }
  });

  it('0 when today is the deadline', () => {
    expect(workingDaysLeft(cal, '2025-03-31', '2025-03-31')).toEqual({ ok: true, value: 0 });
    expect(workingDaysLeft(cal, '2025-03-22', '2025-03-22')).toEqual({ ok: true, value: 0 });
  });

  it('0 on the last working day before a deadline that falls on a day off', () => {
    // Deadline Saturday 29 Mar 2025, today Friday 28: no working day left in between.
    expect(workingDaysLeft(cal, '2025-03-28', '2025-03-29')).toEqual({ ok: true, value: 0 });
  });

  it('negative when overdue: working days past the deadline', () => {
    // Deadline Mon 31 Mar 2025; today Wed 2 Apr: Tue 1 and Wed 2 are past -> -2.
    expect(workingDaysLeft(cal, '2025-04-02', '2025-03-31')).toEqual({ ok: true, value: -2 });
    // Deadline Thu 20 Mar 2025; today Wed 26 Mar: 21 and 24-25 are days off, only Wed 26 counts -> -1.
    expect(workingDaysLeft(cal, '2025-03-26', '2025-03-20')).toEqual({ ok: true, value: -1 });
  });

  it('at least -1 once the deadline has passed, even on a weekend', () => {
    // Deadline Fri 28 Mar 2025; Saturday 29 is already overdue although no working day has passed.
    expect(workingDaysLeft(cal, '2025-03-29', '2025-03-28')).toEqual({ ok: true, value: -1 });
    expect(workingDaysLeft(cal, '2025-03-31', '2025-03-28')).toEqual({ ok: true, value: -1 });
    expect(workingDaysLeft(cal, '2025-04-01', '2025-03-28')).toEqual({ ok: true, value: -2 });
  });

  it('reports an uncovered year or an invalid date', () => {
    expect(workingDaysLeft(cal, '2027-12-20', '2028-01-10')).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2028 } });
    expect(workingDaysLeft(cal, '2024-12-20', '2025-01-10')).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2024 } });
    expect(workingDaysLeft(cal, 'today', '2025-01-10')).toEqual({ ok: false, error: { code: 'invalid-date', date: 'today' } });
    expect(workingDaysLeft(cal, '2025-01-10', '2025-02-29')).toEqual({ ok: false, error: { code: 'invalid-date', date: '2025-02-29' } });
  });
});

describe('leap years', () => {
  // 2028 is a leap year (not shipped; built from the rule for this test; Kurban ait date irrelevant here).
  const leap = createWorkingCalendar([...shipped, statutoryCalendarYear(2028, '2028-05-05')]);

  it('29 Feb exists in 2028 (a Tuesday, working) and not in 2027', () => {
    expect(working(leap, '2028-02-29')).toBe(true);
    expect(working(leap, '2027-02-29')).toBe('invalid-date');
    expect(working(leap, '2028-03-04')).toBe(false); // Saturday: 29 Feb shifts the weekdays of March
  });

  it('terms count 29 Feb in a leap year and go straight to 1 Mar in a common year', () => {
    // 2028: Fri 25 Feb -> Mon 28 (1), Tue 29 (2).
    expect(addWorkingDays(leap, '2028-02-25', 2)).toEqual({ ok: true, value: '2028-02-29' });
    // 2027: Fri 26 Feb -> Mon 1 Mar (1), Tue 2 Mar (2).
    expect(addWorkingDays(leap, '2027-02-26', 2)).toEqual({ ok: true, value: '2027-03-02' });
    expect(workingDaysLeft(leap, '2028-02-28', '2028-03-01')).toEqual({ ok: true, value: 2 });
  });

  it('century rule: 2000 is leap, 2100 is not', () => {
    const c = createWorkingCalendar([statutoryCalendarYear(2000, '2000-03-16'), statutoryCalendarYear(2100, '2100-11-01')]);
    expect(working(c, '2000-02-29')).toBe(true); // Tuesday
    expect(working(c, '2100-02-29')).toBe('invalid-date');
    expect(addWorkingDays(c, '2000-02-28', 1)).toEqual({ ok: true, value: '2000-02-29' });
    expect(addWorkingDays(c, '2100-02-26', 1)).toEqual({ ok: true, value: '2100-03-01' }); // Fri 26 Feb -> Mon 1 Mar
  });
});
