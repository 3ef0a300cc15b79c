/**
 * The bench's measurement of the year report (issue 17 point 7): time to read the year's records through
 * the indexes and time to compute the figures and the monthly series, on the database given.
 */
import { createWorkingCalendar, type CalendarYear } from '@shared/calendar';
import { complaintSeries, periodReport, yearPeriod } from '@shared/reports';
import type { RuleSet } from '@shared/rules';
import type { QamqorDb } from '../../db/database';
import { loadReportRecords } from './repository';

export interface YearReportTiming {
  readMs: number;
  computeMs: number;
  seriesMs: number;
  complaints: number;
  received: number;
}

export async function measureYearReport(
  db: QamqorDb,
  year: number,
  today: string,
  calendarYears: readonly CalendarYear[],
  ruleSets: readonly RuleSet[],
): Promise<YearReportTiming> {
  const period = yearPeriod(year);
  const calendar = createWorkingCalendar(calendarYears);
  const t0 = performance.now();
  const records = await loadReportRecords(db, period);
  const t1 = performance.now();
  const report = periodReport({ period, today, calendar, ruleSets, ...records });
  const t2 = performance.now();
  complaintSeries(period, today, calendar, ruleSets, records.complaints);
  const t3 = performance.now();
  return {
    readMs: t1 - t0,
    computeMs: t2 - t1,
    seriesMs: t3 - t2,
    complaints: records.complaints.length,
    received: report.total['complaints.received'].length,
  };
}
