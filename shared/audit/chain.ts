import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, toAuditValue, type AuditValue } from './canonical';
import { diffValues, type FieldChange } from './diff';

/**
 * The audit trail is a hash chain: every entry carries the digest of the entry before it and its own
 * digest over everything it says (seq and prevDigest included). Editing an entry breaks its own digest;
 * removing one leaves a gap in `seq` (IndexedDB's key generator never hands a number out twice, and an
 * aborted transaction gives its number back); inserting or moving one breaks the link of the entry that
 * follows. Hashing is synchronous (`@noble/hashes`) because entries are appended inside other
 * repositories' IndexedDB transactions, which commit as soon as the code awaits anything else.
 *
 * What a plain hash chain cannot show: someone who rewrites the whole chain from some entry on with the
 * same algorithm, or who cuts entries off the end. Both need an anchor kept elsewhere: the head
 * (`seq` and `digest` of the last entry), which verification reports, can be recorded in backups.
 */

export const AUDIT_FORMAT = 1;

/** prevDigest of the first chained entry of a trail that has no entries from before the chain. */
export const GENESIS_DIGEST = '0'.repeat(64);

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'status',
  'print',
  'export',
  'import',
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'lock',
  'password',
  'settings',
  'withdraw',
  'archive',
  'backup',
  'restore',
  // A head voided a record made by mistake (issue 16 point 2); the entry carries the reason.
  'void',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One stored entry. A create (or an event such as a print) keeps the record or the event details in
 * `after`; an update keeps only `changes`, the field-level diff; a record that disappears keeps its last
 * state in `before`. Binary content is never copied (see `toAuditValue`).
 */
export interface AuditEntry {
  seq: number;
  format: typeof AUDIT_FORMAT;
  /** ISO timestamp (UTC) of the write. */
  at: string;
  /** Display name of the officer who made the change. */
  officer: string;
  officeId: string;
  action: AuditAction;
  /** Table of the record (`persons`, `complaints`…) or the subject of an event (`session`). */
  table: string;
  recordId: string;
  before?: AuditValue;
  after?: AuditValue;
  changes?: FieldChange[];
  prevDigest: string;
  digest: string;
}

export type UnsealedEntry = Omit<AuditEntry, 'digest'>;

