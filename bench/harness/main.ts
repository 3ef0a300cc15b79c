/**
 * The benchmark harness: a page of its own, served by the driver under the app's origin (so it reaches
 * the app's IndexedDB 'qamqor') and built from the app's own modules. It generates data in the page
 * (no transfer of 100,000 records through the test driver), writes it the way a previous session of
 * the app would have left it, and runs the bundles feature's export and import next to their raw
 * Dexie baselines. Nothing here is part of the app build.
 */
import { BUNDLE_TABLE_NAMES } from '@shared/bundle/specs';
import { createWorkingCalendar } from '@shared/calendar';
import type { Complaint } from '@shared/complaints';
import {
  caseloadCounters,
  caseloadTables,
  generateCaseload,
  generateRegister,
  shift,
  type ComplaintGeneratorContext,
} from '../../test/support/generator';
import { ROLES } from '@shared/officers';
import { systemContext } from '../../renderer/src/db/context';
import { QamqorDb } from '../../renderer/src/db/database';
import { getOfficeProfile } from '../../renderer/src/db/repositories/settings';
import { buildBundle, collectBundleContent, type Encoder } from '../../renderer/src/features/bundles/exportBundle';
import { applyImport, prepareImport } from '../../renderer/src/features/bundles/importBundle';
import { knownOfficesForDecoding } from '../../renderer/src/features/bundles/repository';
import { decodeInWorker, encodeInWorker, lastJobRanIn } from '../../renderer/src/features/bundles/workerClient';
import { dueSoonLimit, OPEN_STATUSES } from '../../renderer/src/features/complaints/repository';
import { todayIso } from '../../renderer/src/ui/format';
import type { BaselineRun, BenchApi, CaseloadSeed, ExportRun, ImportRun, RegisterScenario, RegisterSeed, SortScenario } from './api';
import { backupOffice, baselineReadAll, baselineWriteAll, restoreAtFirstStart, restoreOnPage } from './backup';
import { measured } from './measure';

const db = new QamqorDb();

// ---------------------------------------------------------------------------------------------------
// Seeding

async function generatorContext(spreadDays: number): Promise<ComplaintGeneratorContext> {
  const office = await getOfficeProfile(db);
  if (!office) throw new Error('harness: set up the office first');
  const calendar = createWorkingCalendar(await db.calendarYears.toArray());
  return {
    office: { officeId: office.officeId, officeCode: office.officeCode, officerName: office.officerName },
    ruleSets: await db.ruleSets.toArray(),
    calendar,
    today: todayIso(),
    spreadDays,
  };
}

async function writeChunked(table: string, rows: readonly object[], chunk: number): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.transaction('rw', db.table(table), () => db.table(table).bulkPut(part));
  }
}

const byKeyThenId = (key: (c: Complaint) => string) => (a: Complaint, b: Complaint) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** First and last under an ordering, as the register pages them (ties by id, descending = reversed). */
function ends(rows: readonly Complaint[], compare: (a: Complaint, b: Complaint) => number): { asc: string; desc: string } {
  let min: Complaint | undefined;
  let max: Complaint | undefined;
  for (const c of rows) {
    if (!min || compare(c, min) < 0) min = c;
    if (!max || compare(c, max) > 0) max = c;
  }
  return { asc: min?.number ?? '', desc: max?.number ?? '' };
}

const registrationOrder = byKeyThenId((c) => c.registrationDate);

/**
 * What the register must show after each step, computed from the generated data independently of the
 * register's code (the rules of the register's search: a number or IIN prefix, or every word a prefix
 * of a word of the complainant's name).
 */
function registerScenarios(complaints: readonly Complaint[], today: string, soon: string): RegisterScenario[] {
  const scenario = (id: string, label: string, action: RegisterScenario['action'], keep: (c: Complaint) => boolean): RegisterScenario => {
    const rows = complaints.filter(keep);
    return { id, label, action, expectedTotal: rows.length, expectedFirst: ends(rows, registrationOrder).desc };
  };
  const sample = complaints[Math.floor(complaints.length / 2)] ?? complaints[0];
  if (!sample) throw new Error('harness: no complaints');
  const numberPrefix = sample.number.slice(0, -1);
  const iinPrefix = sample.complainantIin.slice(0, 6);
  const name = sample.searchWords[0] ?? '';
  const from = shift(today, -60);
  const to = shift(today, -31);
  const search = (q: string) => (c: Complaint) => {
    const words = q.toLocaleLowerCase('kk').split(/\s+/u);
    return (
      c.number.toLocaleLowerCase('kk').startsWith(q.toLocaleLowerCase('kk')) ||
      c.complainantIin.startsWith(q) ||
      words.every((w) => c.searchWords.some((s) => s.startsWith(w)))
    );
  };
  return [
    scenario('status-open', 'status = open', { kind: 'select', name: 'status', value: 'open' }, (c) => OPEN_STATUSES.includes(c.status)),
    scenario(
      'flag-overdue',
      'flag = overdue',
      { kind: 'select', name: 'flag', value: 'overdue' },
      (c) => c.nextDue !== undefined && c.nextDue < today,
    ),
    scenario(
      'flag-due-soon',
      'flag = due soon',
      { kind: 'select', name: 'flag', value: 'due-soon' },
      (c) => c.nextDue !== undefined && c.nextDue >= today && c.nextDue <= soon,
    ),
    scenario(
      'addressee',
      'addressee = State Corporation',
      { kind: 'select', name: 'addressee', value: 'state-corporation' },
      (c) => c.addressee === 'state-corporation',
    ),
    scenario(
      'date-range',
      `registered ${from} … ${to}`,
      {
        kind: 'fill',
        fields: [
          { name: 'from', value: from },
          { name: 'to', value: to },
        ],
      },
      (c) => c.registrationDate >= from && c.registrationDate <= to,
    ),
    scenario(
      'search-number',
      `search number "${numberPrefix}"`,
      { kind: 'fill', fields: [{ name: 'search', value: numberPrefix }] },
      search(numberPrefix),
    ),
    scenario(
      'search-iin',
      `search IIN "${iinPrefix}"`,
      { kind: 'fill', fields: [{ name: 'search', value: iinPrefix }] },
      search(iinPrefix),
    ),
    scenario('search-name', `search name "${name}"`, { kind: 'fill', fields: [{ name: 'search', value: name }] }, search(name)),
  ];
}

