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
import { loadReportRecords, loadStageApplicationsAndIntakes, loadStageRecords, stageRecordsOf } from './repository';

export interface StageCount {
  stageId: string;
  count: number;
}

export interface ReportJobs {
  /**
   * The period report, the complaints' monthly series and the stage counts (the "services by stage"
   * chart), in one pass over one read of the complaints: every complaint with a stage in the period was
   * changed on or after its first day and is among those the series reads.
   */
  report: {
    input: { period: Period; today: string; calendarYears: CalendarYear[]; ruleSets: RuleSet[] };
    output: { report: PeriodReport; series: MonthPoint[]; stageCounts: StageCount[] };
  };
  /** The period's stage records (the monitoring export). */
  stages: { input: { period: Period }; output: StageRecord[] };
}
export type ReportJobKind = keyof ReportJobs;
export type JobInput<K extends ReportJobKind> = ReportJobs[K]['input'];
export type JobOutput<K extends ReportJobKind> = ReportJobs[K]['output'];

const counted = (stages: readonly StageRecord[]): StageCount[] => [...countByStage(stages)].map(([stageId, count]) => ({ stageId, count }));

const HANDLERS: { [K in ReportJobKind]: (db: QamqorDb, input: JobInput<K>) => Promise<JobOutput<K>> } = {
  async report(db, { period, today, calendarYears, ruleSets }) {
    const [records, others] = await Promise.all([loadReportRecords(db, period), loadStageApplicationsAndIntakes(db, period)]);
    const calendar = createWorkingCalendar(calendarYears);
    const report = periodReport({ period, today, calendar, ruleSets, ...records });
    const series = complaintSeries(period, today, calendar, ruleSets, records.complaints);
    const complaints = records.complaints.filter((c) => c.updatedAt >= period.from);
    const stages = stageRecordsOf({ ...others, complaints }, period, DEFAULT_STAGE_CATALOG);
    return { report, series, stageCounts: counted(stages) };
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
