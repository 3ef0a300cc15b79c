/**
 * Term arithmetic of the right to be heard (guide §5), for both rule-set variants. Pure: the rule,
 * a working calendar and the dates known so far (recorded or planned) in, every computed date with
 * the term (and so the clause) it came from out, plus warnings for planned dates that break a term.
 *
 * Counting follows shared/calendar: "N working days after X" is the Nth working day after X (X not
 * counted); "at least N working days before Y" is at the latest the Nth working day before Y.
 */
import { addWorkingDays, type CalendarError, type WorkingCalendar } from '../calendar';
import { err, ok, type Result } from '../result';
import type { Citation, CitedTerm, DecisionDateHearing, ServiceRule, ServiceStep, ServiceTermHearing } from '../rules';
import type { ApplicationChannel, DecisionOutcome, ObjectionKind } from './types';

type IsoDate = string;

/** A computed date and the term it was counted with; `term.citation` names the clause. */
export interface CitedDate {
  readonly date: IsoDate;
  readonly term: CitedTerm;
  /** The date counted from (or back from). */
  readonly from: IsoDate;
  /**
   * True when `from` is not a recorded or planned date but itself a latest allowed date ("if the
   * notice goes out on the last permitted day, the hearing must be held by …").
   */
  readonly projected: boolean;
}

/** A window that opens on a date and closes at the end of a computed working day. */
export interface DateWindow {
  readonly opens: IsoDate;
  readonly closes: CitedDate;
}

/** What the facts of an application say about its dates; null = not known yet. */
export interface HearingFacts {
  readonly channel: ApplicationChannel;
  readonly registrationDate: IsoDate;
  /** The officer's planned decision date ("decision date" variant: the anchor of every term). */
  readonly plannedDecisionDate: IsoDate | null;
  readonly preliminaryDate: IsoDate | null;
  readonly noticeDate: IsoDate | null;
  readonly noticeReceivedDate: IsoDate | null;
  readonly hearingDate: IsoDate | null;
  readonly objection: { readonly kind: ObjectionKind; readonly date: IsoDate } | null;
  readonly minutesKept: boolean;
  readonly familiarisationDate: IsoDate | null;
  readonly remarksDates: readonly IsoDate[];
  /** The recorded decision date, or the date the officer is about to record. */
  readonly decisionDate: IsoDate | null;
}

export const emptyFacts = (registrationDate: IsoDate, channel: ApplicationChannel = 'provider'): HearingFacts => ({
  channel,
  registrationDate,
  plannedDecisionDate: null,
  preliminaryDate: null,
  noticeDate: null,
  noticeReceivedDate: null,
  hearingDate: null,
  objection: null,
  minutesKept: false,
  familiarisationDate: null,
  remarksDates: [],
  decisionDate: null,
});

/** Why a refusal may not be recorded on a date: each names the date it comes from and its clause. */
export type DecisionBoundBasis =
  'notice-period' | 'hearing-date' | 'hearing-window' | 'objection-window' | 'remarks-window' | 'remarks-received';

export interface DecisionBound {
  readonly basis: DecisionBoundBasis;
  readonly date: IsoDate;
  readonly citation: Citation;
}

/** Steps missing before the earliest allowed decision date can be known. */
export type DecisionBlocker =
  'no-preliminary' | 'decision-date-missing' | 'notice-not-sent' | 'hearing-not-scheduled' | 'familiarisation-pending';

export interface EarliestDecision {
  /** The latest of the bounds: a refusal is not recorded before it. Null when there is no bound. */
  readonly notBefore: IsoDate | null;
  /** The bound that sets `notBefore`. */
  readonly binding: DecisionBound | null;
  readonly bounds: readonly DecisionBound[];
  readonly blockers: readonly DecisionBlocker[];
}

export type PlannedDateKind = 'notice' | 'hearing' | 'decision' | 'planned-decision';

