/**
 * The legal rule-set model (domain guide §1): every legal number is versioned reference data that
 * carries the clause it came from, so a deadline or a check result can always show its source and
 * an administrator can enter a newer act without a release.
 *
 * Conventions for the shipped data:
 * - `seed` is the seed file id ('000', '001', …); `lines` is 'L67' or 'L67-71' in that file.
 * - Kazakh texts (`labelKk`, `nameKk`, `textKk`, `quoteKk`) are verbatim from the cited lines
 *   unless `labelKkSource: 'editorial'` says otherwise (the seed-quote test enforces this).
 * - Russian texts are our translations; the seeds are Kazakh only.
 */

/** 'YYYY-MM-DD'. Plain string so that zod output and hand-written data share one type. */
export type IsoDate = string;

export interface Bilingual {
  readonly kk: string;
  readonly ru: string;
}

export interface Citation {
  /** Short act id: 'order458' | 'msi-rules' | 'order84-amend' | 'kyzylorda-1092' | an administrator's id. */
  readonly act: string;
  readonly actTitle?: string;
  /**
   * Order 458 amends four sets of Rules approved by Order 26; its paragraphs are paragraphs of those
   * Rules, so the Rules must be named for the paragraph number to be unambiguous.
   */
  readonly rules?: string;
  readonly appendix?: string;
  readonly paragraph?: string;
  readonly item?: string;
  /** Table row (App. 9 wheelchair table, App. 3 list of requirements). */
  readonly row?: string;
  /** Seed 000 lost some table row numbers in extraction; 002 (same order) keeps them. */
  readonly rowNumberSource?: { readonly seed: string; readonly lines: string };
  readonly seed: string;
  readonly lines: string;
  readonly quoteKk?: string;
}

/** What a term is counted from (or back from). */
export type TermAnchor =
  | 'complaint-receipt'
  | 'complaint-registration'
  | 'documents-registration'
  | 'proactive-consent-received'
  | 'application-accepted'
  | 'assessment-conclusion-received'
  | 'decision-issued'
  | 'service-term-end'
  | 'decision-date'
  | 'hearing-notice'
  | 'preliminary-decision-received'
  | 'minutes-familiarisation'
  | 'documents-received'
  | 'order-received-on-portal';

/**
 * A term in working days. `after`: the act is due at most N working days after the anchor.
 * `before`: the act is due at least N working days before the anchor (hearing notices).
 */
export interface CitedTerm {
  readonly workingDays: number;
  readonly anchor: TermAnchor;
  readonly direction: 'after' | 'before';
  readonly citation: Citation;
  /** The same rule repeated verbatim in other clauses (other services, other acts). */
  readonly alsoIn?: readonly Citation[];
  readonly note?: Bilingual;
}

/**
 * A measured threshold in a clinical criterion (App. 9 row 4). The table states several thresholds
 * as ranges ("13-20 градустан … аспайды"), so a threshold is `low`..`high` (equal for one value).
 */
export interface CitedParameter {
  readonly id: string;
  readonly labelRu: string;
  readonly comparison: 'at-most' | 'at-least' | 'within' | 'less-than';
  readonly low: number;
  readonly high: number;
  readonly unit: 'degrees' | 'cm' | 'points' | 'years';
  readonly citation: Citation;
}

/** One way of reading a clause. */
export interface Reading {
  readonly id: string;
  readonly text: Bilingual;
}

/**
 * A clause that can be read two ways: the rule set carries every reading, the one the computation uses
 * and why, so the officer sees the choice next to the date it produced (issue 18).
 */
export interface Interpretation {
  readonly id: string;
  readonly citation: Citation;
  readonly question: Bilingual;
  readonly readings: readonly Reading[];
  /** Id of the reading the computation follows. */
  readonly chosen: string;
  readonly why: Bilingual;
}

