import { useMemo } from 'react';
import { createWorkingCalendar } from '@shared/calendar';
import { complaintSeries, periodReport, type MonthPoint, type Period, type PeriodReport } from '@shared/reports';
import { countByStage, DEFAULT_STAGE_CATALOG, type StageRecord } from '@shared/stages';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { useLiveData } from '../../core/useLiveData';
import { todayIso } from '../../ui/format';
import { loadReportRecords, loadStageRecords, officeCodes } from './repository';

export interface ReportView {
  report: PeriodReport;
  series: MonthPoint[];
  stages: StageRecord[] | null;
  stageCounts: { stageId: string; count: number }[];
  codeOf(officeId: string): string;
}

export type ReportState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'done'; value: ReportView };

/** The period report, its monthly series and the period's stage records, kept current by live reads. */
export function useReport(period: Period): ReportState {
  const { db } = useServices();
  const calendarYears = useAppStore((s) => s.calendarYears);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const office = useAppStore((s) => s.office);
  const records = useLiveData(() => loadReportRecords(db, period), [db, period]);
  const stages = useLiveData(() => loadStageRecords(db, period, DEFAULT_STAGE_CATALOG), [db, period]);
  const codes = useLiveData(() => officeCodes(db, office), [db, office]);
  const calendar = useMemo(() => createWorkingCalendar(calendarYears), [calendarYears]);
  const today = todayIso();

  return useMemo((): ReportState => {
    if (records.status === 'error') return records;
    if (records.status === 'loading') return { status: 'loading' };
    const input = { period, today, calendar, ruleSets, ...records.value };
    const report = periodReport(input);
    const series = complaintSeries(period, today, calendar, ruleSets, records.value.complaints);
    const stageList = stages.status === 'done' ? stages.value : null;
    const stageCounts = stageList ? [...countByStage(stageList)].map(([stageId, count]) => ({ stageId, count })) : [];
    const codeMap = codes.status === 'done' ? codes.value : new Map<string, string>();
    return { status: 'done', value: { report, series, stages: stageList, stageCounts, codeOf: (id) => codeMap.get(id) ?? id.slice(0, 8) } };
  }, [records, stages, codes, period, today, calendar, ruleSets]);
}
