import type { QamqorDb } from '../database';
import type { WriteContext } from '../context';

export type AuditAction = 'create' | 'update' | 'status' | 'print' | 'export' | 'import' | 'sign-in' | 'settings';

/** Appends one entry; callers run it inside their own write transaction so record and entry land together. */
export async function appendAudit(
  db: QamqorDb,
  ctx: WriteContext,
  entry: { action: AuditAction; table: string; recordId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await db.auditLog.add({ at: ctx.now(), officer: ctx.actor.officerName, ...entry });
}