export interface LegalAct {
  readonly id: string;
  readonly titleKk: string;
  readonly titleRu: string;
  readonly number: string | null;
  readonly adoptedOn: IsoDate | null;
  readonly registration: string | null;
  readonly status: 'in-force' | 'repealed' | 'unknown';
  readonly statusNote: Bilingual;
  readonly citation: Citation;
}

// ---------------------------------------------------------------------------------------------
// Complaints (шағым)

export type ComplaintAddresseeKind = 'department' | 'state-corporation' | 'quality-control-body';

export interface LabelledItem {
  readonly id: string;
  readonly labelKk: string;
  readonly labelRu: string;
}

export interface ComplaintAddressee {
  readonly kind: ComplaintAddresseeKind;
  readonly labelKk: string;
  readonly labelRu: string;
  readonly citation: Citation;
  /** Complaints to the department or the State Corporation go on to the reviewing body with the case. */
  readonly forwardedToReviewingBody: boolean;
  readonly reviewTerm: CitedTerm;
}

export interface ComplaintRules {
  readonly citation: Citation;
  readonly alsoIn: readonly Citation[];
  readonly form: { readonly labelKk: string; readonly labelRu: string; readonly citation: Citation };
  readonly channels: readonly LabelledItem[];
  readonly channelsCitation: Citation;
  readonly registrationMarks: readonly LabelledItem[];
  readonly registrationMarksCitation: Citation;
  readonly reviewingBodies: readonly LabelledItem[];
  readonly reviewingBodiesCitation: Citation;
  readonly addressees: readonly ComplaintAddressee[];
  /** Forward to the reviewing body, with the administrative case, counted from receipt. */
  readonly forward: CitedTerm;
  /** Not forwarded when the demands are fully satisfied within this window. */
  readonly fullSatisfactionWindow: CitedTerm;
  readonly court: Citation;
}

// ---------------------------------------------------------------------------------------------
// Hearings (тыңдау) — two wordings of ӘРПК Art. 73 exist in the sources (domain guide §5)

export type HearingVariantKind = 'service-term' | 'decision-date';

export interface ServiceTermHearing {
  readonly kind: 'service-term';
  readonly trigger: Bilingual & { readonly citation: Citation };
  /** Notice at least N working days before the service term ends. */
  readonly noticeBeforeTermEnd: CitedTerm;
  /** Hearing at most N working days after the notice. */
  readonly hearingAfterNotice: CitedTerm;
  readonly outcomes: readonly LabelledItem[];
  readonly outcomesCitation: Citation | null;
  /**
   * What opens the right to be heard: Order 458 holds the hearing when the applicant disagrees with the
   * preliminary decision (000 L47); the medical-social rules on the negative decision itself (001 L49).
   * Absent in rule sets stored before this field: read as 'unfavourable-decision'.
   */
  readonly triggeredBy?: 'disagreement' | 'unfavourable-decision';
  /** The time the applicant has to disagree (Order 458 names none; see the rule's interpretations). */
  readonly disagreementTerm?: CitedTerm | null;
}

export interface DecisionDateHearing {
  readonly kind: 'decision-date';
  readonly trigger: Bilingual & { readonly citation: Citation };
  /** Notice of the preliminary refusal and the hearing at least N working days before the decision. */
  readonly noticeBeforeDecision: CitedTerm;
  readonly modes: readonly LabelledItem[];
  readonly modesCitation: Citation;
  /** Objection, written or oral, at most N working days after the preliminary decision is received. */
  readonly objectionAfterReceipt: CitedTerm;
  /** Minutes are mandatory only when the objection is oral. */
  readonly minutesWhen: 'oral-objection';
  readonly minutesCitation: Citation;
  readonly familiarisationCitation: Citation;
  readonly remarksAfterFamiliarisation: CitedTerm;
  readonly decisionCitation: Citation;
  readonly notificationCitation: Citation;
  /** The notice of the decision: App. 6 for a grant, App. 7 for a refusal (004 L48). */
  readonly noticeForms?: { readonly granted: NoticeForm; readonly refused: NoticeForm } | null;
  /** SMS only when the application gives a mobile number registered in the mobile citizens database (004 L49). */
  readonly smsCondition?: Citation | null;
  /** Printed and handed over when SMS is not possible (004 L50). */
  readonly paperCitation?: Citation | null;
  /** To the portal cabinet within one working day when the application came through the portal (004 L51). */
  readonly portalCitation?: Citation | null;
}

