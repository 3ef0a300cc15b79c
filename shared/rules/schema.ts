import { z } from 'zod';
import { BOUNDS } from '../validation';
import type { RuleSet } from './types';
import { collectCitations } from './walk';

/**
 * Validates a rule set entered by an administrator or carried in a bundle. Strict objects reject
 * unknown keys so that a misspelt field is reported instead of silently dropped; the refinements
 * check the cross-references that the types cannot express.
 */

/**
 * Rule sets travel in bundles and backups, so every string and list is bounded (issue 14 C9). The
 * longest text of the shipped rule sets is a 511-character quote, the longest list 33 medical-card items.
 */
const text = z.string().trim().min(1).max(BOUNDS.freeText, 'validation.tooLong');
const lines = z
  .string()
  .max(BOUNDS.code, 'validation.tooLong')
  .regex(/^L\d+(-\d+)?$/, 'rules.citation.lines');

/** A list of a rule set: items, steps, rows, citations (see BOUNDS.keyedEntries for the margin). */
function list<T extends z.ZodType>(item: T) {
  return z.array(item).max(BOUNDS.keyedEntries, 'validation.tooLong');
}
const isoDate = z.iso.date();

const bilingual = z.strictObject({ kk: text, ru: text });

const citation = z.strictObject({
  act: text,
  actTitle: text.optional(),
  rules: text.optional(),
  appendix: text.optional(),
  paragraph: text.optional(),
  item: text.optional(),
  row: text.optional(),
  rowNumberSource: z.strictObject({ seed: text, lines }).optional(),
  seed: text,
  lines,
  quoteKk: text.optional(),
});

const termAnchor = z.enum([
  'complaint-receipt',
  'complaint-registration',
  'documents-registration',
  'proactive-consent-received',
  'application-accepted',
  'assessment-conclusion-received',
  'decision-issued',
  'service-term-end',
  'decision-date',
  'hearing-notice',
  'preliminary-decision-received',
  'minutes-familiarisation',
  'documents-received',
  'order-received-on-portal',
]);

const citedTerm = z.strictObject({
  workingDays: z.number().int().positive(),
  anchor: termAnchor,
  direction: z.enum(['after', 'before']),
  citation,
  alsoIn: list(citation).optional(),
  note: bilingual.optional(),
});

const citedParameter = z.strictObject({
  id: text,
  labelRu: text,
  comparison: z.enum(['at-most', 'at-least', 'within', 'less-than']),
  low: z.number(),
  high: z.number(),
  unit: z.enum(['degrees', 'cm', 'points', 'years']),
  citation,
});

const labelledItem = z.strictObject({ id: text, labelKk: text, labelRu: text });

const legalAct = z.strictObject({
  id: text,
  titleKk: text,
  titleRu: text,
  number: text.nullable(),
  adoptedOn: isoDate.nullable(),
  registration: text.nullable(),
  status: z.enum(['in-force', 'repealed', 'unknown']),
  statusNote: bilingual,
  citation,
});

const complaintRules = z.strictObject({
  citation,
  alsoIn: list(citation),
  form: z.strictObject({ labelKk: text, labelRu: text, citation }),
  channels: list(labelledItem).min(1),
  channelsCitation: citation,
  registrationMarks: list(labelledItem).min(1),
  registrationMarksCitation: citation,
  reviewingBodies: list(labelledItem).min(1),
  reviewingBodiesCitation: citation,
  addressees: list(
    z.strictObject({
      kind: z.enum(['department', 'state-corporation', 'quality-control-body']),
      labelKk: text,
      labelRu: text,
      citation,
      forwardedToReviewingBody: z.boolean(),
      reviewTerm: citedTerm,
    }),
  ).min(1),
  forward: citedTerm,
  fullSatisfactionWindow: citedTerm,
  court: citation,
});

const trigger = z.strictObject({ kk: text, ru: text, citation });
const noticeForm = z.strictObject({ appendix: text, titleKk: text, titleRu: text, citation });
const interpretation = z.strictObject({
  id: text,
  citation,
  question: bilingual,
  readings: list(z.strictObject({ id: text, text: bilingual })).min(2),
  chosen: text,
  why: bilingual,
});

