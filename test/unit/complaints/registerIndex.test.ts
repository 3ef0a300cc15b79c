/**
 * The register's in-memory index (renderer/src/features/complaints/registerIndex.ts) must give exactly
 * what reading every complaint would give, and stay current as complaints are written.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import kz2025 from '../../../resources/calendar/kz-2025.json';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import type { Complaint } from '@shared/complaints';
import { generateRegister } from '../../support/generator';
import { shippedRuleSets } from '@shared/rules';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { registerIndex } from '../../../renderer/src/features/complaints/registerStore';
import { OPEN_STATUSES } from '../../../renderer/src/features/complaints/repository';
import {
  EMPTY_FILTER,
  queryRegister,
  scanRegister,
  SORTABLE,
  type RegisterFilter,
  type SortColumn,
} from '../../../renderer/src/features/complaints/registerQuery';
import { freshDb, OFFICE } from '../db/testContext';

const today = '2026-11-20';
const soon = '2026-11-23';
const calendar = createWorkingCalendar([kz2025, kz2026].map((y) => calendarYearSchema.parse(y)));
const data = generateRegister(
  5,
  { persons: 60, complaints: 400 },
  {
    office: { officeId: OFFICE.officeId, officeCode: OFFICE.officeCode, officerName: OFFICE.officerName },
    ruleSets: shippedRuleSets,
    calendar,
    today,
    spreadDays: 200,
  },
);

/** The register's rules, written out independently of the index. */
function expected(all: readonly Complaint[], f: RegisterFilter, column: SortColumn, desc: boolean): string[] {
  const q = f.search.trim().toLocaleLowerCase('kk');
  const hits = all.filter((c) => {
    if (f.statuses.length > 0 && !f.statuses.includes(c.status)) return false;
    if (f.flag === 'overdue' && !(c.nextDue !== undefined && c.nextDue < today)) return false;
    if (f.flag === 'due-soon' && !(c.nextDue !== undefined && c.nextDue >= today && c.nextDue <= soon)) return false;
    if (f.addressee && c.addressee !== f.addressee) return false;
    if (f.reviewer && !c.reviewer.toLocaleLowerCase('kk').includes(f.reviewer.toLocaleLowerCase('kk'))) return false;
    if (f.from && c.registrationDate < f.from) return false;
    if (f.to && c.registrationDate > f.to) return false;
    if (f.caseId && c.caseId !== f.caseId) return false;
    if (q) {
      const words = q.split(/\s+/u);
      const byName = words.every((w) => c.searchWords.some((s) => s.startsWith(w)));
      if (!c.number.toLocaleLowerCase('kk').startsWith(q) && !c.complainantIin.startsWith(q) && !byName) return false;
    }
    return true;
  });
  const key = (c: Complaint) => (column === 'nextDue' ? (c.nextDue ?? '\uffff') : String(c[column]));
  hits.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
  if (desc) hits.reverse();
  return hits.map((c) => c.id);
}

async function ids(
  db: QamqorDb,
  f: Partial<RegisterFilter>,
  column: SortColumn = 'registrationDate',
  desc = true,
  scan = false,
): Promise<string[]> {
  const run = scan ? scanRegister : queryRegister;
  const q = await run(db, { ...EMPTY_FILTER, ...f }, { column, desc }, today, soon);
  const rows = await q.page(0, q.total);
  expect(rows).toHaveLength(q.total);
  return rows.map((c) => c.id);
}

let db: QamqorDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.complaints.bulkPut(data.complaints);
});

