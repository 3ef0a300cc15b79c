/**
 * Names of backup files (резервтік көшірме). One scheme for the desktop folder and for browser
 * downloads: `qamqor-backup-<YYYYMMDD>-<HHMMSS>Z-<office code>.qamqor`, the time in UTC.
 *
 * The time comes first and has a fixed width, so sorting names as text sorts backups by time: the
 * desktop shell keeps "the last N" by name order alone and never trusts file times (a copied folder
 * gets new ones). UTC because local time moves (Kazakhstan changed its time zone in 2024).
 *
 * The pattern is also the main process's only file-name check for the backup folder: a name that
 * does not match is refused, so the renderer can never name a path, a hidden file or another file type.
 */

export const BACKUP_PREFIX = 'qamqor-backup-';
export const BACKUP_EXTENSION = 'qamqor';

const NAME = /^qamqor-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z-([A-Z0-9]{2,10})\.qamqor$/u;
const OFFICE_CODE = /^[A-Z0-9]{2,10}$/u;

export interface BackupFileName {
  fileName: string;
  /** ISO timestamp (UTC, whole seconds) the name carries. */
  createdAt: string;
  officeCode: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The name of a backup made at `at` (ISO timestamp) by the office with this code. */
export function backupFileName(officeCode: string, at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a timestamp: ${at}`);
  if (!OFFICE_CODE.test(officeCode)) throw new RangeError(`not an office code: ${officeCode}`);
  const date = `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return `${BACKUP_PREFIX}${date}-${time}Z-${officeCode}.${BACKUP_EXTENSION}`;
}

/** Reads a backup file name; null for anything else (paths, other files, impossible dates). */
export function parseBackupFileName(fileName: string): BackupFileName | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, code] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < 2000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // 20260230 would roll over into March: refused.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { fileName, createdAt: date.toISOString(), officeCode: code ?? '' };
}

export function isBackupFileName(fileName: string): boolean {
  return parseBackupFileName(fileName) !== null;
}
