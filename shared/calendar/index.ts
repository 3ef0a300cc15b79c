export type { CalendarDay, CalendarYear, IsoDate } from './types';
export { addWorkingDays, createWorkingCalendar, workingDaysLeft, type CalendarError, type WorkingCalendar } from './workingDays';
export {
  FIXED_HOLIDAYS,
  KURBAN_AIT_NAMES,
  statutoryCalendarYear,
  tryStatutoryCalendarYear,
  type StatutoryError,
  type StatutoryHoliday,
  type StatutoryOptions,
} from './statutory';
export { CALENDAR_MESSAGES, calendarDaySchema, calendarYearSchema, isoDateSchema } from './schema';
export { applyDecreeTransfers, buildCalendarYear, KZ_CALENDAR_INPUTS, type CalendarYearInput, type DecreeTransfer } from './decrees';
export { addCalendarDays, formatIsoDate, isIsoDate, isLeapYear, parseIsoDate, weekdayOf, type DateParts } from './isoDate';
