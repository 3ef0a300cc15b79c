/**
 * Reads for the reports (issue 17), through Dexie only so that useLiveData re-runs them when a write
 * touches what they read. Every read goes through an index on the period's dates; only wheelchair
 * checks (few, and indexed by the recording time, not the check date) are filtered in memory.
 */
import type { Table } from 'dexie';
import { z } from 'zod';
import type { Complaint } from '@shared/complaints';
import type { Hearing, ServiceApplication } from '@shared/hearings';
import type { Intake } from '@shared/intake';
import type { Person } from '@shared/persons';
import { isVoided, type RecordEnvelope } from '@shared/records/envelope';
import type { Period, ReportInput } from '@shared/reports';
import { applicationStages, complaintStages, intakeStages, type StageCatalog, type StageRecord } from '@shared/stages';
import type { WheelchairCheck, WheelchairOrder } from '@shared/wheelchair';
import type { QamqorDb } from '../../db/database';

export const complaintsTable = (db: QamqorDb): Table<Complaint, string> => db.complaints;
export const applicationsTable = (db: QamqorDb): Table<ServiceApplication, string> => db.table<ServiceApplication, string>('applications');
export const hearingsTable = (db: QamqorDb): Table<Hearing, string> => db.table<Hearing, string>('hearings');
export const intakesTable = (db: QamqorDb): Table<Intake, string> => db.table<Intake, string>('intakes');
export const checksTable = (db: QamqorDb): Table<WheelchairCheck, string> => db.table<WheelchairCheck, string>('wheelchairChecks');
export const ordersTable = (db: QamqorDb): Table<WheelchairOrder, string> => db.table<WheelchairOrder, string>('wheelchairOrders');

/** The records of a report; the complaints whole, for the stage counts derived in the same pass. */
export type ReportRecords = Omit<ReportInput, 'period' | 'today' | 'calendar' | 'ruleSets' | 'complaints'> & { complaints: Complaint[] };

const live = (r: Pick<RecordEnvelope, 'voided'>): boolean => !isVoided(r);

/** Complaint statuses with neither a decision nor a withdrawal: their review term may run past any period. */
const OPEN_COMPLAINT_STATUSES = ['registered', 'under-review', 'forwarded', 'remedied'];

/**
 * The complaints received before the period that its monthly series still concern (shared/reports
 * series.ts): those decided in the period and those open at one of its month ends. A decision or
 * withdrawal dated in the period was recorded on or after its date, and every write stamps updatedAt
 * (db/write.ts), so such a complaint was changed on or after the period's first day; a complaint never
 * closed is found by its status. Only the keys are read through those indexes; the records not already
 * read with the period's cohort are fetched once, by key.
 */
async function earlierComplaints(db: QamqorDb, period: Period, cohort: readonly Complaint[]): Promise<Complaint[]> {
  const table = complaintsTable(db);
  const [changed, open] = await Promise.all([
    table.where('updatedAt').aboveOrEqual(period.from).primaryKeys(),
    table.where('status').anyOf(OPEN_COMPLAINT_STATUSES).primaryKeys(),
  ]);
  const have = new Set(cohort.map((c) => c.id));
  const wanted = [...new Set([...changed, ...open])].filter((id) => !have.has(id));
  const rows = await table.bulkGet(wanted);
  return rows.filter((c): c is Complaint => c !== undefined && c.receiptDate < period.from && live(c));
}

/**
 * The records a period report is computed from: the period's records by their dates, and for the
 * complaints' monthly series also the earlier complaints decided in the period or still open in it.
 * Voided records are left out here (issue 16 pt 2: a voided record takes no part in terms or counts);
 * the report functions leave them out as well.
 */
export async function loadReportRecords(db: QamqorDb, period: Period): Promise<ReportRecords> {
  const between = <T>(t: Table<T, string>, index: string) => t.where(index).between(period.from, period.to, true, true).toArray();
  const [cohort, allHearings, allIntakes, allOrders, allChecks] = await Promise.all([
    between(complaintsTable(db), 'receiptDate'),
    between(hearingsTable(db), 'date'),
    between(intakesTable(db), 'registrationDate'),
    between(ordersTable(db), 'orderDate'),
    checksTable(db).toArray(),
  ]);
  const complaints = [...cohort.filter(live), ...(await earlierComplaints(db, period, cohort))];
  const applicationIds = [...new Set(allHearings.map((h) => h.applicationId))];
  const applications = (await applicationsTable(db).bulkGet(applicationIds)).filter((a): a is ServiceApplication => a !== undefined);
  const voidedApplications = new Set(applications.filter((a) => !live(a)).map((a) => a.id));
  // A hearing of a voided application belongs to the mistake and is left out with it.
  const hearings = allHearings.filter((h) => live(h) && !voidedApplications.has(h.applicationId));
  const wheelchairChecks = allChecks.filter((c) => live(c) && c.checkDate >= period.from && c.checkDate <= period.to);
  return {
    complaints,
    hearings,
    applications: applications.filter(live),
    intakes: allIntakes.filter(live),
    wheelchairChecks,
    wheelchairOrders: allOrders.filter(live),
  };
}

let changeCount = 0;

/**
 * Tells a live query when a write touched what a period report reads (issue 17 point 7), without
 * reading the records: counts over the same index ranges as loadReportRecords (a record added, deleted
 * or moved into or out of the period changes its key there), and counts of the records changed since
 * this run started (every write stamps updatedAt, so an update in place moves the record's updatedAt
 * key above the run's start). IndexedDB answers counts without reading the records; Dexie runs the query
 * again on any write that touches one of these ranges, and every run answers a new number.
 */