describe('register index', () => {
  it('answers every filter, search and sort as reading every complaint would, from the index and from the database', async () => {
    await registerIndex(db);
    const sample = data.complaints[123];
    if (!sample) throw new Error('no sample');
    const filters: Partial<RegisterFilter>[] = [
      {},
      { statuses: OPEN_STATUSES },
      { statuses: ['decided'] },
      { flag: 'overdue' },
      { flag: 'due-soon' },
      { addressee: 'state-corporation' },
      { reviewer: 'бекұлы' },
      { from: '2026-08-01', to: '2026-09-15' },
      { from: '2026-10-01' },
      { search: sample.number.slice(0, -2).toLowerCase() },
      { search: sample.complainantIin.slice(0, 6) },
      { search: sample.searchWords.join(' ') },
      { search: `  ${(sample.searchWords[0] ?? '').slice(0, 3).toUpperCase()} ` },
      { statuses: OPEN_STATUSES, addressee: 'department', search: (sample.searchWords[0] ?? '').slice(0, 2) },
      { flag: 'overdue', from: '2026-06-01', reviewer: 'о' },
    ];
    for (const f of filters) {
      for (const column of SORTABLE) {
        for (const desc of [false, true]) {
          const want = expected(data.complaints, { ...EMPTY_FILTER, ...f }, column, desc);
          expect(await ids(db, f, column, desc), `${JSON.stringify(f)} by ${column}${desc ? ' desc' : ''}`).toEqual(want);
          // The database path, used while the index is read: the same answer.
          if (column === 'registrationDate' || column === 'nextDue')
            expect(await ids(db, f, column, desc, true), `scan ${JSON.stringify(f)}`).toEqual(want);
        }
      }
    }
  });

  it('answers a filter from the database while the index is still being read', async () => {
    const sample = data.complaints[77];
    for (const f of [
      { statuses: OPEN_STATUSES },
      { flag: 'overdue' as const },
      { search: sample?.searchWords[0] ?? '' },
      { from: '2026-10-01', to: '2026-10-31' },
    ]) {
      const fresh = freshDb();
      await fresh.open();
      await fresh.complaints.bulkPut(data.complaints);
      // The first query of a fresh window: no index yet.
      expect(await ids(fresh, f), JSON.stringify(f)).toEqual(
        expected(data.complaints, { ...EMPTY_FILTER, ...f }, 'registrationDate', true),
      );
    }
  });

  it('opens the unfiltered register with its first rows before the count is known, when asked to', async () => {
    const order = expected(data.complaints, EMPTY_FILTER, 'registrationDate', true);
    const q = await queryRegister(db, EMPTY_FILTER, { column: 'registrationDate', desc: true }, today, soon, { early: true });
    expect(q.total).toBe(100);
    expect(await q.counting).toBe(data.complaints.length);
    expect((await q.page(0, 100)).map((c) => c.id)).toEqual(order.slice(0, 100));
    expect((await q.page(150, 30)).map((c) => c.id)).toEqual(order.slice(150, 180));
    // Without the option the count is awaited.
    const exact = await queryRegister(db, EMPTY_FILTER, { column: 'number', desc: false }, today, soon);
    expect(exact.total).toBe(data.complaints.length);
    expect(exact.counting).toBeUndefined();
  });

  it('puts complaints with nothing open after every due date, also in the unfiltered register', async () => {
    const asc = await ids(db, {}, 'nextDue', false);
    expect(asc).toHaveLength(data.complaints.length);
    const open = data.complaints.filter((c) => c.nextDue !== undefined).length;
    const byId = new Map(data.complaints.map((c) => [c.id, c]));
    expect(asc.slice(0, open).every((id) => byId.get(id)?.nextDue !== undefined)).toBe(true);
    expect(await ids(db, {}, 'nextDue', true)).toEqual([...asc].reverse());
  });

  it('stays current when complaints are changed, added, removed or rewritten in bulk', async () => {
    const first = await ids(db, { statuses: ['withdrawn'] });
    const target = data.complaints.find((c) => c.status === 'registered');
    if (!target) throw new Error('no registered complaint');
    await db.complaints.put({ ...target, status: 'withdrawn', reviewer: 'Жаңа Тексеруші' });
    expect(await ids(db, { statuses: ['withdrawn'] })).toContain(target.id);
    expect(await ids(db, { reviewer: 'жаңа' })).toEqual([target.id]);

    const added: Complaint = {
      ...target,
      id: '00000000-0000-4000-8000-00000000abcd',
      number: 'ARAL01-2026-99999',
      registrationDate: '2026-11-25',
    };
    await db.complaints.add(added);
    expect((await ids(db, {}, 'registrationDate', true))[0]).toBe(added.id);
    expect(await ids(db, { search: 'ARAL01-2026-9999' })).toEqual([added.id]);

    await db.complaints.delete(added.id);
    expect(await ids(db, { search: 'ARAL01-2026-9999' })).toEqual([]);

    // A complainant's name corrected after a search was made: found by the new name only.
    const renamed = { ...target, status: 'withdrawn' as const, reviewer: 'Жаңа Тексеруші', searchWords: ['жаңаатау'] };
    expect(await ids(db, { search: 'жаңаа' })).toEqual([]);
    await db.complaints.put(renamed);
    expect(await ids(db, { search: 'жаңаа' })).toEqual([target.id]);
    expect(await ids(db, { search: target.searchWords.join(' ') })).not.toContain(target.id);
    await db.complaints.put({ ...renamed, searchWords: target.searchWords });

    // 50 and more records in one call are announced as "everything changed": the index is read again.
    const rewritten = data.complaints.slice(0, 80).map((c) => ({ ...c, addressee: 'quality-control-body' as const }));
    await db.complaints.bulkPut(rewritten);
    const all = data.complaints.map(
      (c) =>
        rewritten.find((r) => r.id === c.id) ??
        (c.id === target.id ? { ...target, status: 'withdrawn' as const, reviewer: 'Жаңа Тексеруші' } : c),
    );
    expect(await ids(db, { addressee: 'quality-control-body' })).toEqual(
      expected(all, { ...EMPTY_FILTER, addressee: 'quality-control-body' }, 'registrationDate', true),
    );
    expect(first).not.toContain(target.id);
  });

  it('keeps what is written while the index is still being read', async () => {
    const building = registerIndex(db);
    const late: Complaint = {
      ...(data.complaints[0] as Complaint),
      id: '00000000-0000-4000-8000-00000000beef',
      number: 'ARAL01-2026-88888',
    };
    await db.complaints.add(late);
    await db.complaints.delete(data.complaints[1]?.id ?? '');
    await building;
    // Asking again waits for changes that arrived after the build finished.
    expect((await registerIndex(db)).size).toBe(data.complaints.length);
    expect(await ids(db, { search: 'aral01-2026-8888' })).toEqual([late.id]);
    expect(await ids(db, {}, 'number', false)).not.toContain(data.complaints[1]?.id);
  });
});
