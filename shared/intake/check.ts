/**
 * The intake check (guide §6): at the counter the officer must see at once whether the placement
 * package is complete and valid, and refuse on the spot with the App. 4 receipt when it is not
 * (medical-social rules para 8, 001 L28). Which findings refuse and which only warn is documented on
 * `REFUSING_KINDS` / `WARNING_KINDS` in types.ts.
 */
import { addCalendarDays, isIsoDate } from '../calendar/isoDate';
import { ageOn } from '../iin';
import type {
  Bilingual,
  Citation,
  IntakeRequirement,
  MedicalCardForm,
  MedicalCardFormId,
  MedicalCardItem,
  MedicalCardRules,
} from '../rules';
import { conditionalDocuments, type ConditionalDocumentRule } from '../rules/medical-card';
import type { CardEntry, IntakeCheck, IntakeData, IntakeFinding, IntakeResult, MissingPart } from './types';

/** Card items whose meaning the check needs beyond "a line that must be filled". */
export const ITEM = {
  birthDate: 'header.birth-date',
  fullName: 'header.full-name',
  phthisiatrician: 'exam.phthisiatrician',
  macConclusion: 'signoff.mac-conclusion',
  seal: 'signoff.seal',
  headSignature: 'signoff.head-signature',
  cardDate: 'signoff.date',
} as const;

export const DOC = { identity: 'doc.identity', medicalCard: 'doc.medical-card' } as const;

/** The digital-documents consent (App. 3 item 8, L241) is needed only when the identity document comes from that service. */
export const DIGITAL_DOCUMENTS_CONSENT = 'consent.digital-documents';

const GROUND = {
  unreliable: 'refusal.unreliable',
  expiredOrIncomplete: 'refusal.expired-or-incomplete',
  order379: 'refusal.order-379-requirements',
  noConsent: 'refusal.no-personal-data-consent',
} as const;

/**
 * "18 жастан асқан" (L363, L425): read as "aged 18 or more", the age of legal capacity; the source
 * does not say whether the 18th birthday itself counts (policy choice, reported to the lead).
 */
export const PSYCHONEUROLOGICAL_MIN_AGE = 18;

const EMPTY: CardEntry = { date: '', text: '' };
const blank = (s: string): boolean => s.trim() === '';

export function formOf(rules: MedicalCardRules, form: MedicalCardFormId): MedicalCardForm | undefined {
  return rules.forms.find((f) => f.id === form);
}

/** Lines that carry a date whose validity can expire: examinations, tests and the card's own date. */
export function isDatedItem(item: Pick<MedicalCardItem, 'group' | 'id'>): boolean {
  return (
    item.group === 'exam-always' ||
    item.group === 'exam-dispensary' ||
    item.group === 'lab' ||
    item.group === 'lab-psychoneurological' ||
    item.id === ITEM.cardDate
  );
}

/** Whether the person's situation makes a card item required on this intake. */
export function isItemRequired(item: MedicalCardItem, intake: Pick<IntakeData, 'person' | 'situation'>, onDate: string): boolean {
  switch (item.requiredWhen) {
    case 'always':
      return true;
    case 'on-dispensary-registration':
      return intake.situation.dispensaryExamIds.includes(item.id);
    case 'psychoneurological-over-18-female':
    case 'psychoneurological-over-18-male': {
      if (!intake.situation.psychoneurological) return false;
      const age = ageOn(intake.person.birthDate, onDate);
      const sex = item.requiredWhen === 'psychoneurological-over-18-female' ? 'female' : 'male';
      return age >= PSYCHONEUROLOGICAL_MIN_AGE && intake.person.sex === sex;
    }
  }
}

/** What is missing of one card line; [] when the line is complete. */
export function missingParts(item: MedicalCardItem, intake: IntakeData): MissingPart[] {
  const card = intake.card;
  const entry = card.entries[item.id] ?? EMPTY;
  switch (item.id) {
    case ITEM.macConclusion:
      // The conclusion exists to answer the contraindications question (L368-371); unanswered = missing.
      return card.macAnswer === '' ? ['answer'] : [];
    case ITEM.seal:
      return card.sealPresent ? [] : ['seal'];
    case ITEM.headSignature: {
      const parts: MissingPart[] = [];
      if (blank(entry.text)) parts.push('text');
      if (!card.headSigned) parts.push('signature');
      return parts;
    }
    case ITEM.birthDate:
    case ITEM.cardDate:
      return isIsoDate(entry.date) ? [] : ['date'];
  }
  const parts: MissingPart[] = [];
  if (item.dateAndResult) {
    // "(мерзімі, нәтижесі)": each test line asks for its date and its result.
    if (!isIsoDate(entry.date)) parts.push('date');
    if (blank(entry.text)) parts.push('text');
    if (parts.length === 2) return ['entry'];
  } else if (blank(entry.text)) {
    return ['entry'];
  }
  if (item.id === ITEM.phthisiatrician) {
    // L330 / L395: "флюрография мәліметтерінің болуы міндетті".
    const f = card.fluorography;
    if (!isIsoDate(f.date) || blank(f.text)) parts.push('fluorography');
  }
  return parts;
}

