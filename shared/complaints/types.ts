/**
 * Complaint register (шағымдар тізілімі), domain guide §4: complaints against a service provider's or
 * its officials' actions or inaction (Order 458, Rules on personal-assistant services para 11, seed 000
 * L61-83, repeated for every service; medical-social rules para 18).
 */
import type { ComplaintAddresseeKind } from '../rules';
import type { RecordEnvelope } from '../records/envelope';

/**
 * The seeds name post and delivery by hand to the office (000 L65); the e-government portal is where
 * the issue adds a third channel, because offices receive portal complaints too.
 */
export const COMPLAINT_CHANNELS = ['post', 'in-person', 'portal'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_ADDRESSEES = [
  'department',
  'state-corporation',
  'quality-control-body',
] as const satisfies readonly ComplaintAddresseeKind[];

/**
 * Product decision (guide §4): registered → under review → (forwarded) → decided | withdrawn; and
 * `remedied`: the office itself fully satisfied the demands within 3 working days, so the complaint is
 * not forwarded (000 L77) or, under the medical-social rules, need not be (001 L58).
 */
export const COMPLAINT_STATUSES = ['registered', 'under-review', 'forwarded', 'remedied', 'decided', 'withdrawn'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** The reviewing body's decision (000 L73): not the office's own remedy, which is a `ComplaintRemedy`. */
export const DECISION_OUTCOMES = ['satisfied', 'partly-satisfied', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const NOTIFICATION_METHODS = ['letter', 'sms', 'in-person', 'portal'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

/** What is complained about: a decision, an action or inaction of the provider or its officials (000 L61). */
export const CONTESTED_KINDS = ['decision', 'action', 'inaction'] as const;
export type ContestedKind = (typeof CONTESTED_KINDS)[number];

export interface ComplaintRepresentative {
  fullName: string;
  iin: string;
  /** Number and date of the power of attorney (сенімхат). */
  powerOfAttorney: string;
}

export interface ComplaintStatusChange {
  from: ComplaintStatus | null;
  to: ComplaintStatus;
  /** ISO timestamp of the change and the officer who made it. */
  at: string;
  by: string;
  note?: string;
}

/** How far the office's own decision or other administrative action meets the demands (000 L77, 001 L58). */
export const REMEDY_EXTENTS = ['full', 'partial'] as const;
export type RemedyExtent = (typeof REMEDY_EXTENTS)[number];

/**
 * The office's own remedy: a decision or other administrative action on the demands (000 L77
 * "шешім не өзге де әкімшілік әрекет"). Only a full one within the 3-working-day window waives
 * forwarding; a partial one, or a full one after the window, leaves the duty to forward.
 */
export interface ComplaintRemedy {
  extent: RemedyExtent;
  date: string;
  text: string;
  /** Whether `date` fell within the full-satisfaction window (computed with the calendar when recorded). */
  withinWindow: boolean;
}

/** Forwarding to the reviewing body "and the administrative case" (000 L75, 001 L57). */
export interface ComplaintForwarding {
  date: string;
  to: string;
  /** Absent on records forwarded before this was asked (shown as "not recorded"). */
  caseSent?: boolean;
  /** What of the administrative case was sent (documents, sheets). */
  caseContents?: string;
}

export interface ComplaintDecision {
  outcome: DecisionOutcome;
  text: string;
  date: string;
  notifiedBy: NotificationMethod;
  notifiedOn: string;
}

export interface Complaint extends RecordEnvelope {
  /** Incoming number (кіріс нөмірі, 000 L67): `<office code>-<year>-<sequence>`. */
  number: string;
  personId: string;
  caseId: string | null;
  /** Copied from the person at registration so the register needs no join. */
  complainantName: string;
  complainantIin: string;
  representative: ComplaintRepresentative | null;
  receiptDate: string;
  registrationDate: string;
  channel: ComplaintChannel;
  addressee: ComplaintAddresseeKind;
  /** Service rule id from the rule set (the service whose provision is complained about). */
  serviceId: string;
  contested: ContestedKind;
  /** The contested decision (number, date) or a description of the action or inaction. */
  contestedRef: string;
  official: string;
  text: string;
  demands: string;
  attachmentIds: string[];
  /** Surname and name of the person who accepted the complaint (000 L67). */
  acceptedBy: string;
  /** Place for the answer (000 L67); the term is the review deadline. */
  answerPlace: string;
  ruleSetId: string;
  /** Deadlines computed at registration from the rule set and the calendar (recomputed if the calendar changes). */
  forwardDue: string | null;
  reviewDue: string;
  /** Earliest deadline still open; absent when none is, so the index holds only live complaints. */
  nextDue?: string;
  status: ComplaintStatus;
  reviewer: string;
  forwarded: ComplaintForwarding | null;
  /** The office's own remedies, oldest first; absent on records stored before they existed. */
  remedies?: ComplaintRemedy[];
  /** The reviewing body's decision (or, for a complaint to the quality-control body, that body's). */
  decision: ComplaintDecision | null;
  withdrawal: { date: string; reason: string } | null;
  /**
   * The applicant went to court (000 L83, 001 L61): information recorded at any stage; it stops no term.
   */
  courtNote: { date: string; text: string } | null;
  history: ComplaintStatusChange[];
  searchWords: string[];
}
