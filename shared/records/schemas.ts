/**
 * Zod schemas of STORED records (what lives in the database and travels in bundles), as opposed to the
 * form-input schemas next to each domain type (`personInput`, `caseInput`), which trim and normalise
 * what an officer typed. These schemas never transform: a stored record is either valid as it is or it
 * is refused, with every problem reported as `path` + i18n key (zod messages are i18n keys, see
 * shared/validation.ts; type errors keep zod's own message).
 *
 * Objects are strict: an unknown field is an error rather than being dropped, so a record written by a
 * newer release is refused with a reason instead of losing data on its way through an older office.
 */
import { z } from 'zod';
import { parseIsoDate } from '../calendar/isoDate';
import { CASE_STATUSES, type Case } from '../cases';
import { parseIin } from '../iin';
import { DISABILITY_CATEGORIES, DISABILITY_GROUPS, REPRESENTATIVE_BASES, type Person } from '../persons';
import { BOUNDS, boundedRecord } from '../validation';
import type { RecordEnvelope } from './envelope';

/** A UUID as made by `crypto.randomUUID()`; any version nibble is accepted ("uuid-ish"). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export const recordIdSchema = z.string().regex(UUID_PATTERN, 'validation.recordId');
export const officeIdSchema = z.string().regex(UUID_PATTERN, 'validation.officeId');

/** True for a real calendar date written strictly as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/u;

/** True for a UTC timestamp as written by `Date.prototype.toISOString()` on a real day and time. */
export function isIsoTimestamp(value: string): boolean {
  const m = ISO_TIMESTAMP.exec(value);
  if (!m || m[1] === undefined || !isCalendarDate(m[1])) return false;
  return Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60;
}

/** Bounded before the date check runs, with the same message (issue 14 C9; BOUNDS.date). */
export const calendarDateSchema = z
  .string()
  .max(BOUNDS.date, { message: 'validation.date', abort: true })
  .refine(isCalendarDate, 'validation.date');
/** Bounded before the timestamp check runs, with the same message (issue 14 C9; BOUNDS.timestamp). */
export const isoTimestampSchema = z
  .string()
  .max(BOUNDS.timestamp, { message: 'validation.timestamp', abort: true })
  .refine(isIsoTimestamp, 'validation.timestamp');

/** Non-blank text of at most `max` characters. */
const text = (min: number, max: number) =>
  z
    .string()
    .max(max, 'validation.tooLong')
    .refine((v) => v.trim().length >= min, 'validation.required');

const officerName = text(1, 200);

/** One counter per office that changed the record, at most BOUNDS.offices of them (issue 14 C9). */
export const versionVectorSchema = boundedRecord(
  officeIdSchema,
  z.number().int('validation.version').min(0, 'validation.version').max(Number.MAX_SAFE_INTEGER),
  BOUNDS.offices,
).refine((v) => Object.keys(v).length > 0, 'validation.versionEmpty');

/** The envelope fields, for building the schema of any stored record. */
export const recordEnvelopeShape = {
  id: recordIdSchema,
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
  createdBy: officerName,
  updatedBy: officerName,
  originOffice: officeIdSchema,
  updatedInOffice: officeIdSchema,
  version: versionVectorSchema,
  voided: z
    .strictObject({
      at: isoTimestampSchema,
      by: officerName,
      reason: z.string().trim().min(1, 'validation.required').max(BOUNDS.freeText, 'validation.tooLong'),
    })
    .optional(),
};

/**
 * Envelope consistency: the office that created the record and the office that changed it last have
 * both made at least one change, so both appear in the version vector (createEnvelope / touchEnvelope).
 */
export function refineEnvelope(value: RecordEnvelope, ctx: z.RefinementCtx): void {
  // Zod runs refinements after non-fatal field issues too: never trust the field types here.
  if (typeof value.version !== 'object' || value.version === null) return;
  if ((value.version[value.originOffice] ?? 0) < 1) {
    ctx.addIssue({ code: 'custom', path: ['version'], message: 'validation.versionMissingOrigin' });
  }
  if ((value.version[value.updatedInOffice] ?? 0) < 1) {
    ctx.addIssue({ code: 'custom', path: ['version'], message: 'validation.versionMissingUpdater' });
  }
}

export const recordEnvelopeSchema = z.strictObject(recordEnvelopeShape).superRefine(refineEnvelope);

