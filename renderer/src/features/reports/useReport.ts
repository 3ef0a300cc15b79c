import { useEffect, useMemo, useState } from 'react';
import type { MonthPoint, Period, PeriodReport } from '@shared/reports';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { useLiveData } from '../../core/useLiveData';
import { describeError } from '../../ui/errors';
import { todayIso } from '../../ui/format';
import type { AsyncState } from '../../ui/useAsync';
import { officeCodes, reportChanges } from './repository';
import type { JobInput, JobOutput, ReportJobKind, StageCount } from './reportJobs';
import { reportJob } from './reportWorker';

export interface ReportView {
  report: PeriodReport;
  series: MonthPoint[];
  stageCounts: StageCount[];
  codeOf(officeId: string): string;
}

export type ReportState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'done'; value: ReportView };

/**
 * A report job's answer for its input, run again whenever `changed` moves on (a write touched what
 * the job reads). While it runs again for the same input the previous answer stays on screen; an
 * answer for another input (the officer chose another period meanwhile) is never shown.
 */
function useJob<K extends ReportJobKind>(kind: K, input: JobInput<K>, changed: number | null): AsyncState<JobOutput<K>> {
  const { db } = useServices();
  const [answer, setAnswer] = useState<{ input: JobInput<K>; state: AsyncState<JobOutput<K>> } | null>(null);
  useEffect(() => {
    if (changed === null) return;
    let live = true;
    reportJob(db, kind, input).then(
      (value) => live && setAnswer({ input, state: { status: 'done', value } }),
      (e: unknown) => live && setAnswer({ input, state: { status: 'error', error: describeError(e) } }),
    );
    return () => {
      live = false;
    };
  }, [db, kind, input, changed]);
  return answer?.input === input ? answer.state : { status: 'loading' };
}

/**
 * The period report, its monthly series and the period's stage counts, kept current: a cheap live
 * count over the same index ranges tells when a write touched the period's records, and the report
 * is then computed again in the reports worker (reportWorker.ts) from the records themselves.
 */
export function useReport(period: Period): ReportState {
  const { db } = useServices();
  const calendarYears = useAppStore((s) => s.calendarYears);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const office = useAppStore((s) => s.office);
  const changes = useLiveData(() => reportChanges(db, period), [db, period]);
  const codes = useLiveData(() => officeCodes(db, office), [db, office]);
  const today = todayIso();
  const reportInput = useMemo(() => ({ period, today, calendarYears, ruleSets }), [period, today, calendarYears, ruleSets]);
  const report = useJob('report', reportInput, changes.status === 'done' ? changes.value : null);

  return useMemo((): ReportState => {
    if (changes.status === 'error') return changes;
    if (report.status !== 'done') return report;
    const codeMap = codes.status === 'done' ? codes.value : new Map<string, string>();
    return { status: 'done', value: { ...report.value, codeOf: (id) => codeMap.get(id) ?? id.slice(0, 8) } };
  }, [changes, codes, report]);
}
