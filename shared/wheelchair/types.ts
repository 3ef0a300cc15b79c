/**
 * Wheelchair (кресло-арба) indication checks and provisioning (domain guide §7; order 458 App. 9, the
 * table of medical-social indications and contraindications, and para 28 of the Rules on special means
 * of movement, 000 L669-675).
 */
import type { RecordEnvelope } from '../records/envelope';
import type { Bilingual, Citation, CitedParameter, CitedTerm } from '../rules';

/**
 * Degree of an impairment on the ICF qualifier scale (none, mild, moderate, severe, complete): the
 * table speaks of "ауыр немесе абсолютті" (severe or absolute) impairments, the two upper steps.
 */
export const SEVERITIES = ['none', 'mild', 'moderate', 'severe', 'absolute'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Main spheres of life of the "active" lifestyle, App. 9 rows 3-4: білім беру, жұмыс, демалыс және бос уақыт. */
export const ACTIVE_SPHERES = ['study', 'work', 'leisure'] as const;
export type ActiveSphere = (typeof ACTIVE_SPHERES)[number];

/** Hearing as the rows 3-4 contraindication needs it: bilateral deafness that hearing aids do not correct. */
export const HEARING_STATES = ['preserved', 'impaired-correctable', 'bilateral-uncorrectable'] as const;
export type HearingState = (typeof HEARING_STATES)[number];

/** Every severity-rated function the table uses. */
export const SEVERITY_FIELDS = [
  'walking',
  'handsUse',
  'consciousness',
  'orientation',
  'intellect',
  'motivation',
  'legMuscleTone',
  'armMuscleTone',
  'sittingBalanceControl',
  'movementFunctions',
  'vision',
  'buildingBarriers',
] as const;
export type SeverityField = (typeof SEVERITY_FIELDS)[number];

/** Every yes/no finding the table uses. */
export const FLAG_FIELDS = [
  'leverChairExperience',
  'armImpairmentCause',
  'thumbOppositionLimited',
  'cannotGripObjects',
  'sittingWorsensCondition',
  'epilepticSeizures',
] as const;
export type FlagField = (typeof FLAG_FIELDS)[number];

/**
 * The structured functional profile a check is made on. Age is not typed: it comes from the birth date
 * derived from the IIN (guide §3) and the check date.
 */
export interface FunctionalProfile {
  /** 'YYYY-MM-DD', from the person's IIN. */
  birthDate: string;
  /** Severity of each rated function (walking, use of both hands, consciousness, …). */
  severities: Record<SeverityField, Severity>;
  flags: Record<FlagField, boolean>;
  /** Ids of the row-1 conditions present (rule data `conditions`). */
  conditions: string[];
  activeSpheres: ActiveSphere[];
  hearing: HearingState;
  /** Measured values by parameter id of the rule data (degrees, cm, points); null = not measured. */
  measurements: Record<string, number | null>;
}

// ---------------------------------------------------------------------------------------------
// Individual rehabilitation programme (ОЖБ, жеке оңалту бағдарламасы)

export interface RehabProgramme extends RecordEnvelope {
  caseId: string;
  personId: string;
  number: string;
  issuedOn: string;
  /** Last day of validity (inclusive). */
  expiresOn: string;
  /** Wheelchair type ids of the rule data the programme provides for. */
  wheelchairTypes: string[];
  note: string;
}

/** What the check needs of a programme (a stored record or one being entered). */
export type ProgrammeForCheck = Pick<RehabProgramme, 'id' | 'number' | 'issuedOn' | 'expiresOn' | 'wheelchairTypes'>;

// ---------------------------------------------------------------------------------------------
// Check result

export type Verdict = 'indicated' | 'contraindicated' | 'not-indicated';
/** Indications are met or not met; contraindications are present or absent; unknown = cannot be judged. */
export type ReasonStatus = 'met' | 'not-met' | 'present' | 'absent' | 'unknown';

/** One finding of the profile that a criterion was judged on; `satisfies` = it speaks for the criterion. */
export type Evidence =
  | { kind: 'severity'; field: SeverityField; value: Severity; satisfies: boolean }
  | { kind: 'flag'; field: FlagField; value: boolean; satisfies: boolean }
  | {
      kind: 'condition';
      conditionId: string;
      number: number;
      textKk: string;
      textRu: string;
      indoorChairOnly: boolean;
      citation: Citation;
      satisfies: true;
    }
  | { kind: 'no-condition'; satisfies: false }
  | { kind: 'spheres'; value: ActiveSphere[]; satisfies: boolean }
  | { kind: 'hearing'; value: HearingState; satisfies: boolean }
  | {
      kind: 'measure';
      parameter: CitedParameter;
      value: number | null;
      /** Where a band threshold ("13-20 градустан") is met inside the band rather than below it. */
      withinBand: boolean;
      satisfies: boolean | null;
    }
  | { kind: 'age'; birthDate: string; onDate: string; age: number | null; parameter: CitedParameter; satisfies: boolean | null }
  | { kind: 'unsupported'; criterionId: string; satisfies: null };

export interface CheckReason {
  criterionId: string;
  kind: 'indication' | 'contraindication';
  status: ReasonStatus;
  row: number;
  /** The criterion's wording in this row, verbatim (seed 000), and our Russian text. */
  textKk: string;
  textRu: string;
  citation: Citation;
  evidence: Evidence[];
  doubtful: Bilingual | null;
  /**
   * Where the data marks the wording doubtful and another reading exists (rows 2-4 "аяқтың", legs,
   * where arms may be meant): the status under that reading. The verdict follows the text as written.
   */
  alternative: { reading: 'arms'; status: ReasonStatus; evidence: Evidence[] } | null;
}

export interface TypeVerdict {
  typeId: string;
  row: number;
  nameKk: string;
  nameRu: string;
  citation: Citation;
  verdict: Verdict;
  /** Row 1 qualifies through III-degree cardiopulmonary failure only: the indoor chair only. */
  indoorOnly: boolean;
  indications: CheckReason[];
  contraindications: CheckReason[];
  /** The verdict under the alternative reading of a doubtful criterion, when it differs. */
  alternativeVerdict: Verdict | null;
}

export type DiscrepancyKind =
  /** The programme provides for a type the table contraindicates. */
  | 'programme-type-contraindicated'
  /** The programme provides for a type whose indications the profile does not meet. */
  | 'programme-type-not-indicated'
  /** The table indicates a type the programme does not provide for. */
  | 'indicated-not-in-programme'
  /** The programme names a type the rule set does not know. */
  | 'unknown-type';

export interface Discrepancy {
  kind: DiscrepancyKind;
  typeId: string;
  verdict: Verdict | null;
}

export type BlockingResult =
  { code: 'programme-expired'; expiresOn: string; onDate: string } | { code: 'programme-not-yet-valid'; issuedOn: string; onDate: string };

export interface ProgrammeComparison {
  programmeId: string;
  number: string;
  issuedOn: string;
  expiresOn: string;
  wheelchairTypes: string[];
  discrepancies: Discrepancy[];
}

export interface WheelchairCheckResult {
  onDate: string;
  /** Full years on the check date from the IIN birth date; null when it cannot be computed. */
  age: number | null;
  tableCitation: Citation;
  types: TypeVerdict[];
  programme: ProgrammeComparison | null;
  /** Non-empty: the check may not be recorded against this programme (its validity must cover the date). */
  blocking: BlockingResult[];
}

// ---------------------------------------------------------------------------------------------
// Stored check

export interface WheelchairCheck extends RecordEnvelope {
  caseId: string;
  personId: string;
  /** ISO timestamp of recording; orders the case history. */
  checkedAt: string;
  /** The date the check speaks for ('YYYY-MM-DD'). */
  checkDate: string;
  ruleSetId: string;
  programmeId: string | null;
  profile: FunctionalProfile;
  /** The result as shown and printed when the check was made. */
  result: WheelchairCheckResult;
}

// ---------------------------------------------------------------------------------------------
// Provisioning (para 28 of the Rules on special means of movement, 000 L669-675)

/** The recipient chooses on the Portal: жеткізу (delivery) or өзі алып кету (pick-up), L671. */
export const RECEIPT_MODES = ['delivery', 'pickup'] as const;
export type ReceiptMode = (typeof RECEIPT_MODES)[number];

/** The supplier accepts the order or refuses because the goods are not in stock (L673). */
export const SUPPLIER_ANSWERS = ['accepted', 'refused-out-of-stock'] as const;
export type SupplierAnswer = (typeof SUPPLIER_ANSWERS)[number];

/** Events before receipt that make the service subject to return (L675). */
export const RETURN_EVENTS = ['programme-expired', 'recipient-died', 'recipient-left'] as const;
export type ReturnEventKind = (typeof RETURN_EVENTS)[number];

export interface OrderEvent {
  kind: ReturnEventKind;
  date: string;
  note: string;
  recordedAt: string;
  recordedBy: string;
}

/**
 * The supplier's answer as recorded. `lateByWorkingDays` is fixed when the answer is recorded (0 when
 * within the five working days of L673) so that the mark stays on the order even if the calendar is
 * edited later; orders recorded before the mark existed lack it and have it computed on reading.
 */
export interface SupplierResponse {
  answer: SupplierAnswer;
  date: string;
  lateByWorkingDays?: number;
}

/**
 * The contract made on the Portal after acceptance: the hand-over (delivery or pick-up) follows the
 * terms stated in it (000 L673 "порталда жасалатын шартта көрсетілген мерзімдерге сәйкес"). The rules
 * give no term of their own, so the officer copies the contract date and its hand-over deadline.
 */
export interface OrderContract {
  date: string;
  handOverDue: string;
}

export interface WheelchairOrder extends RecordEnvelope {
  caseId: string;
  personId: string;
  programmeId: string;
  checkId: string | null;
  wheelchairType: string;
  /** The day the order reached the supplier on the Portal (the term's anchor). */
  orderDate: string;
  supplier: string;
  receiptMode: ReceiptMode;
  ruleSetId: string;
  /** Last day for the supplier's acceptance or refusal. */
  responseDue: string;
  supplierResponse: SupplierResponse | null;
  /** Absent on orders recorded before contracts were kept. */
  contract?: OrderContract | null;
  handOverDate: string | null;
  events: OrderEvent[];
  returnedOn: string | null;
}

export type OrderStage = 'awaiting-response' | 'accepted' | 'refused' | 'handed-over' | 'return-proposed' | 'returned';

export interface ReturnReason {
  kind: ReturnEventKind;
  date: string;
  /** True when found from the programme's expiry date rather than from a recorded event. */
  derived: boolean;
}

export interface OrderState {
  stage: OrderStage;
  responseDue: string;
  responseTerm: CitedTerm;
  /** Working days left for the supplier's answer while awaited (negative = overdue); null otherwise. */
  responseDaysLeft: number | null;
  responseOverdue: boolean;
  /** Working days the recorded answer came after the term (0: in time); null while no answer. */
  answerLateBy: number | null;
  contract: OrderContract | null;
  /** The contract's hand-over clause (L673). */
  handOverCitation: Citation;
  /** Calendar days left to the contract's hand-over deadline while awaited (negative = overdue); null otherwise. */
  handOverDaysLeft: number | null;
  /**
   * Calendar days by which the hand-over missed the contract's deadline: after hand-over, how late it
   * was (0: in time); before it, how far past the deadline today is (null while not yet due). Null
   * without a contract.
   */
  handOverLateBy: number | null;
  returnReasons: ReturnReason[];
  returnCitation: Citation;
}
