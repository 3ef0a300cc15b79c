/**
 * Form-input schemas of the hearings feature. Messages are i18n keys: core `validation.*` for the
 * generic ones, `hearings.validation.*` (the feature's catalog) for its own.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar';
import { UUID_PATTERN } from '../records/schemas';
import { BOUNDS } from '../validation';
import { APPLICATION_CHANNELS, DECISION_OUTCOMES, NOTICE_CHANNELS, NOTIFICATION_METHODS, OBJECTION_KINDS } from './types';

const date = z.string().max(BOUNDS.date, { message: 'validation.date', abort: true }).refine(isIsoDate, 'validation.date');
/** An optional date field: '' (left empty) becomes null. */
const optionalDate = z
  .string()
  .max(BOUNDS.date, { message: 'validation.date', abort: true })
  .refine((v) => v === '' || isIsoDate(v), 'validation.date')
  .transform((v) => (v === '' ? null : v));
const required = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');
const optional = (max: number) => z.string().trim().max(max, 'validation.tooLong');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'hearings.validation.time');

export const applicationInput = z.object({
  caseId: z.string().min(1, 'validation.required').max(BOUNDS.code, 'validation.tooLong'),
  service: z.string().min(1, 'validation.required').max(BOUNDS.code, 'validation.tooLong'),
  channel: z.enum(APPLICATION_CHANNELS, { message: 'validation.required' }),
  registrationDate: date,
  plannedDecisionDate: optionalDate,
  // The intake feature links here with its record id (guide §6 → §5).
  intakeId: z
    .string()
    .max(BOUNDS.code, 'validation.recordId')
    .nullable()
    .transform((v) => (v === null || v.trim() === '' ? null : v.trim()))
    .refine((v) => v === null || UUID_PATTERN.test(v), 'validation.recordId'),
  note: optional(1000),
});
export type ApplicationInput = z.input<typeof applicationInput>;

export const preliminaryInput = z.object({
  date,
  grounds: required(2000),
  /** The day the applicant received it; left empty = the decision's own day (000 L47, 004 L43). */
  receivedOn: optionalDate.optional().transform((v) => v ?? null),
  disagreementDate: optionalDate,
});
export type PreliminaryInput = z.input<typeof preliminaryInput>;

/** The applicant disagreed (Order 458, 000 L47) or waived in writing (no disagreement, no objection). */
export const applicantPositionInput = z.object({
  position: z.enum(['disagreed', 'waived'], { message: 'validation.required' }),
  date,
});
export type ApplicantPositionInput = z.input<typeof applicantPositionInput>;

export const plannedDecisionInput = z.object({ plannedDecisionDate: date });

export const stepDoneInput = z.object({ stepId: z.string().min(1, 'validation.required').max(BOUNDS.code, 'validation.tooLong'), date });

export const hearingInput = z.object({
  date,
  time,
  method: z.string().min(1, 'validation.required').max(BOUNDS.code, 'validation.tooLong'),
  place: required(500),
  participants: optional(2000),
});
export type HearingInput = z.input<typeof hearingInput>;

export const noticeInput = z
  .object({
    hearingId: z.string().min(1, 'validation.required').max(BOUNDS.code, 'validation.tooLong'),
    sentOn: date,
    channel: z.enum(NOTICE_CHANNELS, { message: 'validation.required' }),
    receivedOn: optionalDate,
  })
  .transform((v) => ({ ...v, receivedOn: v.receivedOn ?? v.sentOn }))
  .refine((v) => v.receivedOn >= v.sentOn, { path: ['receivedOn'], message: 'hearings.validation.receivedBeforeSent' });
export type NoticeInput = z.input<typeof noticeInput>;

export const objectionInput = z.object({
  kind: z.enum(OBJECTION_KINDS, { message: 'validation.required' }),
  date,
  summary: optional(4000),
});
export type ObjectionInput = z.input<typeof objectionInput>;

const representative = z.object({
  fullName: required(200),
  iin: z
    .string()
    .trim()
    .regex(/^\d{12}$/u, 'validation.iin.format'),
  powerOfAttorney: required(300),
});

export const minutesContentInput = z
  .object({
    place: required(500),
    date,
    startTime: time,
    endTime: time,
    body: required(500),
    official: required(200),
    secretary: required(200),
    applicantName: required(200),
    applicantIin: z
      .string()
      .trim()
      .regex(/^\d{12}$/u, 'validation.iin.format'),
    representative: representative.nullable(),
    question: required(4000),
    explanations: optional(8000),
    questionsAndAnswers: optional(8000),
    statements: optional(8000),
    factsToRecord: optional(4000),
    documentsHandedIn: optional(4000),
  })
  .refine((v) => v.endTime >= v.startTime, { path: ['endTime'], message: 'hearings.validation.endBeforeStart' });
export type MinutesContentInput = z.input<typeof minutesContentInput>;

export const datedTextInput = z.object({ date, text: required(8000) });
export type DatedTextInput = z.input<typeof datedTextInput>;

export const familiarisationInput = z.object({ date });

export const decisionInput = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES, { message: 'validation.required' }),
    date,
    reasons: optional(4000),
    earlyReason: optional(2000).transform((v) => (v === '' ? null : v)),
  })
  .refine((v) => v.outcome !== 'refused' || v.reasons.length > 0, { path: ['reasons'], message: 'hearings.validation.refusalReasons' });
export type DecisionInput = z.input<typeof decisionInput>;

export const notificationInput = z.object({
  method: z.enum(NOTIFICATION_METHODS, { message: 'validation.required' }),
  date,
  /** 004 L49: the application gives a mobile number registered in the mobile citizens database. */
  mobileRegistered: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
});
export type NotificationInput = z.input<typeof notificationInput>;
