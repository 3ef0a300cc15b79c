/**
 * Voiding a record made by mistake (issue 16 point 2: a complaint dated in the future, a case dated
 * 01.01.2099, registered for the wrong person). Nothing is deleted outright (issue 8), and the incoming number given at
 * registration (seed 000 L67 "тіркеу (мөртабан, кіріс нөмірі және күні)") stays taken: the record
 * stays in its register under its number, marked voided with who, when and why, and from then on no
 * term runs for it, no step is taken on it and no figure counts it (complaints: shared/complaints
 * deadlines.ts and workflow.ts; cases and their service applications: shared/hearings/voiding.ts).
 *
 * Written for any record with the envelope (shared/records/envelope.ts `voided`).
 */
import { z } from 'zod';
import type { RecordEnvelope, Voiding } from './envelope';
import { err, ok, type Result } from '../result';
import { fieldErrors, BOUNDS, type FieldErrors } from '../validation';

/**
 * A reason an inspector can read later: at least a few words, not "ok" (product decision). The
 * envelope schema bounds it by BOUNDS.freeText (shared/records/schemas.ts).
 */
export const VOID_REASON_MIN = 10;

export const voidInput = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .min(VOID_REASON_MIN, 'validation.voidReasonShort')
    .max(BOUNDS.freeText, 'validation.tooLong'),
});
export type VoidInput = z.input<typeof voidInput>;

export type VoidError = { code: 'voided'; voided: Voiding } | { code: 'invalid'; errors: FieldErrors };

/**
 * The voiding to store on `record`, by the officer `by` at the ISO instant `at`; refused when the
 * record is voided already (a voiding is never replaced: its first reason stays on record).
 */
export function voidingOf(record: Pick<RecordEnvelope, 'voided'>, input: VoidInput, by: string, at: string): Result<Voiding, VoidError> {
  if (record.voided) return err({ code: 'voided', voided: record.voided });
  const parsed = voidInput.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  return ok({ at, by, reason: parsed.data.reason });
}
