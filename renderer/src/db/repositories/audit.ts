import Dexie, { type Table, type Transaction } from 'dexie';
import {
  AUDIT_FORMAT,
  auditPayload,
  disclosureAudit,
  nextPrevDigest,
  sealEntry,
  mergeRuns,
  parseSignedHead,
  signCheckpoint,
  TrustVerifier,
  verifySignedHead,
  type AuditAction,
  type AppendedRun,
  type AuditAnchor,
  type AuditCheckpointBody,
  type Disclosure,
  type SignedAuditHead,
  type TrustReport,
  type UnsealedEntry,
} from '@shared/audit';
import { readBackupSettings, BACKUP_SETTINGS_KEY } from '@shared/backup/settings';
import { generateOfficeKeys, importSigningKey } from '@shared/bundle/crypto';
import type { WriteContext } from '../context';
import type { QamqorDb } from '../database';
import type { AuditTrailRow } from '../auditRow';

export type { AuditTrailRow } from '../auditRow';

export type { AuditAction, AuditAnchor, Disclosure, SignedAuditHead, TrustReport } from '@shared/audit';

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

/** An entry's fields before it is chained: who, when, what (one place for `appendAudit` and `appendAuditBatch`). */
function auditDraft(ctx: WriteContext, entry: AuditInput): Omit<UnsealedEntry, 'seq' | 'prevDigest'> {
  return {
    format: AUDIT_FORMAT,
    at: ctx.now(),
    officer: ctx.actor.officerName,
    officeId: ctx.actor.officeId,
    action: entry.action,
    table: entry.table,
    recordId: entry.recordId,
    ...auditPayload(entry.before, entry.after),
  };
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
      ...auditDraft(ctx, entry),
      prevDigest: nextPrevDigest(previous as Readonly<Record<string, unknown>> | undefined),
    };
    // The key generator hands out seq (never reused, even after the last entry is deleted, so a removed
    // tail followed by a new entry leaves a visible gap); the digest covers seq, so it is sealed after.
    const seq = await table.add(draft as AuditTrailRow);
    const sealed = sealEntry({ ...draft, seq });
    await table.put(sealed);
    trackAppend(db, Dexie.currentTransaction, { fromSeq: seq, fromPrevDigest: sealed.prevDigest, seq, digest: sealed.digest });
  });
}

/** Rows per bulk request in `appendAuditBatch`: one request of this size stays well under a 50 ms task. */
const AUDIT_BATCH_CHUNK = 1000;

/**
 * Appends many entries (an import, a restore) in order, chained exactly as `appendAudit` chains them one
 * by one (same digests), inside the caller's transaction (with `db.auditLog` among its tables). The head
 * is read once; each chunk of at most 1000 rows is added with one `bulkAdd` (the key generator hands out
 * the seqs, never reused, as in `appendAudit`), sealed synchronously and written back with one `bulkPut`,
 * the chunks one after the other. The whole run is registered for checkpoint signing once the
 * outermost transaction commits. Source: issue 19 (trust), shared/audit/README.md "chain".
 */
export async function appendAuditBatch(db: QamqorDb, ctx: WriteContext, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const table = auditTable(db);
  await db.transaction('rw', table, async () => {
    const previous = await table.orderBy(':id').last();
    let prevDigest = nextPrevDigest(previous as Readonly<Record<string, unknown>> | undefined);
    let run: AppendedRun | null = null;
    for (let start = 0; start < inputs.length; start += AUDIT_BATCH_CHUNK) {
      const drafts = inputs.slice(start, start + AUDIT_BATCH_CHUNK).map((entry) => auditDraft(ctx, entry));
      const seqs = await table.bulkAdd(drafts as AuditTrailRow[], { allKeys: true });
      const sealed = drafts.map((draft, i) => {
        const entry = sealEntry({ ...draft, prevDigest, seq: seqs[i] as number });
        prevDigest = entry.digest;
        return entry;
      });
      await table.bulkPut(sealed);
      const first = sealed[0] as (typeof sealed)[number];
      const last = sealed[sealed.length - 1] as (typeof sealed)[number];
      run = run ?? { fromSeq: first.seq, fromPrevDigest: first.prevDigest, seq: first.seq, digest: first.digest };
      run = { ...run, seq: last.seq, digest: last.digest };
    }
    if (run) trackAppend(db, Dexie.currentTransaction, run);
  });
}

