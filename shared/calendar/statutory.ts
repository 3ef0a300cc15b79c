/**
 * The statutory part of a year's calendar: the public holidays of the Republic of Kazakhstan and the
 * weekend-transfer rule (a non-religious holiday on a Saturday or Sunday moves the day off to the next
 * working day). Government decree transfers are not part of it; see `decrees.ts`.
 */
import { formatIsoDate, fromDayNumber, isWeekendDayNumber, parseIsoDate, toDayNumber } from './isoDate';
import { err, ok, type Result } from '../result';
import type { CalendarDay, CalendarYear, IsoDate } from './types';

export interface StatutoryHoliday {
  month: number;
  day: number;
  nameKk: string;
  nameRu: string;
  /** Religious holidays (Orthodox Christmas, Kurban ait) are days off but never move. */
  religious: boolean;
}

/** Holidays with a fixed date (domain guide §2). The first day of Kurban ait is added per year. */
export const FIXED_HOLIDAYS: readonly StatutoryHoliday[] = [
  { month: 1, day: 1, nameKk: 'Жаңа жыл', nameRu: 'Новый год', religious: false },
  { month: 1, day: 2, nameKk: 'Жаңа жыл', nameRu: 'Новый год', religious: false },
  { month: 1, day: 7, nameKk: 'Православиелік Рождество', nameRu: 'Православное Рождество', religious: true },
  { month: 3, day: 8, nameKk: 'Халықаралық әйелдер күні', nameRu: 'Международный женский день', religious: false },
  { month: 3, day: 21, nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', religious: false },
  { month: 3, day: 22, nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', religious: false },
  { month: 3, day: 23, nameKk: 'Наурыз мейрамы', nameRu: 'Наурыз мейрамы', religious: false },
  { month: 5, day: 1, nameKk: 'Қазақстан халқының бірлігі мерекесі', nameRu: 'Праздник единства народа Казахстана', religious: false },
  { month: 5, day: 7, nameKk: 'Отан қорғаушы күні', nameRu: 'День защитника Отечества', religious: false },
  { month: 5, day: 9, nameKk: 'Жеңіс күні', nameRu: 'День Победы', religious: false },
  { month: 7, day: 6, nameKk: 'Астана күні', nameRu: 'День столицы', religious: false },
  {
    month: 8,
    day: 30,
    nameKk: 'Қазақстан Республикасының Конституциясы күні',
    nameRu: 'День Конституции Республики Казахстан',
    religious: false,
  },
  { month: 10, day: 25, nameKk: 'Республика күні', nameRu: 'День Республики', religious: false },
  { month: 12, day: 16, nameKk: 'Тәуелсіздік күні', nameRu: 'День Независимости', religious: false },
];

export const KURBAN_AIT_NAMES = { nameKk: 'Құрбан айттың бірінші күні', nameRu: 'Первый день Курбан айта' } as const;

/** Default `source` of the statutory entries. */
export const STATUTORY_HOLIDAY_SOURCE = 'Закон РК «О праздниках в Республике Казахстан»; Трудовой кодекс РК';
export const WEEKEND_RULE_SOURCE = 'Трудовой кодекс РК: праздник, совпавший с выходным днём, переносит выходной на следующий рабочий день';

export interface StatutoryOptions {
  /** Where the Kurban ait date comes from (e.g. the published calendar of that year). */
  kurbanAitSource?: string;
}

const ddmm = (date: IsoDate): string => `${date.slice(8, 10)}.${date.slice(5, 7)}`;
const byDate = (a: CalendarDay, b: CalendarDay): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export type StatutoryError =
  | { code: 'invalid-year'; year: number }
  | { code: 'invalid-date'; date: string }
  | { code: 'kurban-not-in-year'; year: number; date: IsoDate };

/**
 * Statutory holidays of a year with the weekend-transfer rule applied (religious holidays – 7 Jan,
 * Kurban ait – do not move). Several weekend holidays move, in date order, to successive next working
 * days: Nauryz 2026 (21 Sat, 22 Sun, 23 Mon) gives 24 and 25 Mar. A moved day never lands on a
 * weekend, a holiday or an earlier moved day. The result has `verified: false`: decree transfers are
 * not applied here.
 *
 * A year outside 1000-9999 or a Kurban ait date that is not a real date of `year` is a programming
 * error here and throws a RangeError; use `tryStatutoryCalendarYear` for input typed by a person.
 */
export function statutoryCalendarYear(year: number, kurbanAitFirstDay: IsoDate, options: StatutoryOptions = {}): CalendarYear {
  const r = tryStatutoryCalendarYear(year, kurbanAitFirstDay, options);
  if (!r.ok) throw new RangeError(`statutoryCalendarYear: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** `statutoryCalendarYear` with bad arguments reported as a value instead of thrown. */
export function tryStatutoryCalendarYear(
  year: number,
  kurbanAitFirstDay: IsoDate,
  options: StatutoryOptions = {},
): Result<CalendarYear, StatutoryError> {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return err({ code: 'invalid-year', year });
  const kurban = parseIsoDate(kurbanAitFirstDay);
  if (!kurban) return err({ code: 'invalid-date', date: kurbanAitFirstDay });
  if (kurban.year !== year) return err({ code: 'kurban-not-in-year', year, date: kurbanAitFirstDay });

  interface Entry {
    day: CalendarDay;
    dayNumber: number;
    religious: boolean;
  }
  const entries: Entry[] = FIXED_HOLIDAYS.map((h) => {
    const date = formatIsoDate({ year, month: h.month, day: h.day });
    return {
      day: { date, nameKk: h.nameKk, nameRu: h.nameRu, source: STATUTORY_HOLIDAY_SOURCE },
      dayNumber: toDayNumber({ year, month: h.month, day: h.day }),
      religious: h.religious,
    };
  });
  entries.push({
    day: {
      date: kurbanAitFirstDay,
      ...KURBAN_AIT_NAMES,
      source: options.kurbanAitSource ?? STATUTORY_HOLIDAY_SOURCE,
    },
    dayNumber: toDayNumber(kurban),
    religious: true,
  });
  entries.sort((a, b) => a.dayNumber - b.dayNumber);

  const holidayDays = new Set(entries.map((e) => e.dayNumber));
  const taken = new Set<number>();
  const extraDaysOff: CalendarDay[] = [];
  for (const e of entries) {
    if (e.religious || !isWeekendDayNumber(e.dayNumber)) continue;
    let d = e.dayNumber + 1;
    while (isWeekendDayNumber(d) || holidayDays.has(d) || taken.has(d)) d += 1;
    taken.add(d);
    extraDaysOff.push({
      date: formatIsoDate(fromDayNumber(d)),
      nameKk: `Ауыстырылған демалыс күні (${e.day.nameKk}, ${ddmm(e.day.date)})`,
      nameRu: `Перенесённый выходной день (${e.day.nameRu}, ${ddmm(e.day.date)})`,
      source: WEEKEND_RULE_SOURCE,
    });
  }

  return ok({
    year,
    holidays: entries.map((e) => e.day).sort(byDate),
    extraDaysOff: extraDaysOff.sort(byDate),
    workingWeekends: [],
    verified: false,
    note: `Statutory holidays and the weekend-transfer rule only; the government decree on transfer of days off for ${year} is not applied and must be checked.`,
  });
}

export { byDate as compareCalendarDays };
