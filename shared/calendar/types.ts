/** A calendar date 'YYYY-MM-DD' with no time and no time zone. */
export type IsoDate = string;

/** One dated entry of a year's calendar table, with its names in Kazakh and Russian. */
export interface CalendarDay {
  date: IsoDate;
  nameKk: string;
  nameRu: string;
  /** Where the entry comes from: act and number, decree date, or URL. */
  source?: string;
}

/** One year of the working-day calendar of the Republic of Kazakhstan (domain guide §2). */
export interface CalendarYear {
  year: number;
  /** Public holidays on their statutory dates (also when they fall on a weekend). */
  holidays: CalendarDay[];
  /** Weekdays that are days off: moved by the weekend rule or by decree. */
  extraDaysOff: CalendarDay[];
  /** Saturdays/Sundays made working days by decree. */
  workingWeekends: CalendarDay[];
  /** True only when checked against that year's government decree on transfer of days off. */
  verified: boolean;
  note?: string;
}
