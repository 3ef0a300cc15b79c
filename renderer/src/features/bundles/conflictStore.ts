/**
 * The conflict queue: edits made in two offices since they last shared a record, waiting for an
 * officer. Stored in the `conflicts` table of schema v3 (`id, table, recordId, status, createdAt`).
 * Everything that touches the queue goes through this module, so moving the queue elsewhere changes
 * one file. A resolved conflict stays in the table with how it was settled: nothing is dropped.
 */
import type { Table } from 'dexie';
import { compareVersions, type RecordEnvelope, type VersionVector } from '@shared/records/envelope';
import { recordKey } from '@shared/bundle/specs';
import type { QamqorDb } from '../../db/database';

export type ConflictStatus = 'open' | 'resolved' | 'settled';

export interface ConflictRow {
  id: string;
  table: string;
  /** The local record the conflict is about. */
  recordId: string;
  status: ConflictStatus;
  createdAt: string;
  /** The incoming copy (for a person merged by IIN: re-keyed to the local person's id). */
  incoming: RecordEnvelope;
  /** For documents whose incoming copy has another file: its bytes, kept until resolved. */
  attachment?: Uint8Array;
  /** For a person merged by IIN: the id the person has in the sending office. */
  aliasOf?: string;
  bundleId: string;
  importId: string;
  sender: { officeId: string; officeCode: string; officeName: string; fingerprint: string };
  /** The officer who made the bundle. */
  officer: string;
  /** How it ended: `resolved` by an officer's choice, `settled` when a later copy already contained both edits. */
  closedAt?: string;
  closedBy?: string;
  result?: RecordEnvelope;
}

export const conflictsTable = (db: QamqorDb): Table<ConflictRow, string> => db.table<ConflictRow, string>('conflicts');

export function openConflicts(db: QamqorDb): Promise<ConflictRow[]> {
  return conflictsTable(db).where('status').equals('open').sortBy('createdAt');
}

export function countOpenConflicts(db: QamqorDb): Promise<number> {
  return conflictsTable(db).where('status').equals('open').count();
}

export function getConflict(db: QamqorDb, id: string): Promise<ConflictRow | undefined> {
  return conflictsTable(db).get(id);
}

/** Incoming versions already queued per `${table}:${recordId}` (open conflicts only). */
export async function queuedVersions(db: QamqorDb, recordIds: Iterable<string>): Promise<Map<string, VersionVector[]>> {
  const ids = [...new Set(recordIds)];
  const out = new Map<string, VersionVector[]>();
  if (ids.length === 0) return out;
  const rows = await conflictsTable(db)
    .where('recordId')
    .anyOf(ids)
    .filter((r) => r.status === 'open')
    .toArray();
  for (const row of rows) {
    const key = recordKey(row.table, row.recordId);
    out.set(key, [...(out.get(key) ?? []), row.incoming.version]);
  }
  return out;
}

/** Open conflicts of any of `recordIds`, in ONE query (an import settles against these in memory). */
export async function openConflictsOf(db: QamqorDb, recordIds: Iterable<string>): Promise<ConflictRow[]> {
  const ids = [...new Set(recordIds)];
  if (ids.length === 0) return [];
  return conflictsTable(db)
    .where('recordId')
    .anyOf(ids)
    .filter((r) => r.status === 'open')
    .toArray();
}

/** Among `rows`, the open conflicts of one record whose incoming copy `version` already contains. */
export function settledAmong(rows: readonly ConflictRow[], table: string, recordId: string, version: VersionVector): ConflictRow[] {
  return rows.filter((r) => {
    if (r.status !== 'open' || r.table !== table || r.recordId !== recordId) return false;
    const order = compareVersions(version, r.incoming.version);
    return order === 'newer' || order === 'equal';
  });
}

/** Open conflicts of one record whose incoming copy `version` already contains (after a resolution or an update). */
export async function conflictsSettledBy(db: QamqorDb, table: string, recordId: string, version: VersionVector): Promise<ConflictRow[]> {
  const rows = await conflictsTable(db).where('recordId').equals(recordId).toArray();
  return settledAmong(rows, table, recordId, version);
}
