import type { Collection } from 'dexie';
import { createWorkingCalendar, addWorkingDays, type CalendarError, type WorkingCalendar } from '@shared/calendar';
import { sha256Hex } from '@shared/bundle/bytes';
import { formatRegisterNumber } from '@shared/cases';
import {
  applyComplaintAction,
  complaintDueDates,
  complaintRegistrationInput,
  nextOpenDue,
  type Complaint,
  type ComplaintAction,
  type ComplaintRegistrationInput,
  type ComplaintStatus,
  type WorkflowError,
} from '@shared/complaints';
import type { OfficeProfile } from '@shared/office';
import { can } from '@shared/officers';
import { fullName, personSearchWords, type PersonInput } from '@shared/persons';
import { createEnvelope, touchEnvelope } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import { ruleSetInForce, type ComplaintAddresseeKind } from '@shared/rules';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import { nextSequence } from '../../db/repositories/counters';
import { addPerson, type PersonWriteError } from '../../db/repositories/persons';
import { readRows, readyRegisterIndex, registerIndex } from './registerIndex';

/** Complaint numbers carry no kind letter: `<office code>-<year>-<sequence>` (issue 3). */
const COMPLAINT_NUMBER_KIND = '';

export type RegisterError =
  | { code: 'invalid'; errors: FieldErrors }
  | { code: 'person'; error: PersonWriteError }
  | { code: 'person-not-found' }
  | { code: 'no-rule-set'; date: string }
  | { code: 'calendar'; error: CalendarError };

export interface NewAttachment {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export async function loadCalendar(db: QamqorDb): Promise<WorkingCalendar> {
  return createWorkingCalendar(await db.calendarYears.toArray());
}

/**
 * Registers a complaint with its incoming number and deadlines in one transaction: the number,
 * the complaint, a new complainant (if one is entered), the attachments and the audit entries land
 * together or not at all.
 */
export async function registerComplaint(
  db: QamqorDb,
  ctx: WriteContext,
  office: OfficeProfile,
  input: ComplaintRegistrationInput,
  options: { newPerson?: PersonInput; attachments?: NewAttachment[] } = {},
): Promise<Result<Complaint, RegisterError>> {
  const withPerson = options.newPerson ? { ...input, personId: input.personId || 'new' } : input;
  const parsed = complaintRegistrationInput.safeParse(withPerson);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const data = parsed.data;
  // Digests are computed before the transaction: awaiting WebCrypto inside it would let IndexedDB commit early.
  const attachments = await Promise.all((options.attachments ?? []).map(async (a) => ({ ...a, digest: await sha256Hex(a.bytes) })));

  class Abort extends Error {
    constructor(readonly error: RegisterError) {
      super(error.code);
    }
  }
  try {
    return await db.transaction(
      'rw',
      [db.complaints, db.persons, db.counters, db.ruleSets, db.calendarYears, db.documents, db.auditLog, db.cases],
      async () => {
        let personId = data.personId;
        if (options.newPerson) {
          const created = await addPerson(db, ctx, options.newPerson);
          if (!created.ok) throw new Abort({ code: 'person', error: created.error });
          personId = created.value.id;
        }
        const person = await db.persons.get(personId);
        if (!person) throw new Abort({ code: 'person-not-found' });
        const ruleSet = ruleSetInForce(await db.ruleSets.toArray(), data.registrationDate);
        if (!ruleSet.ok) throw new Abort({ code: 'no-rule-set', date: data.registrationDate });
        const cal = createWorkingCalendar(await db.calendarYears.toArray());
        const due = complaintDueDates(ruleSet.value.complaints, cal, data);
        if (!due.ok) {
          if (due.error.code === 'unknown-addressee') throw new Abort({ code: 'invalid', errors: { addressee: 'validation.required' } });
          throw new Abort({ code: 'calendar', error: due.error });
        }
        const year = Number(data.registrationDate.slice(0, 4));
        const seq = await nextSequence(db, `complaint:${office.officeCode}:${year}`);
        const now = ctx.now();
        const envelope = createEnvelope(ctx.newId(), ctx.actor, now);
        const attachmentIds: string[] = [];
        for (const a of attachments) {
          const docId = ctx.newId();
          attachmentIds.push(docId);
          await db.documents.add({
            ...createEnvelope(docId, ctx.actor, now),
            ownerId: envelope.id,
            caseId: data.caseId,
            digest: a.digest,
            fileName: a.fileName,
            mimeType: a.mimeType,
            size: a.bytes.byteLength,
            blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mimeType }),
          });
        }
        const complaint: Complaint = {
          ...envelope,
          number: formatRegisterNumber(office.officeCode, COMPLAINT_NUMBER_KIND, year, seq),
          personId,
          caseId: data.caseId,
          complainantName: fullName(person),
          complainantIin: person.iin,
          representative: data.representative,
          receiptDate: data.receiptDate,
          registrationDate: data.registrationDate,
          channel: data.channel,
          addressee: data.addressee,
          serviceId: data.serviceId,
          contested: data.contested,
          contestedRef: data.contestedRef,
          official: data.official,
          text: data.text,
          demands: data.demands,
          attachmentIds,
          acceptedBy: data.acceptedBy,
          answerPlace: data.answerPlace,
          ruleSetId: ruleSet.value.id,
          forwardDue: due.value.forwardDue,
          reviewDue: due.value.reviewDue,
          status: 'registered',
          reviewer: '',
          forwarded: null,
          decision: null,
          withdrawal: null,
          courtNote: null,
          history: [{ from: null, to: 'registered', at: now, by: ctx.actor.officerName }],
          searchWords: personSearchWords(person),
        };
        const next = nextOpenDue(complaint);
        if (next !== undefined) complaint.nextDue = next;
        await db.complaints.add(complaint);
        await appendAudit(db, ctx, { action: 'create', table: 'complaints', recordId: complaint.id, after: complaint });
        return ok(complaint);
      },
    );
  } catch (e: unknown) {
    if (e instanceof Abort) return err(e.error);
    throw e;
  }
}

