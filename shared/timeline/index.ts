/**
 * Possible dates (issue 16 point 2): pure checks that a record's dates are in order and not in the
 * future. Dates are ISO 'YYYY-MM-DD' strings, which compare correctly as strings. "today" is always
 * passed in by the caller (renderer: `ui/format.ts` `todayIso`), so every check stays pure.
 *
 * Each failure carries an i18n-able `code` (the form maps it to a kk/ru message), the fields at
 * fault, and `overridable`: whether the law leaves room for a stated exception, so the form may
 * accept the date when the officer types a reason. Facts that cannot physically happen (something
 * recorded before it took place, a future birth) are never overridable.
 */
import { isIsoDate } from '@shared/calendar';

export type TimelineCode = 'timeline.invalidDate' | 'timeline.inFuture' | 'timeline.beforeMinimum' | 'timeline.outOfOrder';

export interface TimelineIssue {
  code: TimelineCode;
  /** The field whose date is wrong (the later one, for an order problem). */
  field: string;
  /** For 'timeline.outOfOrder': the field it must not precede. */
  after?: string;
  /** True when an officer may keep the date by stating a reason (a legal exception). */
  overridable: boolean;
  /** Where the rule comes from: digest paragraph / seed line, or "[DESIGN]" with the reason. */
  source: string;
}

export type TimelineResult = { ok: true } | { ok: false; issues: TimelineIssue[] };

/** Earliest birth date accepted (a person born before 1900 cannot be a living applicant). [DESIGN] */
export const MIN_BIRTH_DATE = '1900-01-01';

type Dates = Record<string, string | undefined>;

