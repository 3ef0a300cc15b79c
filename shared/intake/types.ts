/**
 * Medical-card intake (медициналық карта қабылдау) for placement in medical-social institutions:
 * domain guide §6; medical-social rules (seed 001) para 8 (L28), App. 1-6, App. 3 items 8-9.
 *
 * What the officer records at the counter: the application (App. 1 stationary / App. 2
 * semi-stationary), which documents of App. 3 item 8 were presented, the consents, the person's
 * situation that decides which conditional card items apply, and the medical card itself
 * (App. 5 / App. 6). The check (check.ts) turns this into findings; the record keeps a snapshot of
 * the findings as they were shown at the counter, because a refusal on the spot is a legal fact
 * that a later change of the rule set must not rewrite.
 */
import type { RecordEnvelope } from '../records/envelope';
import type { Bilingual, Citation, IsoDate, MedicalCardFormId } from '../rules';

export type { MedicalCardFormId } from '../rules';

/** Where the package was handed in (App. 3 item 2, L200-203). */
export const INTAKE_CHANNELS = ['provider', 'state-corporation', 'portal'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/**
 * Whether the package was accepted or refused on the spot decides which acknowledgement the channel
 * gives: accepted (para 6, 001 L20-23), refused (para 8, 001 L28-29).
 */
export const ACKNOWLEDGEMENT_KINDS = [
  /** State Corporation, accepted: a receipt that the documents were accepted (L21). */
  'state-corporation-receipt',
  /** Provider (the office's desk), accepted: a talon with the registration date, the date the service is received, the acceptor (L22). */
  'provider-talon',
  /** Portal, accepted: the status "request accepted" in the applicant's personal account (L23). */
  'portal-status',
  /** Desk or State Corporation, refused on the spot: the App. 4 receipt of refusal (L28). */
  'refusal-receipt',
  /** Portal, refused: a notice to the personal account naming the requirements the package does not meet (L29). */
  'portal-refusal-notice',
] as const;
export type AcknowledgementKind = (typeof ACKNOWLEDGEMENT_KINDS)[number];

/** What the office gave or sent, recorded by the officer (the kind follows from the channel and the check). */
export interface IntakeAcknowledgement {
  kind: AcknowledgementKind;
  /** The day it was handed over or sent. */
  givenOn: string;
  /** Its number (talon, receipt, portal request or notice number); '' when it has none. */
  reference: string;
}

/**
 * A document attached "if any" (бар болса), such as the copy of the court decision on incapacity
 * (App. 3 item 8, 001 L240). The officer marks whether one exists and where it comes from:
 * - '': not marked yet (a warning, never a refusal);
 * - 'none': no such decision exists;
 * - 'information-system': it exists and the office obtained it from the state information systems
 *   (L240: then no copy is attached);
 * - 'copy-presented': it exists and its copy is attached;
 * - 'copy-missing': it exists, is not in the information systems and no copy was handed in: the
 *   package is incomplete (para 8, L28; App. 3 item 9, 2), L246).
 */
export const CONDITIONAL_ANSWERS = ['none', 'information-system', 'copy-presented', 'copy-missing'] as const;
export type ConditionalAnswer = (typeof CONDITIONAL_ANSWERS)[number];

/** App. 1 L111: round-the-clock permanent or temporary residence ("underline as needed"). */
export const STAY_MODES = ['permanent', 'temporary'] as const;
export type StayMode = (typeof STAY_MODES)[number];

/** How the identity document of App. 3 item 8, 2) (L238) was presented. */
export const IDENTITY_PRESENTATIONS = ['paper', 'digital', 'none'] as const;
export type IdentityPresentation = (typeof IDENTITY_PRESENTATIONS)[number];

/** The MAC chairperson's answer to "are there medical contraindications?" (App. 5 L368-371). */
export const MAC_ANSWERS = ['none', 'present'] as const;
export type MacAnswer = (typeof MAC_ANSWERS)[number];

/**
 * A legal representative (App. 1 L102-104) or an able-bodied adult child or spouse (L105-107): the
 * form asks the same columns for both. Age is not stored: it follows from the IIN.
 */
export interface IntakeRelative {
  fullName: string;
  iin: string;
  relationship: string;
  socialStatus: string;
  address: string;
  phone: string;
}

/** The fields of App. 1 (stationary) and App. 2 (semi-stationary); App. 2 uses only a subset. */
export interface IntakeApplication {
  /** Addressee block (L79-92, L144-157): the head of the local executive body and its BIN. */
  addresseeHead: string;
  addresseeBin: string;
  /** App. 1 L95: identity document number and issue date. */
  identityDocumentNumber: string;
  identityDocumentIssuedOn: string;
  /** App. 1 L96-98. */
  registrationAddress: string;
  residenceAddress: string;
  birthPlace: string;
  /** App. 1 L100: type and amount of allowance. */
  allowance: string;
  /** App. 1 L101 "Мүгедектік санаты": free text, the form does not define the categories. */
  disabilityCategory: string;
  legalRepresentatives: IntakeRelative[];
  /** App. 1 only (L105-107). */
  relatives: IntakeRelative[];
  /** App. 1 only (L111); null on App. 2, whose stay is always daytime (L165). */
  stayMode: StayMode | null;
  /** "Мынадай құжаттарды қоса беремін" 1)-10) (L112-117, L166-171). */
  attachedDocuments: string[];
  /** App. 1 L121: warned of liability for false information (App. 2 has no such line). */
  warnedOfLiability: boolean;
  /** L122 / L174: acquainted with the conditions of admission, stay, transfer (and discharge, App. 1). */
  acquaintedWithConditions: boolean;
  /** L123 / L175: date the applicant signed. */
  signedOn: string;
}

/** One line of the card: a date and the conclusion (examinations) or result (laboratory tests). */
export interface CardEntry {
  date: string;
  text: string;
}

export interface MedicalCardData {
  /** Card items keyed by the rule-set item id ('exam.psychiatrist', 'lab.hiv', 'header.full-name', …). */
  entries: Record<string, CardEntry>;
  /** L330 / L395: the phthisiatrician's entry must carry the fluorography data. */
  fluorography: CardEntry;
  /** L368-371 / L430-433: the answer on contraindications; '' = the conclusion does not answer it. */
  macAnswer: MacAnswer | '';
  /** Ids from the rule set's contraindication list that the conclusion names (when present). */
  contraindicationIds: string[];
  /** L372 / L434 "Мөр орны": the seal is on the card. */
  sealPresent: boolean;
  /** L373-374 / L435-436: the head of the medical organisation signed (name in the entry's text). */
  headSigned: boolean;
}

/** The person's situation that decides the conditional items of the card. */
export interface IntakeSituation {
  /** L363 / L425: a psychoneurological disease (the age over 18 comes from the person's birth date). */
  psychoneurological: boolean;
  /**
   * L337 / L402 "Көрсетілімдер бойынша (диспансерлік есепке алу кезінде)": the dispensary-group
   * examination ids for which the person is on dispensary registration; only those are required.
   */
  dispensaryExamIds: string[];
}

/** What the check needs about the person, from the register (IIN-derived birth date and sex). */
export interface IntakePerson {
  fullName: string;
  birthDate: IsoDate;
  sex: 'male' | 'female';
}

/** Everything the intake check reads. */
export interface IntakeData {
  person: IntakePerson;
  situation: IntakeSituation;
  /** Applicant-document ids of App. 3 item 8 presented, other than the identity document. */
  presentedDocumentIds: string[];
  identity: IdentityPresentation;
  /** Consent ids given (rule-set `consents`). */
  consentIds: string[];
  /** By conditional-document id (`conditionalDocuments` of the rules): what the officer marked. */
  conditionalDocuments: Record<string, ConditionalAnswer | ''>;
  card: MedicalCardData;
}

// ---------------------------------------------------------------------------------------------
// Findings

/**
 * Refusing findings (result 'refuse', listed on the App. 4 receipt), para 8 (L28): the package is
 * incomplete or contains expired documents; App. 3 item 9, 4) (L249-250): no consent.
 * - missing-document: an App. 3 item 8 document was not presented;
 * - missing-item: a required card line is empty (`parts` says what is missing of it);
 * - expired: a dated line older than its configured validity on the intake date;
 * - missing-consent;
 * - conditional-document-missing: a document "if any" (L240) exists but neither its copy nor the
 *   information-system data is there.
 * Warnings (result 'complete-with-warnings'), never a refusal on the spot:
 * - validity-not-configured: the rule set has no validity for a dated line (guide §6: say so, never guess);
 * - undated: a validity is configured but the line has no date, so it cannot be shown to be valid;
 * - contraindications-present: the MAC conclusion says yes; this is refusal ground App. 3 item 9, 3)
 *   (L247-248), decided by the provider after the assessment (preliminary decision and hearing,
 *   para 17), not at the counter;
 * - header-mismatch: the card's name or birth date differs from the register (possible
 *   unreliability, App. 3 item 9, 1), L245, which must be established, not presumed);
 * - conditional-document-unmarked: the officer has not yet marked whether a document "if any"
 *   exists (L240); the check cannot tell whether the package is complete without it.
 */
export const REFUSING_KINDS = ['missing-document', 'missing-item', 'expired', 'missing-consent', 'conditional-document-missing'] as const;
export const WARNING_KINDS = [
  'validity-not-configured',
  'undated',
  'contraindications-present',
  'header-mismatch',
  'conditional-document-unmarked',
] as const;
export type RefusingKind = (typeof REFUSING_KINDS)[number];
export type WarningKind = (typeof WARNING_KINDS)[number];
export type FindingKind = RefusingKind | WarningKind;

/** What is missing of a card line. */
export type MissingPart = 'entry' | 'date' | 'text' | 'fluorography' | 'answer' | 'seal' | 'signature';

export interface IntakeFinding {
  kind: FindingKind;
  severity: 'refuse' | 'warn';
  /** The rule-set id of the document, card item or consent. */
  itemId: string;
  label: Bilingual;
  /** The clauses: the item's own line first, then the ground that makes it refuse or warn. */
  citations: Citation[];
  parts?: MissingPart[];
  /** expired / undated / validity-not-configured: the line's date and the configured validity. */
  date?: IsoDate;
  validityDays?: number;
  /** expired: the last day the line was valid. */
  validUntil?: IsoDate;
  /** contraindications-present: the labels of the named contraindications from the rule set. */
  contraindications?: Bilingual[];
  /** header-mismatch: which header field differs. */
  field?: 'full-name' | 'birth-date';
}

export type IntakeResult = 'complete' | 'refuse' | 'complete-with-warnings';

export interface IntakeCheck {
  result: IntakeResult;
  findings: IntakeFinding[];
}

// ---------------------------------------------------------------------------------------------
// Stored record

/** The provider's decision after the social worker's assessment (para 13, L41; para 17, L49). */
export const DECISION_KINDS = ['favourable', 'unfavourable'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Dates of the steps of the 17-working-day term, as they happen. */
export interface IntakeProgress {
  /** Para 12 (L38): the social worker's assessment conclusion received. */
  assessmentConclusionOn: string;
  /** Para 13 (L41): the decision; 'unfavourable' is the preliminary decision of para 17 (L49). */
  decisionOn: string;
  decisionKind: DecisionKind | '';
  /** Para 14 (L42): notice on the social-services portal to choose an organisation. */
  portalNoticeOn: string;
}

export interface Intake extends RecordEnvelope {
  caseId: string;
  personId: string;
  form: MedicalCardFormId;
  /** The day the package was presented and, when accepted, registered (para 5 L19: the term runs from it). */
  registrationDate: IsoDate;
  channel: IntakeChannel;
  /** The officer who accepted (or refused) the package and the phone printed on the App. 4 receipt (L286-292). */
  officerName: string;
  officerPhone: string;
  application: IntakeApplication;
  situation: IntakeSituation;
  presentedDocumentIds: string[];
  identity: IdentityPresentation;
  consentIds: string[];
  /**
   * Documents "if any" (L240), by id. Optional: records made before issue 18 have none, and a missing
   * map reads as "not marked".
   */
  conditionalDocuments?: Record<string, ConditionalAnswer | ''>;
  card: MedicalCardData;
  /** The acknowledgement given for this channel and outcome (L21-23, L28-29); absent until recorded. */
  acknowledgement?: IntakeAcknowledgement;
  /** The rule set the check used (in force on the registration date) and what it found. */
  ruleSetId: string;
  ruleSetVersion: number;
  check: IntakeCheck;
  progress: IntakeProgress;
}

/** A scan of a card page, stored in the `documents` table (blob plus its SHA-256 digest). */
export interface IntakeScan extends RecordEnvelope {
  ownerId: string;
  caseId: string;
  /** Lower-case hex SHA-256 of the file's bytes. */
  digest: string;
  fileName: string;
  mimeType: string;
  size: number;
  blob: Blob;
}
