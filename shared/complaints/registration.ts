/** Registration form of a complaint (000 L67: stamp, incoming number and date, who accepted it, term and place of the answer). */
import { z } from 'zod';
import { parseIin } from '../iin';
import { BOUNDS } from '../validation';
import { COMPLAINT_ADDRESSEES, COMPLAINT_CHANNELS, CONTESTED_KINDS } from './types';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'validation.date');
const text = (min: number, max: number) => z.string().trim().min(min, 'validation.required').max(max, 'validation.tooLong');
const iin = z
  .string()
  .max(BOUNDS.typed, { message: 'validation.iin.format', abort: true })
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseIin(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `validation.iin.${parsed.error.code}` });
  });

export const complaintRegistrationInput = z
  .object({
    receiptDate: isoDate,
    registrationDate: isoDate,
    channel: z.enum(COMPLAINT_CHANNELS, { message: 'validation.required' }),
    addressee: z.enum(COMPLAINT_ADDRESSEES, { message: 'validation.required' }),
    personId: z.string().min(1, 'validation.complainant').max(BOUNDS.code, 'validation.tooLong'),
    caseId: z.string().max(BOUNDS.code, 'validation.tooLong').nullable(),
    representative: z.object({ fullName: text(3, 200), iin, powerOfAttorney: text(3, 200) }).nullable(),
    serviceId: z.string().min(1, 'validation.required').max(BOUNDS.code, 'validation.tooLong'),
    contested: z.enum(CONTESTED_KINDS, { message: 'validation.required' }),
    contestedRef: text(0, 500),
    official: text(0, 200),
    text: text(10, 20_000),
    demands: text(3, 5_000),
    acceptedBy: text(3, 120),
    answerPlace: text(3, 300),
  })
  .superRefine((v, ctx) => {
    // Registration follows receipt; the forward term runs from receipt, the review term from registration.
    if (v.registrationDate < v.receiptDate) {
      ctx.addIssue({ code: 'custom', path: ['registrationDate'], message: 'validation.registrationBeforeReceipt' });
    }
  });

export type ComplaintRegistrationInput = z.input<typeof complaintRegistrationInput>;
export type ComplaintRegistration = z.output<typeof complaintRegistrationInput>;
