/**
 * Backup settings, kept in the `settings` table under 'backupSettings'.
 *
 * The backup passphrase is stored on this computer, in the database, in plain text: automatic
 * backups run without anyone typing it. It therefore does not protect the data on this computer
 * (whoever can read the database can read the records themselves); it protects the backup files
 * that leave the computer on a USB stick or by e-mail, and whoever restores a backup must type it.
 */
import { z } from 'zod';
import { BOUNDS, boundedRecord } from '../validation';
import { DEFAULT_KEEP, MAX_KEEP, MIN_KEEP } from './retention';
import { DEFAULT_INTERVAL_HOURS, MAX_INTERVAL_HOURS, MIN_INTERVAL_HOURS } from './schedule';

export const BACKUP_SETTINGS_KEY = 'backupSettings';
export const MIN_BACKUP_PASSPHRASE = 12;
export const MAX_BACKUP_PASSPHRASE = 200;

export const BACKUP_REASONS = ['manual', 'schedule', 'quit'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Where the file went: the desktop app's backup folder, or the browser's downloads. */
export type BackupTarget = 'folder' | 'download';

/** Bounded (issue 14 C9): a toISOString() timestamp is BOUNDS.timestamp long; the parse check follows. */
const timestamp = z
  .string()
  .max(BOUNDS.timestamp)
  .refine((s) => !Number.isNaN(Date.parse(s)));
const counts = boundedRecord(z.string().max(BOUNDS.code), z.number().int().min(0), BOUNDS.tables);

export const lastBackupSchema = z.object({
  at: timestamp,
  fileName: z.string().min(1).max(200),
  size: z.number().int().min(0),
  target: z.enum(['folder', 'download']),
  officer: z.string().max(BOUNDS.name),
  reason: z.enum(BACKUP_REASONS),
  bundleId: z.string().max(BOUNDS.code),
  /** Records per table in the backup: a later backup with fewer records means records went missing. */
  counts,
  /**
   * The audit trail's head right after this backup's own entry: later data-changing entries are
   * changes this backup does not hold; the digest anchors the trail against later truncation.
   */
  auditSeq: z.number().int().nullable(),
  auditDigest: z.string().max(BOUNDS.code).nullable(),
});
export type LastBackup = z.output<typeof lastBackupSchema>;

export const BACKUP_FAILURE_CODES = [
  'no-passphrase',
  'empty',
  'disk-full',
  'write-failed',
  'encode-failed',
  'cancelled',
  'unexpected',
] as const;
export type BackupFailureCode = (typeof BACKUP_FAILURE_CODES)[number];

export const backupFailureSchema = z.object({
  at: timestamp,
  reason: z.enum(BACKUP_REASONS),
  code: z.enum(BACKUP_FAILURE_CODES),
  detail: z.string().max(500).optional(),
});
export type BackupFailure = z.output<typeof backupFailureSchema>;

export const backupSettingsSchema = z.object({
  passphrase: z.string().min(MIN_BACKUP_PASSPHRASE).max(MAX_BACKUP_PASSPHRASE).nullable().catch(null),
  passphraseSetAt: timestamp.nullable().catch(null),
  passphraseSetBy: z.string().max(BOUNDS.name).nullable().catch(null),
  intervalHours: z.number().int().min(MIN_INTERVAL_HOURS).max(MAX_INTERVAL_HOURS).catch(DEFAULT_INTERVAL_HOURS),
  keep: z.number().int().min(MIN_KEEP).max(MAX_KEEP).catch(DEFAULT_KEEP),
  last: lastBackupSchema.nullable().catch(null),
  /** The last failed attempt after the last success (cleared by the next success). */
  lastFailure: backupFailureSchema.nullable().catch(null),
});
export type BackupSettings = z.output<typeof backupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  passphrase: null,
  passphraseSetAt: null,
  passphraseSetBy: null,
  intervalHours: DEFAULT_INTERVAL_HOURS,
  keep: DEFAULT_KEEP,
  last: null,
  lastFailure: null,
};

/** A stored value read back; a damaged field falls back to its default instead of stopping backups. */
export function readBackupSettings(value: unknown): BackupSettings {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_BACKUP_SETTINGS };
  const parsed = backupSettingsSchema.safeParse({ ...DEFAULT_BACKUP_SETTINGS, ...value });
  return parsed.success ? parsed.data : { ...DEFAULT_BACKUP_SETTINGS };
}

const whole = (min: number, max: number, message: string) => z.coerce.number({ message }).int(message).min(min, message).max(max, message);

/**
 * The administrator's form. The passphrase is typed twice; left empty, the stored one stays (a form
 * that only changes the interval must not need it), unless none is stored yet.
 */
export function backupSettingsInput(passphraseRequired: boolean) {
  return z
    .object({
      passphrase: z.string(),
      passphraseRepeat: z.string(),
      intervalHours: whole(MIN_INTERVAL_HOURS, MAX_INTERVAL_HOURS, 'backup.validation.interval'),
      keep: whole(MIN_KEEP, MAX_KEEP, 'backup.validation.keep'),
    })
    .superRefine((v, ctx) => {
      const length = [...v.passphrase.normalize('NFC')].length;
      if (length === 0) {
        if (passphraseRequired) ctx.addIssue({ code: 'custom', path: ['passphrase'], message: 'validation.required' });
        return;
      }
      if (length < MIN_BACKUP_PASSPHRASE)
        ctx.addIssue({ code: 'custom', path: ['passphrase'], message: 'backup.validation.passphraseShort' });
      else if (length > MAX_BACKUP_PASSPHRASE) ctx.addIssue({ code: 'custom', path: ['passphrase'], message: 'validation.tooLong' });
      if (v.passphrase !== v.passphraseRepeat)
        ctx.addIssue({ code: 'custom', path: ['passphraseRepeat'], message: 'backup.validation.passphraseMismatch' });
    });
}
export type BackupSettingsInput = z.input<ReturnType<typeof backupSettingsInput>>;

/**
 * Tables that hold fewer records than in the last backup. Nothing is deleted outright in Qamqor
 * (issue 8), so a drop means records went missing: the new backup is still written, but no older
 * backup is deleted to make room for it.
 */
export function shrunkTables(previous: Readonly<Record<string, number>>, current: Readonly<Record<string, number>>): string[] {
  return Object.entries(previous)
    .filter(([table, n]) => (current[table] ?? 0) < n)
    .map(([table]) => table)
    .sort();
}
