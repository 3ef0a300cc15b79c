/**
 * Stored records of the wheelchair feature (domain guide §7): rehabilitation programmes (ОЖБ),
 * indication checks and orders. A check keeps the result exactly as it was shown and printed, so the
 * schema describes that snapshot too (every citation included) rather than letting it through unread.
 */
import { z } from 'zod';
import { calendarDateSchema, isoTimestampSchema, recordEnvelopeShape, recordIdSchema, refineEnvelope } from '../../records/schemas';
import {
  ACTIVE_SPHERES,
  FLAG_FIELDS,
  HEARING_STATES,
  RECEIPT_MODES,
  RETURN_EVENTS,
  SEVERITIES,
  SEVERITY_FIELDS,
  SUPPLIER_ANSWERS,
  type RehabProgramme,
  type WheelchairCheck,
  type WheelchairOrder,
} from '../../wheelchair/types';
import { BOUNDS, boundedRecord } from '../../validation';
import { bilingualSchema, choice, citationSchema, filled, text } from './common';

const typeId = filled(100);

export const rehabProgrammeRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    caseId: recordIdSchema,
    personId: recordIdSchema,
    number: filled(100),
    issuedOn: calendarDateSchema,
    expiresOn: calendarDateSchema,
    wheelchairTypes: z.array(typeId).max(50),
    note: text(2_000),
  })
  .superRefine((value, ctx) => {
    refineEnvelope(value, ctx);
    if (typeof value.issuedOn === 'string' && typeof value.expiresOn === 'string' && value.expiresOn < value.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'expires before it was issued' });
    }
  });

const parameter = z.strictObject({
  id: filled(100),
  labelRu: text(1_000),
  comparison: z.enum(['at-most', 'at-least', 'within', 'less-than']),
  low: z.number(),
  high: z.number(),
  unit: z.enum(['degrees', 'cm', 'points', 'years']),
  citation: citationSchema,
});

const evidence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('severity'), field: z.enum(SEVERITY_FIELDS), value: z.enum(SEVERITIES), satisfies: z.boolean() }),
  z.strictObject({ kind: z.literal('flag'), field: z.enum(FLAG_FIELDS), value: z.boolean(), satisfies: z.boolean() }),
  z.strictObject({
    kind: z.literal('condition'),
    conditionId: filled(100),
    number: z.number().int(),
    textKk: text(4_000),
    textRu: text(4_000),
    indoorChairOnly: z.boolean(),
    citation: citationSchema,
    satisfies: z.literal(true),
  }),
  z.strictObject({ kind: z.literal('no-condition'), satisfies: z.literal(false) }),
  z.strictObject({
    kind: z.literal('spheres'),
    value: z.array(z.enum(ACTIVE_SPHERES)).max(ACTIVE_SPHERES.length),
    satisfies: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('hearing'), value: z.enum(HEARING_STATES), satisfies: z.boolean() }),
  z.strictObject({
    kind: z.literal('measure'),
    parameter,
    value: z.number().nullable(),
    withinBand: z.boolean(),
    satisfies: z.boolean().nullable(),
  }),
  z.strictObject({
    kind: z.literal('age'),
    birthDate: calendarDateSchema,
    onDate: calendarDateSchema,
    age: z.number().int().nullable(),
    parameter,
    satisfies: z.boolean().nullable(),
  }),
  z.strictObject({ kind: z.literal('unsupported'), criterionId: filled(100), satisfies: z.null() }),
]);

const reasonStatus = z.enum(['met', 'not-met', 'present', 'absent', 'unknown']);

const reason = z.strictObject({
  criterionId: filled(100),
  kind: z.enum(['indication', 'contraindication']),
  status: reasonStatus,
  row: z.number().int(),
  textKk: text(4_000),
  textRu: text(4_000),
  citation: citationSchema,
  evidence: z.array(evidence).max(100),
  doubtful: bilingualSchema.nullable(),
  alternative: z.strictObject({ reading: z.literal('arms'), status: reasonStatus, evidence: z.array(evidence).max(100) }).nullable(),
});

const verdict = z.enum(['indicated', 'contraindicated', 'not-indicated']);

