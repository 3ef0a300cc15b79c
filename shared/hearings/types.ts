/**
 * Service applications, hearings (тыңдау) and hearing minutes (тыңдау хаттамасы), domain guide §5.
 *
 * Two wordings of the right to be heard (ӘРПК Art. 73) exist in the sources and both come from the
 * rule set (`ServiceRule.hearing`):
 * - "service term" (Order 458, 000 L47-49; medical-social rules para 17, 001 L49-51): notice at least
 *   3 working days before the service term ends, hearing within 2 working days of the notice;
 * - "decision date" (order amending Order 84, para 15, 004 L38-51): notice at least 3 working days
 *   before the decision, objection within 2, minutes when the objection is oral, remarks within 3
 *   working days of reading the minutes.
 */
import type { RecordEnvelope } from '../records/envelope';

/**
 * Where the application came in. `proactive` (проактивті) exists only for services with a proactive
 * term (Order 458 standards, row 3): the term then runs from the applicant's consent.
 */
export const APPLICATION_CHANNELS = ['provider', 'state-corporation', 'portal', 'akim', 'proactive'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

/**
 * Product decision: registered → preliminary (unfavourable preliminary decision) → notified (hearing
 * notice sent) → heard (hearing held or the applicant did not come) → decided.
 */
export const APPLICATION_STATUSES = ['registered', 'preliminary', 'notified', 'heard', 'decided'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** How the hearing notice reached the applicant. */
export const NOTICE_CHANNELS = ['in-person', 'post', 'sms', 'phone', 'portal'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** 004 L43: the objection to the preliminary decision is submitted in writing or expressed orally. */
export const OBJECTION_KINDS = ['oral', 'written'] as const;
export type ObjectionKind = (typeof OBJECTION_KINDS)[number];

export const DECISION_OUTCOMES = ['granted', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** 004 L49-51: the notice of grant or refusal goes by SMS, on paper handed over, or to the portal cabinet. */
export const NOTIFICATION_METHODS = ['paper', 'sms', 'portal'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

/**
 * Hearing methods for the "service term" variant: Order 458 and the medical-social rules say only
 * "time and place (method)" (000 L47, 001 L49); the issue lists these four. The "decision date"
 * variant takes its modes from the rule set (004 L40-42), which has no in-person mode.
 */
export const SERVICE_TERM_HEARING_METHODS = ['in-person', 'video', 'phone', 'other'] as const;

export const HEARING_STATUSES = ['scheduled', 'held', 'applicant-absent'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

export interface PreliminaryDecision {
  date: string;
  /** The grounds for the unfavourable decision (refusal grounds of the list of requirements). */
  grounds: string;
  /** Order 458 ties the hearing to the applicant's disagreement with the preliminary decision (000 L47). */
  disagreementDate: string | null;
  /** The day the applicant received the preliminary decision; their time to disagree runs from it (000 L47, 004 L43). */
  receivedOn?: string | null;
  /**
   * The day the applicant said in writing that they do not disagree (Order 458) or waive their
   * objection (004 L43): a refusal then needs no hearing and the objection window closes.
   */
  waiverDate?: string | null;
}

export interface HearingNotice {
  hearingId: string;
  sentOn: string;
  channel: NoticeChannel;
  /** The objection window runs from receipt (004 L43); equal to sentOn when handed over in person. */
  receivedOn: string;
}

export interface Objection {
  kind: ObjectionKind;
  date: string;
  summary: string;
}

export interface ApplicationDecision {
  outcome: DecisionOutcome;
  date: string;
  /** Required for a refusal (a reasoned refusal, 001 L51). */
  reasons: string;
  /** Why a refusal was recorded before its earliest allowed date; null when it was not early. */
  earlyReason: string | null;
}

export interface DecisionNotification {
  method: NotificationMethod;
  date: string;
  /** 004 L49: the application gives a mobile number registered in the mobile citizens database (SMS possible). */
  mobileRegistered?: boolean;
}

export const HISTORY_ACTIONS = [
  'registered',
  'preliminary',
  'planned-decision-date',
  'step-done',
  'hearing-scheduled',
  'hearing-changed',
  'notice-sent',
  'hearing-held',
  'hearing-absent',
  'objection',
  'disagreement',
  'waiver',
  'minutes-created',
  'minutes-edited',
  'minutes-signed',
  'minutes-addendum',
  'familiarisation',
  'remarks',
  'decision',
  'decision-early',
  'decision-notified',
  /** Issue 16 point 2: the application (with its case) was voided as made by mistake; the note is the reason. */
  'voided',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** One line of the application's history; nothing is ever removed from it. */
export interface ApplicationHistoryEntry {
  at: string;
  by: string;
  action: HistoryAction;
  /** The date the entry is about (decision date, notice date…), if any. */
  date: string | null;
  note: string | null;
}

/** A service application (өтініш) inside a case. */
export interface ServiceApplication extends RecordEnvelope {
  caseId: string;
  personId: string;
  /** Service rule id in the case's rule set ('personal-assistant', 'msi-placement', 'social-assistance', …). */
  service: string;
  /** The rule set of the case (guide §1: a case keeps the set in force on its registration date). */
  ruleSetId: string;
  channel: ApplicationChannel;
  registrationDate: string;
  /** The medical-card intake this application follows from, when it came from one. */
  intakeId: string | null;
  note: string;
  /**
   * The officer's planned decision date. Required by the "decision date" variant, whose terms count
   * back from it (social assistance has no overall term in our sources); optional otherwise.
   */
  plannedDecisionDate: string | null;
  /** Completion dates of the service's internal steps, by step id. */
  stepsDone: Record<string, string>;
  status: ApplicationStatus;
  preliminary: PreliminaryDecision | null;
  notice: HearingNotice | null;
  objection: Objection | null;
  decision: ApplicationDecision | null;
  notification: DecisionNotification | null;
  history: ApplicationHistoryEntry[];
}

export interface Hearing extends RecordEnvelope {
  caseId: string;
  applicationId: string;
  date: string;
  /** 'HH:MM', local office time. */
  time: string;
  /** One of SERVICE_TERM_HEARING_METHODS or a mode id of the rule set ("decision date" variant). */
  method: string;
  /** Address, video link or phone number: the notice must say where or how (000 L47). */
  place: string;
  participants: string;
  status: HearingStatus;
}

export interface MinutesRepresentative {
  fullName: string;
  iin: string;
  powerOfAttorney: string;
}

/**
 * The structured minutes. The seeds give no content (004 L44); this follows ӘРПК Art. 74 as
 * summarised in the guide §5, our editable template.
 */
export interface MinutesContent {
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  body: string;
  official: string;
  secretary: string;
  applicantName: string;
  applicantIin: string;
  representative: MinutesRepresentative | null;
  question: string;
  explanations: string;
  questionsAndAnswers: string;
  statements: string;
  factsToRecord: string;
  documentsHandedIn: string;
}

export interface MinutesSignOff {
  date: string;
  at: string;
  by: string;
}

export interface MinutesFamiliarisation {
  /** The day the applicant read the minutes; the remarks window runs from it (004 L46). */
  date: string;
  at: string;
  by: string;
}

export interface MinutesRemark {
  id: string;
  date: string;
  text: string;
  at: string;
  by: string;
}

/** A correction of signed-off minutes: appended, never replacing what was signed. */
export interface MinutesAddendum {
  id: string;
  date: string;
  text: string;
  at: string;
  by: string;
}

export interface HearingMinutes extends RecordEnvelope {
  hearingId: string;
  applicationId: string;
  caseId: string;
  content: MinutesContent;
  signedOff: MinutesSignOff | null;
  familiarisation: MinutesFamiliarisation | null;
  remarks: MinutesRemark[];
  addenda: MinutesAddendum[];
}
