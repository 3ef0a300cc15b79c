/**
 * Which backups to delete to keep the last N. Only names that follow the backup scheme are ever
 * considered (anything else an administrator put in the folder stays), and name order is time order
 * (naming.ts).
 */
import { isBackupFileName } from './naming';

export const DEFAULT_KEEP = 10;
export const MIN_KEEP = 1;
export const MAX_KEEP = 100;

/**
 * The backups beyond the newest `keep`, oldest first. `protect` (the file just written) is never
 * deleted even when it sorts among the oldest: after the computer's clock was set back, the newest
 * backup carries an older name, and losing it would be worse than keeping one file too many.
 */
export function backupsToDelete(fileNames: readonly string[], keep: number, protect?: string): string[] {
  if (!Number.isInteger(keep) || keep < MIN_KEEP) throw new RangeError(`keep must be an integer ≥ ${MIN_KEEP}: ${keep}`);
  const backups = [...new Set(fileNames.filter(isBackupFileName))].sort();
  const protectedHere = protect !== undefined && backups.includes(protect);
  const others = protectedHere ? backups.filter((n) => n !== protect) : backups;
  // The protected file takes one of the `keep` places; the newest of the others fill the rest.
  const room = protectedHere ? keep - 1 : keep;
  const kept = new Set(room > 0 ? others.slice(-room) : []);
  return others.filter((n) => !kept.has(n));
}
