/**
 * The schema of a STORED intake (what lives in the `intakes` table and travels in bundles), in the
 * style of shared/records/schemas.ts: strict, never transforming, every problem as path + i18n key.
 * The form-input schema (schema.ts) trims and normalises what an officer typed; this one only accepts
 * or refuses a record as it is.
 */
import { z } from 'zod';
import { calendarDateSchema, recordEnvelopeShape, refineEnvelope, storedIinSchema } from '../records/schemas';
import { BOUNDS, boundedRecord } from '../validation';
import {
  ACKNOWLEDGEMENT_KINDS,
  CONDITIONAL_ANSWERS,
  DECISION_KINDS,
  IDENTITY_PRESENTATIONS,
  INTAKE_CHANNELS,
  MAC_ANSWERS,
  REFUSING_KINDS,
  STAY_MODES,
  WARNING_KINDS,
  type Intake,
} from './types';

const text = (max: number) => z.string().max(max, 'validation.tooLong');
const optionalDate = z
  .string()
  .max(BOUNDS.date, { message: 'validation.date', abort: true })
  .refine((v) => v === '' || calendarDateSchema.safeParse(v).success, 'validation.date');
const storedPhone = z.string().regex(/^(?:|\+7\d{10})$/u, 'validation.phone');
const id = z.string().min(1, 'validation.required').max(100, 'validation.tooLong');

const relative = z.strictObject({
  fullName: text(200).refine((v) => v.trim().length >= 3, 'validation.required'),
  iin: storedIinSchema,
  relationship: text(300),
  socialStatus: text(300),
  address: text(300),
  phone: storedPhone,
});

const cardEntry = z.strictObject({ date: optionalDate, text: text(2000) });

const citation = z.strictObject({
  act: id,
  actTitle: text(BOUNDS.title).optional(),
  rules: text(BOUNDS.title).optional(),
  appendix: text(BOUNDS.code).optional(),
  paragraph: text(BOUNDS.code).optional(),
  item: text(BOUNDS.code).optional(),
  row: text(BOUNDS.code).optional(),
  rowNumberSource: z.strictObject({ seed: text(BOUNDS.code), lines: text(BOUNDS.code) }).optional(),
  seed: text(BOUNDS.code).min(1),
  lines: text(BOUNDS.code).regex(/^L\d+(-\d+)?$/u, 'intake.validation.citation'),
  quoteKk: text(BOUNDS.freeText).optional(),
});
const bilingual = z.strictObject({ kk: text(BOUNDS.label), ru: text(BOUNDS.label) });

const finding = z.strictObject({
  kind: z.enum([...REFUSING_KINDS, ...WARNING_KINDS]),
  severity: z.enum(['refuse', 'warn']),
  itemId: id,
  label: bilingual,
  citations: z.array(citation).max(BOUNDS.citations),
  parts: z
    .array(z.enum(['entry', 'date', 'text', 'fluorography', 'answer', 'seal', 'signature']))
    .max(BOUNDS.code)
    .optional(),
  date: calendarDateSchema.optional(),
  validityDays: z.number().int().positive().optional(),
  validUntil: calendarDateSchema.optional(),
  contraindications: z.array(bilingual).max(BOUNDS.documents).optional(),
  field: z.enum(['full-name', 'birth-date']).optional(),
});

export const intakeRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    caseId: id,
    personId: id,
    form: z.enum(['stationary', 'semi-stationary']),
    registrationDate: calendarDateSchema,
    channel: z.enum(INTAKE_CHANNELS),
    officerName: text(200).refine((v) => v.trim().length > 0, 'validation.required'),
    officerPhone: z.string().regex(/^\+7\d{10}$/u, 'validation.phone'),
    application: z.strictObject({
      addresseeHead: text(300),
      addresseeBin: z.string().regex(/^(?:|\d{12})$/u, 'intake.validation.bin'),
      identityDocumentNumber: text(300),
      identityDocumentIssuedOn: optionalDate,
      registrationAddress: text(300),
      residenceAddress: text(300),
      birthPlace: text(300),
      allowance: text(300),
      disabilityCategory: text(300),
      legalRepresentatives: z.array(relative).max(10),
      relatives: z.array(relative).max(20),
      stayMode: z.enum(STAY_MODES).nullable(),
      attachedDocuments: z.array(text(300)).max(10),
      warnedOfLiability: z.boolean(),
      acquaintedWithConditions: z.boolean(),
      signedOn: optionalDate,
    }),
    situation: z.strictObject({ psychoneurological: z.boolean(), dispensaryExamIds: z.array(id).max(BOUNDS.documents) }),
    presentedDocumentIds: z.array(id).max(BOUNDS.documents),
    identity: z.enum(IDENTITY_PRESENTATIONS),
    consentIds: z.array(id).max(BOUNDS.documents),
    // Issue 18: optional, so records and bundles made before it stay valid.
    conditionalDocuments: boundedRecord(id, z.enum([...CONDITIONAL_ANSWERS, '']), BOUNDS.keyedEntries).optional(),
    acknowledgement: z.strictObject({ kind: z.enum(ACKNOWLEDGEMENT_KINDS), givenOn: calendarDateSchema, reference: text(100) }).optional(),
    card: z.strictObject({
      entries: boundedRecord(id, cardEntry, BOUNDS.keyedEntries),
      fluorography: cardEntry,
      macAnswer: z.enum([...MAC_ANSWERS, '']),
      contraindicationIds: z.array(id).max(BOUNDS.documents),
      sealPresent: z.boolean(),
      headSigned: z.boolean(),
    }),
    ruleSetId: id,
    ruleSetVersion: z.number().int().positive(),
    check: z.strictObject({
      result: z.enum(['complete', 'refuse', 'complete-with-warnings']),
      findings: z.array(finding).max(BOUNDS.findings),
    }),
    progress: z.strictObject({
      assessmentConclusionOn: optionalDate,
      decisionOn: optionalDate,
      decisionKind: z.enum([...DECISION_KINDS, '']),
      portalNoticeOn: optionalDate,
    }),
  })
  .superRefine(refineEnvelope);

export type IntakeRecord = z.output<typeof intakeRecordSchema>;

// Compile-time checks in both directions, as for persons and cases: a field added to Intake without
// its schema, or the reverse, fails the typecheck.
const _intakeOut: (v: IntakeRecord) => Intake = (v) => v;
const _intakeIn: (v: Intake) => z.input<typeof intakeRecordSchema> = (v) => v;
