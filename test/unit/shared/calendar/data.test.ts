/**
 * The shipped tables in resources/calendar must equal the rule plus the listed decree transfers, so the
 * data and the rule cannot drift apart. To change a table, change KZ_CALENDAR_INPUTS (decrees.ts) and
 * regenerate the JSON from buildCalendarYear (see resources/calendar/README.md).
 */
import { describe, expect, it } from 'vitest';
import { buildCalendarYear, KZ_CALENDAR_INPUTS } from '@shared/calendar/decrees';
import { calendarYearSchema } from '@shared/calendar/schema';
import { statutoryCalendarYear } from '@shared/calendar/statutory';

const files = import.meta.glob<unknown>('../../../../resources/calendar/*.json', { eager: true, import: 'default' });
const byYear = new Map<number, unknown>(Object.entries(files).map(([path, data]) => [Number(/kz-(\d{4})\.json$/.exec(path)?.[1]), data]));

describe('resources/calendar', () => {
  it('has one kz-YYYY.json per listed year and nothing else', () => {
    expect(Object.keys(files).every((p) => /\/kz-\d{4}\.json$/.test(p))).toBe(true);
    expect([...byYear.keys()].sort()).toEqual(KZ_CALENDAR_INPUTS.map((i) => i.year).sort());
    expect([...byYear.keys()]).toEqual(expect.arrayContaining([2025, 2026, 2027]));
  });

  describe.each(KZ_CALENDAR_INPUTS.map((input) => [input.year, input] as const))('kz-%i.json', (year, input) => {
    const data = byYear.get(year);

    it('passes calendarYearSchema', () => {
      const r = calendarYearSchema.safeParse(data);
      expect(r.success ? [] : r.error.issues).toEqual([]);
    });

    it('equals statutoryCalendarYear plus the listed decree transfers', () => {
      expect(data).toEqual(buildCalendarYear(input));
    });

    it('differs from the bare rule only by the decree transfers and the verification status', () => {
      const rule = statutoryCalendarYear(year, input.kurbanAitFirstDay);
      const parsed = calendarYearSchema.parse(data);
      expect(parsed.holidays.map((d) => d.date)).toEqual(rule.holidays.map((d) => d.date));
      const decreeOff = input.transfers.map((t) => t.to);
      expect(parsed.extraDaysOff.map((d) => d.date).filter((d) => !decreeOff.includes(d))).toEqual(rule.extraDaysOff.map((d) => d.date));
      expect(parsed.workingWeekends.map((d) => d.date)).toEqual(input.transfers.map((t) => t.from).sort());
    });

    it('cites a source for every decree day and explains an unverified year', () => {
      const parsed = calendarYearSchema.parse(data);
      const decreeDates = new Set(input.transfers.flatMap((t) => [t.from, t.to]));
      for (const d of [...parsed.extraDaysOff, ...parsed.workingWeekends]) {
        if (decreeDates.has(d.date)) expect(d.source).toBeTruthy();
      }
      if (!parsed.verified) expect(parsed.note).toMatch(/must be checked|check/i);
    });
  });

  it('2025 carries the Minister of Labour transfer Sun 05.01.2025 -> Fri 03.01.2025', () => {
    const y = calendarYearSchema.parse(byYear.get(2025));
    expect(y.workingWeekends.map((d) => d.date)).toEqual(['2025-01-05']);
    expect(y.extraDaysOff.map((d) => d.date)).toContain('2025-01-03');
    expect(y.verified).toBe(false);
  });
});
