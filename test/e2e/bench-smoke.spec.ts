/**
 * The benchmark (npm run bench, bench/) in miniature, so it cannot rot: the same harness page, the same
 * register steps, bundle runs and period report, at tiny sizes. Nothing about timings is asserted (this machine's
 * figures are in docs/performance.md); what is asserted is that every step reached the state the
 * generated data predicts and that every figure was produced.
 */
import { expect, test } from '@playwright/test';
// Vite builds the harness without typechecking it: this import puts the page under `npm run typecheck`.
import type { Harness } from '../../bench/harness/main';
import { buildHarness } from '../../bench/lib/harness';
import { runReportsBench } from '../../bench/lib/reports';
import { bundleTable, registerTable, reportsTable, runBundleBench, runRegisterBench } from '../../bench/lib/run';

const methods: readonly (keyof Harness)[] = [
  'seedRegister',
  'seedCaseload',
  'exportBundle',
  'baselineRead',
  'clearCaseload',
  'baselineWrite',
  'importBundle',
  'backupOffice',
  'baselineReadAll',
  'baselineWriteAll',
  'restoreOnPage',
  'restoreAtFirstStart',
];

test('the benchmark runs end to end at tiny sizes and produces every figure', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(300_000);
  const harnessDir = testInfo.outputPath('harness');
  await buildHarness(harnessDir);
  const lines: string[] = [];
  const env = { browser, baseURL: baseURL ?? '', harnessDir, log: (line: string) => lines.push(line) };

  const register = await runRegisterBench(env, {
    complaints: 300,
    persons: 120,
    spreadDays: 120,
    opens: 1,
    repeats: 2,
    thinkMs: 0,
    stepTimeoutMs: 30_000,
  });
  expect(register.complaints).toBe(300);
  expect(register.open.runs).toHaveLength(1);
  expect(register.open.firstRows.median).toBeGreaterThan(0);
  const ids = register.steps.map((s) => s.id);
  expect(ids).toEqual(
    expect.arrayContaining([
      'status-open',
      'flag-overdue',
      'flag-due-soon',
      'addressee',
      'date-range',
      'search-number',
      'search-iin',
      'search-name',
      'clear',
      'sort-number',
      'sort-registration',
      'sort-next-due',
    ]),
  );
  for (const s of register.steps) {
    expect(s.runs.length, s.id).toBeGreaterThan(0);
    expect(
      s.runs.every((ms) => Number.isFinite(ms) && ms >= 0),
      s.id,
    ).toBe(true);
  }
  // The steps are real: the searches find the complaint they were built from, the filters split the register.
  for (const id of ['search-number', 'search-iin', 'search-name', 'status-open'])
    expect(register.steps.find((s) => s.id === id)?.expectedTotal, id).toBeGreaterThan(0);
  expect(register.steps.find((s) => s.id === 'status-open')?.expectedTotal).toBeLessThan(300);
  expect(register.heap.afterOpen.usedMB).toBeGreaterThan(0);

  const bundles = await runBundleBench(env, { cases: 20, persons: 16, complaints: 6, spreadDays: 120, runs: 1 });
  expect(bundles.records).toBeGreaterThan(20);
  expect(bundles.bundleBytes).toBeGreaterThan(0);
  const exported = bundles.export.runs[0];
  const imported = bundles.import.runs[0];
  expect(Object.values(exported?.counts ?? {}).reduce((a, b) => a + b, 0)).toBe(bundles.records);
  // Everything exported came back in: the import wrote every record the baseline wrote.
  expect(imported?.written).toBe(bundles.records);
  expect(Object.values(imported?.stored ?? {}).reduce((a, b) => a + b, 0)).toBe(bundles.records);
  expect(bundles.import.baseline[0]?.records).toBe(bundles.records);
  expect(Number.isFinite(bundles.export.ratio) && Number.isFinite(bundles.import.ratio)).toBe(true);

  // Backup and restore of the whole office (bench/lib/backup.ts): the backup holds every record of the caseload and
  // the office's own rows; both restores store every record it holds (the run throws when not), the baselines move as many.
  const { backup } = bundles;
  expect(backup.bytes).toBeGreaterThan(0);
  expect(backup.records).toBe(bundles.records);
  expect(backup.officeRows).toBeGreaterThan(0);
  expect(backup.backup.runs[0]?.counts).toEqual(exported?.counts);
  // The baseline reads every carried table: the records and the office rows (the first backup's passphrase is saved after it).
  expect(backup.backup.baseline[0]?.records).toBeGreaterThan(backup.records);
  expect(backup.restore.baseline[0]?.records).toBe(backup.backup.baseline[0]?.records);
  const recordsOf = (stored: Record<string, number> | undefined) =>
    Object.entries(stored ?? {})
      .filter(([table]) => table in (exported?.counts ?? {}))
      .reduce((n, [, c]) => n + c, 0);
  expect(recordsOf(backup.restore.runs[0]?.stored)).toBe(bundles.records);
  expect(backup.restore.runs[0]?.written).toBe(bundles.records);
  expect(recordsOf(backup.restoreFirstStart.runs[0]?.stored)).toBe(bundles.records);
  expect(backup.restoreFirstStart.runs[0]?.written).toBe(bundles.records);
  for (const v of [backup.backup, backup.restore, backup.restoreFirstStart])
    expect(Number.isFinite(v.ratio) && Number.isFinite(v.longestTaskMs) && Number.isFinite(v.baselineLongestTaskMs)).toBe(true);

  // The period report part (bench/lib/reports.ts): the page must show the received count the raw read finds.
  const reports = await runReportsBench(env, { complaints: 200, persons: 80, runs: 1, stepTimeoutMs: 60_000 });
  expect(reports.complaints).toBe(200);
  expect(reports.received).toBeGreaterThan(0);
  expect(reports.runs).toHaveLength(1);
  expect(reports.runs.every((r) => Number.isFinite(r.ms) && r.ms >= 0 && Number.isFinite(r.longestTaskMs))).toBe(true);
  expect(Number.isFinite(reports.ratio)).toBe(true);

  const report = `${registerTable([register])}\n\n${bundleTable([bundles])}\n\n${reportsTable([reports])}\n`;
  expect(report).toContain('open register → first rows');
  expect(report).toContain('restore, first start');
  await testInfo.attach('bench-smoke.txt', { body: `${lines.join('\n')}\n\n${report}`, contentType: 'text/plain' });
  expect(methods).toHaveLength(12);
});