function result(issues: TimelineIssue[]): TimelineResult {
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

/** Adds an issue for every present date that is not a real ISO date. Returns the fields that are usable. */
function invalid(dates: Dates, issues: TimelineIssue[], source: string): Set<string> {
  const usable = new Set<string>();
  for (const [field, value] of Object.entries(dates)) {
    if (value === undefined || value === '') continue;
    if (isIsoDate(value)) usable.add(field);
    else issues.push({ code: 'timeline.invalidDate', field, overridable: false, source });
  }
  return usable;
}

function notFuture(dates: Dates, usable: Set<string>, today: string, issues: TimelineIssue[], source: string): void {
  for (const field of usable) {
    const value = dates[field];
    if (value !== undefined && value > today) issues.push({ code: 'timeline.inFuture', field, overridable: false, source });
  }
}

function inOrder(
  dates: Dates,
  usable: Set<string>,
  earlier: string,
  later: string,
  issues: TimelineIssue[],
  rule: { overridable: boolean; source: string },
): void {
  if (!usable.has(earlier) || !usable.has(later)) return;
  const a = dates[earlier];
  const b = dates[later];
  if (a !== undefined && b !== undefined && b < a) {
    issues.push({ code: 'timeline.outOfOrder', field: later, after: earlier, ...rule });
  }
}

const COMPLAINT_SOURCE = 'order458-rehabilitation-body.md §"two start dates" (seed 000 L67, L75: түскен күні, тіркеу күні)';

/**
 * A complaint: receipt ≤ registration ≤ today. Registration follows receipt (a complaint is
 * registered once received; seed 000 L67 the stamp with incoming number and date confirms that it was
 * accepted, L75/L79 the two clocks run from receipt and from registration), and neither may be in the
 * future (a gapless number must not be taken by a future year — issue 16 point 2). The field names are
 * the complaint's own (`receiptDate`, `registrationDate`). No failure is overridable: the seeds allow
 * no exception to either order.
 */
export function checkComplaintDates(d: { receiptDate?: string; registrationDate?: string }, today: string): TimelineResult {
  const issues: TimelineIssue[] = [];
  const usable = invalid(d, issues, COMPLAINT_SOURCE);
  inOrder(d, usable, 'receiptDate', 'registrationDate', issues, { overridable: false, source: COMPLAINT_SOURCE });
  notFuture(d, usable, today, issues, COMPLAINT_SOURCE);
  return result(issues);
}

/**
 * The dates of a complaint's workflow step (remedy, forwarding, decision and its notification,
 * withdrawal, court note): each records something that has happened, so none is after today, and none
 * is before the complaint's receipt (seed 000 L75: the forward term runs from receipt; a step cannot
 * precede the complaint it acts on). Not overridable. [DESIGN] issue 16 point 2.
 */
export function checkComplaintStepDates(dates: Dates, receiptDate: string, today: string): TimelineResult {
  const source = '[DESIGN] issue 16 point 2; seed 000 L75';
  const issues: TimelineIssue[] = [];
  const usable = invalid(dates, issues, source);
  for (const field of usable) {
    const value = dates[field];
    if (value !== undefined && value < receiptDate) {
      issues.push({ code: 'timeline.outOfOrder', field, after: 'receiptDate', overridable: false, source });
    }
  }
  notFuture(dates, usable, today, issues, source);
  return result(issues);
}

/** A case's opening date is not in the future. [DESIGN] the number's year comes from it (issue 16 point 2). */
export function checkCaseOpened(openedDate: string | undefined, today: string): TimelineResult {
  return checkNotFuture({ openedDate }, today);
}

/** One date field, valid and not after today. */
function checkNotFuture(d: Dates, today: string): TimelineResult {
  const issues: TimelineIssue[] = [];
  notFuture(d, invalid(d, issues, '[DESIGN] issue 16'), today, issues, '[DESIGN] issue 16');
  return result(issues);
}

const HEARING_SOURCE = 'order458-rehabilitation-body.md H1 (L49: notice, then hearing ≤ 2 WD later)';

/**
 * A hearing: application ≤ notice ≤ hearing (L47 the hearing follows the applicant's disagreement
 * with a pending application; L49 the hearing is held after the notice). "held" and "signed" are not
 * before the hearing date and not after today. Only the application ≤ hearing order is overridable:
 * a hearing may be scheduled on a date typed before the application was recorded in this app
 * (a legal exception with a stated reason); the others are physically impossible.
 */
export function checkHearingDates(
  d: { applicationDate?: string; noticeDate?: string; hearingDate?: string; heldDate?: string; signedDate?: string },
  today: string,
): TimelineResult {
  const issues: TimelineIssue[] = [];
  const usable = invalid(d, issues, HEARING_SOURCE);
  inOrder(d, usable, 'applicationDate', 'hearingDate', issues, { overridable: true, source: 'L47' });
  inOrder(d, usable, 'noticeDate', 'hearingDate', issues, { overridable: false, source: HEARING_SOURCE });
  inOrder(d, usable, 'hearingDate', 'heldDate', issues, { overridable: false, source: HEARING_SOURCE });
  inOrder(d, usable, 'hearingDate', 'signedDate', issues, { overridable: false, source: HEARING_SOURCE });
  inOrder(d, usable, 'heldDate', 'signedDate', issues, {
    overridable: false,
    source: '[DESIGN] minutes are signed after the hearing is held',
  });
  const past = { heldDate: d.heldDate, signedDate: d.signedDate, noticeDate: d.noticeDate };
  notFuture(past, invalid(past, [], HEARING_SOURCE), today, issues, '[DESIGN] a fact cannot be recorded before it happens');
  return result(issues);
}

/** A sign-off (decision, minutes, stage approval) is not in the future. [DESIGN] issue 16 point 2. */
export function checkSignOff(signedDate: string | undefined, today: string): TimelineResult {
  return checkNotFuture({ signedDate }, today);
}

/** A birth date: not in the future and not before {@link MIN_BIRTH_DATE}. [DESIGN] issue 16 point 2. */
export function checkBirthDate(birthDate: string | undefined, today: string): TimelineResult {
  const d = { birthDate };
  const issues: TimelineIssue[] = [];
  const usable = invalid(d, issues, '[DESIGN] issue 16');
  notFuture(d, usable, today, issues, '[DESIGN] issue 16');
  if (usable.has('birthDate') && birthDate !== undefined && birthDate < MIN_BIRTH_DATE) {
    issues.push({ code: 'timeline.beforeMinimum', field: 'birthDate', overridable: false, source: '[DESIGN] issue 16' });
  }
  return result(issues);
}

/**
 * An intake (application accepted, then registered, then decided): dates in the given order and not
 * in the future. `order` lists the field names earliest first; missing dates are skipped.
 * Source: social-assistance-and-hearings.md step table (S003:72 registration date on the coupon).
 */
export function checkIntakeDates(dates: Dates, order: readonly string[], today: string): TimelineResult {
  const source = 'social-assistance-and-hearings.md (S003:72)';
  const issues: TimelineIssue[] = [];
  const usable = invalid(dates, issues, source);
  const present = order.filter((f) => usable.has(f));
  for (let i = 1; i < present.length; i++) {
    inOrder(dates, usable, present[i - 1] ?? '', present[i] ?? '', issues, { overridable: false, source });
  }
  notFuture(dates, usable, today, issues, source);
  return result(issues);
}

/** True when every issue of a failed check may be overridden by a stated reason. */
export function overridableWithReason(r: TimelineResult): boolean {
  return r.ok || r.issues.every((i) => i.overridable);
}
