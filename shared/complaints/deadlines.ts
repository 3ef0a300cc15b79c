/**
 * Complaint deadlines (guide §4), counted in working days from the rule set in force on the
 * registration date: forward with the administrative case within 3 working days of receipt unless the
 * demands are fully satisfied within those 3 (seed 000 L75-77, 001 L57-58); review within 5 working
 * days of registration (department / State Corporation, 000 L79, 001 L59) or 15 (quality-control
 * body, 000 L81, 001 L60).
 */
import { addWorkingDays, workingDaysLeft, type CalendarError, type WorkingCalendar } from '../calendar';
import { err, ok, type Result } from '../result';
import type { CitedTerm, ComplaintAddresseeKind, ComplaintRules } from '../rules';
import type { Complaint, ComplaintRemedy } from './types';

export type DeadlineError = CalendarError | { code: 'unknown-addressee'; addressee: string };

export interface ComplaintDueDates {
  /** Null when the addressee reviews the complaint itself (nothing to forward). */
  forwardDue: string | null;
  forwardTerm: CitedTerm | null;
  reviewDue: string;
  reviewTerm: CitedTerm;
}

/** A route (shared/rules/complaints.ts `ComplaintRoute`) or the rule set's Order 458 complaint rules. */
type TermRules = Pick<ComplaintRules, 'addressees' | 'forward'>;