const label = (x: { labelKk: string; labelRu: string }): Bilingual => ({ kk: x.labelKk, ru: x.labelRu });

const normaliseName = (s: string): string => s.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('kk');

function groundCitation(rules: MedicalCardRules, id: string): Citation[] {
  const g = rules.refusalGrounds.find((r) => r.id === id);
  return g ? [g.citation] : [];
}

function captionCitation(form: MedicalCardForm, item: MedicalCardItem): Citation[] {
  if (item.requiredWhen === 'always') return [];
  const caption = form.captions.find((c) => c.group === item.group);
  return caption ? [caption.citation] : [];
}

const appliesTo = (req: IntakeRequirement, form: MedicalCardFormId): boolean => req.forms.includes(form);

function resultOf(findings: readonly IntakeFinding[]): IntakeResult {
  if (findings.some((f) => f.severity === 'refuse')) return 'refuse';
  return findings.length > 0 ? 'complete-with-warnings' : 'complete';
}

/** Whether a document "if any" is asked for on this intake: its forms and the person's age (L240: over 18). */
export function isConditionalApplicable(
  doc: ConditionalDocumentRule,
  form: MedicalCardFormId,
  person: IntakeData['person'],
  onDate: string,
): boolean {
  return doc.forms.includes(form) && ageOn(person.birthDate, onDate) >= doc.minAge;
}

/**
 * Documents "if any" (issue 18 point 7; App. 3 item 8, 001 L240): unmarked is a warning; existing but
 * with neither the information-system data nor a copy is an incomplete package (para 8, L28; L246).
 */
export function conditionalFindings(
  docs: readonly ConditionalDocumentRule[],
  form: MedicalCardFormId,
  intake: IntakeData,
  onDate: string,
  incomplete: readonly Citation[],
): IntakeFinding[] {
  const findings: IntakeFinding[] = [];
  for (const doc of docs) {
    if (!isConditionalApplicable(doc, form, intake.person, onDate)) continue;
    const answer = intake.conditionalDocuments[doc.id] ?? '';
    const base = { itemId: doc.id, label: label(doc) };
    if (answer === '') findings.push({ ...base, kind: 'conditional-document-unmarked', severity: 'warn', citations: [doc.citation] });
    if (answer === 'copy-missing') {
      findings.push({ ...base, kind: 'conditional-document-missing', severity: 'refuse', citations: [doc.citation, ...incomplete] });
    }
  }
  return findings;
}

/**
 * Checks one intake against the medical-card rules of the rule set in force, for the chosen
 * appendix (App. 5 stationary / App. 6 semi-stationary) on the intake date `onDate`. `conditional`
 * are the documents "if any" (L240), the shipped ones unless a test passes others.
 */