/**
 * Records an event that is not part of a record's write (sign-in, print, export, backup) in a
 * transaction of its own. Do not call it inside a transaction that lacks `db.auditLog`.
 */
export async function recordAuditEvent(db: QamqorDb, ctx: WriteContext, entry: AuditInput): Promise<void> {
  await db.transaction('rw', auditTable(db), () => appendAudit(db, ctx, entry));
}

/**
 * Records a disclosure (a print, PDF, XLSX/CSV export, bundle, backup, export of the trail): who, what
 * (record ids or the filter) and how many. Its own transaction, like any event.
 */
export async function recordDisclosure(db: QamqorDb, ctx: WriteContext, disclosure: Disclosure): Promise<void> {
  await recordAuditEvent(db, ctx, disclosureAudit(disclosure));
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

// ---------------------------------------------------------------------------------------------------
// Signed checkpoints (issue 19)

export const CHECKPOINT_PREFIX = 'auditCheckpoint/';
const checkpointKey = (seq: number): string => `${CHECKPOINT_PREFIX}${String(seq).padStart(15, '0')}`;
const OFFICE_KEYS = 'officeSigningKeys';

/** Signs, one after the other, the runs this window appended (never entries it did not write). */
class CheckpointSigner {
  private queue: AppendedRun[] = [];
  private running: Promise<void> | null = null;
  failure: unknown = null;

  constructor(private readonly db: QamqorDb) {}

  add(run: AppendedRun): void {
    this.queue.push(run);
    this.kick();
  }

  private kick(): void {
    if (this.running || this.queue.length === 0) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const runs = mergeRuns(this.queue.splice(0));
      try {
        await signRuns(this.db, runs);
        this.failure = null;
      } catch (e: unknown) {
        // Shown by the verify panel; the runs stay unsigned, so verification reports them.
        this.failure = e;
      }
    }
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
  }
}

const signers = new WeakMap<QamqorDb, CheckpointSigner>();
function signerFor(db: QamqorDb): CheckpointSigner {
  let s = signers.get(db);
  if (!s) {
    s = new CheckpointSigner(db);
    signers.set(db, s);
  }
  return s;
}

const pendingRuns = new WeakMap<Transaction, AppendedRun>();

/**
 * Called by appendAudit inside the write: remembers the run of the outermost transaction and hands it
 * to the signer once that transaction has committed (an aborted one signs nothing).
 */
function trackAppend(db: QamqorDb, current: Transaction | null | undefined, entry: AppendedRun): void {
  let root = current;
  while (root?.parent) root = root.parent;
  if (!root) {
    signerFor(db).add(entry);
    return;
  }
  const run = pendingRuns.get(root);
  if (run) {
    pendingRuns.set(root, { ...run, seq: entry.seq, digest: entry.digest });
    return;
  }
  pendingRuns.set(root, entry);
  const tx = root;
  tx.on('complete', () => {
    const done = pendingRuns.get(tx);
    pendingRuns.delete(tx);
    if (done) signerFor(db).add(done);
  });
}

interface StoredKeys {
  publicKey: Uint8Array;
  privateKeyPkcs8: Uint8Array;
}

function isStoredKeys(v: unknown): v is StoredKeys {
  return (
    typeof v === 'object' &&
    v !== null &&
    'publicKey' in v &&
    v.publicKey instanceof Uint8Array &&
    'privateKeyPkcs8' in v &&
    v.privateKeyPkcs8 instanceof Uint8Array
  );
}

/** The office keys (settings `officeSigningKeys`); made here when the office has none yet, the first pair stored wins. */
async function officeKeys(db: QamqorDb, create: boolean): Promise<StoredKeys | null> {
  const existing = (await db.settings.get(OFFICE_KEYS))?.value;
  if (isStoredKeys(existing)) return existing;
  if (!create) return null;
  const fresh = await generateOfficeKeys();
  return db.transaction('rw', db.settings, async () => {
    const again = (await db.settings.get(OFFICE_KEYS))?.value;
    if (isStoredKeys(again)) return again;
    await db.settings.put({ key: OFFICE_KEYS, value: fresh });
    return fresh;
  });
}

