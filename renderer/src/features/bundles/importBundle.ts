/**
 * Applying a decoded bundle. `prepareImport` reads every local record the plan needs (before any
 * write transaction: the plan is pure and synchronous), `applyImport` writes all of it in ONE Dexie
 * transaction or nothing: records, documents with their Blobs rebuilt from the attachment bytes,
 * conflicts into the queue, person aliases, the import-history row and the audit entries. Inside the
 * transaction it first re-checks that no record changed since the preview; if one did, it writes
 * nothing and asks for a new preview.
 *
 * Speed (issue 14 points 5, 6 and 8; docs/performance.md names the causes): inside the transaction the
 * records are written with `bulkPut` per table in chunks of {@link PUT_CHUNK} rows, issued one after
 * another, and the open conflicts the import may settle are read with ONE query and settled in memory
 * (one `bulkPut`), instead of one put and one conflict query per record. The audit entries are built in
 * memory in the order of the writes and chained by `appendAuditBatch` in bulk requests.
 */
import Dexie from 'dexie';
import { checkCarriedHead, type CarriedHeadProblem } from '@shared/audit';
import type { DecodedBundle } from '@shared/bundle';
import {
  BUNDLE_TABLE_NAMES,
  DOCUMENTS_TABLE,
  applyOperations,
  emptyImportCounts,
  localKeysNeeded,
  planImport,
  withoutBlob,
  type ImportPreview,
  type LocalSnapshot,
  type BundleDocument,
} from '@shared/bundle/specs';
import { canonicalJson } from '@shared/bundle/bytes';
import type { RecordEnvelope, VersionVector } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAuditBatch, type AuditInput } from '../../db/repositories/audit';
import { isQuotaError } from '../../ui/errors';
import { conflictsTable, openConflictsOf, queuedVersions, settledAmong, type ConflictRow } from './conflictStore';
import { aliasKey, importHistoryTable, importsOfBundle, knownOfficesForDecoding, personAliases, type ImportHistoryRow } from './repository';

export interface ImportSession {
  fileName: string;
  decoded: DecodedBundle;
  snapshot: LocalSnapshot;
  preview: ImportPreview;
  /** Earlier imports of the same bundle id. */
  previousImports: ImportHistoryRow[];
  /**
   * What is wrong with the signed audit head the file carries (issue 19, shared/audit/carried.ts), checked
   * when the session is prepared; `applyImport` refuses such a session. Absent or null: nothing wrong.
   */
  headProblem?: CarriedHeadProblem | null;
}

type Row = RecordEnvelope & Record<string, unknown>;

/** Reads what the plan needs and plans the import (no writes). */
export async function prepareImport(db: QamqorDb, fileName: string, decoded: DecodedBundle): Promise<ImportSession> {
  const keys = localKeysNeeded(decoded.tables);
  const aliases = await personAliases(db, keys.personIds);
  for (const alias of aliases.values()) keys.ids.set('persons', new Set([...(keys.ids.get('persons') ?? []), alias.localId]));

  const records = new Map<string, Map<string, RecordEnvelope>>();
  for (const [table, ids] of keys.ids) {
    if (!BUNDLE_TABLE_NAMES.includes(table)) continue;
    const list = [...ids];
    const found = await db.table<Row, string>(table).bulkGet(list);
    const byId = new Map<string, RecordEnvelope>();
    found.forEach((r) => {
      if (r) byId.set(r.id, r);
    });
    records.set(table, byId);
  }
  const personsByIin = new Map<string, RecordEnvelope>();
  if (keys.iins.size > 0)
    for (const p of await db.persons
      .where('iin')
      .anyOf([...keys.iins])
      .toArray())
      personsByIin.set(p.iin, p);

  const uniqueOwners = new Map<string, Map<string, Map<string, string>>>();
  for (const [table, fields] of keys.unique) {
    const byField = new Map<string, Map<string, string>>();
    for (const [field, values] of fields) {
      const owners = new Map<string, string>();
      for (const r of await db
        .table<Row, string>(table)
        .where(field)
        .anyOf([...values])
        .toArray()) {
        const v = r[field];
        if (typeof v === 'string') owners.set(v, r.id);
      }
      byField.set(field, owners);
    }
    uniqueOwners.set(table, byField);
  }

  const recordIds = new Set<string>();
  for (const k of keys.recordKeys) recordIds.add(k.slice(k.indexOf(':') + 1));
  // Persons merged by IIN queue their conflicts under the local id.
  for (const p of personsByIin.values()) recordIds.add(p.id);
  for (const a of aliases.values()) recordIds.add(a.localId);
  const queued = await queuedVersions(db, recordIds);

  const snapshot: LocalSnapshot = { records, personsByIin, uniqueOwners, queued, aliases };
  const preview = planImport({ tables: decoded.tables, attachments: decoded.attachments, rejected: decoded.rejected }, snapshot);
  const headProblem = await checkCarriedHead(decoded.signedHead, decoded.sender.publicKey, decoded.officeTables['auditLog'] ?? null);
  return { fileName, decoded, snapshot, preview, previousImports: await importsOfBundle(db, decoded.manifest.bundleId), headProblem };
}

