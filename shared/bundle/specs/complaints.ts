/**
 * The stored complaint record (шағым, domain guide §4) as it travels in a bundle. Limits follow the
 * registration and workflow forms (shared/complaints/registration.ts, workflow.ts) so that every
 * complaint the register can hold passes, and nothing else does.
 */
import { z } from 'zod';
import {
  COMPLAINT_ADDRESSEES,
  COMPLAINT_CHANNELS,
  COMPLAINT_STATUSES,
  CONTESTED_KINDS,
  DECISION_OUTCOMES,
  NOTIFICATION_METHODS,
  REMEDY_EXTENTS,
  nextOpenDue,
  type Complaint,
} from '../../complaints';
import {
  calendarDateSchema,
  isoTimestampSchema,
  recordEnvelopeShape,
  recordIdSchema,
  refineEnvelope,
  storedIinSchema,
} from '../../records/schemas';
import { choice, filled, text } from './common';

/** `<office code>-<year>-<5-digit sequence>`: complaint numbers carry no kind letter (docs/data-model.md). */
export const COMPLAINT_NUMBER = /^[A-Z0-9]{2,10}-\d{4}-\d{5}$/u;

const statusChange = z.strictObject({
  from: choice(COMPLAINT_STATUSES).nullable(),
  to: choice(COMPLAINT_STATUSES),
  at: isoTimestampSchema,
  by: filled(200),
  note: text(20_000).optional(),
});

export const complaintRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    number: z.string().regex(COMPLAINT_NUMBER),
    personId: recordIdSchema,
    caseId: recordIdSchema.nullable(),
    complainantName: filled(300),
    complainantIin: storedIinSchema,
    representative: z.strictObject({ fullName: filled(200), iin: storedIinSchema, powerOfAttorney: text(200) }).nullable(),
    receiptDate: calendarDateSchema,
    registrationDate: calendarDateSchema,
    channel: choice(COMPLAINT_CHANNELS),
    addressee: choice(COMPLAINT_ADDRESSEES),
    serviceId: filled(100),
    contested: choice(CONTESTED_KINDS),
    contestedRef: text(500),
    official: text(200),
    text: filled(20_000),
    demands: text(5_000),
    attachmentIds: z.array(recordIdSchema).max(1_000),
    acceptedBy: text(200),
    answerPlace: text(300),
    ruleSetId: filled(100),
    forwardDue: calendarDateSchema.nullable(),
    reviewDue: calendarDateSchema,
    nextDue: calendarDateSchema.optional(),
    status: choice(COMPLAINT_STATUSES),
    reviewer: text(200),
    forwarded: z
      .strictObject({ date: calendarDateSchema, to: filled(300), caseSent: z.boolean().optional(), caseContents: text(2_000).optional() })
      .nullable(),
    remedies: z
      .array(z.strictObject({ extent: choice(REMEDY_EXTENTS), date: calendarDateSchema, text: filled(10_000), withinWindow: z.boolean() }))
      .max(100)
      .optional(),
    decision: z
      .strictObject({
        outcome: choice(DECISION_OUTCOMES),
        text: filled(10_000),
        date: calendarDateSchema,
        notifiedBy: choice(NOTIFICATION_METHODS),
        notifiedOn: calendarDateSchema,
      })
      .nullable(),
    withdrawal: z.strictObject({ date: calendarDateSchema, reason: filled(2_000) }).nullable(),
    courtNote: z.strictObject({ date: calendarDateSchema, text: filled(2_000) }).nullable(),
    history: z.array(statusChange).max(10_000),
    searchWords: z.array(z.string().min(1).max(80)).max(40),
  })
  .superRefine((value, ctx) => {
    refineEnvelope(value, ctx);
    // Registration follows receipt (000 L67); the same rule as the registration form.
    if (typeof value.receiptDate === 'string' && typeof value.registrationDate === 'string' && value.registrationDate < value.receiptDate) {
      ctx.addIssue({ code: 'custom', path: ['registrationDate'], message: 'validation.registrationBeforeReceipt' });
    }
    // nextDue is the indexed copy of the earliest open deadline: a record whose copy disagrees would
    // hide from (or haunt) the overdue filter of the register.
    if (typeof value.status === 'string' && typeof value.reviewDue === 'string' && value.nextDue !== nextOpenDue(value)) {
      ctx.addIssue({ code: 'custom', path: ['nextDue'], message: 'nextDue does not match the deadlines' });
    }
  });

export type ComplaintRecord = z.output<typeof complaintRecordSchema>;

// Compile-time checks in both directions, as in shared/records/schemas.ts: a field added to Complaint
// without its schema, or the reverse, fails the typecheck.

const _complaintOut: (v: ComplaintRecord) => Complaint = (v) => v;
const _complaintIn: (v: Complaint) => z.input<typeof complaintRecordSchema> = (v) => v;