export type ScheduleWarning =
  | { readonly code: 'notice-after-latest'; readonly date: IsoDate; readonly latest: IsoDate; readonly citation: Citation }
  | { readonly code: 'notice-before-preliminary'; readonly date: IsoDate; readonly preliminary: IsoDate }
  | { readonly code: 'hearing-before-notice'; readonly date: IsoDate; readonly notice: IsoDate; readonly citation: Citation }
  | { readonly code: 'hearing-after-window'; readonly date: IsoDate; readonly latest: IsoDate; readonly citation: Citation }
  | { readonly code: 'hearing-after-objection-window'; readonly date: IsoDate; readonly latest: IsoDate; readonly citation: Citation }
  | { readonly code: 'objection-late'; readonly date: IsoDate; readonly latest: IsoDate; readonly citation: Citation }
  | { readonly code: 'minutes-required'; readonly citation: Citation }
  | { readonly code: 'remarks-late'; readonly date: IsoDate; readonly latest: IsoDate; readonly citation: Citation }
  | {
      readonly code: 'objection-window-past-decision';
      readonly closes: IsoDate;
      readonly decision: IsoDate;
      readonly citation: Citation;
    }
  | {
      readonly code: 'remarks-window-past-decision';
      readonly closes: IsoDate;
      readonly decision: IsoDate;
      /** True while the window is projected (no oral objection or no reading of the minutes recorded yet). */
      readonly potential: boolean;
      readonly citation: Citation;
    }
  | { readonly code: 'decision-before-earliest'; readonly date: IsoDate; readonly earliest: IsoDate; readonly citation: Citation }
  | { readonly code: 'decision-after-term-end'; readonly date: IsoDate; readonly termEnd: IsoDate; readonly citation: Citation }
  | { readonly code: 'not-working-day'; readonly what: PlannedDateKind; readonly date: IsoDate };

export interface HearingSchedule {
  readonly variant: 'service-term' | 'decision-date';
  /** End of the service term (null when the rule set gives none, as for social assistance). */
  readonly termEnd: CitedDate | null;
  /** The date the "decision date" terms count back from: the planned decision date. */
  readonly decisionAnchor: IsoDate | null;
  readonly latestNotice: CitedDate | null;
  readonly hearingWindow: DateWindow | null;
  /** "Decision date" variant only. */
  readonly objectionWindow: DateWindow | null;
  /** Minutes required because the objection was oral ("decision date" variant, 004 L44). */
  readonly minutesRequired: boolean;
  /** Null when the rule gives no remarks term or when no minutes are (or may be) kept. */
  readonly remarksWindow: DateWindow | null;
  readonly earliestDecision: EarliestDecision;
  /** The service term's end: a decision after it is late. */
  readonly latestDecision: CitedDate | null;
  readonly warnings: readonly ScheduleWarning[];
}

/** The term an application runs on: the proactive term when it came in proactively and one exists. */
export function serviceTerm(service: ServiceRule, channel: ApplicationChannel): CitedTerm | null {
  if (channel === 'proactive' && service.proactiveTerm) return service.proactiveTerm;
  return service.term;
}

/** Counts `term` from `from` in its direction. */
export function countTerm(cal: WorkingCalendar, term: CitedTerm, from: IsoDate, projected = false): Result<CitedDate, CalendarError> {
  const n = term.direction === 'after' ? term.workingDays : -term.workingDays;
  const date = addWorkingDays(cal, from, n);
  return date.ok ? ok({ date: date.value, term, from, projected }) : date;
}

/** End of the service term counted from registration (the registration day itself is not counted). */
export function serviceTermEnd(
  service: ServiceRule,
  cal: WorkingCalendar,
  registrationDate: IsoDate,
  channel: ApplicationChannel = 'provider',
): Result<CitedDate | null, CalendarError> {
  const term = serviceTerm(service, channel);
  return term ? countTerm(cal, term, registrationDate) : ok(null);
}

const maxDate = (dates: readonly IsoDate[]): IsoDate | null => (dates.length === 0 ? null : ([...dates].sort().at(-1) ?? null));

class CalendarFailure {
  constructor(readonly error: CalendarError) {}
}