export type ActionError = WorkflowError | { code: 'not-found' } | { code: 'forbidden' };

/** One workflow step; the record's version is bumped and the change is audited. */
export async function applyAction(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  action: ComplaintAction,
): Promise<Result<Complaint, ActionError>> {
  // Issue 8: only a head records decisions on complaints.
  if (action.type === 'decide' && !can(ctx.roles, 'decision.record')) return err({ code: 'forbidden' });
  return db.transaction('rw', db.complaints, db.auditLog, async () => {
    const before = await db.complaints.get(id);
    if (!before) return err({ code: 'not-found' } as const);
    const patch = applyComplaintAction(before, action, ctx.actor.officerName, ctx.now());
    if (!patch.ok) return patch;
    const after: Complaint = touchEnvelope({ ...before, ...patch.value }, ctx.actor, ctx.now());
    const next = nextOpenDue(after);
    if (next === undefined) delete after.nextDue;
    else after.nextDue = next;
    await db.complaints.put(after);
    await appendAudit(db, ctx, {
      action: action.type === 'court-note' ? 'update' : 'status',
      table: 'complaints',
      recordId: id,
      before: { status: before.status },
      after: { status: after.status, action },
    });
    return ok(after);
  });
}

export function getComplaint(db: QamqorDb, id: string): Promise<Complaint | undefined> {
  return db.complaints.get(id);
}

/**
 * After an administrator changes a calendar year, open complaints get their deadlines recomputed
 * with the rule set they were registered under, so a decree's transfer of days off moves them.
 */
