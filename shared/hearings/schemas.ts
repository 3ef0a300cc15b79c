/**
 * Schemas of the STORED application, hearing and minutes records (what travels in bundles, guide §8),
 * built on the envelope schema of shared/records/schemas.ts: strict objects, no transforms, every
 * problem reported as path + i18n key.
 */
import { z } from 'zod';
import { calendarDateSchema, isoTimestampSchema, recordEnvelopeShape, recordIdSchema, refineEnvelope } from '../records/schemas';
import {
  APPLICATION_CHANNELS,
  APPLICATION_STATUSES,
  DECISION_OUTCOMES,
  HEARING_STATUSES,
  HISTORY_ACTIONS,
  NOTICE_CHANNELS,
  NOTIFICATION_METHODS,
  OBJECTION_KINDS,
  type Hearing,
  type HearingMinutes,
  type ServiceApplication,
} from './types';
import { BOUNDS, boundedRecord } from '../validation';

const text = (max: number) => z.string().max(max, 'validation.tooLong');
const filled = (max: number) => text(max).refine((v) => v.trim().length > 0, 'validation.required');
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'validation.required' });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'validation.required');
const iin = z.string().regex(/^\d{12}$/u, 'validation.iin.format');
const officer = filled(200);

export const applicationRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    caseId: recordIdSchema,
    personId: recordIdSchema,
    service: filled(100),
    ruleSetId: filled(100),
    channel: choice(APPLICATION_CHANNELS),
    registrationDate: calendarDateSchema,
    intakeId: recordIdSchema.nullable(),
    note: text(1000),
    plannedDecisionDate: calendarDateSchema.nullable(),
    stepsDone: boundedRecord(filled(100), calendarDateSchema, BOUNDS.keyedEntries),
    status: choice(APPLICATION_STATUSES),
    preliminary: z
      .strictObject({
        date: calendarDateSchema,
        grounds: filled(2000),
        disagreementDate: calendarDateSchema.nullable(),
        receivedOn: calendarDateSchema.nullable().optional(),
        waiverDate: calendarDateSchema.nullable().optional(),
      })
      .nullable(),
    notice: z
      .strictObject({
        hearingId: recordIdSchema,
        sentOn: calendarDateSchema,
        channel: choice(NOTICE_CHANNELS),
        receivedOn: calendarDateSchema,
      })
      .nullable(),
    objection: z.strictObject({ kind: choice(OBJECTION_KINDS), date: calendarDateSchema, summary: text(4000) }).nullable(),
    decision: z
      .strictObject({
        outcome: choice(DECISION_OUTCOMES),
        date: calendarDateSchema,
        reasons: text(4000),
        earlyReason: filled(2000).nullable(),
      })
      .nullable(),
    notification: z
      .strictObject({ method: choice(NOTIFICATION_METHODS), date: calendarDateSchema, mobileRegistered: z.boolean().optional() })
      .nullable(),
    history: z
      .array(
        z.strictObject({
          at: isoTimestampSchema,
          by: officer,
          action: choice(HISTORY_ACTIONS),
          date: calendarDateSchema.nullable(),
          note: text(8000).nullable(),
        }),
      )
      .max(10_000),
  })
  .superRefine(refineEnvelope);

export const hearingRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    caseId: recordIdSchema,
    applicationId: recordIdSchema,
    date: calendarDateSchema,
    time,
    method: filled(100),
    place: filled(500),
    participants: text(2000),
    status: choice(HEARING_STATUSES),
  })
  .superRefine(refineEnvelope);

const stamped = { id: recordIdSchema, date: calendarDateSchema, text: filled(8000), at: isoTimestampSchema, by: officer };

export const hearingMinutesRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    hearingId: recordIdSchema,
    applicationId: recordIdSchema,
    caseId: recordIdSchema,
    content: z.strictObject({
      place: filled(500),
      date: calendarDateSchema,
      startTime: time,
      endTime: time,
      body: filled(500),
      official: filled(200),
      secretary: filled(200),
      applicantName: filled(200),
      applicantIin: iin,
      representative: z.strictObject({ fullName: filled(200), iin, powerOfAttorney: filled(300) }).nullable(),
      question: filled(4000),
      explanations: text(8000),
      questionsAndAnswers: text(8000),
      statements: text(8000),
      factsToRecord: text(4000),
      documentsHandedIn: text(4000),
    }),
    signedOff: z.strictObject({ date: calendarDateSchema, at: isoTimestampSchema, by: officer }).nullable(),
    familiarisation: z.strictObject({ date: calendarDateSchema, at: isoTimestampSchema, by: officer }).nullable(),
    remarks: z.array(z.strictObject(stamped)).max(1000),
    addenda: z.array(z.strictObject(stamped)).max(1000),
  })
  .superRefine((value, ctx) => {
    refineEnvelope(value, ctx);
    // Reading and addenda exist only for signed minutes (shared/hearings/minutes.ts).
    if (value.signedOff === null && (value.familiarisation !== null || value.addenda.length > 0)) {
      ctx.addIssue({ code: 'custom', path: ['signedOff'], message: 'validation.required' });
    }
    if (value.familiarisation === null && value.remarks.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['familiarisation'], message: 'validation.required' });
    }
  });

// Compile-time checks: the schemas accept exactly the stored types, both directions.
const _appOut: (v: z.output<typeof applicationRecordSchema>) => ServiceApplication = (v) => v;
const _appIn: (v: ServiceApplication) => z.input<typeof applicationRecordSchema> = (v) => v;
const _hearingOut: (v: z.output<typeof hearingRecordSchema>) => Hearing = (v) => v;
const _hearingIn: (v: Hearing) => z.input<typeof hearingRecordSchema> = (v) => v;
const _minutesOut: (v: z.output<typeof hearingMinutesRecordSchema>) => HearingMinutes = (v) => v;
const _minutesIn: (v: HearingMinutes) => z.input<typeof hearingMinutesRecordSchema> = (v) => v;
