/**
 * Resolving a queued conflict: the merged record (shared/bundle/specs/conflicts.ts) is written with a
 * version newer than both copies, the conflict is closed with its result, and any other open conflict
 * of the record that the result already contains is closed as settled. One `runWrite` (db/write.ts),
 * re-checking that the local record did not change while the officer was choosing.
 */
import { DOCUMENTS_TABLE, mergeConflict, withoutBlob, type BundleDocument, type FieldChoice } from '@shared/bundle/specs';
import { canonicalJson } from '@shared/bundle/bytes';
import { compareVersions, type RecordEnvelope, type VersionVector } from '@shared/records/envelope';
import { err, type Result } from '@shared/result';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import { refuse, requirePermission, runWrite, type WriteError } from '../../db/write';
import { conflictsSettledBy, conflictsTable, getConflict, type ConflictRow } from './conflictStore';

type Row = RecordEnvelope & Record<string, unknown>;

export interface ConflictView {
  conflict: ConflictRow;
  /** The local record as it is now (without its Blob for documents). */
  local: RecordEnvelope | undefined;
  /** The local record already contains the incoming edits (a later copy brought both). */
  settled: boolean;
}

export async function loadConflict(db: QamqorDb, id: string): Promise<ConflictView | undefined> {
  const conflict = await getConflict(db, id);
  if (!conflict) return undefined;
  const stored = await db.table<Row, string>(conflict.table).get(conflict.recordId);
  const local = stored ? (withoutBlob(stored) as unknown as RecordEnvelope) : undefined;
  const order = local ? compareVersions(local.version, conflict.incoming.version) : undefined;
  return { conflict, local, settled: order === 'newer' || order === 'equal' };
}

export type ResolveError =
  | { code: 'not-found' }
  | { code: 'forbidden' }
  | { code: 'closed' }
  /** The local record changed since the officer opened the conflict. */
  | { code: 'changed' }
  /** The merged record fails its table's schema: `path: i18n key` lines. */
  | { code: 'invalid'; errors: string[] }
  /** The chosen digest has no file (an edited digest). */
  | { code: 'missing-file' };

type Refusal = { code: 'closed' } | { code: 'changed' };

const sameVersion = (a: VersionVector, b: VersionVector): boolean => canonicalJson(a) === canonicalJson(b);

/** runWrite's refusals as this module's errors (its field errors become `path: key` lines). */
function asResolveError(error: WriteError<Refusal>): ResolveError {
  return error.code === 'invalid'
    ? { code: 'invalid', errors: Object.entries(error.errors).map(([path, key]) => `${path}: ${key}`) }
    : error;
}

/** Closes a conflict row with how it ended, and records it in the audit trail (inside a write). */
async function closeConflict(db: QamqorDb, ctx: WriteContext, row: ConflictRow, status: 'resolved' | 'settled', result?: RecordEnvelope) {
  const closed: ConflictRow = { ...row, status, closedAt: ctx.now(), closedBy: ctx.actor.officerName };
  await conflictsTable(db).put(result ? { ...closed, result } : closed);
  await appendAudit(db, ctx, { action: 'update', table: 'conflicts', recordId: row.id, before: { status: 'open' }, after: { status } });
}

/**
 * Saves the officer's choices. Resolving a conflict finishes an import, so it needs the import's
 * permission (shared/officers PERMISSIONS 'bundles.import'). One `runWrite`: the record, its audit
 * entry, the closed conflict and any other conflict the result already contains, or nothing.
 */
export async function resolveConflict(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  choices: Readonly<Record<string, FieldChoice>>,
  expectedLocalVersion: VersionVector,
): Promise<Result<RecordEnvelope, ResolveError>> {
  const view = await loadConflict(db, id);
  if (!view || !view.local) return err({ code: 'not-found' });
  if (view.conflict.status !== 'open') return err({ code: 'closed' });
  const { conflict, local } = view;
  const merged = mergeConflict(conflict.table, local, conflict.incoming, choices, ctx.actor, ctx.now());
  if (!merged.ok) return err({ code: 'invalid', errors: merged.error });

  let row: Row = merged.value as Row;
  if (conflict.table === DOCUMENTS_TABLE) {
    const doc = merged.value as BundleDocument;
    const stored = await db.table<Row, string>(DOCUMENTS_TABLE).get(local.id);
    let blob: unknown;
    if (doc.digest === (local as BundleDocument).digest) blob = stored?.['blob'];
    else if (doc.digest === (conflict.incoming as BundleDocument).digest && conflict.attachment) {
      blob = new Blob([conflict.attachment as Uint8Array<ArrayBuffer>], { type: doc.mimeType });
    }
    if (blob === undefined) return err({ code: 'missing-file' });
    row = { ...row, blob };
  }

  const table = db.table<Row, string>(conflict.table);
  const written = await runWrite<RecordEnvelope, Refusal>(db, [table, conflictsTable(db)], async () => {
    requirePermission(ctx, 'bundles.import');
    const current = await table.get(local.id);
    const still = await conflictsTable(db).get(id);
    if (!current || !sameVersion(current.version, expectedLocalVersion) || !sameVersion(current.version, local.version)) {
      refuse<Refusal>({ code: 'changed' });
    }
    if (!still || still.status !== 'open') refuse<Refusal>({ code: 'closed' });
    await table.put(row);
    await appendAudit(db, ctx, {
      action: 'update',
      table: conflict.table,
      recordId: local.id,
      before: withoutBlob(current),
      after: withoutBlob(row),
    });
    await closeConflict(db, ctx, still, 'resolved', merged.value);
    for (const other of await conflictsSettledBy(db, conflict.table, local.id, merged.value.version)) {
      if (other.id !== id) await closeConflict(db, ctx, other, 'settled');
    }
    return merged.value;
  });
  return written.ok ? written : err(asResolveError(written.error));
}

/** Closes a conflict whose incoming edits the local record already contains (same permission, one `runWrite`). */
export async function closeSettled(db: QamqorDb, ctx: WriteContext, id: string): Promise<boolean> {
  const view = await loadConflict(db, id);
  if (!view || !view.settled || view.conflict.status !== 'open') return false;
  const written = await runWrite(db, [conflictsTable(db)], async () => {
    requirePermission(ctx, 'bundles.import');
    const still = await conflictsTable(db).get(id);
    if (!still || still.status !== 'open') return false;
    await closeConflict(db, ctx, still, 'settled');
    return true;
  });
  return written.ok && written.value;
}
