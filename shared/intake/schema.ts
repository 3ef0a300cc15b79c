/**
 * Form-input schemas of the intake (zod messages are i18n keys). Only what makes a record unusable
 * blocks saving: the case, the appendix, the dates, the officer's phone for the receipt, well-formed
 * IINs. An incomplete package is still saved, because recording the refusal is the point; the check
 * (check.ts) reports what is missing.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/isoDate';
import { parseIin } from '../iin';
import { normalizePhone } from '../persons';
import { BOUNDS, boundedRecord } from '../validation';
import {
  CONDITIONAL_ANSWERS,
  DECISION_KINDS,
  IDENTITY_PRESENTATIONS,
  INTAKE_CHANNELS,
  MAC_ANSWERS,
  STAY_MODES,
  type IntakeData,
} from './types';

const MAX_TEXT = 2000;

const requiredDate = z.string().trim().max(BOUNDS.date, { message: 'validation.date', abort: true }).refine(isIsoDate, 'validation.date');
const optionalDate = z
  .string()
  .trim()
  .max(BOUNDS.date, { message: 'validation.date', abort: true })
  .refine((v) => v === '' || isIsoDate(v), 'validation.date');
const shortText = z.string().trim().max(300, 'validation.tooLong');
const longText = z.string().trim().max(MAX_TEXT, 'validation.tooLong');

const optionalPhone = z
  .string()
  .trim()
  .refine((v) => v === '' || normalizePhone(v) !== null, 'validation.phone')
  .transform((v) => (v === '' ? '' : (normalizePhone(v) ?? v)));

/**
 * An IIN typed on the day of entry `today` (issue 18 point 9): the number must be valid and the birth
 * date plausible (not in the future, not more than 130 years back). The two plausibility messages are
 * this feature's until the shared catalog has them.
 */
const iinOn = (today: string) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const parsed = parseIin(value, today);
      if (parsed.ok) return;
      const code = parsed.error.code;
      const message =
        code === 'future' ? 'intake.validation.iinFuture' : code === 'too-old' ? 'intake.validation.iinTooOld' : `validation.iin.${code}`;
      ctx.addIssue({ code: 'custom', message });
    });

export const relativeInput = (today: string) =>
  z.object({
    fullName: z.string().trim().min(3, 'validation.required').max(200, 'validation.tooLong'),
    iin: iinOn(today),
    relationship: shortText,
    socialStatus: shortText,
    address: shortText,
    phone: optionalPhone,
  });

const applicationShape = (today: string) => ({
  addresseeHead: shortText,
  /** BIN (БСН): 12 digits, like the IIN. */
  addresseeBin: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{12}$/u.test(v), 'intake.validation.bin'),
  identityDocumentNumber: shortText,
  identityDocumentIssuedOn: optionalDate,
  registrationAddress: shortText,
  residenceAddress: shortText,
  birthPlace: shortText,
  allowance: shortText,
  disabilityCategory: shortText,
  legalRepresentatives: z.array(relativeInput(today)).max(10, 'intake.validation.tooMany'),
  relatives: z.array(relativeInput(today)).max(20, 'intake.validation.tooMany'),
  stayMode: z.enum(STAY_MODES).nullable(),
  attachedDocuments: z.array(shortText).max(10, 'intake.validation.tooMany'),
  warnedOfLiability: z.boolean(),
  acquaintedWithConditions: z.boolean(),
  signedOn: optionalDate,
});

const cardEntry = z.object({ date: optionalDate, text: longText });

export const cardInput = z.object({
  entries: boundedRecord(z.string().min(1).max(BOUNDS.code), cardEntry, BOUNDS.keyedEntries),
  fluorography: cardEntry,
  macAnswer: z.enum([...MAC_ANSWERS, '']),
  contraindicationIds: z.array(z.string().min(1).max(BOUNDS.code)).max(BOUNDS.documents),
  sealPresent: z.boolean(),
  headSigned: z.boolean(),
});

const conditionalDocumentsInput = boundedRecord(
  z.string().min(1).max(BOUNDS.code),
  z.enum([...CONDITIONAL_ANSWERS, '']),
  BOUNDS.keyedEntries,
);

