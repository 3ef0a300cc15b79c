/**
 * The possible-date checks of shared/timeline (issue 16 point 2) as field messages of the complaint
 * forms: the same keys in the form (as the officer types and before submitting) and in the repository
 * (the write refuses with `invalid`), so both say the same thing.
 */
import type { ComplaintAction } from '@shared/complaints';
import { checkComplaintDates, checkComplaintStepDates, type TimelineIssue, type TimelineResult } from '@shared/timeline';
import type { FieldErrors } from '@shared/validation';

/** The i18n key (complaints namespace) that says what is wrong with one date. */
function messageOf(issue: TimelineIssue): string {
  if (issue.code === 'timeline.inFuture') return 'complaints.timeline.inFuture';
  if (issue.code === 'timeline.outOfOrder')
    return issue.after === 'receiptDate' && issue.field !== 'registrationDate'
      ? 'complaints.timeline.stepBeforeReceipt'
      : 'complaints.timeline.registrationBeforeReceipt';
  return 'complaints.timeline.invalidDate';
}

/** One message per field (the first issue found for it). */
export function timelineErrors(r: TimelineResult): FieldErrors {
  if (r.ok) return {};
  const errors: FieldErrors = {};
  for (const issue of r.issues) errors[issue.field] ??= messageOf(issue);
  return errors;
}

/** Receipt ≤ registration ≤ today (seed 000 L67, L75, L79), as field messages. */
export function registrationDateErrors(d: { receiptDate: string; registrationDate: string }, today: string): FieldErrors {
  return timelineErrors(checkComplaintDates({ receiptDate: d.receiptDate, registrationDate: d.registrationDate }, today));
}

/**
 * The dates a workflow step records, each between the complaint's receipt and today. A court note may
 * tell of a claim filed before the complaint (000 L83: the applicant may go to court at any time), so
 * only "not in the future" holds for it.
 */
export function stepDateErrors(action: ComplaintAction, receiptDate: string, today: string): FieldErrors {
  const dates: Record<string, string | undefined> = {};
  if (action.type === 'start-review') return {};
  dates.date = action.date || undefined;
  if (action.type === 'decide') dates.notifiedOn = action.notifiedOn || undefined;
  return timelineErrors(checkComplaintStepDates(dates, action.type === 'court-note' ? '' : receiptDate, today));
}
