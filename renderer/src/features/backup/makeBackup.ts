/**
 * Making one backup: an encrypted full bundle of everything the office holds (the bundles feature's
 * `exportEverything`, AES-256-GCM under the backup passphrase; read and packed in the bundle worker,
 * like an export), written through the platform (the
 * desktop app's backup folder after a free-space check, or a browser download), then recorded in the
 * audit trail and the settings row.
 */
import { backupFileName, shrunkTables, type BackupFailureCode, type BackupReason, type BackupSettings } from '@shared/backup';
import type { ProgressCallback } from '@shared/bundle';
import type { OfficeProfile } from '@shared/office';
import { err, ok, type Result } from '@shared/result';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import type { Platform } from '../../platform';
import { exportEverything, type Exporter } from '../bundles';
import { getBackupSettings, recordBackupFailure, recordBackupSuccess, type BackupMade } from './repository';

export interface BackupError {
  code: BackupFailureCode;
  detail?: string;
  /** With 'disk-full' from the desktop app: bytes free and bytes needed. */
  space?: { free: number; required: number };
}

export interface BackupDeps {
  db: QamqorDb;
  platform: Platform;
  ctx: WriteContext;
  office: OfficeProfile;
  /**
   * Runs the whole job (reading every table, then the ZIP, PBKDF2 and AES-GCM) elsewhere: the app passes
   * the bundle worker's (`exportInWorker(db)`), so the page never holds the office's records (issue 14 B6).
   * Without it (tests) the job runs in the calling thread, the same code.
   */
  exporter?: Exporter;
}

export interface BackupOutcome extends BackupMade {
  settings: BackupSettings;
}

/** Failures worth keeping in the settings row for the panel; "nothing to back up yet" is not one. */
const NOT_A_FAILURE: readonly BackupFailureCode[] = ['empty'];

export async function makeBackup(
  deps: BackupDeps,
  reason: BackupReason,
  onProgress?: ProgressCallback,
): Promise<Result<BackupOutcome, BackupError>> {
  const { db, platform, ctx, office } = deps;
  const fail = async (error: BackupError): Promise<Result<BackupOutcome, BackupError>> => {
    if (!NOT_A_FAILURE.includes(error.code)) {
      await recordBackupFailure(db, {
        at: ctx.now(),
        reason,
        code: error.code,
        ...(error.detail ? { detail: error.detail.slice(0, 500) } : {}),
      }).catch(() => undefined);
    }
    return err(error);
  };

  try {
    const settings = await getBackupSettings(db);
    if (settings.passphrase === null) return await fail({ code: 'no-passphrase' });
    const built = await exportEverything(db, {
      office,
      officer: ctx.actor.officerName,
      passphrase: settings.passphrase,
      now: ctx.now(),
      ...(deps.exporter ? { exporter: deps.exporter } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    if (!built.ok) {
      if (built.error.code === 'empty') return await fail({ code: 'empty' });
      // Cancelled while it read or packed: nothing written, nothing recorded (issue 14 B7).
      if (built.error.code === 'cancelled') return err({ code: 'cancelled' });
      return await fail({ code: 'encode-failed', detail: built.error.error.detail ?? built.error.error.code });
    }
    const fileName = backupFileName(office.officeCode, built.value.createdAt);
    // Nothing is deleted outright in Qamqor: fewer records than last time means records went missing,
    // and the older backups that still hold them must stay.
    const shrunk = settings.last ? shrunkTables(settings.last.counts, built.value.counts) : [];
    const written = await platform.writeBackup({ fileName, data: built.value.bytes, keep: shrunk.length > 0 ? null : settings.keep });
    if (!written.ok) {
      const { code, detail, space } = written.error;
      if (code === 'disk-full') return await fail({ code: 'disk-full', ...(detail ? { detail } : {}), ...(space ? { space } : {}) });
      if (code === 'cancelled') return await fail({ code: 'cancelled' });
      return await fail({ code: 'write-failed', detail: detail ?? code });
    }
    const made: BackupMade = {
      at: built.value.createdAt,
      fileName: written.value.fileName,
      size: written.value.size,
      target: platform.backupTarget,
      reason,
      bundleId: built.value.bundleId,
      counts: built.value.counts,
      folder: written.value.folder,
      deleted: written.value.deleted,
      shrunk,
    };
    const next = await recordBackupSuccess(db, ctx, made);
    return ok({ ...made, settings: next });
  } catch (e: unknown) {
    return fail({ code: 'unexpected', detail: e instanceof Error ? e.message : String(e) });
  }
}