/** Unwraps a calendar result inside the schedule computation; the failure leaves through `hearingSchedule`. */
function must<T>(r: Result<T, CalendarError>): T {
  if (!r.ok) throw new CalendarFailure(r.error);
  return r.value;
}

export function hearingSchedule(service: ServiceRule, cal: WorkingCalendar, facts: HearingFacts): Result<HearingSchedule, CalendarError> {
  try {
    return ok(
      service.hearing.kind === 'service-term'
        ? serviceTermSchedule(service, service.hearing, cal, facts)
        : decisionDateSchedule(service, service.hearing, cal, facts),
    );
  } catch (e: unknown) {
    if (e instanceof CalendarFailure) return err(e.error);
    throw e;
  }
}

function commonWarnings(cal: WorkingCalendar, facts: HearingFacts): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  const dated: [PlannedDateKind, IsoDate | null][] = [
    ['notice', facts.noticeDate],
    ['hearing', facts.hearingDate],
    ['decision', facts.decisionDate],
    ['planned-decision', facts.decisionDate === null ? facts.plannedDecisionDate : null],
  ];
  for (const [what, date] of dated) {
    if (date !== null && !must(cal.isWorkingDay(date))) out.push({ code: 'not-working-day', what, date });
  }
  if (facts.noticeDate !== null && facts.preliminaryDate !== null && facts.noticeDate < facts.preliminaryDate) {
    out.push({ code: 'notice-before-preliminary', date: facts.noticeDate, preliminary: facts.preliminaryDate });
  }
  return out;
}

function earliest(bounds: DecisionBound[], blockers: DecisionBlocker[]): EarliestDecision {
  let binding: DecisionBound | null = null;
  for (const b of bounds) if (binding === null || b.date > binding.date) binding = b;
  return { notBefore: binding?.date ?? null, binding, bounds, blockers };
}

function decisionWarnings(
  facts: HearingFacts,
  early: EarliestDecision,
  termEnd: CitedDate | null,
  decision: IsoDate | null,
): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  if (decision === null) return out;
  if (facts.preliminaryDate !== null && early.binding !== null && decision < early.binding.date) {
    out.push({ code: 'decision-before-earliest', date: decision, earliest: early.binding.date, citation: early.binding.citation });
  }
  if (termEnd !== null && decision > termEnd.date) {
    out.push({ code: 'decision-after-term-end', date: decision, termEnd: termEnd.date, citation: termEnd.term.citation });
  }
  return out;
}

/**
 * Order 458 (000 L47-49) and medical-social rules para 17 (001 L49-51): the notice goes out at least 3
 * working days before the service term ends, the hearing follows within 2 working days of the notice,
 * the decision is taken on the results of the hearing and within the service term.
 */