export async function recomputeOpenDeadlines(db: QamqorDb, ctx: WriteContext): Promise<number> {
  return db.transaction('rw', [db.complaints, db.ruleSets, db.calendarYears, db.auditLog], async () => {
    const cal = createWorkingCalendar(await db.calendarYears.toArray());
    const ruleSets = await db.ruleSets.toArray();
    const open = await db.complaints.where('status').anyOf(OPEN_STATUSES).toArray();
    let changed = 0;
    for (const c of open) {
      const rs = ruleSets.find((r) => r.id === c.ruleSetId);
      if (!rs) continue;
      const due = complaintDueDates(rs.complaints, cal, c);
      if (!due.ok || (due.value.forwardDue === c.forwardDue && due.value.reviewDue === c.reviewDue)) continue;
      const after: Complaint = touchEnvelope(
        { ...c, forwardDue: due.value.forwardDue, reviewDue: due.value.reviewDue },
        ctx.actor,
        ctx.now(),
      );
      const next = nextOpenDue(after);
      if (next === undefined) delete after.nextDue;
      else after.nextDue = next;
      await db.complaints.put(after);
      await appendAudit(db, ctx, {
        action: 'update',
        table: 'complaints',
        recordId: c.id,
        before: { forwardDue: c.forwardDue, reviewDue: c.reviewDue },
        after: due.value,
      });
      changed += 1;
    }
    return changed;
  });
}

export const OPEN_STATUSES: ComplaintStatus[] = ['registered', 'under-review', 'forwarded'];

/** The last day that still counts as "due soon": the next working day after today. */
export function dueSoonLimit(cal: WorkingCalendar, today: string): string {
  const next = addWorkingDays(cal, today, 1);
  return next.ok ? next.value : today;
}

export interface DashboardCounts {
  open: number;
  dueSoon: number;
  overdue: number;
}

export async function complaintCounts(db: QamqorDb, today: string, soonLimit: string): Promise<DashboardCounts> {
  const [open, dueSoon, overdue] = await Promise.all([
    db.complaints.where('status').anyOf(OPEN_STATUSES).count(),
    db.complaints.where('nextDue').between(today, soonLimit, true, true).count(),
    db.complaints.where('nextDue').below(today).count(),
  ]);
  return { open, dueSoon, overdue };
}

// ---------------------------------------------------------------------------------------------
// The register: filters and sorting through indexes, rows fetched page by page.

export interface RegisterFilter {
  statuses: ComplaintStatus[];
  flag: 'overdue' | 'due-soon' | null;
  addressee: ComplaintAddresseeKind | null;
  reviewer: string;
  from: string;
  to: string;
  search: string;
  /** Also look for the search words in the complaint text (a full scan). */
  searchText: boolean;
  caseId: string | null;
}

export const EMPTY_FILTER: RegisterFilter = {
  statuses: [],
  flag: null,
  addressee: null,
  reviewer: '',
  from: '',
  to: '',
  search: '',
  searchText: false,
  caseId: null,
};

export const SORTABLE = ['number', 'registrationDate', 'receiptDate', 'nextDue', 'status', 'complainantName', 'reviewer'] as const;
export type SortColumn = (typeof SORTABLE)[number];
export interface RegisterSort {
  column: SortColumn;
  desc: boolean;
}

export interface RegisterQuery {
  total: number;
  page(offset: number, limit: number): Promise<Complaint[]>;
  /**
   * Only with `early`: the count still under way; `total` is then the number of rows known so far
   * (the first screen) and more follow.
   */
  counting?: Promise<number>;
}

const INDEXED_SORT: ReadonlySet<SortColumn> = new Set(['number', 'registrationDate', 'receiptDate', 'nextDue', 'status', 'reviewer']);

function isEmpty(f: RegisterFilter): boolean {
  return f.statuses.length === 0 && !f.flag && !f.addressee && !f.reviewer && !f.from && !f.to && !f.search.trim() && !f.caseId;
}