export type ApplyError =
  /** Records were rejected: bad input writes nothing. */
  | { code: 'rejected' }
  /** A record changed (another window, another import) since the preview. */
  | { code: 'stale' }
  /**
   * The sender is not a known office and the bundle would overwrite records this office already
   * holds: not applied until an administrator trusts the office (issue 14 C12).
   * `detail` is the sender's fingerprint, to compare by phone.
   */
  | { code: 'untrusted'; detail: string }
  /**
   * The signed audit head the bundle carries is not the sender's, or the audit entries it carries do not
   * reach it (issue 19; shared/audit/carried.ts): the file was altered after it was signed. Nothing is written.
   */
  | { code: 'audit-head'; problem: CarriedHeadProblem }
  /**
   * A full disk or an exhausted storage quota (issue 19 point 5): IndexedDB aborted the whole
   * transaction, nothing was written. A code, not a text: the apply runs in the bundle worker, which
   * has no translations; the page says `errors.quota`.
   */
  | { code: 'quota' }
  | { code: 'failed'; detail: string };

export type ApplyResult = { kind: 'nothing' } | { kind: 'applied'; history: ImportHistoryRow; conflicts: number; written: number };

class Stale extends Error {}

/** Rows per `bulkPut` call: small enough that no single IndexedDB task holds the page for long. */
const PUT_CHUNK = 500;

/** Records written so far out of all records the import writes (for a progress bar). */
export interface ApplyProgress {
  done: number;
  total: number;
}

export interface ApplyOptions {
  onProgress?: (progress: ApplyProgress) => void;
  /**
   * The caller vouches for the sender (a restore: an administrator's act on the office's own encrypted
   * backup), so an unknown sender's updates are applied.
   */
  senderTrusted?: boolean;
}

/**
 * Whether applying needs the sender trusted first (issue 14 C12): the sender is not in the
 * known-offices list and the bundle would overwrite records this office holds. New records from an
 * unknown office may be imported after the preview's warning; conflicts are only queued (an officer
 * decides each field), so they do not need trust.
 */
export function needsTrust(session: ImportSession): boolean {
  return overwritesFromUnknown(session, applyOperations(session.preview, session.snapshot));
}

function overwritesFromUnknown(session: ImportSession, ops: ReturnType<typeof applyOperations>): boolean {
  return !session.decoded.sender.known && ops.puts.some((p) => p.before !== undefined);
}

/** Groups `items` by `keyOf`, in order (one pass: imports carry tens of thousands of rows). */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The sender's key is in the known-offices list now (it may have been trusted after decoding, in the same flow). */
async function senderKnownNow(db: QamqorDb, publicKey: Uint8Array): Promise<boolean> {
  return (await knownOfficesForDecoding(db)).some((k) => sameBytes(k.publicKey, publicKey));
}

