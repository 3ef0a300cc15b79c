/**
 * Restoring from a backup: the import pipeline of the bundles feature (decode in the worker →
 * `prepareImport` → the same preview → `applyImport`, all or nothing), wrapped so that the register
 * counters are raised and the 'restore' audit entry is written in the same transaction as the records.
 *
 * Office identity (decision): a restore never changes this office's identity. The restored records
 * keep their envelopes exactly as backed up (ids, origin office, version vectors, who and when), so
 * their history and their standing against other offices' copies stay true; new work is done under
 * this installation's office id and signing key. After a lost database the office is set up again
 * (same office code; a new office id and key are made), then the backup is restored into it: every
 * record comes back as "new", and the counters continue after the restored numbers.
 */
import type { BundleError, DecodedBundle, ProgressCallback } from '@shared/bundle';
import { looksEncrypted } from '@shared/bundle/crypto';
import { BUNDLE_TABLE_NAMES } from '@shared/bundle/specs';
import type { CounterRow } from '@shared/backup';
import { can } from '@shared/officers';
import type { OfficeProfile } from '@shared/office';
import { err, ok, type Result } from '@shared/result';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import { applyImport, prepareImport, type ApplyError, type ApplyResult, type ImportSession } from '../bundles';
import { knownOfficesForDecoding } from '../bundles';
import { decodeInWorker } from '../bundles';
import { raiseCounters } from './repository';

/** Restoring writes the whole office's records: an administrator's task, like the backup settings. */
export const RESTORE_PERMISSION = 'office.edit' as const;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * What a chosen file looks like before anything is decoded: a backup is always encrypted; a plain
 * bundle is a case bundle for the Bundles page, not a backup.
 */
export function sniffBackup(bytes: Uint8Array): 'encrypted' | 'plain-bundle' | 'other' {
  if (looksEncrypted(bytes)) return 'encrypted';
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'plain-bundle';
  return 'other';
}

/** Decrypts, verifies and validates (in the bundles Web Worker when one can start). Nothing is written. */
export async function decodeBackup(
  db: QamqorDb,
  bytes: Uint8Array,
  passphrase: string,
  onProgress: ProgressCallback,
): Promise<Result<DecodedBundle, BundleError>> {
  const knownOffices = await knownOfficesForDecoding(db);
  return decodeInWorker({ bytes, knownOffices, passphrase }, onProgress);
}

/** The preview: the same plan as an import (new / updated / unchanged / conflicts…). Nothing is written. */
export function prepareRestore(db: QamqorDb, fileName: string, decoded: DecodedBundle): Promise<ImportSession> {
  return prepareImport(db, fileName, decoded);
}

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
      const applied = await applyImport(db, ctx, session, { senderTrusted: true });
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
    return err({ code: 'failed', detail: e instanceof Error ? e.message : String(e) });
  }
}