/** A printed form of an act, by its appendix. */
export interface NoticeForm {
  readonly appendix: string;
  readonly titleKk: string;
  readonly titleRu: string;
  readonly citation: Citation;
}

export type HearingRule = ServiceTermHearing | DecisionDateHearing;

// ---------------------------------------------------------------------------------------------
// Services

export interface ServiceStep {
  readonly id: string;
  readonly labelKk: string;
  readonly labelRu: string;
  readonly term: CitedTerm;
}

export interface ServiceRule {
  readonly id: string;
  readonly act: string;
  readonly nameKk: string;
  readonly nameRu: string;
  /** The clause that names the service (standard / list of requirements title). */
  readonly nameCitation: Citation;
  /** Null when the source act's term is not in our seeds. */
  readonly term: CitedTerm | null;
  readonly termNote: Bilingual | null;
  readonly proactiveTerm: CitedTerm | null;
  /** The State Corporation's acceptance day is excluded from the term. */
  readonly stateCorpAcceptanceDayExcluded: Citation | null;
  /** Internal steps as the source gives them; they need not add up to `term`. */
  readonly steps: readonly ServiceStep[];
  readonly hearing: HearingRule;
  readonly complaintCitation: Citation | null;
  readonly notes: readonly Bilingual[];
  /**
   * Where the application came through the State Corporation, the result goes back to it no later than
   * this before the term ends (000 L51, L145…; 001 L37). Absent in rule sets stored before this field.
   */
  readonly stateCorpHandOver?: CitedTerm | null;
  /** Clauses of this service that can be read two ways, with the reading chosen (issue 18). */
  readonly interpretations?: readonly Interpretation[];
}

// ---------------------------------------------------------------------------------------------
// Medical card intake (medical-social rules App. 5 / App. 6)

export type MedicalCardFormId = 'stationary' | 'semi-stationary';

export type MedicalCardItemGroup = 'header' | 'exam-always' | 'exam-dispensary' | 'lab' | 'lab-psychoneurological' | 'sign-off';

export type MedicalCardRequirement =
  'always' | 'on-dispensary-registration' | 'psychoneurological-over-18-female' | 'psychoneurological-over-18-male';

export interface MedicalCardItem {
  readonly id: string;
  readonly group: MedicalCardItemGroup;
  readonly requiredWhen: MedicalCardRequirement;
  readonly labelKk: string;
  readonly labelKkSource?: 'seed' | 'editorial';
  readonly labelRu: string;
  /** The form asks for the date and the result ("(мерзімі, нәтижесі)"). */
  readonly dateAndResult: boolean;
  /** Guide §6: not in the seeds, so shipped null ("validity not configured"), never guessed. */
  readonly validityDays: number | null;
  readonly citation: Citation;
  readonly note?: Bilingual;
}

export interface MedicalCardGroupCaption {
  readonly group: MedicalCardItemGroup;
  readonly captionKk: string;
  readonly citation: Citation;
}

export interface MedicalCardForm {
  readonly id: MedicalCardFormId;
  readonly appendix: string;
  readonly applicationAppendix: string;
  readonly titleKk: string;
  readonly titleRu: string;
  readonly citation: Citation;
  readonly captions: readonly MedicalCardGroupCaption[];
  readonly items: readonly MedicalCardItem[];
}

export interface IntakeRequirement {
  readonly id: string;
  readonly labelKk: string;
  readonly labelRu: string;
  readonly forms: readonly MedicalCardFormId[];
  readonly citation: Citation;
  readonly note?: Bilingual;
}

export interface MedicalContraindication {
  readonly id: string;
  readonly labelKk: string;
  readonly labelRu: string;
  readonly citation: Citation;
}