function matches(c: Complaint, f: RegisterFilter, today: string, soon: string): boolean {
  if (f.statuses.length > 0 && !f.statuses.includes(c.status)) return false;
  if (f.flag === 'overdue' && !(c.nextDue !== undefined && c.nextDue < today)) return false;
  if (f.flag === 'due-soon' && !(c.nextDue !== undefined && c.nextDue >= today && c.nextDue <= soon)) return false;
  if (f.addressee && c.addressee !== f.addressee) return false;
  if (f.reviewer && !c.reviewer.toLocaleLowerCase('kk').includes(f.reviewer.toLocaleLowerCase('kk'))) return false;
  if (f.from && c.registrationDate < f.from) return false;
  if (f.to && c.registrationDate > f.to) return false;
  if (f.caseId && c.caseId !== f.caseId) return false;
  const q = f.search.trim().toLocaleLowerCase('kk');
  if (q) {
    const words = q.split(/\s+/u);
    const byNumber = c.number.toLocaleLowerCase('kk').startsWith(q);
    const byIin = c.complainantIin.startsWith(q);
    const byName = words.every((w) => c.searchWords.some((s) => s.startsWith(w)));
    const byText = f.searchText && c.text.toLocaleLowerCase('kk').includes(q);
    if (!byNumber && !byIin && !byName && !byText) return false;
  }
  return true;
}

function sortValue(c: Complaint, column: SortColumn): string {
  if (column === 'nextDue') return c.nextDue ?? '\uffff';
  return String(c[column]);
}

/** Rows of the first screen, read together with the count when the register opens. */
const FIRST_ROWS = 100;
const INDEX_AFTER_FIRST_ROWS_MS = 250;

function pagesOf(db: QamqorDb, ids: readonly string[]): RegisterQuery {
  return {
    total: ids.length,
    page: (offset, limit) => readRows(db, ids.slice(offset, offset + limit)),
  };
}

/**
 * Runs a register query. Every filter, sort and search (except the full-text search in the complaint
 * text) is answered by the in-memory register index (registerIndex.ts), which yields the sorted ids;
 * pages of rows are then read by id as the officer scrolls. Until the index is read, which happens in
 * the background the first time the register opens, the unfiltered register pages straight through
 * the sort index (offset/limit) and other queries wait for the index. With `early`, the unfiltered
 * register resolves with its first rows before the count is known (see `RegisterQuery.counting`).
 */
export async function queryRegister(
  db: QamqorDb,
  filter: RegisterFilter,
  sort: RegisterSort,
  today: string,
  soon: string,
  options: { early?: boolean } = {},
): Promise<RegisterQuery> {
  const fullText = filter.searchText && filter.search.trim() !== '';
  if (!fullText) {
    const ready = readyRegisterIndex(db);
    if (ready)
      return pagesOf(db, isEmpty(filter) ? ready.all(sort.column, sort.desc) : ready.query(filter, sort.column, sort.desc, today, soon));
    // Complaints without a next due date are not in the nextDue index: that order needs the register index.
    if (isEmpty(filter) && INDEXED_SORT.has(sort.column) && sort.column !== 'nextDue') {
      const ordered = () => {
        const c = db.complaints.orderBy(sort.column);
        return sort.desc ? c.reverse() : c;
      };
      const firstRows = ordered().limit(FIRST_ROWS).toArray();
      // IndexedDB counts by walking the whole index (half a second at 100,000 complaints): the first
      // rows need not wait for it when the caller can show the total later.
      const counting = options.early ? null : db.complaints.count();
      const first = await firstRows;
      // The index is read once the first rows are drawn, so it does not delay them.
      setTimeout(() => void registerIndex(db).catch(() => undefined), INDEX_AFTER_FIRST_ROWS_MS);
      const page = (offset: number, limit: number) =>
        offset + limit <= first.length || first.length < FIRST_ROWS
          ? Promise.resolve(first.slice(offset, offset + limit))
          : ordered().offset(offset).limit(limit).toArray();
      if (first.length < FIRST_ROWS) return { total: first.length, page };
      const count = counting ?? db.complaints.count();
      if (options.early) return { total: first.length, counting: count, page };
      return { total: await count, page };
    }
    // Another order of the whole register needs every complaint: the index reads them anyway.
    if (isEmpty(filter)) {
      const index = await registerIndex(db);
      return pagesOf(db, index.all(sort.column, sort.desc));
    }
    // A filter while the index is still being read: a narrow one is answered from the database
    // meanwhile; a wide one would read as much as the index does, so it waits for the index.
    const building = registerIndex(db);
    const candidates = await candidatesOf(db, filter, today, soon);
    const few =
      candidates.size ??
      (
        await candidates
          .make()
          .limit(SCAN_LIMIT + 1)
          .primaryKeys()
      ).length;
    if (few > SCAN_LIMIT) {
      const index = await building;
      return pagesOf(db, index.query(filter, sort.column, sort.desc, today, soon));
    }
    building.catch(() => undefined);
    return scanRegister(db, filter, sort, today, soon, candidates.make());
  }
  return scanRegister(db, filter, sort, today, soon);
}