/** A stored IIN: exactly the 12 digits (no spaces), with a valid date and check digit. */
export const storedIinSchema = z
  .string()
  .max(BOUNDS.iin, { message: 'validation.iin.format', abort: true })
  .superRefine((value, ctx) => {
    const parsed = parseIin(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `validation.iin.${parsed.error.code}` });
    else if (parsed.value.iin !== value) ctx.addIssue({ code: 'custom', message: 'validation.iin.format' });
  });

const legalRepresentativeSchema = z.strictObject({
  fullName: text(3, 200),
  iin: storedIinSchema,
  basis: z.enum(REPRESENTATIVE_BASES, { message: 'validation.required' }),
  document: z.string().max(200, 'validation.tooLong'),
});

export const personRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    iin: storedIinSchema,
    lastName: text(1, 80),
    firstName: text(1, 80),
    middleName: z.string().max(80, 'validation.tooLong'),
    address: text(5, 300),
    /** Stored normalised by `normalizePhone`: '' or +7 and ten digits. */
    phone: z.string().regex(/^(?:|\+7\d{10})$/u, 'validation.phone'),
    disabilityGroup: z.enum(DISABILITY_GROUPS, { message: 'validation.required' }),
    disabilityCategory: z.enum(DISABILITY_CATEGORIES, { message: 'validation.required' }).nullable(),
    legalRepresentative: legalRepresentativeSchema.nullable(),
    birthDate: calendarDateSchema,
    sex: z.enum(['male', 'female'], { message: 'validation.required' }),
    searchWords: z.array(z.string().min(1).max(80)).max(40),
  })
  .superRefine((value, ctx) => {
    refineEnvelope(value, ctx);
    // Birth date and sex are derived from the IIN and never typed (domain guide §3): they must agree.
    if (typeof value.iin !== 'string') return;
    const info = parseIin(value.iin);
    if (!info.ok) return;
    if (isCalendarDate(value.birthDate) && value.birthDate !== info.value.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'validation.iin.birthDateMismatch' });
    }
    if (value.sex !== info.value.sex) {
      ctx.addIssue({ code: 'custom', path: ['sex'], message: 'validation.iin.sexMismatch' });
    }
  });

/** `<office code>-C<year>-<5-digit sequence>` (formatRegisterNumber with CASE_NUMBER_KIND). */
const CASE_NUMBER = /^[A-Z0-9]{2,10}-C\d{4}-\d{5}$/u;

export const caseRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    caseNumber: z.string().regex(CASE_NUMBER, 'validation.caseNumber'),
    personId: recordIdSchema,
    registrationDate: calendarDateSchema,
    subject: text(3, 300),
    status: z.enum(CASE_STATUSES, { message: 'validation.required' }),
    ruleSetId: text(1, 100),
    closure: z.strictObject({ date: calendarDateSchema, reason: text(3, 500), by: text(1, 120) }).optional(),
  })
  .superRefine(refineEnvelope);

export type RecordEnvelopeRecord = z.output<typeof recordEnvelopeSchema>;
export type PersonRecord = z.output<typeof personRecordSchema>;
export type CaseRecord = z.output<typeof caseRecordSchema>;

// Compile-time checks: what the schemas accept is exactly the stored TS types (both directions, so a
// field added to Person or Case without its schema, or the reverse, fails the typecheck).
const _envelopeOut: (v: RecordEnvelopeRecord) => RecordEnvelope = (v) => v;
const _envelopeIn: (v: RecordEnvelope) => z.input<typeof recordEnvelopeSchema> = (v) => v;
const _personOut: (v: PersonRecord) => Person = (v) => v;
const _personIn: (v: Person) => z.input<typeof personRecordSchema> = (v) => v;
const _caseOut: (v: CaseRecord) => Case = (v) => v;
const _caseIn: (v: Case) => z.input<typeof caseRecordSchema> = (v) => v;

/**
 * Zod issues as `path: i18n key` lines. Our own checks carry their key as the message; zod's built-in
 * issues (wrong type, unknown field, …) become `validation.zod.<issue code>`, e.g.
 * `lastName: validation.zod.invalid_type`, `: validation.zod.unrecognized_keys` for the record itself.
 */
export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const key = issue.message.startsWith('validation.') ? issue.message : `validation.zod.${issue.code}`;
    return `${path}: ${key}`;
  });
}