const checkResult = z.strictObject({
  onDate: calendarDateSchema,
  age: z.number().int().nullable(),
  tableCitation: citationSchema,
  types: z
    .array(
      z.strictObject({
        typeId,
        row: z.number().int(),
        nameKk: text(1_000),
        nameRu: text(1_000),
        citation: citationSchema,
        verdict,
        indoorOnly: z.boolean(),
        indications: z.array(reason).max(100),
        contraindications: z.array(reason).max(100),
        alternativeVerdict: verdict.nullable(),
      }),
    )
    .max(50),
  programme: z
    .strictObject({
      programmeId: recordIdSchema,
      number: filled(100),
      issuedOn: calendarDateSchema,
      expiresOn: calendarDateSchema,
      wheelchairTypes: z.array(typeId).max(50),
      discrepancies: z
        .array(
          z.strictObject({
            kind: z.enum(['programme-type-contraindicated', 'programme-type-not-indicated', 'indicated-not-in-programme', 'unknown-type']),
            typeId,
            verdict: verdict.nullable(),
          }),
        )
        .max(100),
    })
    .nullable(),
  blocking: z
    .array(
      z.discriminatedUnion('code', [
        z.strictObject({ code: z.literal('programme-expired'), expiresOn: calendarDateSchema, onDate: calendarDateSchema }),
        z.strictObject({ code: z.literal('programme-not-yet-valid'), issuedOn: calendarDateSchema, onDate: calendarDateSchema }),
      ]),
    )
    .max(10),
});

const profile = z.strictObject({
  birthDate: calendarDateSchema,
  severities: z.record(z.enum(SEVERITY_FIELDS), z.enum(SEVERITIES)),
  flags: z.record(z.enum(FLAG_FIELDS), z.boolean()),
  conditions: z.array(filled(100)).max(100),
  activeSpheres: z.array(z.enum(ACTIVE_SPHERES)).max(ACTIVE_SPHERES.length),
  hearing: z.enum(HEARING_STATES),
  measurements: boundedRecord(filled(100), z.number().nullable(), BOUNDS.keyedEntries),
});

export const wheelchairCheckRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    caseId: recordIdSchema,
    personId: recordIdSchema,
    checkedAt: isoTimestampSchema,
    checkDate: calendarDateSchema,
    ruleSetId: filled(100),
    programmeId: recordIdSchema.nullable(),
    profile,
    result: checkResult,
  })
  .superRefine(refineEnvelope);

export const wheelchairOrderRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    caseId: recordIdSchema,
    personId: recordIdSchema,
    programmeId: recordIdSchema,
    checkId: recordIdSchema.nullable(),
    wheelchairType: typeId,
    orderDate: calendarDateSchema,
    supplier: filled(200),
    receiptMode: choice(RECEIPT_MODES),
    ruleSetId: filled(100),
    responseDue: calendarDateSchema,
    supplierResponse: z.strictObject({ answer: choice(SUPPLIER_ANSWERS), date: calendarDateSchema }).nullable(),
    handOverDate: calendarDateSchema.nullable(),
    events: z
      .array(
        z.strictObject({
          kind: choice(RETURN_EVENTS),
          date: calendarDateSchema,
          note: text(500),
          recordedAt: isoTimestampSchema,
          recordedBy: filled(200),
        }),
      )
      .max(100),
    returnedOn: calendarDateSchema.nullable(),
  })
  .superRefine(refineEnvelope);

// Compile-time checks in both directions: when the wheelchair records change, this fails the
// typecheck until the bundle schema follows.

const _programmeOut: (v: z.output<typeof rehabProgrammeRecordSchema>) => RehabProgramme = (v) => v;
const _programmeIn: (v: RehabProgramme) => z.input<typeof rehabProgrammeRecordSchema> = (v) => v;
const _checkOut: (v: z.output<typeof wheelchairCheckRecordSchema>) => WheelchairCheck = (v) => v;
const _checkIn: (v: WheelchairCheck) => z.input<typeof wheelchairCheckRecordSchema> = (v) => v;
const _orderOut: (v: z.output<typeof wheelchairOrderRecordSchema>) => WheelchairOrder = (v) => v;
const _orderIn: (v: WheelchairOrder) => z.input<typeof wheelchairOrderRecordSchema> = (v) => v;
