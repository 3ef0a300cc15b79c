/**
 * Decree transfers of days off and the inputs of the shipped calendar tables (resources/calendar).
 * A shipped table is exactly `statutoryCalendarYear(year, kurbanAit)` with the listed transfers applied
 * and the verification status set; a test keeps the JSON files equal to `buildCalendarYear(input)`.
 */
import { compareCalendarDays, statutoryCalendarYear } from './statutory';
import type { CalendarYear, IsoDate } from './types';

/**
 * "Перенести выходной день с <from> на <to>": the weekend day `from` becomes a working day and the
 * weekday `to` becomes a day off.
 */
export interface DecreeTransfer {
  from: IsoDate;
  to: IsoDate;
  /** Act number and date, or the URL where the transfer was found. */
  source: string;
}

export interface CalendarYearInput {
  year: number;
  kurbanAitFirstDay: IsoDate;
  kurbanAitSource?: string;
  transfers: readonly DecreeTransfer[];
  verified: boolean;
  note: string;
}

const ddmmyyyy = (date: IsoDate): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** Adds decree transfers to a year table (a new object; the input is not changed). */
export function applyDecreeTransfers(base: CalendarYear, transfers: readonly DecreeTransfer[]): CalendarYear {
  const extraDaysOff = [...base.extraDaysOff];
  const workingWeekends = [...base.workingWeekends];
  for (const t of transfers) {
    extraDaysOff.push({
      date: t.to,
      nameKk: `Ауыстырылған демалыс күні (${ddmmyyyy(t.from)} күнінен)`,
      nameRu: `Перенесённый выходной день (с ${ddmmyyyy(t.from)})`,
      source: t.source,
    });
    workingWeekends.push({
      date: t.from,
      nameKk: `Жұмыс күні (демалыс ${ddmmyyyy(t.to)} күніне ауыстырылды)`,
      nameRu: `Рабочий день (выходной перенесён на ${ddmmyyyy(t.to)})`,
      source: t.source,
    });
  }
  return {
    ...base,
    extraDaysOff: extraDaysOff.sort(compareCalendarDays),
    workingWeekends: workingWeekends.sort(compareCalendarDays),
  };
}

/** The table of a year: statutory holidays, the weekend rule, decree transfers, verification status. */
export function buildCalendarYear(input: CalendarYearInput): CalendarYear {
  const base = statutoryCalendarYear(
    input.year,
    input.kurbanAitFirstDay,
    input.kurbanAitSource === undefined ? {} : { kurbanAitSource: input.kurbanAitSource },
  );
  return { ...applyDecreeTransfers(base, input.transfers), verified: input.verified, note: input.note };
}

const KZ_2025_JAN_ORDER =
  'Приказ Министра труда и социальной защиты населения РК о переносе выходного дня с 05.01.2025 на 03.01.2025 ' +
  '(номер и дата приказа не найдены); по сообщениям: ' +
  'https://energy-city.kz/pavlodar/kazahstanczy-poluchat-chetyre-vyhodnyh-dnya-na-novyj-god, ' +
  'https://informburodata.com/novosti/v-novyi-god-kazaxstancy-otdoxnut-cetyre-dnya-podryad';

/** Inputs of resources/calendar/kz-YYYY.json. See resources/calendar/README.md for the sources. */
export const KZ_CALENDAR_INPUTS: readonly CalendarYearInput[] = [
  {
    year: 2025,
    kurbanAitFirstDay: '2025-06-06',
    kurbanAitSource: 'https://pobipb.kz/kalendar-vyxodnyx-i-prazdnichnyx-dnej-na-2025-god',
    transfers: [{ from: '2025-01-05', to: '2025-01-03', source: KZ_2025_JAN_ORDER }],
    verified: false,
    note:
      'Not verified against the act itself. The transfer Sun 05.01.2025 -> Fri 03.01.2025 is taken from press ' +
      'reports of an order of the Minister of Labour and Social Protection (number and date not found); the ' +
      'weekend-rule moves (10.03, 24-25.03, 07.07, 01.09, 27.10) agree with the published 2025 calendar ' +
      '(pobipb.kz). Check the order on adilet.zan.kz, then set verified to true.',
  },
  {
    year: 2026,
    kurbanAitFirstDay: '2026-05-27',
    kurbanAitSource: 'https://alau.kz/perenosy-vyhodnyh-prazdnichnyj-kalendar-kazahstana-na-2026-god/',
    transfers: [],
    verified: false,
    note:
      'Not verified: no government decree on transfer of days off for 2026 was found. A report of the 2026 ' +
      'calendar published on egov.kz (alau.kz, 02.01.2026) and of the New Year days (inform.kz, 28.11.2025) ' +
      'shows only the weekend-rule moves (09.03, 24-25.03, 11.05) and no decree transfer. The decree must be ' +
      'checked.',
  },
  {
    year: 2027,
    kurbanAitFirstDay: '2027-05-16',
    transfers: [],
    verified: false,
    note:
      'Not verified: no source for 2027 was found. Statutory holidays and the weekend rule only; the government ' +
      'decree on transfer of days off for 2027 must be checked, and the Kurban ait date (16.05.2027, by the ' +
      'lunar calendar) confirmed against the announcement of the Spiritual Administration of Muslims of Kazakhstan.',
  },
];
