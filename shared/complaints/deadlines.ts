/**
 * Complaint deadlines (guide §4), counted in working days from the rule set in force on the
 * registration date: forward with the administrative case within 3 working days of receipt unless the
 * demands are fully satisfied within those 3 (000 L75-77); review within 5 working days of
 * registration (department / State Corporation, 000 L79) or 15 (quality-control body, 000 L81).
 */
import { addWorkingDays, workingDaysLeft, type CalendarError, type WorkingCalendar } from '../calendar';
import { err, ok, type Result } from '../result';
import type { CitedTerm, ComplaintAddresseeKind, ComplaintRules } from '../rules';
import type { Complaint } from './types';

export type DeadlineError = CalendarError | { code: 'unknown-addressee'; addressee: string };

export interface ComplaintDueDates {
  /** Null when the addressee reviews the complaint itself (nothing to forward). */
  forwardDue: string | null;
  forwardTerm: CitedTerm | null;
  reviewDue: string;
  reviewTerm: CitedTerm;
}

export function complaintDueDates(
  rules: ComplaintRules,
  cal: WorkingCalendar,
  input: { receiptDate: string; registrationDate: string; addressee: ComplaintAddresseeKind },
): Result<ComplaintDueDates, DeadlineError> {
  const addressee = rules.addressees.find((a) => a.kind === input.addressee);
  if (!addressee) return err({ code: 'unknown-addressee', addressee: input.addressee });
  const review = addWorkingDays(cal, input.registrationDate, addressee.reviewTerm.workingDays);
  if (!review.ok) return review;
  if (!addressee.forwardedToReviewingBody) {
    return ok({ forwardDue: null, forwardTerm: null, reviewDue: review.value, reviewTerm: addressee.reviewTerm });
  }
  const forward = addWorkingDays(cal, input.receiptDate, rules.forward.workingDays);
  if (!forward.ok) return forward;
  return ok({ forwardDue: forward.value, forwardTerm: rules.forward, reviewDue: review.value, reviewTerm: addressee.reviewTerm });
}

/**
 * open: still running; met / late: done on or before / after the due date; waived: the forward was
 * not needed because the demands were fully satisfied within the window; closed: the complaint ended
 * (withdrawn, or decided without forwarding) so the clock stopped.
 */
export type DeadlineState = 'open' | 'met' | 'late' | 'waived' | 'closed';
export type DeadlineFlag = 'overdue' | 'due-soon' | null;

export interface DeadlineStatus {
  due: string;
  state: DeadlineState;
  /** Working days left while open (0 = due today, negative = overdue); null otherwise. */
  daysLeft: number | null;
  flag: DeadlineFlag;
  doneOn: string | null;
}

/** "Due within 1 working day" (guide §4 product decision): today or the next working day. */
export const DUE_SOON_WORKING_DAYS = 1;

type ComplaintProgress = Pick<Complaint, 'receiptDate' | 'forwardDue' | 'reviewDue' | 'status' | 'forwarded' | 'decision'>;

function openStatus(cal: WorkingCalendar, today: string, due: string): Result<DeadlineStatus, CalendarError> {
  const left = workingDaysLeft(cal, today, due);
  if (!left.ok) return left;
  const flag: DeadlineFlag = left.value < 0 ? 'overdue' : left.value <= DUE_SOON_WORKING_DAYS ? 'due-soon' : null;
  return ok({ due, state: 'open', daysLeft: left.value, flag, doneOn: null });
}

const done = (due: string, doneOn: string): DeadlineStatus => ({
  due,
  state: doneOn <= due ? 'met' : 'late',
  daysLeft: null,
  flag: null,
  doneOn,
});

const stopped = (due: string, state: 'waived' | 'closed'): DeadlineStatus => ({ due, state, daysLeft: null, flag: null, doneOn: null });

export interface ComplaintDeadlineStatus {
  forward: DeadlineStatus | null;
  review: DeadlineStatus;
  /** The worst flag of the open deadlines. */
  flag: DeadlineFlag;
}

export function complaintDeadlineStatus(
  rules: ComplaintRules,
  cal: WorkingCalendar,
  c: ComplaintProgress,
  today: string,
): Result<ComplaintDeadlineStatus, CalendarError> {
  let forward: DeadlineStatus | null = null;
  if (c.forwardDue !== null) {
    if (c.forwarded) forward = done(c.forwardDue, c.forwarded.date);
    else if (c.decision?.outcome === 'satisfied') {
      // 000 L77: no forwarding when the demands are fully satisfied within the window.
      const windowEnd = addWorkingDays(cal, c.receiptDate, rules.fullSatisfactionWindow.workingDays);
      if (!windowEnd.ok) return windowEnd;
      forward = c.decision.date <= windowEnd.value ? stopped(c.forwardDue, 'waived') : stopped(c.forwardDue, 'closed');
    } else if (c.status === 'decided' || c.status === 'withdrawn') forward = stopped(c.forwardDue, 'closed');
    else {
      const s = openStatus(cal, today, c.forwardDue);
      if (!s.ok) return s;
      forward = s.value;
    }
  }
  let review: DeadlineStatus;
  if (c.decision) review = done(c.reviewDue, c.decision.date);
  else if (c.status === 'withdrawn') review = stopped(c.reviewDue, 'closed');
  else {
    const s = openStatus(cal, today, c.reviewDue);
    if (!s.ok) return s;
    review = s.value;
  }
  const flags = [forward?.flag, review.flag];
  const flag: DeadlineFlag = flags.includes('overdue') ? 'overdue' : flags.includes('due-soon') ? 'due-soon' : null;
  return ok({ forward, review, flag });
}

/**
 * The earliest deadline still running, stored on the record and indexed so that "overdue" and
 * "due soon" are index range queries (`nextDue < today`, `nextDue <= next working day`).
 */
export function nextOpenDue(c: Pick<Complaint, 'forwardDue' | 'reviewDue' | 'status' | 'forwarded' | 'decision'>): string | undefined {
  if (c.status === 'decided' || c.status === 'withdrawn' || c.decision) return undefined;
  const dues = [c.reviewDue];
  if (c.forwardDue !== null && !c.forwarded) dues.push(c.forwardDue);
  return dues.sort()[0];
}