function serviceTermSchedule(service: ServiceRule, rule: ServiceTermHearing, cal: WorkingCalendar, facts: HearingFacts): HearingSchedule {
  const warnings = commonWarnings(cal, facts);
  const termEnd = must(serviceTermEnd(service, cal, facts.registrationDate, facts.channel));
  // Without a service term in the rule set the officer's planned decision date is the only anchor.
  const anchor = termEnd?.date ?? facts.plannedDecisionDate;
  const latestNotice = anchor === null ? null : must(countTerm(cal, rule.noticeBeforeTermEnd, anchor));

  const noticeBase = facts.noticeDate ?? latestNotice?.date ?? null;
  const hearingWindow: DateWindow | null =
    noticeBase === null
      ? null
      : { opens: noticeBase, closes: must(countTerm(cal, rule.hearingAfterNotice, noticeBase, facts.noticeDate === null)) };

  if (facts.noticeDate !== null && latestNotice !== null && facts.noticeDate > latestNotice.date) {
    warnings.push({ code: 'notice-after-latest', date: facts.noticeDate, latest: latestNotice.date, citation: latestNotice.term.citation });
  }
  if (facts.hearingDate !== null && hearingWindow !== null) {
    if (facts.noticeDate !== null && facts.hearingDate < facts.noticeDate) {
      warnings.push({
        code: 'hearing-before-notice',
        date: facts.hearingDate,
        notice: facts.noticeDate,
        citation: rule.hearingAfterNotice.citation,
      });
    }
    if (facts.hearingDate > hearingWindow.closes.date) {
      warnings.push({
        code: 'hearing-after-window',
        date: facts.hearingDate,
        latest: hearingWindow.closes.date,
        citation: rule.hearingAfterNotice.citation,
      });
    }
  }

  const bounds: DecisionBound[] = [];
  const blockers: DecisionBlocker[] = [];
  if (facts.preliminaryDate === null) blockers.push('no-preliminary');
  if (anchor === null) blockers.push('decision-date-missing');
  if (facts.noticeDate === null) blockers.push('notice-not-sent');
  else if (facts.hearingDate !== null) {
    // The outcome is given "on the results of the hearing" (001 L51), so not before the hearing day.
    bounds.push({ basis: 'hearing-date', date: facts.hearingDate, citation: rule.outcomesCitation ?? rule.hearingAfterNotice.citation });
  } else if (hearingWindow !== null) {
    blockers.push('hearing-not-scheduled');
    bounds.push({ basis: 'hearing-window', date: hearingWindow.closes.date, citation: rule.hearingAfterNotice.citation });
  }
  const early = earliest(bounds, blockers);
  warnings.push(...decisionWarnings(facts, early, termEnd, facts.decisionDate));

  return {
    variant: 'service-term',
    termEnd,
    decisionAnchor: termEnd === null ? facts.plannedDecisionDate : null,
    latestNotice,
    hearingWindow,
    objectionWindow: null,
    minutesRequired: false,
    // Order 458 and the medical-social rules give no remarks term; none is invented.
    remarksWindow: null,
    earliestDecision: early,
    latestDecision: termEnd,
    warnings,
  };
}

/**
 * Order amending Order 84, para 15 (004 L38-51). Social assistance has no overall term in our sources
 * (App. 2 of its rules is missing), so the officer sets the decision date and the terms count back
 * from it.
 */
