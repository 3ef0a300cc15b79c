/**
 * Resolving a queued conflict: the merged record (shared/bundle/specs/conflicts.ts) is written with a
 * version newer than both copies, the conflict is closed with its result, and any other open conflict
 * of the record that the result already contains is closed as settled. One transaction, re-checking
 * that the local record did not change while the officer was choosing.
 */
import { DOCUMENTS_TABLE, mergeConflict, withoutBlob, type BundleDocument, type FieldChoice } from '@shared/bundle/specs';
import { canonicalJson } from '@shared/bundle/bytes';
import { compareVersions, type RecordEnvelope, type VersionVector } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
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
  | { code: 'closed' }
  /** The local record changed since the officer opened the conflict. */
  | { code: 'changed' }
  | { code: 'invalid'; errors: string[] }
  /** The chosen digest has no file (an edited digest). */
  | { code: 'missing-file' };

const sameVersion = (a: VersionVector, b: VersionVector): boolean => canonicalJson(a) === canonicalJson(b);

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

  const now = ctx.now();
  return db.transaction('rw', [db.table(conflict.table), conflictsTable(db), db.auditLog], async () => {
    const current = await db.table<Row, string>(conflict.table).get(local.id);
    const still = await conflictsTable(db).get(id);
    if (!current || !sameVersion(current.version, expectedLocalVersion) || !sameVersion(current.version, local.version)) {
      return err({ code: 'changed' } as const);
    }
    if (!still || still.status !== 'open') return err({ code: 'closed' } as const);
    await db.table<Row, string>(conflict.table).put(row);
    await appendAudit(db, ctx, {
      action: 'update',
      table: conflict.table,
      recordId: local.id,
      before: withoutBlob(current),
      after: withoutBlob(row),
    });
    await conflictsTable(db).put({ ...still, status: 'resolved', closedAt: now, closedBy: ctx.actor.officerName, result: merged.value });
    for (const other of await conflictsSettledBy(db, conflict.table, local.id, merged.value.version)) {
      await conflictsTable(db).put({ ...other, status: 'settled', closedAt: now, closedBy: ctx.actor.officerName });
    }
    await appendAudit(db, ctx, {
      action: 'update',
      table: 'conflicts',
      recordId: id,
      before: { status: 'open' },
      after: { status: 'resolved' },
    });
    return ok(merged.value);
  });
}

/** Closes a conflict whose incoming edits the local record already contains. */
export async function closeSettled(db: QamqorDb, ctx: WriteContext, id: string): Promise<boolean> {
  const view = await loadConflict(db, id);
  if (!view || !view.settled || view.conflict.status !== 'open') return false;
  return db.transaction('rw', [conflictsTable(db), db.auditLog], async () => {
    const still = await conflictsTable(db).get(id);
    if (!still || still.status !== 'open') return false;
    await conflictsTable(db).put({ ...still, status: 'settled', closedAt: ctx.now(), closedBy: ctx.actor.officerName });
    await appendAudit(db, ctx, {
      action: 'update',
      table: 'conflicts',
      recordId: id,
      before: { status: 'open' },
      after: { status: 'settled' },
    });
    return true;
  });
}
