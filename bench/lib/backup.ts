/**
 * The backup and restore part of the caseload run (issue 14 points 5-6): after the imports, over the
 * same caseload, the backup feature's backup and both of its restores, each next to its raw Dexie
 * baseline in the same run (bench/harness/backup.ts says what each one calls).
 */
import type { Page } from '@playwright/test';
import type { BackupRun, BaselineRun, ImportRun, LongTasks, RestoreRun } from '../harness/api';
import { harnessCall } from './harness';
import { fmtMs, summarize, table, type Summary } from './stats';

/** One path of the app next to its baseline: medians, ratio (baseline / app) and the longest page tasks. */
export interface Versus {
  ms: Summary;
  baselineMs: Summary;
  /** Baseline median / app median: 1 is storage speed. */
  ratio: number;
  /** Longest page task during the app's runs (0: none reached 50 ms). */
  longestTaskMs: number;
  /** Longest page task during the baseline's runs. */
  baselineLongestTaskMs: number;
}

export interface BackupResult {
  /** Size of the encrypted backup file (first run). */
  bytes: number;
  /** Records of the record tables in the backup, and rows of its office tables (settings, accounts, audit trail…). */
  records: number;
  officeRows: number;
  backup: Versus & { runs: BackupRun[]; baseline: BaselineRun[] };
  /** The Backup page's restore (worker decode, plan and apply) after the caseload was deleted. */
  restore: Versus & { runs: RestoreRun[]; baseline: BaselineRun[] };
  /** The first-start restore into an emptied database; same baseline as `restore`. */
  restoreFirstStart: Versus & { runs: RestoreRun[] };
}

const longest = (runs: readonly { longTasks: LongTasks }[]) => Math.max(0, ...runs.map((r) => r.longTasks.longestMs));

export function versus(app: readonly { ms: number; longTasks: LongTasks }[], baseline: readonly BaselineRun[]): Versus {
  const ms = summarize(app.map((r) => r.ms));
  const baselineMs = summarize(baseline.map((r) => r.ms));
  return {
    ms,
    baselineMs,
    ratio: baselineMs.median / ms.median,
    longestTaskMs: longest(app),
    baselineLongestTaskMs: longest(baseline),
  };
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Runs backup and restore `runs` times (the caseload run makes one round) over the caseload the harness page holds; throws when a restore comes back short. */
export async function runBackupSteps(harness: Page, runs: number, log: (line: string) => void): Promise<BackupResult> {
  const backups: BackupRun[] = [];
  const reads: BaselineRun[] = [];
  const writes: BaselineRun[] = [];
  const onPage: RestoreRun[] = [];
  const firstStart: RestoreRun[] = [];
  for (let i = 0; i < runs; i++) {
    reads.push(await harnessCall(harness, 'baselineReadAll'));
    const made = await harnessCall(harness, 'backupOffice');
    backups.push(made);
    log(
      `  backup ${fmtMs(made.ms)} (${made.records} records + ${made.officeRows} office rows, ${(made.bytes / 1048576).toFixed(1)} MB, longest task ${fmtMs(made.longTasks.longestMs)}), baseline read ${fmtMs(reads.at(-1)?.ms ?? NaN)}`,
    );
    writes.push(await harnessCall(harness, 'baselineWriteAll'));
    // The Backup page's restore first; the first-start restore then brings the whole office back as backed up.
    const page = await harnessCall(harness, 'restoreOnPage');
    onPage.push(page);
    const whole = await harnessCall(harness, 'restoreAtFirstStart');
    firstStart.push(whole);
    log(
      `  restore (Backup page) ${fmtMs(page.ms)} (decode+plan ${fmtMs(page.decodeMs)}, apply ${fmtMs(page.applyMs)}; ${total(page.stored)} stored; longest task ${fmtMs(page.longTasks.longestMs)}), ` +
        `first start ${fmtMs(whole.ms)} (decode ${fmtMs(whole.decodeMs)}, write ${fmtMs(whole.applyMs)}; longest task ${fmtMs(whole.longTasks.longestMs)}), baseline bulkPut ${fmtMs(writes.at(-1)?.ms ?? NaN)}`,
    );
  }
  return {
    bytes: backups[0]?.bytes ?? 0,
    records: backups[0]?.records ?? 0,
    officeRows: backups[0]?.officeRows ?? 0,
    backup: { runs: backups, baseline: reads, ...versus(backups, reads) },
    restore: { runs: onPage, baseline: writes, ...versus(onPage, writes) },
    restoreFirstStart: { runs: firstStart, ...versus(firstStart, writes) },
  };
}

/** What the paths table reads of a caseload run (run.ts BundleResult). */
export interface PathResult {
  cases: number;
  records: number;
  bundleBytes: number;
  export: Versus;
  import: Versus & { runs: ImportRun[] };
  backup: BackupResult;
}

const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');

/**
 * Every path of the data in motion against its raw baseline (issue 14 points 5-6): export, import, backup and both
 * restores, with the longest page task of each next to the baseline's own.
 */
export function pathsTable(results: readonly PathResult[], target: { ratio: number; longestTaskMs: number }): string {
  const header = ['cases', 'path', 'rows', 'app', 'baseline', 'ratio', 'longest task: app / baseline', 'phases'];
  const rows: string[][] = [];
  const line = (r: PathResult, path: string, rowCount: string, v: Versus, baseline: string, phases: string) =>
    rows.push([
      r.cases.toLocaleString('en'),
      path,
      rowCount,
      fmtMs(v.ms.median),
      `${fmtMs(v.baselineMs.median)} (${baseline})`,
      `${Math.round(v.ratio * 100)}%${mark(v.ratio >= target.ratio)}`,
      `${fmtMs(v.longestTaskMs)}${mark(v.longestTaskMs <= target.longestTaskMs)} / ${fmtMs(v.baselineLongestTaskMs)}`,
      phases,
    ]);
  for (const r of results) {
    const b = r.backup;
    const all = `${b.records.toLocaleString('en')} + ${b.officeRows.toLocaleString('en')}`;
    const imp = r.import.runs[0];
    const page = b.restore.runs[0];
    const first = b.restoreFirstStart.runs[0];
    line(
      r,
      'export (bundle of every case)',
      r.records.toLocaleString('en'),
      r.export,
      'bulkGet',
      `${(r.bundleBytes / 1048576).toFixed(1)} MB`,
    );
    line(
      r,
      'import (into emptied record tables)',
      r.records.toLocaleString('en'),
      r.import,
      'bulkPut',
      imp ? `decode ${fmtMs(imp.decodeMs)} / plan ${fmtMs(imp.prepareMs)} / apply ${fmtMs(imp.applyMs)}` : '–',
    );
    line(r, 'backup (whole office)', all, b.backup, 'toArray of every table', `${(b.bytes / 1048576).toFixed(1)} MB encrypted`);
    line(
      r,
      'restore, Backup page (worker)',
      all,
      b.restore,
      'bulkPut of every table',
      page ? `decode+plan ${fmtMs(page.decodeMs)} / apply ${fmtMs(page.applyMs)}` : '–',
    );
    line(
      r,
      'restore, first start (empty database)',
      all,
      b.restoreFirstStart,
      'bulkPut of every table',
      first ? `decode ${fmtMs(first.decodeMs)} / write ${fmtMs(first.applyMs)}` : '–',
    );
  }
  return table(header, rows);
}
