/**
 * Storage of the backup feature: its settings row ('backupSettings' in the settings table), the
 * question "did records change since the last backup?" (answered from the audit trail). The register
 * counters a restore must raise are the restore's own (bundles/restoreApply.ts, run in the bundle worker).
 */
import {
  BACKUP_SETTINGS_KEY,
  backupSettingsInput,
  DATA_CHANGING_ACTIONS,
  readBackupSettings,
  type BackupFailure,
  type BackupSettings,
  type BackupSettingsInput,
  type LastBackup,
} from '@shared/backup';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit, auditHead, auditTable } from '../../db/repositories/audit';
import { parseInput, requirePermission, runPlainWrite, runWrite, type WriteResult } from '../../db/write';

/**
 * Who changes the backup settings: an administrator (`office.edit`). The passphrase protects the
 * whole office's records once they leave the computer, so it belongs with the office profile.
 */
export const BACKUP_SETTINGS_PERMISSION = 'office.edit' as const;

export async function getBackupSettings(db: QamqorDb): Promise<BackupSettings> {
  return readBackupSettings((await db.settings.get(BACKUP_SETTINGS_KEY))?.value);
}

/**
 * Saves the administrator's form. The audit entry names what changed but never the passphrase
 * itself (the trail is read by every officer; the passphrase only by whoever restores).
 */
export async function saveBackupSettings(
  db: QamqorDb,
  ctx: WriteContext,
  input: BackupSettingsInput,
): Promise<WriteResult<BackupSettings>> {
  return runWrite(db, [db.settings], async () => {
    requirePermission(ctx, BACKUP_SETTINGS_PERMISSION);
    const latest = await getBackupSettings(db);
    const { passphrase, intervalHours, keep } = parseInput(backupSettingsInput(latest.passphrase === null), input);
    const changed = passphrase !== '' && passphrase !== latest.passphrase;
    const next: BackupSettings = {
      ...latest,
      intervalHours,
      keep,
      ...(changed ? { passphrase, passphraseSetAt: ctx.now(), passphraseSetBy: ctx.actor.officerName } : {}),
    };
    await db.settings.put({ key: BACKUP_SETTINGS_KEY, value: next });
    await appendAudit(db, ctx, {
      action: 'settings',
      table: 'settings',
      recordId: BACKUP_SETTINGS_KEY,
      before: { intervalHours: latest.intervalHours, keep: latest.keep, passphraseSetAt: latest.passphraseSetAt },
      after: { intervalHours, keep, passphraseSetAt: next.passphraseSetAt },
    });
    return next;
  });
}

/**
 * Whether records changed after the last backup: a data-changing audit entry after the head the
 * backup recorded. A trail shorter than that head (entries gone, or another database) counts as a
 * change, so a backup is made rather than trusted.
 */
export async function changedSinceBackup(db: QamqorDb, last: LastBackup | null): Promise<boolean> {
  if (last === null || last.auditSeq === null) return true;
  const head = await auditHead(db);
  if (head === null || head.seq < last.auditSeq) return true;
  if (head.seq === last.auditSeq) return head.digest !== last.auditDigest;
  const changes = await auditTable(db)
    .where(':id')
    .above(last.auditSeq)
    .filter((e) => DATA_CHANGING_ACTIONS.includes(e.action))
    .count();
  return changes > 0;
}

export interface BackupMade {
  at: string;
  fileName: string;
  size: number;
  target: LastBackup['target'];
  reason: LastBackup['reason'];
  bundleId: string;
  counts: Record<string, number>;
  /** Where the file is (desktop) and which old ones were deleted, for the audit entry. */
  folder: string;
  deleted: string[];
  /** Tables with fewer records than in the previous backup (no old backup was deleted then). */
  shrunk: string[];
}

/** The audit entry of a backup and its row in the settings, in one transaction; returns the new settings. */
export async function recordBackupSuccess(db: QamqorDb, ctx: WriteContext, made: BackupMade): Promise<BackupSettings> {
  return runPlainWrite(db, [db.settings], async () => {
    await appendAudit(db, ctx, {
      action: 'backup',
      table: 'backups',
      recordId: made.bundleId,
      after: {
        fileName: made.fileName,
        size: made.size,
        target: made.target,
        reason: made.reason,
        counts: made.counts,
        deleted: made.deleted,
        ...(made.shrunk.length > 0 ? { shrunk: made.shrunk } : {}),
      },
    });
    const head = await auditHead(db);
    const current = await getBackupSettings(db);
    const last: LastBackup = {
      at: made.at,
      fileName: made.fileName,
      size: made.size,
      target: made.target,
      officer: ctx.actor.officerName,
      reason: made.reason,
      bundleId: made.bundleId,
      counts: made.counts,
      auditSeq: head?.seq ?? null,
      auditDigest: head?.digest ?? null,
    };
    const next: BackupSettings = { ...current, last, lastFailure: null };
    await db.settings.put({ key: BACKUP_SETTINGS_KEY, value: next });
    return next;
  });
}

/** Keeps the last failure in the settings row (no audit entry: nothing changed). */
export async function recordBackupFailure(db: QamqorDb, failure: BackupFailure): Promise<void> {
  await runPlainWrite(db, [db.settings], async () => {
    const current = await getBackupSettings(db);
    await db.settings.put({ key: BACKUP_SETTINGS_KEY, value: { ...current, lastFailure: failure } });
  });
}
