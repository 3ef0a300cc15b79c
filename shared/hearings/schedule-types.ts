/**
 * The shapes of the term arithmetic (guide §5): the facts of an application in, the schedule out.
 * Every computed date carries the term (and so the clause) it was counted with.
 */
import type { Citation, CitedTerm } from '../rules';
import type { ApplicationChannel, HearingStatus, ObjectionKind } from './types';

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
  /** The day the applicant received the preliminary decision (Order 458 disagreement window). */
  readonly preliminaryReceivedDate: IsoDate | null;
  /** Order 458 (000 L47): the day the applicant disagreed with the preliminary decision. */
  readonly disagreementDate: IsoDate | null;
  /** The day the applicant said in writing that they neither disagree nor object (waiver). */
  readonly waiverDate: IsoDate | null;
  /** The hearing's status: 'applicant-absent' means no oral objection, so no minutes (004 L44). */
  readonly hearingStatus: HearingStatus | null;
  /** Today, for windows that may have run out with nothing received; null = not known. */
  readonly asOf: IsoDate | null;
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
  preliminaryReceivedDate: null,
  disagreementDate: null,
  waiverDate: null,
  hearingStatus: null,
  asOf: null,
  minutesKept: false,
  familiarisationDate: null,
  remarksDates: [],
  decisionDate: null,
});

/** Why a refusal may not be recorded on a date: each names the date it comes from and its clause. */
export type DecisionBoundBasis =
  | 'notice-period'
  | 'hearing-date'
  | 'hearing-window'
  | 'objection-window'
  | 'objection-received'
  | 'disagreement-window'
  | 'waived'
  | 'remarks-window'
  | 'remarks-received';

export interface DecisionBound {
  readonly basis: DecisionBoundBasis;
  readonly date: IsoDate;
  readonly citation: Citation;
}

/** Steps missing before the earliest allowed decision date can be known. */
export type DecisionBlocker =
  | 'no-preliminary'
  | 'decision-date-missing'
  | 'notice-not-sent'
  | 'hearing-not-scheduled'
  | 'familiarisation-pending'
  | 'disagreement-pending';

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
  | { readonly code: 'not-working-day'; readonly what: PlannedDateKind; readonly date: IsoDate }
  /** Soft (000 L49): legal, but the applicant has no time to prepare. */
  | { readonly code: 'hearing-on-notice-day'; readonly date: IsoDate; readonly citation: Citation }
  | { readonly code: 'decision-after-hand-over'; readonly date: IsoDate; readonly handOver: IsoDate; readonly citation: Citation };

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
  /**
   * Whether the refusal needs a hearing: Order 458 only once the applicant disagreed (000 L47), 'no'
   * when they waived or their time ran out with nothing received, 'pending' meanwhile.
   */
  readonly hearingNeeded: 'yes' | 'no' | 'pending';
  /** Order 458: the applicant's time to disagree (ӘРПК Art. 73(3) as quoted in 004 L43). */
  readonly disagreementWindow: DateWindow | null;
  /** State Corporation applications: the result goes back to it by this date (000 L145, 001 L37). */
  readonly handOver: CitedDate | null;
  /** The service term's end: a decision after it is late. */
  readonly latestDecision: CitedDate | null;
  readonly warnings: readonly ScheduleWarning[];
}