/** While the index is read, a filter with more candidates than this waits for it rather than reading them. */
const SCAN_LIMIT = 2_000;

/**
 * The complaints a filter must look at, through its most selective database index; `size` when it is
 * known without reading (the search ranges). `make` gives a fresh collection each time: a Dexie
 * collection keeps its position, so one read to count and another to scan must not share it.
 */
async function candidatesOf(
  db: QamqorDb,
  filter: RegisterFilter,
  today: string,
  soon: string,
): Promise<{ make: () => Collection<Complaint, string>; size?: number }> {
  const q = filter.search.trim().toLocaleLowerCase('kk');
  if (filter.flag === 'overdue') return { make: () => db.complaints.where('nextDue').below(today) };
  if (filter.flag === 'due-soon') return { make: () => db.complaints.where('nextDue').between(today, soon, true, true) };
  if (filter.caseId) {
    const caseId = filter.caseId;
    return { make: () => db.complaints.where('caseId').equals(caseId) };
  }
  if (q && !filter.searchText) {
    // A hit comes from the number, the IIN or a name word: three prefix ranges. Numbers are written
    // in capitals (COMPLAINT_NUMBER), so the range is the upper-cased search.
    const first = q.split(/\s+/u)[0] ?? q;
    const ids = [
      ...new Set<string>([
        ...(await db.complaints.where('number').startsWith(q.toUpperCase()).primaryKeys()),
        ...(/^\d+$/u.test(q) ? await db.complaints.where('complainantIin').startsWith(q).primaryKeys() : []),
        ...(await db.complaints.where('searchWords').startsWith(first).primaryKeys()),
      ]),
    ];
    return { make: () => db.complaints.where('id').anyOf(ids), size: ids.length };
  }
  if (filter.statuses.length > 0) {
    const statuses = filter.statuses;
    return { make: () => db.complaints.where('status').anyOf(statuses) };
  }
  if (filter.addressee) {
    const addressee = filter.addressee;
    return { make: () => db.complaints.where('addressee').equals(addressee) };
  }
  if (filter.from || filter.to)
    return { make: () => db.complaints.where('registrationDate').between(filter.from || '0000', filter.to || '9999', true, true) };
  return { make: () => db.complaints.toCollection() };
}

/**
 * The register through IndexedDB alone: the most selective index narrows the candidates, each one is
 * read and checked. Used for the full-text search (the complaint text is not in the register index)
 * and while the index is being read.
 */
export async function scanRegister(
  db: QamqorDb,
  filter: RegisterFilter,
  sort: RegisterSort,
  today: string,
  soon: string,
  candidates?: Collection<Complaint, string>,
): Promise<RegisterQuery> {
  const collection = candidates ?? (await candidatesOf(db, filter, today, soon)).make();
  const keyed: { id: string; key: string }[] = [];
  await collection.each((c) => {
    if (matches(c, filter, today, soon)) keyed.push({ id: c.id, key: sortValue(c, sort.column) });
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1));
  if (sort.desc) keyed.reverse();
  return pagesOf(
    db,
    keyed.map((k) => k.id),
  );
}
