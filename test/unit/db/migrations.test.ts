import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { QamqorDb } from '../../../renderer/src/db/database';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/schema';
import { searchPersons } from '../../../renderer/src/db/repositories/persons';

/**
 * Frozen copies of every shipped schema version. A release that edits a shipped version instead of
 * appending a new one fails here, because databases in the field were created with these exact stores.
 */
const SHIPPED: Record<number, Record<string, string>> = {
  1: {
    settings: 'key',
    persons: 'id, &iin, *searchWords, lastName, updatedAt',
    cases: 'id, &caseNumber, personId, registrationDate, status, updatedAt',
    applications: 'id, caseId, personId, service, status, registrationDate, updatedAt',
    complaints: 'id, &number, caseId, personId, status, registrationDate, updatedAt',
    hearings: 'id, caseId, applicationId, date, updatedAt',
    intakes: 'id, caseId, personId, registrationDate, updatedAt',
    wheelchairChecks: 'id, caseId, personId, checkedAt, updatedAt',
    documents: 'id, ownerId, caseId, digest, updatedAt',
    ruleSets: 'id, validFrom',
    calendarYears: 'year',
    auditLog: '++seq, at, recordId, officer',
    importHistory: 'id, bundleId, importedAt',
    counters: 'key',
  },
  2: {
    complaints:
      'id, &number, caseId, personId, status, registrationDate, receiptDate, updatedAt, nextDue, addressee, reviewer, complainantIin, *searchWords',
    rehabProgrammes: 'id, caseId, personId, number, expiresOn, updatedAt',
    wheelchairOrders: 'id, caseId, personId, programmeId, orderDate, updatedAt',
    hearingMinutes: 'id, hearingId, applicationId, caseId, updatedAt',
  },
  3: {
    officers: 'id, &login',
    conflicts: 'id, table, recordId, status, createdAt',
  },
};

const envelope = (id: string) => ({
  id,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  createdBy: 'Жанар Омарова',
  updatedBy: 'Жанар Омарова',
  originOffice: 'office-1',
  updatedInOffice: 'office-1',
  version: { 'office-1': 1 },
});

