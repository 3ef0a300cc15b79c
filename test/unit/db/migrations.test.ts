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

/** One row for every table of version 1, as a version-1 release wrote them. */
function populatedV1(): Record<string, unknown[]> {
  return {
    settings: [{ key: 'officeProfile', value: { officeId: 'office-1', officeCode: 'ARAL01', region: 'kyzylorda', district: 'Арал', officeName: 'Бөлім', officerName: 'Жанар Омарова', createdAt: '2026-01-05T09:00:00.000Z' } }],
    persons: [
      { ...envelope('p1'), iin: '921103405676', lastName: 'Сейтқали', firstName: 'Әлия', middleName: '', address: 'Қызылорда', phone: '', disabilityGroup: 'II', disabilityCategory: null, legalRepresentative: null, birthDate: '1992-11-03', sex: 'female', searchWords: ['сейтқали', 'әлия'] },
    ],
    cases: [{ ...envelope('c1'), caseNumber: 'ARAL01-C2026-00001', personId: 'p1', registrationDate: '2026-01-05', subject: 'Іс', status: 'open', ruleSetId: 'rs' }],
    applications: [{ ...envelope('a1'), caseId: 'c1', personId: 'p1', service: 's', status: 'registered', registrationDate: '2026-01-05' }],
    complaints: [{ ...envelope('k1'), number: 'ARAL01-2026-00001', caseId: 'c1', personId: 'p1', status: 'registered', registrationDate: '2026-01-05' }],
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
      const rows = populatedV1();
      await old.open();
      for (const [table, data] of Object.entries(rows)) await old.table(table).bulkAdd(data);
      old.close();

      const db = new QamqorDb(name);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version);
      for (const [table, data] of Object.entries(rows)) {
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
