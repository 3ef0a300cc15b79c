import type { Table } from 'dexie';
import {
  AUDIT_FORMAT,
  auditPayload,
  ChainVerifier,
  nextPrevDigest,
  sealEntry,
  type AuditAction,
  type AuditEntry,
  type ChainReport,
  type UnsealedEntry,
} from '@shared/audit';
import type { WriteContext } from '../context';
import type { QamqorDb } from '../database';

export type { AuditAction, AuditEntry, ChainReport } from '@shared/audit';

/**
 * A row of the auditLog store as read back: chained entries (`AuditEntry`), and entries written before
 * the chain existed, which have neither digest nor prevDigest.
 */
export type AuditTrailRow =
  | AuditEntry
  | (Omit<AuditEntry, 'prevDigest' | 'digest' | 'format' | 'officeId'> & {
      prevDigest?: undefined;
      digest?: undefined;
      format?: undefined;
      officeId?: string;
    });

/** The auditLog store typed with the chained entry format (database.ts declares the older row type). */
export function auditTable(db: QamqorDb): Table<AuditTrailRow, number> {
  return db.table<AuditTrailRow, number>('auditLog');
}

export interface AuditInput {
  action: AuditAction;
  table: string;
  recordId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the chain. Call it INSIDE the write transaction of the change it records, with
 * `db.auditLog` among that transaction's tables, so the record and its entry land together or not at
 * all, and so appends from two windows are serialised by IndexedDB (each reads the last entry and writes
 * the next in one transaction). Everything here is either an IndexedDB request or synchronous (SHA-256
 * by @noble/hashes): awaiting anything else would let the caller's transaction commit early.
 *
 * For an update pass both `before` and `after`: only the changed fields are stored. For a create pass
 * `after`; for an event (print, export, sign-in) pass its details in `after`.
 */
export async function appendAudit(db: QamqorDb, ctx: WriteContext, entry: AuditInput): Promise<void> {
  const table = auditTable(db);
  // Joins the caller's transaction when there is one (Dexie nests a transaction on a subset of the
  // parent's tables into the parent), and opens its own otherwise, so read-last-then-add stays atomic.
  await db.transaction('rw', table, async () => {
    const previous = await table.orderBy(':id').last();
    const draft: Omit<UnsealedEntry, 'seq'> = {
      format: AUDIT_FORMAT,
      at: ctx.now(),
      officer: ctx.actor.officerName,
      officeId: ctx.actor.officeId,
      action: entry.action,
      table: entry.table,
      recordId: entry.recordId,
      ...auditPayload(entry.before, entry.after),
      prevDigest: nextPrevDigest(previous as Readonly<Record<string, unknown>> | undefined),
    };
    // The key generator hands out seq (never reused, even after the last entry is deleted, so a removed
    // tail followed by a new entry leaves a visible gap); the digest covers seq, so it is sealed after.
    const seq = await table.add(draft as AuditTrailRow);
    await table.put(sealEntry({ ...draft, seq }));
  });
}

/**
 * Records an event that is not part of a record's write (sign-in, print, export, backup) in a
 * transaction of its own. Do not call it inside a transaction that lacks `db.auditLog`.
 */
export async function recordAuditEvent(db: QamqorDb, ctx: WriteContext, entry: AuditInput): Promise<void> {
  await db.transaction('rw', auditTable(db), () => appendAudit(db, ctx, entry));
}

export interface AuditFilter {
  officer?: string;
  action?: string;
  table?: string;
  recordId?: string;
  /** ISO timestamps: entries with fromAt <= at < toAt. */
  fromAt?: string;
  toAt?: string;
}

export interface AuditPage {
  entries: AuditTrailRow[];
  /** Pass as `beforeSeq` for the next (older) page; undefined on the last page. */
  nextBeforeSeq: number | undefined;
}

function matches(row: AuditTrailRow, f: AuditFilter, beforeSeq: number | undefined): boolean {
  if (beforeSeq !== undefined && !(typeof row.seq === 'number' && row.seq < beforeSeq)) return false;
  if (f.officer && row.officer !== f.officer) return false;
  if (f.action && row.action !== f.action) return false;
  if (f.table && row.table !== f.table) return false;
  if (f.recordId && row.recordId !== f.recordId) return false;
  if (f.fromAt && !(row.at >= f.fromAt)) return false;
  if (f.toAt && !(row.at < f.toAt)) return false;
  return true;
}

/**
 * Newest first, one page at a time, paged by seq so a page costs the same however deep it is. A record
 * id or an officer goes through its index (whose entries are in seq order); the rest filter the scan.
 */
export async function listAudit(
  db: QamqorDb,
  filter: AuditFilter,
  options: { beforeSeq?: number; limit?: number } = {},
): Promise<AuditPage> {
  const limit = options.limit ?? 50;
  const before = options.beforeSeq;
  const table = auditTable(db);
  const base = filter.recordId
    ? table.where('recordId').equals(filter.recordId)
    : filter.officer
      ? table.where('officer').equals(filter.officer)
      : before !== undefined
        ? table.where(':id').below(before)
        : table.toCollection();
  const rows = await base
    .reverse()
    .filter((r) => matches(r, filter, before))
    .limit(limit + 1)
    .toArray();
  const entries = rows.slice(0, limit);
  const last = entries[entries.length - 1];
  return { entries, nextBeforeSeq: rows.length > limit && last ? last.seq : undefined };
}

/** Every entry about one record, oldest first. */
export async function recordHistory(db: QamqorDb, table: string, recordId: string): Promise<AuditTrailRow[]> {
  const rows = await auditTable(db).where('recordId').equals(recordId).toArray();
  return rows.filter((r) => r.table === table).sort((a, b) => a.seq - b.seq);
}

export function getAuditEntry(db: QamqorDb, seq: number): Promise<AuditTrailRow | undefined> {
  return auditTable(db).get(seq);
}

/** Officers named in the trail, for the filter (read from the index, not the entries). */
export async function auditOfficers(db: QamqorDb): Promise<string[]> {
  const keys = await auditTable(db).orderBy('officer').uniqueKeys();
  return keys.filter((k): k is string => typeof k === 'string');
}

/** The last entry's seq and digest: the anchor a backup can keep to detect later truncation. */
export async function auditHead(db: QamqorDb): Promise<{ seq: number; digest: string | null } | null> {
  const last = await auditTable(db).orderBy(':id').last();
  return last ? { seq: last.seq, digest: typeof last.digest === 'string' ? last.digest : null } : null;
}

export interface VerifyOptions {
  pageSize?: number;
  onProgress?: (read: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Walks the chain in seq order a page at a time, each page in its own short read transaction (so a long
 * verification never blocks officers' writes; entries appended meanwhile are verified too), and stops
 * at the first break. Never holds more than one page in memory.
 */
export async function verifyAuditTrail(db: QamqorDb, options: VerifyOptions = {}): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 500;
  const table = auditTable(db);
  const total = await table.count();
  const verifier = new ChainVerifier();
  let read = 0;
  let lastKey: number | undefined;
  options.onProgress?.(0, total);
  for (;;) {
    options.signal?.throwIfAborted();
    // Keys are read as stored (a tampered row may carry a non-integer or non-numeric key).
    const page = await (lastKey === undefined ? table.orderBy(':id') : table.where(':id').above(lastKey)).limit(pageSize).toArray();
    if (page.length === 0) break;
    for (const row of page) {
      read += 1;
      if (verifier.push(row)) {
        options.onProgress?.(read, Math.max(total, read));
        return verifier.report();
      }
    }
    lastKey = (page[page.length - 1] as AuditTrailRow).seq;
    options.onProgress?.(read, Math.max(total, read));
    if (page.length < pageSize) break;
    // Lets the page paint the progress between pages.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return verifier.report();
}