/** What an entry says about the record, from what the repository handed over. */
export function auditPayload(before: unknown, after: unknown): Pick<AuditEntry, 'before' | 'after' | 'changes'> {
  if (before !== undefined && after !== undefined) return { changes: diffValues(toAuditValue(before), toAuditValue(after)) };
  if (after !== undefined) return { after: toAuditValue(after) };
  if (before !== undefined) return { before: toAuditValue(before) };
  return {};
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The digest of an entry: SHA-256 of the canonical JSON of every field except `digest` itself. */
export function entryDigest(entry: Readonly<Record<string, unknown>>): string {
  const { digest: _digest, ...content } = entry;
  return sha256Hex(canonicalJson(content));
}

export function sealEntry(entry: UnsealedEntry): AuditEntry {
  return { ...entry, digest: entryDigest(entry) };
}

/** An entry written before the chain existed (issue 8): it has neither digest nor prevDigest. */
export function isLegacyRow(row: Readonly<Record<string, unknown>>): boolean {
  return !('digest' in row) && !('prevDigest' in row);
}

/**
 * The link from the chain to the last entry written before it. Legacy entries cannot be verified
 * (nothing vouches for them), but anchoring the first chained entry on the last of them shows when
 * that entry is later changed or the legacy entries are cut off.
 */
export function legacyDigest(row: Readonly<Record<string, unknown>>): string {
  return sha256Hex(canonicalJson(toAuditValue(row)));
}

/** The prevDigest of the entry appended after `previous` (undefined for an empty trail). */
export function nextPrevDigest(previous: Readonly<Record<string, unknown>> | undefined): string {
  if (previous === undefined) return GENESIS_DIGEST;
  return typeof previous.digest === 'string' ? previous.digest : legacyDigest(previous);
}

export type ChainBreak =
  /** The entry's content no longer matches its digest, or the digest was stripped: it was altered. */
  | { kind: 'edited'; seq: number | string; reason: 'digest-mismatch' | 'digest-missing' | 'malformed' }
  /** Sequence numbers `missingFrom`–`missingTo` are absent before `seq`: entries were removed. */
  | { kind: 'removed'; seq: number; afterSeq: number | null; missingFrom: number; missingTo: number }
  /**
   * The entry is intact but does not follow the entry before it (its prevDigest points elsewhere, or its
   * key is not the next whole number): an entry was inserted, moved, or removed and the rest renumbered.
   */
  | { kind: 'inserted'; seq: number | string; afterSeq: number | null; reason: 'prev-digest-mismatch' | 'seq-not-integer' };

export interface ChainReport {
  /** Entries read, legacy ones included. */
  read: number;
  /** Chained entries whose digest and link were checked and found right. */
  verified: number;
  /** The leading run of entries written before the chain existed, which cannot be verified. */
  legacy: { count: number; firstSeq: number | string; lastSeq: number | string } | null;
  /** The last verified entry: record it elsewhere (a backup) to detect later truncation or rewriting. */
  head: { seq: number; digest: string } | null;
  /** The first break, if any; verification stops there. */
  break: ChainBreak | null;
}

/**
 * Checks the trail entry by entry, in seq order, holding only the previous entry's seq and digest, so a
 * trail of any length can be fed a page at a time.
 */
export class ChainVerifier {
  private read = 0;
  private verified = 0;
  private legacy: ChainReport['legacy'] = null;
  private lastLegacyRow: Readonly<Record<string, unknown>> | undefined;
  private chainStarted = false;
  private prevSeq: number | null = null;
  private prevDigest: string = GENESIS_DIGEST;
  private head: ChainReport['head'] = null;
  private broken: ChainBreak | null = null;

  /** Feeds the next row; returns the break when this row is the first broken one. */
  push(row: unknown): ChainBreak | null {
    if (this.broken) return this.broken;
    this.read += 1;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return this.fail({ kind: 'edited', seq: this.prevSeq === null ? '?' : `${this.prevSeq}+`, reason: 'malformed' });
    }
    const r = row as Readonly<Record<string, unknown>>;
    const seq = typeof r.seq === 'number' ? r.seq : String(r.seq);

    if (!this.chainStarted && isLegacyRow(r)) {
      this.legacy = this.legacy
        ? { ...this.legacy, count: this.legacy.count + 1, lastSeq: seq }
        : { count: 1, firstSeq: seq, lastSeq: seq };
      this.lastLegacyRow = r;
      return null;
    }

    if (typeof r.digest !== 'string' || typeof r.prevDigest !== 'string')
      return this.fail({ kind: 'edited', seq, reason: 'digest-missing' });
    let actual: string;
    try {
      actual = entryDigest(r);
    } catch {
      return this.fail({ kind: 'edited', seq, reason: 'malformed' });
    }
    if (actual !== r.digest) return this.fail({ kind: 'edited', seq, reason: 'digest-mismatch' });
    if (typeof seq !== 'number' || !Number.isInteger(seq)) {
      return this.fail({ kind: 'inserted', seq, afterSeq: this.prevSeq, reason: 'seq-not-integer' });
    }

    const first = !this.chainStarted;
    const expectedPrev = first ? nextPrevDigest(this.lastLegacyRow) : this.prevDigest;
    // The gap between the legacy run and the chain predates the chain, so it is not judged; the anchor is.
    const expectedSeq = first && this.legacy ? null : (this.prevSeq ?? 0) + 1;
    if (expectedSeq !== null && seq > expectedSeq) {
      return this.fail({ kind: 'removed', seq, afterSeq: this.prevSeq, missingFrom: expectedSeq, missingTo: seq - 1 });
    }
    if (r.prevDigest !== expectedPrev) return this.fail({ kind: 'inserted', seq, afterSeq: this.prevSeq, reason: 'prev-digest-mismatch' });

    this.chainStarted = true;
    this.prevSeq = seq;
    this.prevDigest = r.digest;
    this.head = { seq, digest: r.digest };
    this.verified += 1;
    return null;
  }

  private fail(b: ChainBreak): ChainBreak {
    this.broken = b;
    return b;
  }

  get isBroken(): boolean {
    return this.broken !== null;
  }

  report(): ChainReport {
    return { read: this.read, verified: this.verified, legacy: this.legacy, head: this.head, break: this.broken };
  }
}

/** Verifies a whole trail held in memory (tests, exported trails); the app verifies page by page. */
export function verifyChain(rows: Iterable<unknown>): ChainReport {
  const v = new ChainVerifier();
  for (const row of rows) if (v.push(row)) break;
  return v.report();
}
