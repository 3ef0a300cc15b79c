/**
 * The register's queries: filters and sorting through the in-memory register index (registerIndex.ts)
 * or the database indexes, rows fetched page by page.
 */
import type { Collection } from 'dexie';
import { isForwardMissed, type Complaint, type ComplaintStatus } from '@shared/complaints';
import type { ComplaintAddresseeKind } from '@shared/rules';
import type { QamqorDb } from '../../db/database';
import { readRows, readyRegisterIndex, registerIndex, verifyRegisterIndex } from './registerStore';

/**
 * overdue / due-soon: an open deadline (nextDue); forward-missed: the 3-working-day forwarding term was
 * broken and stays so (000 L75, issue 18 point 11), whatever happened after.
 */
export const REGISTER_FLAGS = ['overdue', 'due-soon', 'forward-missed'] as const;
export type RegisterFlag = (typeof REGISTER_FLAGS)[number];

/**
 * Voided complaints (issue 16 point 2) are shown by default, marked: the register is the journal of
 * incoming numbers (seed 000 L67), and a number with no row would look like a gap or a lost complaint.
 * `hide` leaves them out (the dashboard's "open" link does, to match its count), `only` lists them.
 */
export const VOIDED_FILTERS = ['all', 'hide', 'only'] as const;
export type VoidedFilter = (typeof VOIDED_FILTERS)[number];

export interface RegisterFilter {
  statuses: ComplaintStatus[];
  flag: RegisterFlag | null;
  addressee: ComplaintAddresseeKind | null;
  reviewer: string;
  from: string;
  to: string;
  search: string;
  /** Also look for the search words in the complaint text (a full scan). */
  searchText: boolean;
  caseId: string | null;
  voided: VoidedFilter;
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
  voided: 'all',
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
  return (
    f.statuses.length === 0 &&
    !f.flag &&
    !f.addressee &&
    !f.reviewer &&
    !f.from &&
    !f.to &&
    !f.search.trim() &&
    !f.caseId &&
    f.voided === 'all'
  );
}

function matches(c: Complaint, f: RegisterFilter, today: string, soon: string): boolean {
  if (f.statuses.length > 0 && !f.statuses.includes(c.status)) return false;
  if ((f.voided === 'hide' && c.voided) || (f.voided === 'only' && !c.voided)) return false;
  if (f.flag === 'overdue' && !(c.nextDue !== undefined && c.nextDue < today)) return false;
  if (f.flag === 'due-soon' && !(c.nextDue !== undefined && c.nextDue >= today && c.nextDue <= soon)) return false;
  if (f.flag === 'forward-missed' && !isForwardMissed(c, today)) return false;
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
    await verifyRegisterIndex(db);
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