/** What the officer typed, on the day of entry `today` (the IINs of the relatives are checked against it). */
export const intakeInput = (today: string) =>
  z
    .object({
      caseId: z.string().min(1, 'validation.required'),
      form: z.enum(['stationary', 'semi-stationary'], { message: 'validation.required' }),
      registrationDate: requiredDate,
      channel: z.enum(INTAKE_CHANNELS, { message: 'validation.required' }),
      /** Printed on the App. 4 receipt (L292), so it is required. */
      officerPhone: z
        .string()
        .trim()
        .refine((v) => normalizePhone(v) !== null, 'validation.phone')
        .transform((v) => normalizePhone(v) ?? v),
      application: z.object(applicationShape(today)),
      situation: z.object({ psychoneurological: z.boolean(), dispensaryExamIds: z.array(z.string().min(1)) }),
      presentedDocumentIds: z.array(z.string().min(1)),
      identity: z.enum(IDENTITY_PRESENTATIONS, { message: 'validation.required' }),
      consentIds: z.array(z.string().min(1)),
      conditionalDocuments: conditionalDocumentsInput satisfies z.ZodType<IntakeData['conditionalDocuments']>,
      card: cardInput,
    })
    .superRefine((v, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      // App. 1 L111: the applicant underlines permanent or temporary; App. 2 is always daytime (L165).
      if (v.form === 'stationary' && v.application.stayMode === null) issue(['application', 'stayMode'], 'validation.required');
      if (!isIsoDate(v.registrationDate)) return;
      // Nothing on the card or the application can be dated after the day it was handed in.
      const notAfter = (date: string, path: (string | number)[]) => {
        if (date !== '' && isIsoDate(date) && date > v.registrationDate) issue(path, 'intake.validation.afterRegistration');
      };
      notAfter(v.application.signedOn, ['application', 'signedOn']);
      notAfter(v.application.identityDocumentIssuedOn, ['application', 'identityDocumentIssuedOn']);
      for (const [id, entry] of Object.entries(v.card.entries)) notAfter(entry.date, ['card', 'entries', id, 'date']);
      notAfter(v.card.fluorography.date, ['card', 'fluorography', 'date']);
    });

export type IntakeInput = z.input<ReturnType<typeof intakeInput>>;
export type IntakeInputData = z.output<ReturnType<typeof intakeInput>>;

/**
 * Progress of an accepted intake: each event happens on or after the one it follows (paras 12-14)
 * and not in the future.
 */
export function progressInput(registrationDate: string, today: string) {
  return z
    .object({
      assessmentConclusionOn: optionalDate,
      decisionOn: optionalDate,
      decisionKind: z.enum([...DECISION_KINDS, '']),
      portalNoticeOn: optionalDate,
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const dates = [
        ['assessmentConclusionOn', v.assessmentConclusionOn],
        ['decisionOn', v.decisionOn],
        ['portalNoticeOn', v.portalNoticeOn],
      ] as const;
      for (const [path, date] of dates) {
        if (date === '' || !isIsoDate(date)) continue;
        if (date < registrationDate) issue(path, 'intake.validation.beforeRegistration');
        else if (date > today) issue(path, 'intake.validation.future');
      }
      if (v.decisionOn !== '' && v.assessmentConclusionOn === '')
        issue('assessmentConclusionOn', 'intake.validation.decisionNeedsAssessment');
      if (v.decisionOn !== '' && v.assessmentConclusionOn !== '' && v.decisionOn < v.assessmentConclusionOn) {
        issue('decisionOn', 'intake.validation.beforeAssessment');
      }
      if (v.decisionOn !== '' && v.decisionKind === '') issue('decisionKind', 'validation.required');
      if (v.decisionOn === '' && v.decisionKind !== '') issue('decisionOn', 'validation.required');
      if (v.portalNoticeOn !== '') {
        if (v.decisionKind !== 'favourable') issue('portalNoticeOn', 'intake.validation.noticeNeedsFavourable');
        else if (v.portalNoticeOn < v.decisionOn) issue('portalNoticeOn', 'intake.validation.beforeDecision');
      }
    });
}

export type ProgressInput = z.input<ReturnType<typeof progressInput>>;
