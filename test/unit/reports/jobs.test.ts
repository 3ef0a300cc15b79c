/**
 * The report jobs (issue 17 point 7) read a period's records through index ranges, in the reports
 * worker or the page; these tests prove the figures and the series are identical to the report
 * computed over every record of the database, and that the live count over the same ranges answers
 * again when a record of the period changes (so the page computes the report again).
 */
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import kz2025 from '../../../resources/calendar/kz-2025.json';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema } from '@shared/calendar';
import { complaintSeries, monthPeriod, periodReport, yearPeriod, type Period } from '@shared/reports';
import { shippedRuleSets } from '@shared/rules';
import { runReportJob } from '../../../renderer/src/features/reports/reportJobs';
import { reportChanges } from '../../../renderer/src/features/reports/repository';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { caseloadTables } from '../../support/generator/index';
import { freshDb } from '../db/testContext';
import { calendar, caseload, OFFICE_A, OFFICE_B, TODAY } from '../shared/reports/truth';

const calendarYears = [calendarYearSchema.parse(kz2025), calendarYearSchema.parse(kz2026)];
const a = caseload(5, OFFICE_A, { persons: 40, cases: 60, complaints: 150 });
const b = caseload(6, OFFICE_B, { persons: 30, cases: 40, complaints: 90 });
// Some records voided by a head (issue 16 pt 2): the jobs must leave them out as the report does.
const voiding = { at: `${TODAY}T12:00:00.000Z`, by: 'Басшы', reason: 'Қате тіркелген' };
for (const rows of [a.complaints, b.complaints, a.intakes, a.hearings, a.applications, b.wheelchairChecks] as { voided?: unknown }[][])
  rows.forEach((r, i) => {
    if (i % 9 === 8) r.voided = voiding;
  });
const opened: QamqorDb[] = [];

async function seeded(): Promise<QamqorDb> {
  const db = freshDb();
  opened.push(db);
  await db.open();
  for (const data of [a, b]) for (const [table, rows] of Object.entries(caseloadTables(data))) await db.table(table).bulkAdd([...rows]);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** The report over every record of both offices, nothing read through an index. */
function overEverything(period: Period) {
  const complaints = [...a.complaints, ...b.complaints];
  const report = periodReport({
    period,
    today: TODAY,
    calendar,
    ruleSets: shippedRuleSets,
    complaints,
    hearings: [...a.hearings, ...b.hearings],
    applications: [...a.applications, ...b.applications],
    intakes: [...a.intakes, ...b.intakes],
    wheelchairChecks: [...a.wheelchairChecks, ...b.wheelchairChecks],
    wheelchairOrders: [],
  });
  // The series counts every complaint decided or open in the period's months, whenever it was received.
  return { report, series: complaintSeries(period, TODAY, calendar, shippedRuleSets, complaints) };
}

const sortedFigures = (f: Record<string, string[]>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [...v].sort()]));

describe('report jobs (index reads) give the same report as every record', () => {
  for (const period of [yearPeriod(2026), monthPeriod(2026, 10), monthPeriod(2026, 2)]) {
    it(`${period.kind} ${period.from}…${period.to}`, async () => {
      const db = await seeded();
      const job = await runReportJob(db, 'report', { period, today: TODAY, calendarYears, ruleSets: [...shippedRuleSets] });
      const truth = overEverything(period);
      expect(job.report.total['complaints.received'].length).toBeGreaterThan(0);
      expect(sortedFigures(job.report.total)).toEqual(sortedFigures(truth.report.total));
      expect(job.report.offices.map((o) => o.officeId)).toEqual(truth.report.offices.map((o) => o.officeId));
      job.report.offices.forEach((o, i) => expect(sortedFigures(o.figures)).toEqual(sortedFigures(truth.report.offices[i]?.figures ?? {})));
      expect(job.series).toEqual(truth.series);
      // Not vacuous: some complaint received before the period counts in its series.
      if (period.from > '2026-02-01') {
        const earlier = [...a.complaints, ...b.complaints].filter(
          (c) => c.receiptDate < period.from && (c.decision === null || c.decision.date >= period.from),
        );
        expect(earlier.length).toBeGreaterThan(0);
      }
      expect(job.report.asOf).toBe(truth.report.asOf);
    });
  }
});

describe('stage records (monitoring export and the stage chart)', () => {
  it("leave out voided records (issue 16 pt 2) and agree with the report job's stage counts", async () => {
    const db = await seeded();
    const period = yearPeriod(2026);
    const stages = await runReportJob(db, 'stages', { period });
    const { stageCounts: counts } = await runReportJob(db, 'report', {
      period,
      today: TODAY,
      calendarYears,
      ruleSets: [...shippedRuleSets],
    });
    const voided = new Set(
      [...a.complaints, ...b.complaints, ...a.intakes, ...a.applications].filter((r) => r.voided !== undefined).map((r) => r.id),
    );
    expect(voided.size).toBeGreaterThan(0);
    expect(stages.length).toBeGreaterThan(0);
    expect(stages.filter((s) => voided.has(s.recordId))).toEqual([]);
    // The report's single pass counts the same stage records as the monitoring export reads, stage by stage.
    const byStage = new Map<string, number>();
    for (const x of stages) byStage.set(x.stageId, (byStage.get(x.stageId) ?? 0) + 1);
    expect(new Map(counts.map((c) => [c.stageId, c.count]))).toEqual(byStage);
    // Every live complaint received in the year has its registration stage in the export.
    const registered = new Set(stages.filter((s) => s.stageId === 'complaint-registered').map((s) => s.recordId));
    const live = [...a.complaints, ...b.complaints].filter((c) => c.voided === undefined && c.registrationDate.startsWith('2026'));
    expect(live.every((c) => registered.has(c.id))).toBe(true);
  });
});

describe('reportChanges', () => {
  it('answers again when a complaint of the period is updated or moved out of it', async () => {
    const db = await seeded();
    const period = monthPeriod(2026, 10);
    const inside = a.complaints.find((c) => c.receiptDate >= period.from && c.receiptDate <= period.to);
    if (!inside) throw new Error('generated data without a complaint in October');
    const answers: number[] = [];
    const sub = liveQuery(() => reportChanges(db, period)).subscribe({ next: (v) => answers.push(v) });
    await expect.poll(() => answers.length).toBe(1);
    // Every write of the app stamps updatedAt (db/write.ts updateRecord).
    await db.complaints.update(inside.id, { reviewer: 'Басқа қызметкер', updatedAt: new Date().toISOString() });
    await expect.poll(() => answers.length).toBe(2);
    // A complaint moved out of the period (its receipt date corrected) is seen too.
    await db.complaints.update(inside.id, { receiptDate: '2026-09-30' });
    await expect.poll(() => answers.length).toBe(3);
    sub.unsubscribe();
  });
});
