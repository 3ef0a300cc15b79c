/**
 * When an automatic backup is due. Backups exist because IndexedDB and Electron have lost whole
 * databases on updates and full disks (issue 8), so the question is "is there a change that no backup
 * older than the interval covers?", not "has the interval passed?": an office closed for a week does
 * not need seven identical backups, and identical backups would push the older, different ones out
 * of the folder's last N.
 */
import type { AuditAction } from '../audit';

export const DEFAULT_INTERVAL_HOURS = 24;
export const MIN_INTERVAL_HOURS = 1;
export const MAX_INTERVAL_HOURS = 168;
/** How often the desktop app looks whether a backup is due (issue 8: at start and every 10 minutes). */
export const SCHEDULE_CHECK_MS = 10 * 60 * 1000;
/** A last backup dated later than now by more than this means the clock was set back (see backupDue). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Audit actions that change what a backup holds. Sign-ins, prints, exports and backups are recorded
 * too but leave the records as they were; a backup after them would repeat the previous one.
 */
export const DATA_CHANGING_ACTIONS: readonly AuditAction[] = ['create', 'update', 'status', 'import', 'withdraw', 'archive', 'restore'];

export interface ScheduleInput {
  /** ISO timestamp. */
  now: string;
  intervalHours: number;
  /** Time of the last successful backup, or null when there is none. */
  lastAt: string | null;
  /** Whether records changed after the last backup (always true without one). */
  changedSinceLast: boolean;
}

export type ScheduleDecision =
  | { due: true; reason: 'never' | 'interval' | 'clock' }
  | { due: false; reason: 'unchanged' }
  | { due: false; reason: 'recent'; nextAt: string };

export function backupDue(input: ScheduleInput): ScheduleDecision {
  if (input.lastAt === null) return { due: true, reason: 'never' };
  const now = Date.parse(input.now);
  const last = Date.parse(input.lastAt);
  if (!input.changedSinceLast) return { due: false, reason: 'unchanged' };
  // A last backup "in the future": the clock was set back. Waiting for the clock to catch up could mean
  // weeks without a backup, so back up now.
  if (Number.isNaN(last) || last - now > CLOCK_SKEW_MS) return { due: true, reason: 'clock' };
  const nextAt = last + input.intervalHours * 3_600_000;
  if (now >= nextAt) return { due: true, reason: 'interval' };
  return { due: false, reason: 'recent', nextAt: new Date(nextAt).toISOString() };
}