function sortScenarios(complaints: readonly Complaint[]): SortScenario[] {
  const total = complaints.length;
  const make = (id: string, label: string, column: string, compare: (a: Complaint, b: Complaint) => number): SortScenario => {
    const e = ends(complaints, compare);
    return { id, label, column, asc: { total, first: e.asc }, desc: { total, first: e.desc } };
  };
  return [
    make(
      'sort-number',
      'sort by number',
      'number',
      byKeyThenId((c) => c.number),
    ),
    make('sort-registration', 'sort by registration date', 'registrationDate', registrationOrder),
    // Complaints with nothing open sort after every due date (repository.ts sortValue).
    make(
      'sort-next-due',
      'sort by next due date',
      'nextDue',
      byKeyThenId((c) => c.nextDue ?? '\uffff'),
    ),
  ];
}

async function seedRegister(options: {
  seed: number;
  persons: number;
  complaints: number;
  spreadDays: number;
  chunk: number;
}): Promise<RegisterSeed> {
  const ctx = await generatorContext(options.spreadDays);
  let t = performance.now();
  const data = generateRegister(options.seed, { persons: options.persons, complaints: options.complaints }, ctx);
  const generateMs = performance.now() - t;
  t = performance.now();
  await writeChunked('persons', data.persons, options.chunk);
  await writeChunked('complaints', data.complaints, options.chunk);
  await db.counters.bulkPut(caseloadCounters({ cases: [], complaints: data.complaints }, ctx.office.officeCode));
  const writeMs = performance.now() - t;
  const soon = dueSoonLimit(ctx.calendar, ctx.today);
  return {
    persons: data.persons.length,
    complaints: data.complaints.length,
    generateMs,
    writeMs,
    today: ctx.today,
    base: { total: data.complaints.length, first: ends(data.complaints, registrationOrder).desc },
    scenarios: registerScenarios(data.complaints, ctx.today, soon),
    sorts: sortScenarios(data.complaints),
  };
}

// ---------------------------------------------------------------------------------------------------
// Bundles

let caseload: { tables: Record<string, readonly { id: string }[]>; caseIds: string[] } | null = null;
let exported: Uint8Array | null = null;
let baselineRecords: Record<string, unknown[]> | null = null;

async function seedCaseload(options: {
  seed: number;
  persons: number;
  cases: number;
  complaints: number;
  spreadDays: number;
  chunk: number;
}): Promise<CaseloadSeed> {
  const ctx = await generatorContext(options.spreadDays);
  let t = performance.now();
  const data = generateCaseload(options.seed, { persons: options.persons, cases: options.cases, complaints: options.complaints }, ctx);
  const generateMs = performance.now() - t;
  const tables = caseloadTables(data);
  t = performance.now();
  for (const [table, rows] of Object.entries(tables)) await writeChunked(table, rows, options.chunk);
  await db.counters.bulkPut(caseloadCounters(data, ctx.office.officeCode));
  const writeMs = performance.now() - t;
  caseload = { tables, caseIds: data.cases.map((c) => c.id) };
  return {
    cases: data.cases.length,
    counts: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])),
    bytesJson: Object.values(tables).reduce((s, rows) => s + JSON.stringify(rows).length, 0),
    generateMs,
    writeMs,
  };
}

function needCaseload(): NonNullable<typeof caseload> {
  if (!caseload) throw new Error('harness: seed a caseload first');
  return caseload;
}