export function checkIntake(
  rules: MedicalCardRules,
  form: MedicalCardFormId,
  intake: IntakeData,
  onDate: string,
  conditional: readonly ConditionalDocumentRule[] = conditionalDocuments,
): IntakeCheck {
  const findings: IntakeFinding[] = [];
  const incomplete = [rules.intakeRefusal, ...groundCitation(rules, GROUND.expiredOrIncomplete)];

  // App. 3 item 8 (L236-239): the documents the applicant hands in.
  let cardPresented = true;
  for (const doc of rules.applicantDocuments) {
    if (!appliesTo(doc, form)) continue;
    const presented = doc.id === DOC.identity ? intake.identity !== 'none' : intake.presentedDocumentIds.includes(doc.id);
    if (presented) continue;
    if (doc.id === DOC.medicalCard) cardPresented = false;
    findings.push({
      kind: 'missing-document',
      severity: 'refuse',
      itemId: doc.id,
      label: label(doc),
      citations: [doc.citation, ...incomplete],
    });
  }
  findings.push(...conditionalFindings(conditional, form, intake, onDate, incomplete));

  for (const consent of rules.consents) {
    if (!appliesTo(consent, form)) continue;
    const digital = consent.id === DIGITAL_DOCUMENTS_CONSENT;
    if (digital && intake.identity !== 'digital') continue;
    if (intake.consentIds.includes(consent.id)) continue;
    // Without the owner's consent the digital identity document cannot be obtained (L241): the
    // package is incomplete. The other consents are ground 4 of App. 3 item 9 (L249-250).
    const grounds = digital ? incomplete : groundCitation(rules, GROUND.noConsent);
    findings.push({
      kind: 'missing-consent',
      severity: 'refuse',
      itemId: consent.id,
      label: label(consent),
      citations: [consent.citation, ...grounds],
    });
  }

  const cardForm = formOf(rules, form);
  if (cardPresented && cardForm) {
    for (const item of cardForm.items) {
      if (!isItemRequired(item, intake, onDate)) continue;
      const citations = [item.citation, ...captionCitation(cardForm, item)];
      const parts = missingParts(item, intake);
      if (parts.length > 0) {
        findings.push({
          kind: 'missing-item',
          severity: 'refuse',
          itemId: item.id,
          label: label(item),
          parts,
          citations: [...citations, ...incomplete],
        });
        continue;
      }
      findings.push(...validityFindings(item, intake, onDate, citations, incomplete));
      findings.push(...headerFindings(rules, item, intake));
    }
    const mac = cardForm.items.find((i) => i.id === ITEM.macConclusion);
    if (mac && intake.card.macAnswer === 'present') {
      const named = rules.contraindications.filter((c) => intake.card.contraindicationIds.includes(c.id));
      findings.push({
        kind: 'contraindications-present',
        severity: 'warn',
        itemId: mac.id,
        label: label(mac),
        contraindications: named.map(label),
        citations: [mac.citation, ...groundCitation(rules, GROUND.order379), ...named.map((c) => c.citation)],
      });
    }
  }

  return { result: resultOf(findings), findings };
}

function validityFindings(
  item: MedicalCardItem,
  intake: IntakeData,
  onDate: string,
  citations: Citation[],
  incomplete: Citation[],
): IntakeFinding[] {
  if (!isDatedItem(item)) return [];
  const date = (intake.card.entries[item.id] ?? EMPTY).date;
  const base = { itemId: item.id, label: label(item) };
  if (item.validityDays === null) {
    // Guide §6: no source gives validity periods; say so rather than guess.
    return [{ ...base, kind: 'validity-not-configured', severity: 'warn', citations, ...(isIsoDate(date) ? { date } : {}) }];
  }
  if (!isIsoDate(date)) {
    return [{ ...base, kind: 'undated', severity: 'warn', validityDays: item.validityDays, citations }];
  }
  // Valid through `date` + validityDays calendar days; the day of the examination is not counted,
  // as the seeds count terms ("the day of acceptance is not counted").
  const validUntil = addCalendarDays(date, item.validityDays);
  if (validUntil === undefined || onDate <= validUntil) return [];
  return [
    {
      ...base,
      kind: 'expired',
      severity: 'refuse',
      date,
      validityDays: item.validityDays,
      validUntil,
      citations: [...citations, ...incomplete],
    },
  ];
}

function headerFindings(rules: MedicalCardRules, item: MedicalCardItem, intake: IntakeData): IntakeFinding[] {
  const entry = intake.card.entries[item.id] ?? EMPTY;
  const citations = [item.citation, ...groundCitation(rules, GROUND.unreliable)];
  if (item.id === ITEM.fullName && normaliseName(entry.text) !== normaliseName(intake.person.fullName)) {
    return [{ kind: 'header-mismatch', severity: 'warn', itemId: item.id, label: label(item), field: 'full-name', citations }];
  }
  if (item.id === ITEM.birthDate && entry.date !== intake.person.birthDate) {
    return [{ kind: 'header-mismatch', severity: 'warn', itemId: item.id, label: label(item), field: 'birth-date', citations }];
  }
  return [];
}

/** The lines of the App. 4 receipt: exactly the refusing findings (missing or expired), in order. */
export function receiptFindings(check: IntakeCheck): IntakeFinding[] {
  return check.findings.filter((f) => f.severity === 'refuse');
}
