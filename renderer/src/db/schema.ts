/**
 * The one place where the IndexedDB schema is declared. Every version ever shipped stays in
 * SCHEMA_VERSIONS, in order, so that a database created by any earlier release upgrades step by step
 * (Dexie replays the versions it has not seen). Never edit a shipped version: append a new one.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  /** Data migration run inside the upgrade transaction (Dexie `upgrade`). */
  upgradeNote?: string;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // key-value settings: office profile, current officer, signing keys (later), preferences
      settings: 'key',
      // &iin: one person per IIN in an office; searchWords: prefix search by any part of the name
      persons: 'id, &iin, *searchWords, lastName, updatedAt',
      cases: 'id, &caseNumber, personId, registrationDate, status, updatedAt',
      applications: 'id, caseId, personId, service, status, registrationDate, updatedAt',
      complaints: 'id, &number, caseId, personId, status, registrationDate, updatedAt',
      hearings: 'id, caseId, applicationId, date, updatedAt',
      intakes: 'id, caseId, personId, registrationDate, updatedAt',
      wheelchairChecks: 'id, caseId, personId, checkedAt, updatedAt',
      // attachments as Blobs, stored once by SHA-256 digest
      documents: 'id, ownerId, caseId, digest, updatedAt',
      ruleSets: 'id, validFrom',
      calendarYears: 'year',
      // ++seq: the audit trail is an append-only chain ordered by sequence
      auditLog: '++seq, at, recordId, officer',
      importHistory: 'id, bundleId, importedAt',
      // gapless register-number sequences per office, kind and year
      counters: 'key',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
