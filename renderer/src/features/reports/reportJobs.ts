/**
 * The heavy part of a report (issue 17 point 7): reading a period's records and computing the figures,
 * the monthly series and the stage records. The same functions run in the reports Web Worker
 * (report.worker.ts), which opens the app's database itself so that neither the records' deserialisation
 * nor the counting blocks the window, and in the page when no worker can start (reportWorker.ts).
 */
import { createWorkingCalendar, type CalendarYear } from '@shared/calendar';
import { complaintSeries, periodReport, type MonthPoint, type Period, type PeriodReport } from '@shared/reports';
import type { RuleSet } from '@shared/rules';
import { countByStage, DEFAULT_STAGE_CATALOG, type StageRecord } from '@shared/stages';
import type { QamqorDb } from '../../db/database';
import { loadReportRecords, loadStageRecords } from './repository';

export interface StageCount {
  stageId: string;
  count: number;
}

export interface ReportJobs {
  /** The period report and the complaints' monthly series. */
  report: {
    input: { period: Period; today: string; calendarYears: CalendarYear[]; ruleSets: RuleSet[] };
    output: { report: PeriodReport; series: MonthPoint[] };
  };
  /** How many stage records of each stage fall in the period (the "services by stage" chart). */
  stageCounts: { input: { period: Period }; output: StageCount[] };
  /** The period's stage records (the monitoring export). */
  stages: { input: { period: Period }; output: StageRecord[] };
}
export type ReportJobKind = keyof ReportJobs;
export type JobInput<K extends ReportJobKind> = ReportJobs[K]['input'];
export type JobOutput<K extends ReportJobKind> = ReportJobs[K]['output'];

const HANDLERS: { [K in ReportJobKind]: (db: QamqorDb, input: JobInput<K>) => Promise<JobOutput<K>> } = {
  async report(db, { period, today, calendarYears, ruleSets }) {
    const records = await loadReportRecords(db, period);
    const calendar = createWorkingCalendar(calendarYears);
    const report = periodReport({ period, today, calendar, ruleSets, ...records });
    const series = complaintSeries(period, today, calendar, ruleSets, records.complaints);
    return { report, series };
  },
  async stageCounts(db, { period }) {
    const stages = await loadStageRecords(db, period, DEFAULT_STAGE_CATALOG);
    return [...countByStage(stages)].map(([stageId, count]) => ({ stageId, count }));
  },
  stages(db, { period }) {
    return loadStageRecords(db, period, DEFAULT_STAGE_CATALOG);
  },
};

export function runReportJob<K extends ReportJobKind>(db: QamqorDb, kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
  const handler: (db: QamqorDb, input: JobInput<K>) => Promise<JobOutput<K>> = HANDLERS[kind];
  return handler(db, input);
}

/** Messages between the page and the reports worker. */
export type ReportWorkerRequest = { [K in ReportJobKind]: { id: number; kind: K; dbName: string; input: JobInput<K> } }[ReportJobKind];
export type ReportWorkerResponse = { id: number; kind: 'done'; value: unknown } | { id: number; kind: 'crashed'; message: string };
