/**
 * The dashboard's complaint counts. Open, due soon and overdue are counts over database indexes (a
 * live read); none counts a voided complaint (issue 16 point 2), which has no next due date. Missed
 * forwarding terms (000 L75, issue 18 point 11) depend on dates the database does
 * not index, so they are counted in the in-memory register index, which is kept current on its own.
 */
import type { QamqorDb } from '../../db/database';
import { registerIndex, registerStamp } from './registerStore';

export interface DashboardCounts {
  open: number;
  dueSoon: number;
  overdue: number;
}

export async function complaintCounts(db: QamqorDb, today: string, soonLimit: string): Promise<DashboardCounts> {
  const [open, dueSoon, overdue] = await Promise.all([
    // Open = a term still runs: exactly the complaints with a next due date (shared/complaints
    // nextOpenDue: an open status, no decision, not voided), so a voided one is not counted.
    db.complaints.where('nextDue').aboveOrEqual('').count(),
    db.complaints.where('nextDue').between(today, soonLimit, true, true).count(),
    db.complaints.where('nextDue').below(today).count(),
  ]);
  return { open, dueSoon, overdue };
}

/** Counts and the stamp in one live read. */
export async function liveComplaintCounts(db: QamqorDb, today: string, soonLimit: string): Promise<DashboardCounts & { stamp: string }> {
  const [counts, stamp] = await Promise.all([complaintCounts(db, today, soonLimit), registerStamp(db)]);
  return { ...counts, stamp };
}

/** Complaints whose forwarding term is missed as of `today`. */
export async function forwardMissedCount(db: QamqorDb, today: string): Promise<number> {
  return (await registerIndex(db)).countForwardMissed(today);
}
