/**
 * What the benchmark harness page offers the benchmark driver (as `window.qamqorBench`). Types only,
 * shared by the page (main.ts) and the Playwright side (bench/lib).
 */

/** One register filter or search step: what the driver does to the form, and what the register must then show. */
export interface RegisterScenario {
  id: string;
  label: string;
  action: StepAction;
  /** Number of complaints the register must count after the step. */
  expectedTotal: number;
  /** Register number of the first row after the step (default sort: registration date, newest first). */
  expectedFirst: string;
}

export type StepAction =
  /** Choose `value` in `select[name=…]`. */
  | { kind: 'select'; name: string; value: string }
  /** Type into `input[name=…]` fields, all in the same task (a date range is one step). */
  | { kind: 'fill'; fields: { name: string; value: string }[] };

export interface SortExpectation {
  total: number;
  first: string;
}

/** Clicking a column header: the register sorts by it, ascending or descending as the header then says. */
export interface SortScenario {
  id: string;
  label: string;
  /** Column id of the register (`number`, `registrationDate`, `nextDue`). */
  column: string;
  asc: SortExpectation;
  desc: SortExpectation;
}

export interface RegisterSeed {
  persons: number;
  complaints: number;
  generateMs: number;
  writeMs: number;
  today: string;
  /** The unfiltered register, default sort. */
  base: SortExpectation;
  scenarios: RegisterScenario[];
  sorts: SortScenario[];
}

export interface CaseloadSeed {
  cases: number;
  /** Records per table as generated and written. */
  counts: Record<string, number>;
  bytesJson: number;
  generateMs: number;
  writeMs: number;
}

export interface LongTasks {
  count: number;
  /** Longest main-thread task (ms); 0 when none reached the 50 ms the browser reports. */
  longestMs: number;
  totalMs: number;
}

export interface ExportRun {
  ms: number;
  /** Reading the selection (collectBundleContent) on its own, measured separately. */
  readMs: number;
  bytes: number;
  counts: Record<string, number>;
  longTasks: LongTasks;
  /** Where the bundle codec ran: the bundles feature's Web Worker, or the page when no worker could start. */
  codecIn: 'worker' | 'page';
}

export interface BaselineRun {
  ms: number;
  records: number;
  longTasks: LongTasks;
}

export interface ImportRun {
  ms: number;
  decodeMs: number;
  prepareMs: number;
  applyMs: number;
  written: number;
  /** Records per table in the database after the import. */
  stored: Record<string, number>;
  longTasks: LongTasks;
  /** Largest gap between two ticks of a 10 ms timer during the import: how long the window froze at most. */
  maxTimerGapMs: number;
  codecIn: 'worker' | 'page';
}

export interface BackupRun {
  ms: number;
  /** Size of the encrypted backup file. */
  bytes: number;
  /** Records per record table in the backup (makeBackup's counts). */
  counts: Record<string, number>;
  records: number;
  /** Rows of the office tables (settings, accounts, audit trail…) in the database when the backup started. */
  officeRows: number;
  longTasks: LongTasks;
  maxTimerGapMs: number;
  codecIn: 'worker' | 'page';
}

export interface RestoreRun {
  ms: number;
  /** Decrypting, checking (and, on the Backup page, planning) the backup. */
  decodeMs: number;
  /** Writing it. */
  applyMs: number;
  /** Records written (the whole office's records at the first start). */
  written: number;
  /** Rows per table in the database after the restore. */
  stored: Record<string, number>;
  longTasks: LongTasks;
  maxTimerGapMs: number;
  codecIn: 'worker' | 'page';
}

export interface BenchApi {
  ready: true;
  seedRegister(options: { seed: number; persons: number; complaints: number; spreadDays: number; chunk: number }): Promise<RegisterSeed>;
  seedCaseload(options: {
    seed: number;
    persons: number;
    cases: number;
    complaints: number;
    spreadDays: number;
    chunk: number;
  }): Promise<CaseloadSeed>;
  /** Exports every case of the caseload with the bundles feature (buildBundle), keeping the bytes for `importBundle`. */
  exportBundle(): Promise<ExportRun>;
  /** The raw baseline of the export: one Dexie bulkGet per table of the same records. */
  baselineRead(): Promise<BaselineRun>;
  /** Deletes the caseload's records (and the import history and conflicts they left; the audit trail stays) so they can be imported again. */
  clearCaseload(): Promise<void>;
  /** The raw baseline of the import: one bulkPut per table of the same records, in one transaction. */
  baselineWrite(): Promise<BaselineRun>;
  /** Decodes the exported bundle and applies it with the bundles feature (prepareImport + applyImport). */
  importBundle(): Promise<ImportRun>;
  /** Backs the whole office up with the backup feature (makeBackup, packed in the bundle worker), keeping the file in memory. */
  backupOffice(): Promise<BackupRun>;
  /** The raw baseline of the backup: `toArray` of every table a backup carries, in one read transaction. */
  baselineReadAll(): Promise<BaselineRun>;
  /** The raw baseline of the restore: those tables emptied, then the same rows written back with one bulkPut per table. */
  baselineWriteAll(): Promise<BaselineRun>;
  /** The Backup page's restore of the last backup (decode, plan and apply in the bundle worker) after the caseload was deleted. */
  restoreOnPage(): Promise<RestoreRun>;
  /** The first-start restore of the last backup (decodeBackup + restoreWholeOffice) into an emptied database. */
  restoreAtFirstStart(): Promise<RestoreRun>;
}

declare global {
  interface Window {
    qamqorBench?: BenchApi;
  }
}
