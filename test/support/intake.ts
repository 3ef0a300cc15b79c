/**
 * Fixtures for the intake tests (unit and repository): a complete package built from the rule set
 * itself, so that the tests follow the data rather than a copy of it.
 */
import type { MedicalCardRules, RuleSet } from '@shared/rules';
import { conditionalDocuments } from '@shared/rules/medical-card';
import { ITEM, isDatedItem } from '@shared/intake/check';
import type { CardEntry, IntakeData, IntakePerson } from '@shared/intake/types';

/** Әлия Сейтқали, IIN 921103405676 (born 03.11.1992, female). */
export const ALIYA_PERSON: IntakePerson = { fullName: 'Сейтқали Әлия Нұрланқызы', birthDate: '1992-11-03', sex: 'female' };

/**
 * A complete package (the lines of both appendices) with every line dated `date`, every consent given,
 * and every document "if any" (L240) marked as not existing.
 */
export function completePackage(rules: MedicalCardRules, date: string, person: IntakePerson = ALIYA_PERSON): IntakeData {
  const entries: Record<string, CardEntry> = {};
  // Both appendices' lines, so that the same package can be checked as either form.
  for (const f of rules.forms) {
    for (const item of f.items) {
      const text = item.id === ITEM.fullName ? person.fullName : `${item.labelRu}: норма`;
      const entryDate = item.id === ITEM.birthDate ? person.birthDate : isDatedItem(item) || item.dateAndResult ? date : '';
      entries[item.id] = { date: entryDate, text };
    }
  }
  return {
    person,
    situation: { psychoneurological: false, dispensaryExamIds: [] },
    presentedDocumentIds: rules.applicantDocuments.map((d) => d.id),
    identity: 'paper',
    consentIds: rules.consents.map((c) => c.id),
    conditionalDocuments: Object.fromEntries(conditionalDocuments.map((d) => [d.id, 'none' as const])),
    card: {
      entries,
      fluorography: { date, text: 'патологиясыз' },
      macAnswer: 'none',
      contraindicationIds: [],
      sealPresent: true,
      headSigned: true,
    },
  };
}

/** The rule set with every dated line valid for `days` (as an administrator would configure it). */
export function withValidity(rs: RuleSet, days: number): RuleSet {
  return {
    ...rs,
    medicalCard: {
      ...rs.medicalCard,
      forms: rs.medicalCard.forms.map((f) => ({
        ...f,
        items: f.items.map((i) => (isDatedItem(i) ? { ...i, validityDays: days } : i)),
      })),
    },
  };
}