function decisionDateSchedule(service: ServiceRule, rule: DecisionDateHearing, cal: WorkingCalendar, facts: HearingFacts): HearingSchedule {
  const warnings = commonWarnings(cal, facts);
  const termEnd = must(serviceTermEnd(service, cal, facts.registrationDate, facts.channel));
  const anchor = facts.plannedDecisionDate;
  const latestNotice = anchor === null ? null : must(countTerm(cal, rule.noticeBeforeDecision, anchor));

  const noticeBase = facts.noticeDate ?? latestNotice?.date ?? null;
  // 004 L43: the two days run from receipt of the preliminary decision (the text says "of the
  // objection", read as the preliminary decision; see the term's note).
  const receipt = facts.noticeReceivedDate ?? facts.noticeDate ?? latestNotice?.date ?? null;
  const receiptProjected = facts.noticeReceivedDate === null && facts.noticeDate === null;
  const objectionWindow: DateWindow | null =
    receipt === null ? null : { opens: receipt, closes: must(countTerm(cal, rule.objectionAfterReceipt, receipt, receiptProjected)) };
  // Product decision: an oral objection is expressed at the hearing, so the hearing belongs inside the
  // objection window; the seed sets no other hearing term (004 L39 "the provider sets the time and date").
  const hearingWindow: DateWindow | null =
    noticeBase === null || objectionWindow === null ? null : { opens: noticeBase, closes: objectionWindow.closes };

  if (facts.noticeDate !== null && latestNotice !== null && facts.noticeDate > latestNotice.date) {
    warnings.push({ code: 'notice-after-latest', date: facts.noticeDate, latest: latestNotice.date, citation: latestNotice.term.citation });
  }
  if (facts.hearingDate !== null) {
    if (facts.noticeDate !== null && facts.hearingDate < facts.noticeDate) {
      warnings.push({
        code: 'hearing-before-notice',
        date: facts.hearingDate,
        notice: facts.noticeDate,
        citation: rule.noticeBeforeDecision.citation,
      });
    }
    if (objectionWindow !== null && facts.hearingDate > objectionWindow.closes.date) {
      warnings.push({
        code: 'hearing-after-objection-window',
        date: facts.hearingDate,
        latest: objectionWindow.closes.date,
        citation: rule.objectionAfterReceipt.citation,
      });
    }
  }
  if (facts.objection !== null && objectionWindow !== null && facts.objection.date > objectionWindow.closes.date) {
    warnings.push({
      code: 'objection-late',
      date: facts.objection.date,
      latest: objectionWindow.closes.date,
      citation: rule.objectionAfterReceipt.citation,
    });
  }
  const minutesRequired = facts.objection?.kind === 'oral';
  if (minutesRequired && !facts.minutesKept) warnings.push({ code: 'minutes-required', citation: rule.minutesCitation });

  // Minutes exist, or may still come: an oral objection is possible until the objection is recorded.
  const minutesPossible = facts.minutesKept || minutesRequired || facts.objection === null;
  let remarksWindow: DateWindow | null = null;
  if (facts.familiarisationDate !== null) {
    remarksWindow = {
      opens: facts.familiarisationDate,
      closes: must(countTerm(cal, rule.remarksAfterFamiliarisation, facts.familiarisationDate)),
    };
  } else if (minutesPossible) {
    // The earliest the applicant can read minutes is the day of the hearing (or of the last day to object).
    const read = facts.hearingDate ?? facts.objection?.date ?? objectionWindow?.closes.date ?? null;
    if (read !== null) remarksWindow = { opens: read, closes: must(countTerm(cal, rule.remarksAfterFamiliarisation, read, true)) };
  }

  const reference = facts.decisionDate ?? anchor;
  // Only an unfavourable preliminary decision opens these windows (004 L38).
  if (reference !== null && facts.preliminaryDate !== null) {
    if (objectionWindow !== null && facts.objection === null && objectionWindow.closes.date > reference) {
      warnings.push({
        code: 'objection-window-past-decision',
        closes: objectionWindow.closes.date,
        decision: reference,
        citation: rule.objectionAfterReceipt.citation,
      });
    }
    const remarksDone = facts.remarksDates.length > 0;
    if (remarksWindow !== null && !remarksDone && remarksWindow.closes.date > reference) {
      warnings.push({
        code: 'remarks-window-past-decision',
        closes: remarksWindow.closes.date,
        decision: reference,
        potential: facts.familiarisationDate === null || !(facts.minutesKept || minutesRequired),
        citation: rule.remarksAfterFamiliarisation.citation,
      });
    }
  }
  if (facts.familiarisationDate !== null && remarksWindow !== null) {
    for (const d of facts.remarksDates) {
      if (d > remarksWindow.closes.date) {
        warnings.push({
          code: 'remarks-late',
          date: d,
          latest: remarksWindow.closes.date,
          citation: rule.remarksAfterFamiliarisation.citation,
        });
      }
    }
  }

  const bounds: DecisionBound[] = [];
  const blockers: DecisionBlocker[] = [];
  if (facts.preliminaryDate === null) blockers.push('no-preliminary');
  if (anchor === null) blockers.push('decision-date-missing');
  if (facts.noticeDate === null) blockers.push('notice-not-sent');
  else {
    const period = must(countTerm(cal, { ...rule.noticeBeforeDecision, direction: 'after' }, facts.noticeDate));
    bounds.push({ basis: 'notice-period', date: period.date, citation: rule.noticeBeforeDecision.citation });
    // Design (digest §4.6.1): the window blocks the decision until it closes or an objection arrives.
    if (facts.objection === null && objectionWindow !== null) {
      bounds.push({ basis: 'objection-window', date: objectionWindow.closes.date, citation: rule.objectionAfterReceipt.citation });
    }
  }
  if (facts.minutesKept || minutesRequired) {
    const lastRemark = maxDate(facts.remarksDates);
    // "On the results of considering the remarks" (004 L47): the window holds the decision unless remarks came.
    if (lastRemark !== null) bounds.push({ basis: 'remarks-received', date: lastRemark, citation: rule.decisionCitation });
    else if (facts.familiarisationDate !== null && remarksWindow !== null) {
      bounds.push({ basis: 'remarks-window', date: remarksWindow.closes.date, citation: rule.remarksAfterFamiliarisation.citation });
    } else blockers.push('familiarisation-pending');
  }
  const early = earliest(bounds, blockers);
  warnings.push(...decisionWarnings(facts, early, termEnd, facts.decisionDate ?? anchor));

  return {
    variant: 'decision-date',
    termEnd,
    decisionAnchor: anchor,
    latestNotice,
    hearingWindow,
    objectionWindow,
    minutesRequired,
    remarksWindow,
    earliestDecision: early,
    latestDecision: termEnd,
    warnings,
  };
}

