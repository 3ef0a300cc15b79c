/**
 * Validation of a CalendarYear: for the data files in resources/calendar and for the Settings editor.
 * Beyond the shape it checks the facts the working-day computation relies on: every date belongs to
 * the year, moved days off are weekdays, decree working days are weekends, and no day is both a day
 * off and a working day.
 */
import { z } from 'zod';
import { BOUNDS } from '../validation';
import { isIsoDate, weekdayOf } from './isoDate';
import type { CalendarYear } from './types';

export const isoDateSchema = z
  .string({ message: 'validation.date' })
  .max(BOUNDS.date, 'validation.date')
  .refine(isIsoDate, { message: 'validation.date' });

/** Calendars travel in bundles and backups, so every string and list is bounded (issue 14 C9). */
const text = z.string({ message: 'validation.required' }).trim().min(1, 'validation.required').max(BOUNDS.title, 'validation.tooLong');

/** A year has 366 days at most: no list of its days can be longer. */
const days = z.array(z.lazy(() => calendarDaySchema)).max(366, 'validation.tooLong');

export const calendarDaySchema = z.strictObject({
  date: isoDateSchema,
  nameKk: text,
  nameRu: text,
  source: text.optional(),
});

/**
 * Messages are i18n keys (shared/validation.ts): validation.required, validation.date and these.
 * validation.calendar.{year, notInYear, weekendDayOff, alreadyHoliday, duplicate, notWeekend, conflict}
 */
export const CALENDAR_MESSAGES = {
  year: 'validation.calendar.year',
  notInYear: 'validation.calendar.notInYear',
  weekendDayOff: 'validation.calendar.weekendDayOff',
  alreadyHoliday: 'validation.calendar.alreadyHoliday',
  duplicate: 'validation.calendar.duplicate',
  notWeekend: 'validation.calendar.notWeekend',
  conflict: 'validation.calendar.conflict',
} as const;
const YEAR = CALENDAR_MESSAGES.year;

type DayList = 'holidays' | 'extraDaysOff' | 'workingWeekends';

export const calendarYearSchema = z
  .strictObject({
    year: z.number({ message: YEAR }).int(YEAR).min(1000, YEAR).max(9999, YEAR),
    holidays: days,
    extraDaysOff: days,
    workingWeekends: days,
    verified: z.boolean(),
    note: z.string().trim().min(1, 'validation.required').max(BOUNDS.freeText, 'validation.tooLong').optional(),
  })
  .superRefine((cal, ctx) => {
    const issue = (list: DayList, index: number, message: string): void => {
      ctx.addIssue({ code: 'custom', path: [list, index, 'date'], message });
    };
    const lists: readonly DayList[] = ['holidays', 'extraDaysOff', 'workingWeekends'];
    for (const list of lists) {
      cal[list].forEach((d, i) => {
        if (!d.date.startsWith(`${String(cal.year).padStart(4, '0')}-`)) {
          issue(list, i, CALENDAR_MESSAGES.notInYear);
        }
      });
    }

    const holidayDates = new Set(cal.holidays.map((d) => d.date));
    const offDates = new Set<string>(holidayDates);
    const seenExtra = new Set<string>();
    cal.extraDaysOff.forEach((d, i) => {
      const w = weekdayOf(d.date);
      if (w === 0 || w === 6) issue('extraDaysOff', i, CALENDAR_MESSAGES.weekendDayOff);
      if (holidayDates.has(d.date)) issue('extraDaysOff', i, CALENDAR_MESSAGES.alreadyHoliday);
      if (seenExtra.has(d.date)) issue('extraDaysOff', i, CALENDAR_MESSAGES.duplicate);
      seenExtra.add(d.date);
      offDates.add(d.date);
    });

    const seenWorking = new Set<string>();
    cal.workingWeekends.forEach((d, i) => {
      const w = weekdayOf(d.date);
      if (w !== undefined && w !== 0 && w !== 6) issue('workingWeekends', i, CALENDAR_MESSAGES.notWeekend);
      if (offDates.has(d.date)) issue('workingWeekends', i, CALENDAR_MESSAGES.conflict);
      if (seenWorking.has(d.date)) issue('workingWeekends', i, CALENDAR_MESSAGES.duplicate);
      seenWorking.add(d.date);
    });
  });

// Compile-time guarantee that the schema and the CalendarYear interface describe the same data.
type SchemaData = z.infer<typeof calendarYearSchema>;
const _schemaMatchesType: (v: SchemaData) => CalendarYear = (v) => v;
const _typeMatchesSchema: (v: CalendarYear) => SchemaData = (v) => v;
void _schemaMatchesType;
void _typeMatchesSchema;
