/**
 * The benchmark (`npm run bench`): the complaint register at 10,000 and 100,000 complaints, case
 * bundles of 1,000 and 10,000 cases with the whole office's backup and restore over the same caseload
 * (each path against its raw Dexie baseline), printed as tables and written to bench/results/last.json.
 * and the period report over a 365-day register of 10,000 and 100,000 complaints.
 * Sizes can be changed with BENCH_COMPLAINTS=10000,100000, BENCH_CASES=1000,10000 and
 * BENCH_REPORTS=10000,100000 (0 skips a part), the runs of every register step with BENCH_REPEATS=20 (the
 * report is timed on BENCH_REPORT_RUNS=5 fresh page loads). BENCH_OUT (default dist/bench) holds the built harness.
 * Nothing is asserted about timings: the targets are reported (✓/✗) and discussed in docs/performance.md.
 */
import { test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildHarness } from './lib/harness';
import { runReportsBench } from './lib/reports';
import {
  bundleTable,
  loadNow,
  machine,
  machineLine,
  registerTable,
  reportsTable,
  runBundleBench,
  runRegisterBench,
  TARGETS,
  type BenchReport,
} from './lib/run';
import { fmtMs } from './lib/stats';

const sizes = (value: string | undefined, fallback: number[]): number[] =>
  value
    ? value
        .split(',')
        .map((v) => Number(v.trim()))
        .filter((n) => Number.isInteger(n) && n > 0)
    : fallback;

const repeats = Number(process.env.BENCH_REPEATS ?? 20);

test('benchmark', async ({ browser, baseURL }) => {
  const started = Date.now();
  const log = (line: string) => console.log(`[${fmtMs(Date.now() - started)}] ${line}`);
  const harnessDir = resolve(import.meta.dirname, '..', process.env.BENCH_OUT ?? 'dist/bench', 'harness');
  await buildHarness(harnessDir);
  const env = { browser, baseURL: baseURL ?? '', harnessDir, log };
  const report: BenchReport = {
    machine: machine(browser),
    targets: TARGETS,
    register: [],
    bundles: [],
    reports: [],
    durationMs: 0,
    loadAtEnd: NaN,
  };
  log(machineLine(report.machine));

  for (const complaints of sizes(process.env.BENCH_COMPLAINTS, [10_000, 100_000])) {
    // A district keeps about one complainant per two or three complaints, over 20 months (the calendars shipped).
    report.register.push(
      await runRegisterBench(env, {
        complaints,
        persons: Math.ceil(complaints / 2.5),
        spreadDays: 600,
        opens: 5,
        repeats,
        thinkMs: 150,
        stepTimeoutMs: 120_000,
      }),
    );
  }
  for (const cases of sizes(process.env.BENCH_CASES, [1_000, 10_000])) {
    report.bundles.push(
      await runBundleBench(env, {
        cases,
        persons: Math.ceil(cases * 0.8),
        complaints: Math.ceil(cases * 0.3),
        spreadDays: 600,
        runs: cases >= 10_000 ? 1 : 2,
      }),
    );
  }
  for (const complaints of sizes(process.env.BENCH_REPORTS, [10_000, 100_000])) {
    report.reports.push(
      await runReportsBench(env, {
        complaints,
        persons: Math.ceil(complaints / 2.5),
        runs: Number(process.env.BENCH_REPORT_RUNS ?? 5),
        stepTimeoutMs: 300_000,
      }),
    );
  }
  report.durationMs = Date.now() - started;
  report.loadAtEnd = loadNow();

  // BENCH_RESULTS: where the figures go (a partial run can keep them out of the committed bench/results/last.json).
  const resultsFile = resolve(import.meta.dirname, '..', process.env.BENCH_RESULTS ?? 'bench/results/last.json');
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${machineLine(report.machine)}\n`);
  if (report.register.length > 0)
    console.log(
      `Complaint register (✓/✗: targets at ${TARGETS.atComplaints.toLocaleString('en')} complaints; [n] = rows after the step)\n${registerTable(report.register)}\n`,
    );
  if (report.bundles.length > 0)
    console.log(
      `Case bundles, backup and restore (ratio = raw baseline time / app time, target ≥ ${TARGETS.bundleRatio * 100}%; longest page task target ≤ ${fmtMs(TARGETS.pathLongestTaskMs)})\n${bundleTable(report.bundles)}\n`,
    );
  if (report.reports.length > 0)
    console.log(
      `Period report, 365 days (✓/✗: targets at ${TARGETS.atComplaints.toLocaleString('en')} complaints: p95 ≤ ${fmtMs(TARGETS.reportMs)}, longest task ≤ ${fmtMs(TARGETS.reportLongestTaskMs)}; ratio = raw read / app)\n${reportsTable(report.reports)}\n`,
    );
  console.log(`Whole run: ${fmtMs(report.durationMs)} (load average at the end ${report.loadAtEnd}); figures in ${resultsFile}`);
});
