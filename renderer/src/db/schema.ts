/**
 * The one place where the IndexedDB schema is declared. Every version ever shipped stays in
 * SCHEMA_VERSIONS, in order, so that a database created by any earlier release upgrades step by step
 * (Dexie replays the versions it has not seen). Never edit a shipped version: append a new one.
 */
import type { Transaction } from 'dexie';
import { nextOpenDue, type Complaint } from '@shared/complaints';

export interface SchemaVersion {
  version: number;
  /** Only the stores that change in this version (Dexie keeps the others as they were). */
  stores: Record<string, string | null>;
  /** Data migration run inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
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
  {
    version: 2,
    stores: {
      // the complaint register filters and sorts through indexes (issue 3): nextDue makes "overdue" and
      // "due soon" range queries; *searchWords finds complainants by any part of the name
      complaints:
        'id, &number, caseId, personId, status, registrationDate, receiptDate, updatedAt, nextDue, addressee, reviewer, complainantIin, *searchWords',
      // individual rehabilitation programmes (ОЖБ) and wheelchair orders (issue 6)
      rehabProgrammes: 'id, caseId, personId, number, expiresOn, updatedAt',
      wheelchairOrders: 'id, caseId, personId, programmeId, orderDate, updatedAt',
      // hearing minutes (хаттама, issue 4), one per hearing, corrected only by addenda
      hearingMinutes: 'id, hearingId, applicationId, caseId, updatedAt',
    },
    upgrade: async (tx) => {
      // Complaints written before the register existed get the indexed next due date.
      await tx
        .table<Complaint, string>('complaints')
        .toCollection()
        .modify((c) => {
          if (c.nextDue === undefined && typeof c.reviewDue === 'string') {
            const due = nextOpenDue(c);
            if (due !== undefined) c.nextDue = due;
          }
          if (!Array.isArray(c.searchWords)) c.searchWords = [];
        });
    },
  },
  {
    version: 3,
    stores: {
      // local accounts (issue 8): unique sign-in name; accounts are deactivated, never deleted
      officers: 'id, &login',
      // edits made in two offices since they diverged wait here for an officer (issue 7)
      conflicts: 'id, table, recordId, status, createdAt',
    },
  },
];