type PreparedPut = { table: string; record: RecordEnvelope; before?: RecordEnvelope; row: Row };

/** Writes the rows table by table, `PUT_CHUNK` rows per `bulkPut`, one call after another. */
async function putInChunks(db: QamqorDb, puts: readonly PreparedPut[], onProgress?: (p: ApplyProgress) => void): Promise<void> {
  let done = 0;
  onProgress?.({ done, total: puts.length });
  for (const [table, tablePuts] of groupBy(puts, (p) => p.table)) {
    for (let i = 0; i < tablePuts.length; i += PUT_CHUNK) {
      const chunk = tablePuts.slice(i, i + PUT_CHUNK).map((p) => p.row);
      await db.table<Row, string>(table).bulkPut(chunk);
      done += chunk.length;
      onProgress?.({ done, total: puts.length });
    }
  }
}

const sameVersion = (a: VersionVector | null, b: VersionVector | null): boolean =>
  a === null || b === null ? a === b : canonicalJson(a) === canonicalJson(b);

function asBlob(bytes: Uint8Array, type: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
}

export async function applyImport(
  db: QamqorDb,
  ctx: WriteContext,
  session: ImportSession,
  options: ApplyOptions = {},
): Promise<Result<ApplyResult, ApplyError>> {
  const { preview, decoded, snapshot } = session;
  if (preview.rejected.length > 0) return err({ code: 'rejected' });
  if (preview.changesNothing) return ok({ kind: 'nothing' });

  // Checked by prepareImport (WebCrypto cannot be awaited here: applyRestore calls this inside its transaction).
  if (session.headProblem) return err({ code: 'audit-head', problem: session.headProblem });
  const ops = applyOperations(preview, snapshot);
  if (!options.senderTrusted && overwritesFromUnknown(session, ops) && !(await senderKnownNow(db, decoded.sender.publicKey)))
    return err({ code: 'untrusted', detail: decoded.sender.fingerprint });

  const now = ctx.now();
  const historyId = ctx.newId();
  const sender = decoded.sender;

  // Everything that is not an IndexedDB request happens here, before the transaction.
  const puts: PreparedPut[] = ops.puts.map((p) => {
    if (p.table !== DOCUMENTS_TABLE) return { ...p, row: p.record as Row };
    const doc = p.record as BundleDocument;
    const bytes = decoded.attachments.get(doc.digest) ?? new Uint8Array(0);
    return { ...p, row: { ...doc, blob: asBlob(bytes, doc.mimeType) } };
  });
  const conflictRows: ConflictRow[] = ops.conflicts.map((c) => {
    const local = snapshot.records.get(c.table)?.get(c.recordId);
    const digest = c.table === DOCUMENTS_TABLE ? (c.incoming as BundleDocument).digest : undefined;
    const localDigest = local && c.table === DOCUMENTS_TABLE ? (local as BundleDocument).digest : undefined;
    const attachment = digest !== undefined && digest !== localDigest ? decoded.attachments.get(digest) : undefined;
    return {
      id: ctx.newId(),
      table: c.table,
      recordId: c.recordId,
      status: 'open',
      createdAt: now,
      incoming: c.incoming,
      ...(attachment ? { attachment } : {}),
      ...(c.aliasOf ? { aliasOf: c.aliasOf } : {}),
      bundleId: decoded.manifest.bundleId,
      importId: historyId,
      sender: { officeId: sender.officeId, officeCode: sender.officeCode, officeName: sender.officeName, fingerprint: sender.fingerprint },
      officer: decoded.manifest.officer,
    };
  });
  const history: ImportHistoryRow = {
    id: historyId,
    bundleId: decoded.manifest.bundleId,
    importedAt: now,
    importedBy: ctx.actor.officerName,
    fileName: session.fileName,
    office: { id: sender.officeId, code: sender.officeCode, name: sender.officeName, fingerprint: sender.fingerprint, known: sender.known },
    officer: decoded.manifest.officer,
    bundleCreatedAt: decoded.manifest.createdAt,
    encrypted: decoded.encrypted,
    counts: { ...emptyImportCounts(), ...preview.counts },
    countsByTable: preview.countsByTable,
    attachments: decoded.attachments.size,
  };

  const scope = [...BUNDLE_TABLE_NAMES.map((t) => db.table(t)), db.settings, importHistoryTable(db), conflictsTable(db), db.auditLog];
  try {
    await db.transaction('rw', scope, async () => {
      // 1. Nothing changed since the preview.
      for (const [table, expected] of groupBy(ops.expectations, (e) => e.table)) {
        const current = await db.table<Row, string>(table).bulkGet(expected.map((e) => e.id));
        expected.forEach((e, i) => {
          if (!sameVersion(current[i]?.version ?? null, e.version)) throw new Stale();
        });
      }
      if (ops.freeIins.length > 0 && (await db.persons.where('iin').anyOf(ops.freeIins).count()) > 0) throw new Stale();

      // 2. Records (bulk, chunked), their audit entries in order, then what they settle in the queue.
      await putInChunks(db, puts, options.onProgress);
      const audit: AuditInput[] = puts.map((p) => ({
        action: 'import',
        table: p.table,
        recordId: p.record.id,
        ...(p.before ? { before: withoutBlob(p.before as Row) } : {}),
        after: withoutBlob(p.row),
      }));
      const open = groupBy(
        await openConflictsOf(db, [...puts.map((p) => p.record.id), ...conflictRows.map((c) => c.recordId)]),
        (c) => c.recordId,
      );
      const settled = new Map<string, ConflictRow>();
      const settle = (table: string, recordId: string, version: VersionVector): void => {
        for (const s of settledAmong(open.get(recordId) ?? [], table, recordId, version))
          settled.set(s.id, { ...s, status: 'settled', closedAt: now, closedBy: ctx.actor.officerName });
      };
      for (const p of puts) settle(p.table, p.record.id, p.record.version);
      // An earlier queued copy that a new one contains is superseded: deciding against the newer copy covers both.
      for (const c of conflictRows) settle(c.table, c.recordId, c.incoming.version);
      if (settled.size > 0) await conflictsTable(db).bulkPut([...settled.values()]);
      // 3. Conflicts, aliases, history.
      if (conflictRows.length > 0) await conflictsTable(db).bulkAdd(conflictRows);
      for (const c of conflictRows)
        audit.push({
          action: 'import',
          table: 'conflicts',
          recordId: c.id,
          after: { table: c.table, recordId: c.recordId, bundleId: c.bundleId, incomingVersion: c.incoming.version },
        });
      for (const a of ops.aliases) await db.settings.put({ key: aliasKey(a.incomingId), value: a.alias });
      await importHistoryTable(db).add(history);
      audit.push({
        action: 'import',
        table: 'importHistory',
        recordId: historyId,
        after: {
          bundleId: history.bundleId,
          fileName: history.fileName,
          office: history.office,
          officer: history.officer,
          counts: history.counts,
        },
      });
      // Chained in the order of the writes, in bulk requests (issue 14 point 8).
      await appendAuditBatch(db, ctx, audit);
    });
  } catch (e: unknown) {
    if (e instanceof Stale || e instanceof Dexie.ConstraintError) return err({ code: 'stale' });
    // A full disk (QuotaExceededError) gets its clear kk/ru message on the page (issue 19 point 5).
    if (isQuotaError(e)) return err({ code: 'quota' });
    return err({ code: 'failed', detail: e instanceof Error ? e.message : String(e) });
  }
  return ok({ kind: 'applied', history, conflicts: conflictRows.length, written: puts.length });
}