const hearingRule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('service-term'),
    trigger,
    noticeBeforeTermEnd: citedTerm,
    hearingAfterNotice: citedTerm,
    outcomes: list(labelledItem),
    outcomesCitation: citation.nullable(),
    triggeredBy: z.enum(['disagreement', 'unfavourable-decision']).optional(),
    disagreementTerm: citedTerm.nullable().optional(),
  }),
  z.strictObject({
    kind: z.literal('decision-date'),
    trigger,
    noticeBeforeDecision: citedTerm,
    modes: list(labelledItem).min(1),
    modesCitation: citation,
    objectionAfterReceipt: citedTerm,
    minutesWhen: z.literal('oral-objection'),
    minutesCitation: citation,
    familiarisationCitation: citation,
    remarksAfterFamiliarisation: citedTerm,
    decisionCitation: citation,
    notificationCitation: citation,
    noticeForms: z.strictObject({ granted: noticeForm, refused: noticeForm }).nullable().optional(),
    smsCondition: citation.nullable().optional(),
    paperCitation: citation.nullable().optional(),
    portalCitation: citation.nullable().optional(),
  }),
]);

const serviceStep = z.strictObject({ id: text, labelKk: text, labelRu: text, term: citedTerm });

const serviceRule = z.strictObject({
  id: text,
  act: text,
  nameKk: text,
  nameRu: text,
  nameCitation: citation,
  term: citedTerm.nullable(),
  termNote: bilingual.nullable(),
  proactiveTerm: citedTerm.nullable(),
  stateCorpAcceptanceDayExcluded: citation.nullable(),
  steps: list(serviceStep),
  hearing: hearingRule,
  complaintCitation: citation.nullable(),
  notes: list(bilingual),
  stateCorpHandOver: citedTerm.nullable().optional(),
  interpretations: list(interpretation).optional(),
});

const formId = z.enum(['stationary', 'semi-stationary']);
const itemGroup = z.enum(['header', 'exam-always', 'exam-dispensary', 'lab', 'lab-psychoneurological', 'sign-off']);

const medicalCardItem = z.strictObject({
  id: text,
  group: itemGroup,
  requiredWhen: z.enum(['always', 'on-dispensary-registration', 'psychoneurological-over-18-female', 'psychoneurological-over-18-male']),
  labelKk: text,
  labelKkSource: z.enum(['seed', 'editorial']).optional(),
  labelRu: text,
  dateAndResult: z.boolean(),
  validityDays: z.number().int().positive().nullable(),
  citation,
  note: bilingual.optional(),
});

const intakeRequirement = z.strictObject({
  id: text,
  labelKk: text,
  labelRu: text,
  forms: list(formId).min(1),
  citation,
  note: bilingual.optional(),
});

const medicalCardRules = z.strictObject({
  applicantDocuments: list(intakeRequirement),
  forms: list(
    z.strictObject({
      id: formId,
      appendix: text,
      applicationAppendix: text,
      titleKk: text,
      titleRu: text,
      citation,
      captions: list(z.strictObject({ group: itemGroup, captionKk: text, citation })),
      items: list(medicalCardItem).min(1),
    }),
  ).min(1),
  consents: list(intakeRequirement),
  intakeRefusal: citation,
  refusalGrounds: list(intakeRequirement),
  contraindications: list(z.strictObject({ id: text, labelKk: text, labelRu: text, citation })),
  notConfiguredNote: bilingual,
});

const rowNumber = z.number().int().positive();

const wheelchairCriterion = z.strictObject({
  id: text,
  kind: z.enum(['indication', 'contraindication']),
  rows: list(rowNumber).min(1),
  textRu: text,
  occurrences: list(z.strictObject({ row: rowNumber, textKk: text, citation })).min(1),
  anyOfConditions: list(text).optional(),
  parameters: list(citedParameter).optional(),
  doubtful: bilingual.optional(),
});

const wheelchairRules = z.strictObject({
  tableCitation: citation,
  titleKk: text,
  types: list(z.strictObject({ id: text, row: rowNumber, nameKk: text, nameRu: text, citation })).min(1),
  conditions: list(
    z.strictObject({
      id: text,
      number: rowNumber,
      textKk: text,
      textRu: text,
      indoorChairOnly: z.boolean(),
      citation,
    }),
  ),
  indications: list(wheelchairCriterion),
  contraindications: list(wheelchairCriterion),
  supplierResponse: citedTerm,
  returnBeforeReceipt: citation,
});

const handOffTemplate = z.strictObject({
  id: text,
  act: text,
  legalStatus: z.enum(['in-force', 'repealed']),
  note: bilingual,
  steps: list(serviceStep).min(1),
});

const duplicates = (ids: readonly string[]): string[] => ids.filter((id, i) => ids.indexOf(id) !== i);

