/**
 * The possible-date checks of shared/timeline (issue 16 point 2) as field messages of the hearing
 * forms: the repository refuses with `invalid` and these keys, the forms show them at their fields
 * (and check the same as the officer types), so both say the same thing in kk and ru.
 */
import { checkHearingDates, checkSignOff, type TimelineIssue, type TimelineResult } from '@shared/timeline';
import type { FieldErrors } from '@shared/validation';

type HearingDates = Parameters<typeof checkHearingDates>[0];
type DateRole = keyof HearingDates;

/** The i18n key (hearings namespace) that says what is wrong with the date of `role`. */
function messageOf(issue: TimelineIssue, role: string): string {
  if (issue.code === 'timeline.inFuture') return 'hearings.timeline.inFuture';
  if (issue.code === 'timeline.invalidDate' || issue.code === 'timeline.beforeMinimum') return 'validation.date';
  if (role === 'noticeDate') return 'hearings.timeline.noticeAfterHearing';
  switch (issue.after) {
    case 'applicationDate':
      return 'hearings.timeline.beforeApplication';
    case 'noticeDate':
      return 'hearings.timeline.hearingBeforeNotice';
    case 'heldDate':
      return 'hearings.timeline.beforeHeld';
    default:
      return 'hearings.timeline.beforeHearing';
  }
}

/**
 * One message per form field (the first issue found for it); `fields` names the form field of each date
 * role. An order problem is put on the later date, unless only the earlier one is being recorded (a notice
 * sent after its hearing is the notice's fault).
 */
function timelineErrors(r: TimelineResult, fields: Partial<Record<string, string>>): FieldErrors {
  if (r.ok) return {};
  const errors: FieldErrors = {};
  for (const issue of r.issues) {
    const role = fields[issue.field] === undefined && issue.after !== undefined ? issue.after : issue.field;
    const field = fields[role];
    if (field !== undefined) errors[field] ??= messageOf(issue, role);
  }
  return errors;
}

/**
 * The hearing's own timeline (order458-rehabilitation-body.md H1, seed 000 L47, L49): application ≤
 * notice ≤ hearing; "held" and "signed" not before the hearing and not after today. `fields` maps each
 * date role given to the form field that holds it.
 */
export function hearingDateErrors(dates: HearingDates, fields: Partial<Record<DateRole, string>>, today: string): FieldErrors {
  return timelineErrors(checkHearingDates(dates, today), fields);
}

/**
 * Dates of facts that have happened (a preliminary decision, the applicant's answer, a decision, its
 * notification, a reading, remarks): none is after today. [DESIGN] issue 16 point 2, via
 * shared/timeline checkSignOff. Empty dates are skipped.
 */
export function pastDateErrors(dates: Record<string, string | null | undefined>, today: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, date] of Object.entries(dates)) {
    if (!date) continue;
    const r = checkSignOff(date, today);
    const first = r.ok ? undefined : r.issues[0];
    if (first) errors[field] = messageOf(first, field);
  }
  return errors;
}