export function complaintDueDates(
  rules: TermRules,
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
 * Last day of the full-satisfaction window (000 L77 / 001 L58 "үш жұмыс күні ішінде"), counted from
 * receipt like the forward term: the day of receipt does not count, the window ends at the end of its
 * third working day.
 */
export function satisfactionWindowEnd(
  rules: Pick<ComplaintRules, 'fullSatisfactionWindow'>,
  cal: WorkingCalendar,
  receiptDate: string,
): Result<string, CalendarError> {
  return addWorkingDays(cal, receiptDate, rules.fullSatisfactionWindow.workingDays);
}

/**
 * open: still running; met / late: done on or before / after the due date; waived: the forward was
 * not needed because the demands were fully satisfied within the window; closed: the complaint ended
 * (withdrawn, or decided) within the term without forwarding, so the clock stopped; missed: it ended
 * after the forward term ran out without being forwarded — the breach stays on record (issue 18 p. 11);
 * voided: a head voided the complaint as made by mistake, so no term runs for it (issue 16 point 2).
 */
export type DeadlineState = 'open' | 'met' | 'late' | 'waived' | 'closed' | 'missed' | 'voided';
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

type ComplaintProgress = Pick<Complaint, 'receiptDate' | 'forwardDue' | 'reviewDue' | 'status' | 'forwarded' | 'decision'> &
  Partial<Pick<Complaint, 'withdrawal' | 'remedies' | 'voided'>>;

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

const stopped = (due: string, state: 'waived' | 'closed' | 'missed' | 'voided', doneOn: string | null = null): DeadlineStatus => ({
  due,
  state,
  daysLeft: null,
  flag: null,
  doneOn,
});

/** The office's full remedy within the window (000 L77, 001 L58), if any. */
export function waivingRemedy(c: Partial<Pick<Complaint, 'remedies'>>): ComplaintRemedy | undefined {
  return (c.remedies ?? []).find((r) => r.extent === 'full' && r.withinWindow);
}

/** The date the complaint ended without a decision of the reviewing body or with one: withdrawal or decision. */
function closedOn(c: ComplaintProgress): string | null {
  if (c.status === 'withdrawn') return c.withdrawal?.date ?? null;
  if (c.status === 'decided') return c.decision?.date ?? null;
  return null;
}

export interface ComplaintDeadlineStatus {
  forward: DeadlineStatus | null;
  review: DeadlineStatus;
  /** The worst flag of the open deadlines. */
  flag: DeadlineFlag;
}

function forwardStatus(
  rules: Pick<ComplaintRules, 'fullSatisfactionWindow'>,
  cal: WorkingCalendar,
  c: ComplaintProgress,
  today: string,
): Result<DeadlineStatus | null, CalendarError> {
  const due = c.forwardDue;
  if (due === null) return ok(null);
  const remedy = waivingRemedy(c);
  if (c.forwarded) {
    // Forwarded although a timely full remedy allowed declining (001 L58): no breach, whenever it went.
    const d = done(due, c.forwarded.date);
    return ok(d.state === 'late' && remedy ? { ...d, state: 'waived' } : d);
  }
  if (remedy) return ok(stopped(due, 'waived', remedy.date));
  if (c.decision?.outcome === 'satisfied' && (c.remedies ?? []).length === 0) {
    // Records stored before remedies existed kept the office's own full satisfaction as the decision.
    const windowEnd = satisfactionWindowEnd(rules, cal, c.receiptDate);
    if (!windowEnd.ok) return windowEnd;
    if (c.decision.date <= windowEnd.value) return ok(stopped(due, 'waived', c.decision.date));
  }
  const ended = closedOn(c);
  if (ended !== null) return ok(ended > due ? stopped(due, 'missed', ended) : stopped(due, 'closed', ended));
  if (c.status === 'remedied') return ok(stopped(due, 'waived'));
  return openStatus(cal, today, due);
}

function reviewStatus(cal: WorkingCalendar, c: ComplaintProgress, today: string): Result<DeadlineStatus, CalendarError> {
  if (c.decision) return ok(done(c.reviewDue, c.decision.date));
  const remedy = waivingRemedy(c);
  if (c.status === 'remedied' && remedy) return ok(done(c.reviewDue, remedy.date));
  if (c.status === 'withdrawn') return ok(stopped(c.reviewDue, 'closed', c.withdrawal?.date ?? null));
  return openStatus(cal, today, c.reviewDue);
}

export function complaintDeadlineStatus(
  rules: Pick<ComplaintRules, 'fullSatisfactionWindow'>,
  cal: WorkingCalendar,
  c: ComplaintProgress,
  today: string,
): Result<ComplaintDeadlineStatus, CalendarError> {
  if (c.voided) {
    // Issue 16 point 2: a voided complaint runs no term; its due dates stay readable, stopped on the day it was voided.
    const on = c.voided.at.slice(0, 10);
    const forwardDue = c.forwardDue;
    return ok({
      forward: forwardDue === null ? null : stopped(forwardDue, 'voided', on),
      review: stopped(c.reviewDue, 'voided', on),
      flag: null,
    });
  }
  const forward = forwardStatus(rules, cal, c, today);
  if (!forward.ok) return forward;
  const review = reviewStatus(cal, c, today);
  if (!review.ok) return review;
  const flags = [forward.value?.flag, review.value.flag];
  const flag: DeadlineFlag = flags.includes('overdue') ? 'overdue' : flags.includes('due-soon') ? 'due-soon' : null;
  return ok({ forward: forward.value, review: review.value, flag });
}

/**
 * The 3-working-day forwarding term was broken (000 L75, 001 L57): forwarded late; ended (withdrawn,
 * decided) after the term without being forwarded; or still not forwarded once the term is over. A
 * full remedy within the window waives the duty; a partial one or a late full one does not (000 L77).
 * Returns the date after which the breach shows ('' = it already does whatever today is), or null
 * when the term cannot be (or was not) broken, or the complaint is voided (issue 16 point 2: no term runs
 * for a record made by mistake). Calendar-free, so the register index can evaluate it.
 */
export function forwardMissedAfter(c: ComplaintProgress): string | null {
  const due = c.forwardDue;
  if (due === null || c.voided || waivingRemedy(c)) return null;
  if (c.forwarded) return c.forwarded.date > due ? '' : null;
  const ended = closedOn(c);
  if (ended !== null) {
    // A legacy decision "satisfied" within the term needed no forwarding (read as a full remedy).
    return ended > due ? '' : null;
  }
  if (c.status === 'remedied') return null;
  return due;
}

/** Whether the forwarding term is missed as of `today` (see `forwardMissedAfter`). */
export function isForwardMissed(c: ComplaintProgress, today: string): boolean {
  const after = forwardMissedAfter(c);
  return after !== null && today > after;
}

/**
 * The earliest deadline still running, stored on the record and indexed so that "overdue" and
 * "due soon" are index range queries (`nextDue < today`, `nextDue <= next working day`). A partial
 * remedy, or a full one after the window, leaves the forward term running (000 L77). A voided complaint
 * has none (issue 16 point 2), so it leaves the overdue and due-soon lists and counts.
 */
export function nextOpenDue(
  c: Pick<Complaint, 'forwardDue' | 'reviewDue' | 'status' | 'forwarded' | 'decision'> & Partial<Pick<Complaint, 'remedies' | 'voided'>>,
): string | undefined {
  if (c.voided || c.status === 'decided' || c.status === 'withdrawn' || c.status === 'remedied' || c.decision) return undefined;
  const dues = [c.reviewDue];
  if (c.forwardDue !== null && !c.forwarded && !waivingRemedy(c)) dues.push(c.forwardDue);
  return dues.sort()[0];
}