const ruleSetObject = z.strictObject({
  id: text,
  version: z.number().int().positive(),
  titleKk: text,
  titleRu: text,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  validityBasis: z.strictObject({ kk: text, ru: text, citations: list(citation).min(1) }),
  provisional: z.boolean(),
  provisionalNote: bilingual.nullable(),
  acts: list(legalAct).min(1),
  complaints: complaintRules,
  services: list(serviceRule).min(1),
  medicalCard: medicalCardRules,
  wheelchairs: wheelchairRules,
  handOffTemplates: list(handOffTemplate),
  notes: list(bilingual),
});

export const ruleSetSchema: z.ZodType<RuleSet> = ruleSetObject.superRefine((rs, ctx) => {
  const issue = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: 'custom', path, message });
  };

  if (rs.validTo !== null && rs.validTo < rs.validFrom) issue(['validTo'], 'rules.validTo.beforeValidFrom');
  if (rs.provisional !== (rs.provisionalNote !== null)) issue(['provisionalNote'], 'rules.provisional.noteRequired');

  const actIds = rs.acts.map((a) => a.id);
  for (const d of duplicates(actIds)) issue(['acts'], `rules.acts.duplicate:${d}`);
  // A number whose clause names an act the set does not describe could not be shown to the user.
  for (const { path, value } of collectCitations(rs)) {
    if (!actIds.includes(value.act)) issue([path], `rules.citation.unknownAct:${value.act}`);
  }
  for (const [i, s] of rs.services.entries()) {
    if (!actIds.includes(s.act)) issue(['services', i, 'act'], `rules.service.unknownAct:${s.act}`);
    // A reading chosen but not listed could not be shown next to the date it produced.
    for (const [j, r] of (s.interpretations ?? []).entries()) {
      if (!r.readings.some((x) => x.id === r.chosen))
        issue(['services', i, 'interpretations', j, 'chosen'], `rules.reading.unknown:${r.chosen}`);
    }
  }
  for (const d of duplicates(rs.services.map((s) => s.id))) issue(['services'], `rules.services.duplicate:${d}`);

  for (const [f, form] of rs.medicalCard.forms.entries()) {
    for (const d of duplicates(form.items.map((it) => it.id))) {
      issue(['medicalCard', 'forms', f, 'items'], `rules.medicalCard.duplicateItem:${d}`);
    }
  }
  for (const d of duplicates(rs.medicalCard.forms.map((f) => f.id))) {
    issue(['medicalCard', 'forms'], `rules.medicalCard.duplicateForm:${d}`);
  }

  const w = rs.wheelchairs;
  const typeRows = w.types.map((t) => t.row);
  for (const d of duplicates(w.types.map((t) => t.id))) issue(['wheelchairs', 'types'], `rules.wheelchairs.duplicateType:${d}`);
  for (const d of duplicates(typeRows.map(String))) issue(['wheelchairs', 'types'], `rules.wheelchairs.duplicateRow:${d}`);
  const conditionIds = w.conditions.map((c) => c.id);
  for (const d of duplicates(conditionIds)) issue(['wheelchairs', 'conditions'], `rules.wheelchairs.duplicateCondition:${d}`);
  const criteria = [
    ...w.indications.map((c, i) => ({ c, path: ['wheelchairs', 'indications', i] as (string | number)[] })),
    ...w.contraindications.map((c, i) => ({ c, path: ['wheelchairs', 'contraindications', i] as (string | number)[] })),
  ];
  for (const d of duplicates(criteria.map(({ c }) => c.id))) issue(['wheelchairs'], `rules.wheelchairs.duplicateCriterion:${d}`);
  for (const { c, path } of criteria) {
    for (const row of c.rows) {
      if (!typeRows.includes(row)) issue([...path, 'rows'], `rules.wheelchairs.unknownRow:${row}`);
    }
    const occurrenceRows = [...c.occurrences.map((o) => o.row)].sort((a, b) => a - b).join(',');
    if (occurrenceRows !== [...c.rows].sort((a, b) => a - b).join(',')) {
      issue([...path, 'occurrences'], 'rules.wheelchairs.occurrencesMismatchRows');
    }
    for (const id of c.anyOfConditions ?? []) {
      if (!conditionIds.includes(id)) issue([...path, 'anyOfConditions'], `rules.wheelchairs.unknownCondition:${id}`);
    }
  }
  for (const [i, c] of w.indications.entries()) {
    if (c.kind !== 'indication') issue(['wheelchairs', 'indications', i, 'kind'], 'rules.wheelchairs.kind');
  }
  for (const [i, c] of w.contraindications.entries()) {
    if (c.kind !== 'contraindication') issue(['wheelchairs', 'contraindications', i, 'kind'], 'rules.wheelchairs.kind');
  }
});