export async function reportChanges(db: QamqorDb, period: Period): Promise<number> {
  const startedAt = new Date().toISOString();
  const between = <T>(t: Table<T, string>, index: string) => t.where(index).between(period.from, period.to, true, true).count();
  const changed = <T>(t: Table<T, string>) => t.where('updatedAt').aboveOrEqual(startedAt).count();
  const tables = [complaintsTable(db), hearingsTable(db), intakesTable(db), ordersTable(db), checksTable(db), applicationsTable(db)];
  await Promise.all([
    between(complaintsTable(db), 'receiptDate'),
    between(hearingsTable(db), 'date'),
    between(intakesTable(db), 'registrationDate'),
    between(ordersTable(db), 'orderDate'),
    checksTable(db).count(),
    applicationsTable(db).count(),
    // The stage counts come with the report: applications and intakes changed since the period began.
    applicationsTable(db).where('updatedAt').aboveOrEqual(period.from).count(),
    intakesTable(db).where('updatedAt').aboveOrEqual(period.from).count(),
    ...tables.map((t: Table<unknown, string>) => changed(t)),
  ]);
  changeCount += 1;
  return changeCount;
}

/** The records whose stages may fall in a period (see loadStageRecords). */
export interface StageSources {
  applications: readonly ServiceApplication[];
  intakes: readonly Intake[];
  complaints: readonly Complaint[];
}

/** The period's stage records, in date order, from records read for it; voided records have none. */
export function stageRecordsOf(sources: StageSources, period: Period, catalog: StageCatalog): StageRecord[] {
  // A voided record has no stages to report to the monitoring system (issue 16 pt 2).
  const all = [
    ...sources.applications.filter(live).flatMap((a) => applicationStages(a, catalog)),
    ...sources.intakes.filter(live).flatMap((i) => intakeStages(i, catalog)),
    ...sources.complaints.filter(live).flatMap((c) => complaintStages(c, catalog)),
  ];
  return all
    .filter((s) => s.date >= period.from && s.date <= period.to)
    .sort((a, b) => (a.date === b.date ? a.at.localeCompare(b.at) : a.date.localeCompare(b.date)));
}

const changedSince = <T>(t: Table<T, string>, from: string): Promise<T[]> => t.where('updatedAt').aboveOrEqual(from).toArray();

/** The applications and intakes whose stages may fall in the period (changed on or after its first day). */
export async function loadStageApplicationsAndIntakes(db: QamqorDb, period: Period): Promise<Omit<StageSources, 'complaints'>> {
  const [applications, intakes] = await Promise.all([
    changedSince(applicationsTable(db), period.from),
    changedSince(intakesTable(db), period.from),
  ]);
  return { applications, intakes };
}

/**
 * Stage records dated in the period. A stage is recorded on or after its date, so every record with a
 * stage in the period was last changed on or after the period's first day: the updatedAt index finds them.
 */
export async function loadStageRecords(db: QamqorDb, period: Period, catalog: StageCatalog): Promise<StageRecord[]> {
  const [others, complaints] = await Promise.all([
    loadStageApplicationsAndIntakes(db, period),
    changedSince(complaintsTable(db), period.from),
  ]);
  return stageRecordsOf({ ...others, complaints }, period, catalog);
}

/** The IINs of the persons of the given ids. */
export async function iinsOf(db: QamqorDb, personIds: readonly string[]): Promise<Map<string, string>> {
  const persons = await db.persons.bulkGet([...new Set(personIds)]);
  return new Map(persons.filter((p): p is Person => p !== undefined).map((p) => [p.id, p.iin]));
}

const knownOfficesSchema = z.array(z.object({ officeId: z.string(), officeCode: z.string() }).loose());

/** Office id → office code, from this office's profile and the known offices of the bundles section. */
export async function officeCodes(db: QamqorDb, own: { officeId: string; officeCode: string } | null): Promise<Map<string, string>> {
  const row = await db.settings.get('knownOffices');
  const parsed = knownOfficesSchema.safeParse(row?.value ?? []);
  const map = new Map<string, string>(parsed.success ? parsed.data.map((o) => [o.officeId, o.officeCode]) : []);
  if (own) map.set(own.officeId, own.officeCode);
  return map;
}

export type StageSubjectRecord =
  { subject: 'application'; id: string } | { subject: 'intake'; id: string } | { subject: 'complaint'; id: string };

/** The stage log of one record (for its page). */
export async function recordStages(db: QamqorDb, ref: StageSubjectRecord, catalog: StageCatalog): Promise<StageRecord[] | null> {
  switch (ref.subject) {
    case 'application': {
      const a = await applicationsTable(db).get(ref.id);
      return a ? applicationStages(a, catalog) : null;
    }
    case 'intake': {
      const i = await intakesTable(db).get(ref.id);
      return i ? intakeStages(i, catalog) : null;
    }
    case 'complaint': {
      const c = await complaintsTable(db).get(ref.id);
      return c ? complaintStages(c, catalog) : null;
    }
  }
}

export interface FigureRow {
  id: string;
  /** Register number, case-less label or date: what the officer recognises the record by. */
  label: string;
  date: string;
  personId: string;
}

/** The records behind a figure, by table and ids. */
export async function figureRecords(db: QamqorDb, table: string, ids: readonly string[]): Promise<FigureRow[]> {
  const rows = (await db.table<Record<string, unknown>, string>(table).bulkGet([...ids])).filter(
    (r): r is Record<string, unknown> => r !== undefined,
  );
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return rows.map((r) => ({
    id: str(r['id']),
    label: str(r['number']) || str(r['complainantName']) || str(r['supplier']) || str(r['id']).slice(0, 8),
    date: str(r['receiptDate']) || str(r['registrationDate']) || str(r['date']) || str(r['checkDate']) || str(r['orderDate']),
    personId: str(r['personId']),
  }));
}
