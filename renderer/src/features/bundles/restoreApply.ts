/**
 * Applying a restore (the backup feature's preview, planned like an import): the records all or
 * nothing (`applyImport`), then the register counters raised past the restored numbers and the
 * 'restore' audit entry, in ONE transaction. It lives here, beside the import, so the bundle worker
 * can apply a restore on its own Dexie connection (issue 14 B6); the backup feature re-exports it.
 */
import { countersFromNumbers, countersToRaise, type CounterRow } from '@shared/backup';
import { BUNDLE_TABLE_NAMES } from '@shared/bundle/specs';
import { can } from '@shared/officers';
import type { OfficeProfile } from '@shared/office';
import { err, ok, type Result } from '@shared/result';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import { isQuotaError } from '../../ui/errors';
import { applyImport, type ApplyError, type ApplyProgress, type ApplyResult, type ImportSession } from './importBundle';

/** Restoring writes the whole office's records: an administrator's task, like the backup settings. */
export const RESTORE_PERMISSION = 'office.edit' as const;

export type RestoreError = ApplyError | { code: 'forbidden' };

export interface RestoreReport {
  result: ApplyResult;
  /** Register counters raised past the restored numbers. */
  counters: CounterRow[];
}

class Abort extends Error {
  constructor(readonly error: ApplyError) {
    super(error.code);
  }
}

/**
 * Applies the preview: records (all or nothing, re-checked against the preview inside the
 * transaction by `applyImport`), then the counters and the 'restore' audit entry, in one transaction.
 */
export async function applyRestore(
  db: QamqorDb,
  ctx: WriteContext,
  office: OfficeProfile,
  session: ImportSession,
  options: { onProgress?: (progress: ApplyProgress) => void } = {},
): Promise<Result<RestoreReport, RestoreError>> {
  if (!can(ctx.roles, RESTORE_PERMISSION)) return err({ code: 'forbidden' });
  const scope = [
    ...BUNDLE_TABLE_NAMES.map((t) => db.table(t)),
    db.settings,
    db.table('importHistory'),
    db.table('conflicts'),
    db.auditLog,
    db.counters,
  ];
  const { manifest } = session.decoded;
  try {
    return await db.transaction('rw', scope, async () => {
      // applyImport's own transaction nests into this one (same tables), so its writes, the counters
      // and the restore entry commit together or not at all.
      // Restore is an administrator's act on the office's own encrypted backup: its sender is vouched for.
      const applied = await applyImport(db, ctx, session, {
        senderTrusted: true,
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      if (!applied.ok) throw new Abort(applied.error);
      const counters = await raiseCounters(db, office.officeCode);
      if (applied.value.kind === 'applied' || counters.length > 0) {
        await appendAudit(db, ctx, {
          action: 'restore',
          table: 'backups',
          recordId: manifest.bundleId,
          after: {
            fileName: session.fileName,
            backupCreatedAt: manifest.createdAt,
            backupOffice: { id: manifest.office.id, code: manifest.office.code, name: manifest.office.name },
            backupOfficer: manifest.officer,
            counts: session.preview.counts,
            written: applied.value.kind === 'applied' ? applied.value.written : 0,
            counters,
          },
        });
      }
      return ok({ result: applied.value, counters });
    });
  } catch (e: unknown) {
    if (e instanceof Abort) return err(e.error);
    // The counters or the restore entry hit a full disk: a code the page translates (issue 19 point 5).
    if (isQuotaError(e)) return err({ code: 'quota' });
    return err({ code: 'failed', detail: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * Raises this office's register counters to the highest restored numbers (shared/backup/counters.ts).
 * Call inside a transaction that has `db.cases`, `db.complaints` and `db.counters`.
 */
export async function raiseCounters(db: QamqorDb, officeCode: string): Promise<CounterRow[]> {
  const caseNumbers = (await db.cases.where('caseNumber').startsWith(`${officeCode}-`).keys()).filter(
    (k): k is string => typeof k === 'string',
  );
  const complaintNumbers = (await db.complaints.where('number').startsWith(`${officeCode}-`).keys()).filter(
    (k): k is string => typeof k === 'string',
  );
  const wanted = countersFromNumbers(officeCode, caseNumbers, complaintNumbers);
  const current = new Map(
    (await db.counters.bulkGet(wanted.map((w) => w.key))).flatMap((row) => (row ? [[row.key, row.last] as const] : [])),
  );
  const raise = countersToRaise(wanted, current);
  if (raise.length > 0) await db.counters.bulkPut(raise);
  return raise;
}