/**
 * The first checkpoint of a trail written before checkpoints existed vouches, on trust, for the chained
 * entries already there (README: "baseline").
 */
async function baselineFor(db: QamqorDb, firstRun: AppendedRun): Promise<AuditCheckpointBody | null> {
  const any = await db.settings.where('key').startsWith(CHECKPOINT_PREFIX).first();
  if (any) return null;
  const table = auditTable(db);
  const first = await table.filter((r) => typeof r.digest === 'string').first();
  const last = await table.get(firstRun.fromSeq - 1);
  if (!first || !last || typeof last.digest !== 'string' || first.seq > last.seq || typeof first.prevDigest !== 'string') return null;
  return {
    kind: 'baseline',
    fromSeq: first.seq,
    fromPrevDigest: first.prevDigest,
    seq: last.seq,
    digest: last.digest,
    signedAt: new Date().toISOString(),
  };
}

async function signRuns(db: QamqorDb, runs: readonly AppendedRun[]): Promise<void> {
  const first = runs[0];
  if (!first) return;
  const keys = await officeKeys(db, true);
  if (!keys) return;
  const key = await importSigningKey(keys.privateKeyPkcs8);
  const signedAt = new Date().toISOString();
  const baseline = await baselineFor(db, first);
  const bodies: AuditCheckpointBody[] = [...(baseline ? [baseline] : []), ...runs.map((r) => ({ kind: 'run' as const, ...r, signedAt }))];
  const signed = await Promise.all(bodies.map((b) => signCheckpoint(key, keys.publicKey, b)));
  await db.transaction('rw', db.settings, async () => {
    for (const head of signed) await db.settings.put({ key: checkpointKey(head.seq), value: head });
  });
  const newest = signed[signed.length - 1];
  if (newest) headSinks.get(db)?.(newest);
}

const headSinks = new WeakMap<QamqorDb, (head: SignedAuditHead) => void>();

/** Told the newest signed head once per signing batch: the head kept outside IndexedDB (features/audit/headFile.ts). */
export function setAuditHeadSink(db: QamqorDb, sink: ((head: SignedAuditHead) => void) | null): void {
  if (sink) headSinks.set(db, sink);
  else headSinks.delete(db);
}

/** Waits until this window has signed every run it appended (call it outside any transaction). */
export async function flushAuditSigning(db: QamqorDb): Promise<void> {
  await signerFor(db).flush();
}

/** The last signing failure of this window (null when the last signing succeeded). */
export function auditSigningFailure(db: QamqorDb): unknown {
  return signerFor(db).failure;
}

/**
 * The latest signed checkpoint: the head of the chain as the office signed it. Backups, bundles and
 * the export of the trail carry it, so a truncation or rewrite of the database shows when verified
 * against them. Outside a transaction it first waits for this window's pending signatures; inside one
 * (awaiting WebCrypto there would commit it early) it returns the latest head already stored.
 */
export async function readSignedAuditHead(db: QamqorDb): Promise<SignedAuditHead | null> {
  if (!Dexie.currentTransaction) await flushAuditSigning(db);
  const row = await db.settings.where('key').startsWith(CHECKPOINT_PREFIX).last();
  return row ? parseSignedHead(row.value) : null;
}

/** Every stored checkpoint, split into those the office key vouches for and the rest. */
async function loadCheckpoints(db: QamqorDb): Promise<{ valid: SignedAuditHead[]; invalid: number }> {
  const keys = await officeKeys(db, false);
  const rows = await db.settings.where('key').startsWith(CHECKPOINT_PREFIX).toArray();
  const valid: SignedAuditHead[] = [];
  let invalid = 0;
  for (const row of rows) {
    const head = parseSignedHead(row.value);
    if (head && keys && (await verifySignedHead(head, keys.publicKey))) valid.push(head);
    else invalid += 1;
  }
  return { valid, invalid };
}