export interface DecisionCheck {
  /** A refusal before its earliest allowed date (or before the hearing steps are done): needs a reason. */
  readonly early: boolean;
  readonly late: boolean;
  readonly earliest: EarliestDecision;
}

/**
 * Whether a decision may be recorded on `date` without a stated reason. The right to be heard guards
 * unfavourable decisions only (000 L47 "preliminary decision", 004 L38 "grounds for refusal"), so a
 * grant is never early; a refusal is early before the earliest allowed date or while a step that the
 * date depends on (preliminary decision, notice, hearing, reading of the minutes) is missing.
 */
export function checkDecision(schedule: HearingSchedule, outcome: DecisionOutcome, date: IsoDate): DecisionCheck {
  const e = schedule.earliestDecision;
  const early = outcome === 'refused' && (e.blockers.length > 0 || (e.notBefore !== null && date < e.notBefore));
  const late = schedule.latestDecision !== null && date > schedule.latestDecision.date;
  return { early, late, earliest: e };
}

// ---------------------------------------------------------------------------------------------
// Internal steps (medical-social placement 10 / 3 / 2 inside 17; social assistance hand-offs)

export interface StepDate {
  readonly step: ServiceStep;
  /** Null when the step's anchor event has no date yet and cannot be projected. */
  readonly due: CitedDate | null;
  readonly done: IsoDate | null;
  readonly late: boolean;
}

/**
 * Due dates of the service's internal steps. A step anchored on the previous step's result
 * (assessment conclusion, documents received) counts from that step's completion, or from its due
 * date while it is open (projected). The steps need not add up to the overall term (001: 10 + 3 + 2
 * inside 17 working days).
 */
export function stepDates(
  service: ServiceRule,
  cal: WorkingCalendar,
  input: {
    registrationDate: IsoDate;
    stepsDone: Readonly<Record<string, IsoDate>>;
    decisionDate: IsoDate | null;
    /** Used, as a projection, while no decision is recorded. */
    plannedDecisionDate?: IsoDate | null;
  },
): Result<StepDate[], CalendarError> {
  const out: StepDate[] = [];
  let previous: { date: IsoDate; projected: boolean } | null = null;
  for (const step of service.steps) {
    let from: { date: IsoDate; projected: boolean } | null;
    switch (step.term.anchor) {
      case 'application-accepted':
      case 'documents-registration':
      case 'proactive-consent-received':
        from = { date: input.registrationDate, projected: false };
        break;
      case 'decision-issued':
      case 'decision-date': {
        const decided = input.decisionDate ?? input.stepsDone['decision'] ?? null;
        const planned = input.plannedDecisionDate ?? null;
        from = decided !== null ? { date: decided, projected: false } : planned !== null ? { date: planned, projected: true } : previous;
        break;
      }
      case 'assessment-conclusion-received':
        from = previous;
        break;
      default:
        // Documents coming back from another body (precinct commission, akim): no date to count from
        // until the officer knows it, and the previous step's date would be a different event.
        from = null;
    }
    let due: CitedDate | null = null;
    if (from !== null) {
      const r = countTerm(cal, step.term, from.date, from.projected);
      if (!r.ok) return r;
      due = r.value;
    }
    const done = input.stepsDone[step.id] ?? null;
    out.push({ step, due, done, late: due !== null && done !== null && done > due.date });
    previous = done !== null ? { date: done, projected: false } : due !== null ? { date: due.date, projected: true } : null;
  }
  return ok(out);
}