async function exportBundle(): Promise<ExportRun> {
  const { caseIds } = needCaseload();
  const office = await getOfficeProfile(db);
  if (!office) throw new Error('harness: no office');
  const selection = { kind: 'cases' as const, caseIds };
  // Records read here, packed and signed in the bundle worker. (The Export page now also reads in the worker,
  // `exportInWorker`; switching here leaves `encodeInWorker` unused, which is the bundles feature's to remove.)
  const encoder: Encoder = (input, options, onProgress) => encodeInWorker({ input, signingKey: options.signingKey }, onProgress);
  const run = await measured(() => buildBundle(db, selection, { office, encoder }));
  if (!run.value.ok) throw new Error(`export failed: ${JSON.stringify(run.value.error)}`);
  exported = run.value.value.bytes;
  const read = await measured(() => collectBundleContent(db, selection));
  return {
    ms: run.ms,
    readMs: read.ms,
    bytes: exported.length,
    counts: run.value.value.counts,
    longTasks: run.longTasks,
    codecIn: lastJobRanIn ?? 'page',
  };
}

async function baselineRead(): Promise<BaselineRun> {
  const { tables } = needCaseload();
  const run = await measured(async () => {
    const out: Record<string, unknown[]> = {};
    for (const [table, rows] of Object.entries(tables)) out[table] = await db.table(table).bulkGet(rows.map((r) => r.id));
    return out;
  });
  baselineRecords = run.value;
  const records = Object.values(run.value).reduce((s, rows) => s + rows.filter((r) => r !== undefined).length, 0);
  return { ms: run.ms, records, longTasks: run.longTasks };
}

async function clearCaseload(): Promise<void> {
  // The audit trail stays: emptied, its sequence numbers would go on from the old ones and leave a gap before the
  // signed checkpoints, and a backup of it is then refused by a restore as altered, rightly (issue 19).
  const names = [...BUNDLE_TABLE_NAMES, 'importHistory', 'conflicts'];
  await db.transaction('rw', [...names.map((n) => db.table(n)), db.settings], async () => {
    for (const n of names) await db.table(n).clear();
    // Person aliases left by IIN merges of an earlier import.
    await db.settings.where('key').startsWith('personAlias:').delete();
  });
}

async function baselineWrite(): Promise<BaselineRun> {
  if (!baselineRecords) throw new Error('harness: read the baseline first');
  const records = baselineRecords;
  const names = Object.keys(records);
  const run = await measured(() =>
    db.transaction(
      'rw',
      names.map((n) => db.table(n)),
      async () => {
        for (const n of names) await db.table(n).bulkPut(records[n] ?? []);
      },
    ),
  );
  return { ms: run.ms, records: Object.values(records).reduce((s, rows) => s + rows.length, 0), longTasks: run.longTasks };
}

async function importBundle(): Promise<ImportRun> {
  if (!exported) throw new Error('harness: export first');
  const bytes = exported;
  const office = await getOfficeProfile(db);
  if (!office) throw new Error('harness: no office');
  const ctx = systemContext({ officerName: office.officerName, officeId: office.officeId }, ROLES);
  const phases = { decodeMs: 0, prepareMs: 0, applyMs: 0, written: 0 };
  const run = await measured(async () => {
    let t = performance.now();
    // As the import page does it (ImportPage.tsx): decoded in the bundle worker, planned and applied here.
    const decoded = await decodeInWorker({ bytes, knownOffices: await knownOfficesForDecoding(db) }, () => undefined);
    if (!decoded.ok) throw new Error(`decode failed: ${JSON.stringify(decoded.error)}`);
    phases.decodeMs = performance.now() - t;
    t = performance.now();
    const session = await prepareImport(db, 'bench.qamqor', decoded.value);
    phases.prepareMs = performance.now() - t;
    t = performance.now();
    const applied = await applyImport(db, ctx, session);
    phases.applyMs = performance.now() - t;
    if (!applied.ok)
      throw new Error(`import failed: ${JSON.stringify(applied.error)}; rejected ${JSON.stringify(session.preview.rejected.slice(0, 3))}`);
    if (applied.value.kind === 'applied') phases.written = applied.value.written;
  });
  const stored: Record<string, number> = {};
  for (const table of Object.keys(needCaseload().tables)) stored[table] = await db.table(table).count();
  return { ms: run.ms, ...phases, stored, longTasks: run.longTasks, maxTimerGapMs: run.maxTimerGapMs, codecIn: lastJobRanIn ?? 'page' };
}

const api: BenchApi = {
  ready: true,
  seedRegister,
  seedCaseload,
  exportBundle,
  baselineRead,
  clearCaseload,
  baselineWrite,
  importBundle,
  backupOffice: () => backupOffice(db),
  baselineReadAll: () => baselineReadAll(db),
  baselineWriteAll: () => baselineWriteAll(db),
  restoreOnPage: () => restoreOnPage(db, clearCaseload),
  restoreAtFirstStart: () => restoreAtFirstStart(db),
};

void db.open().then(() => {
  window.qamqorBench = api;
  const status = document.getElementById('status');
  if (status) status.textContent = 'ready';
});

/** What the page offers, for the smoke test to hold it to the driver's interface (and to put this file under the typecheck). */
export type Harness = typeof api;