/** The head the last backup recorded (settings `backupSettings.last`): an anchor kept by the backup file too. */
async function lastBackupAnchor(db: QamqorDb): Promise<AuditAnchor[]> {
  const last = readBackupSettings((await db.settings.get(BACKUP_SETTINGS_KEY))?.value).last;
  return last && last.auditSeq !== null && last.auditDigest !== null
    ? [{ seq: last.auditSeq, digest: last.auditDigest, source: `backup ${last.fileName}` }]
    : [];
}

/** Heads recorded elsewhere, checked as well: a signed head file, a backup, a bundle, an exported trail. */
export async function anchorFromSignedHead(db: QamqorDb, value: unknown, source: string): Promise<AuditAnchor | null> {
  const head = parseSignedHead(value);
  const keys = await officeKeys(db, false);
  if (!head || !keys || !(await verifySignedHead(head, keys.publicKey))) return null;
  return { seq: head.seq, digest: head.digest, source };
}

export interface VerifyOptions {
  pageSize?: number;
  onProgress?: (read: number, total: number) => void;
  signal?: AbortSignal;
  /** Heads recorded outside this database (already checked with `anchorFromSignedHead`). */
  anchors?: readonly AuditAnchor[];
}

/**
 * Walks the chain in seq order a page at a time, each page in its own short read transaction (so a long
 * verification never blocks officers' writes), against the signed checkpoints and the heads recorded
 * elsewhere, and stops at the first break. Entries appended after it started are left for the next run.
 */
export async function verifyAuditTrail(db: QamqorDb, options: VerifyOptions = {}): Promise<TrustReport> {
  const pageSize = options.pageSize ?? 500;
  const table = auditTable(db);
  await flushAuditSigning(db);
  const last = await table.orderBy(':id').last();
  const endSeq = typeof last?.seq === 'number' ? last.seq : Number.POSITIVE_INFINITY;
  const total = await table.count();
  const { valid, invalid } = await loadCheckpoints(db);
  const anchors = [...(await lastBackupAnchor(db)), ...(options.anchors ?? [])];
  const verifier = new TrustVerifier(valid, anchors, invalid);
  let read = 0;
  let lastKey: number | undefined;
  options.onProgress?.(0, total);
  for (;;) {
    options.signal?.throwIfAborted();
    // Keys are read as stored (a tampered row may carry a non-integer or non-numeric key).
    const page = await (lastKey === undefined ? table.orderBy(':id') : table.where(':id').above(lastKey)).limit(pageSize).toArray();
    if (page.length === 0) break;
    const mine = page.filter((r) => !(typeof r.seq === 'number' && r.seq > endSeq));
    for (const row of mine) {
      read += 1;
      if (verifier.push(row)) {
        options.onProgress?.(read, Math.max(total, read));
        return verifier.finish();
      }
    }
    options.onProgress?.(read, Math.max(total, read));
    if (page.length < pageSize || mine.length < page.length) break;
    lastKey = (page[page.length - 1] as AuditTrailRow).seq;
    // Lets the page paint the progress between pages.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  return verifier.finish();
}

export const TRAIL_EXPORT_FORMAT = 'qamqor-audit-trail';

/**
 * The export of the trail (JSON): every entry as stored, and the signed head, so the file alone can be
 * verified later (and its head used as an anchor). The export itself is a disclosure and is recorded
 * first, so the file includes its own entry.
 */
export async function exportAuditTrail(db: QamqorDb, ctx: WriteContext): Promise<{ text: string; count: number }> {
  const count = await auditTable(db).count();
  await recordDisclosure(db, ctx, { form: 'audit-trail', medium: 'json', table: 'auditLog', count: count + 1 });
  const signedHead = await readSignedAuditHead(db);
  const entries = await auditTable(db).orderBy(':id').toArray();
  const exportedAt = new Date().toISOString();
  return { text: JSON.stringify({ format: TRAIL_EXPORT_FORMAT, exportedAt, signedHead, entries }, null, 1), count: entries.length };
}

/** The signed head inside a file the officer picked: a head file, an exported trail, or `{ signedHead }`. */
export function signedHeadIn(json: unknown): unknown {
  if (typeof json === 'object' && json !== null && 'signedHead' in json) return json.signedHead;
  return json;
}