export interface MedicalCardRules {
  readonly applicantDocuments: readonly IntakeRequirement[];
  readonly forms: readonly MedicalCardForm[];
  readonly consents: readonly IntakeRequirement[];
  /** On-the-spot refusal at intake (incomplete or expired package, App. 4 receipt). */
  readonly intakeRefusal: Citation;
  readonly refusalGrounds: readonly IntakeRequirement[];
  /** Shipped empty: the list is not in the seeds (guide §6). */
  readonly contraindications: readonly MedicalContraindication[];
  readonly notConfiguredNote: Bilingual;
}

// ---------------------------------------------------------------------------------------------
// Wheelchairs (order 458 App. 9)

export interface WheelchairType {
  readonly id: string;
  readonly row: number;
  readonly nameKk: string;
  readonly nameRu: string;
  readonly citation: Citation;
}

export interface WheelchairCondition {
  readonly id: string;
  readonly number: number;
  readonly textKk: string;
  readonly textRu: string;
  /** III-degree cardiopulmonary failure qualifies for the indoor chair only. */
  readonly indoorChairOnly: boolean;
  readonly citation: Citation;
}

/** The wording of one criterion in one row, verbatim (it varies slightly between rows). */
export interface WheelchairCriterionOccurrence {
  readonly row: number;
  readonly textKk: string;
  readonly citation: Citation;
}

export interface WheelchairCriterion {
  readonly id: string;
  readonly kind: 'indication' | 'contraindication';
  readonly rows: readonly number[];
  readonly textRu: string;
  readonly occurrences: readonly WheelchairCriterionOccurrence[];
  /** Row 1: satisfied when any of these conditions is present. */
  readonly anyOfConditions?: readonly string[];
  readonly parameters?: readonly CitedParameter[];
  /** Where the guide or the digest calls the source text doubtful. */
  readonly doubtful?: Bilingual;
}

export interface WheelchairRules {
  readonly tableCitation: Citation;
  readonly titleKk: string;
  /**
   * A type is indicated when every indication criterion of its row holds, and contraindicated when
   * any contraindication criterion of its row holds. The table states this only by layout.
   */
  readonly types: readonly WheelchairType[];
  readonly conditions: readonly WheelchairCondition[];
  readonly indications: readonly WheelchairCriterion[];
  readonly contraindications: readonly WheelchairCriterion[];
  /** Supplier accepts the order or refuses (out of stock). */
  readonly supplierResponse: CitedTerm;
  /** Return before receipt when the ОЖБ expires or the recipient dies or leaves. */
  readonly returnBeforeReceipt: Citation;
}

// ---------------------------------------------------------------------------------------------
// Hand-off templates (guide §8: akim ↔ district office)

export interface HandOffTemplate {
  readonly id: string;
  readonly act: string;
  /** 'repealed': kept only as a process template for tracking bundle hand-offs. */
  readonly legalStatus: 'in-force' | 'repealed';
  readonly note: Bilingual;
  readonly steps: readonly ServiceStep[];
}

// ---------------------------------------------------------------------------------------------

export interface RuleSet {
  readonly id: string;
  readonly version: number;
  readonly titleKk: string;
  readonly titleRu: string;
  readonly validFrom: IsoDate;
  /** Inclusive; null = open-ended. */
  readonly validTo: IsoDate | null;
  readonly validityBasis: Bilingual & { readonly citations: readonly Citation[] };
  /** True when the numbers are carried over without a source act for the period. */
  readonly provisional: boolean;
  readonly provisionalNote: Bilingual | null;
  readonly acts: readonly LegalAct[];
  readonly complaints: ComplaintRules;
  readonly services: readonly ServiceRule[];
  readonly medicalCard: MedicalCardRules;
  readonly wheelchairs: WheelchairRules;
  readonly handOffTemplates: readonly HandOffTemplate[];
  readonly notes: readonly Bilingual[];
}