/** One row for every table that exists in `version`, as a release of that version wrote them. */
function populated(version: number): Record<string, unknown[]> {
  const v1 = {
    settings: [
      {
        key: 'officeProfile',
        value: {
          officeId: 'office-1',
          officeCode: 'ARAL01',
          region: 'kyzylorda',
          district: 'Арал',
          officeName: 'Бөлім',
          officerName: 'Жанар Омарова',
          createdAt: '2026-01-05T09:00:00.000Z',
        },
      },
    ],
    persons: [
      {
        ...envelope('p1'),
        iin: '921103405676',
        lastName: 'Сейтқали',
        firstName: 'Әлия',
        middleName: '',
        address: 'Қызылорда',
        phone: '',
        disabilityGroup: 'II',
        disabilityCategory: null,
        legalRepresentative: null,
        birthDate: '1992-11-03',
        sex: 'female',
        searchWords: ['сейтқали', 'әлия'],
      },
    ],
    cases: [
      {
        ...envelope('c1'),
        caseNumber: 'ARAL01-C2026-00001',
        personId: 'p1',
        registrationDate: '2026-01-05',
        subject: 'Іс',
        status: 'open',
        ruleSetId: 'rs',
      },
    ],
    applications: [{ ...envelope('a1'), caseId: 'c1', personId: 'p1', service: 's', status: 'registered', registrationDate: '2026-01-05' }],
    complaints: [
      {
        ...envelope('k0'),
        number: 'ARAL01-2025-00009',
        caseId: null,
        personId: 'p1',
        status: 'registered',
        registrationDate: '2025-12-29',
        forwardDue: null,
        reviewDue: '2026-01-06',
        forwarded: null,
        decision: null,
      },
      {
        ...envelope('k1'),
        number: 'ARAL01-2026-00001',
        caseId: 'c1',
        personId: 'p1',
        status: 'registered',
        registrationDate: '2026-01-05',
      },
    ],
    hearings: [{ ...envelope('h1'), caseId: 'c1', applicationId: 'a1', date: '2026-01-09' }],
    intakes: [{ ...envelope('i1'), caseId: 'c1', personId: 'p1', registrationDate: '2026-01-05' }],
    wheelchairChecks: [{ ...envelope('w1'), caseId: 'c1', personId: 'p1', checkedAt: '2026-01-05' }],
    documents: [{ ...envelope('d1'), ownerId: 'k1', caseId: 'c1', digest: 'ab'.repeat(32), bytes: new Uint8Array([1, 2, 3]) }],
    ruleSets: [{ id: 'rs', validFrom: '2021-12-20', validTo: null, titleKk: 'Ереже', titleRu: 'Правила' }],
    calendarYears: [{ year: 2026, holidays: [], extraDaysOff: [], workingWeekends: [], verified: false }],
    auditLog: [{ at: '2026-01-05T09:00:00.000Z', officer: 'Жанар Омарова', action: 'create', recordId: 'p1', table: 'persons' }],
    importHistory: [{ id: 'imp1', bundleId: 'b1', importedAt: '2026-01-05T09:00:00.000Z' }],
    counters: [{ key: 'case:ARAL01:2026', last: 1 }],
  };
  if (version < 2) return v1;
  const v2 = {
    ...v1,
    complaints: [
      {
        ...envelope('k2'),
        number: 'ARAL01-2026-00002',
        caseId: null,
        personId: 'p1',
        status: 'registered',
        registrationDate: '2026-01-05',
        receiptDate: '2026-01-05',
        forwardDue: '2026-01-08',
        reviewDue: '2026-01-12',
        nextDue: '2026-01-08',
        addressee: 'department',
        reviewer: '',
        complainantIin: '921103405676',
        searchWords: ['сейтқали', 'әлия'],
        forwarded: null,
        decision: null,
      },
    ],
    rehabProgrammes: [{ ...envelope('r1'), caseId: 'c1', personId: 'p1', number: 'ОЖБ-1', expiresOn: '2027-01-01' }],
    wheelchairOrders: [{ ...envelope('o1'), caseId: 'c1', personId: 'p1', programmeId: 'r1', orderDate: '2026-01-06' }],
    hearingMinutes: [{ ...envelope('m1'), hearingId: 'h1', applicationId: 'a1', caseId: 'c1' }],
  };
  if (version < 3) return v2;
  return {
    ...v2,
    officers: [
      {
        id: 'o1',
        login: 'zhanar',
        fullName: 'Жанар Омарова',
        position: 'бас маман',
        roles: ['administrator', 'head'],
        password: { algorithm: 'PBKDF2-SHA-256', iterations: 600000, salt: 'c2FsdA==', hash: 'aGFzaA==' },
        active: true,
        createdAt: '2026-01-05T09:00:00.000Z',
        updatedAt: '2026-01-05T09:00:00.000Z',
        passwordChangedAt: '2026-01-05T09:00:00.000Z',
      },
    ],
    conflicts: [{ id: 'x1', table: 'persons', recordId: 'p1', status: 'open', createdAt: '2026-01-06T09:00:00.000Z' }],
  };
}

/** What the current code must find after upgrading a database of `version`. */
function expectedAfterUpgrade(version: number): Record<string, unknown[]> {
  const rows = populated(version);
  if (version >= 2) return rows;
  // The v2 upgrade indexes v1 complaints: the next due date when they had due dates, and search words.
  return {
    ...rows,
    complaints: (rows.complaints ?? []).map((c) =>
      (c as { id: string }).id === 'k0'
        ? { ...(c as object), nextDue: '2026-01-06', searchWords: [] }
        : { ...(c as object), searchWords: [] },
    ),
  };
}

describe('schema versions', () => {
  it('keeps every shipped version unchanged and in order', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    for (const [version, stores] of Object.entries(SHIPPED)) {
      expect(SCHEMA_VERSIONS.find((v) => v.version === Number(version))?.stores).toEqual(stores);
    }
  });

  for (const version of Object.keys(SHIPPED).map(Number)) {
    it(`opens a populated version-${version} database with the current code and loses nothing`, async () => {
      const name = `migration-v${version}-${Math.random()}`;
      const old = new Dexie(name);
      for (let v = 1; v <= version; v++) old.version(v).stores(SHIPPED[v] ?? {});
      const rows = populated(version);
      await old.open();
      for (const [table, data] of Object.entries(rows)) await old.table(table).bulkAdd(data);
      old.close();

      const db = new QamqorDb(name);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version);
      for (const [table, data] of Object.entries(expectedAfterUpgrade(version))) {
        const stored = await db.table(table).toArray();
        expect(stored, table).toEqual(data.map((row, i) => (table === 'auditLog' ? { ...(row as object), seq: i + 1 } : row)));
      }
      // Indexes still answer after the upgrade.
      expect((await searchPersons(db, 'әлия')).map((p) => p.id)).toEqual(['p1']);
      expect(await db.cases.where('caseNumber').equals('ARAL01-C2026-00001').count()).toBe(1);
      db.close();
    });
  }
});
