/**
 * Individual rehabilitation programme (ОЖБ, жеке оңалту бағдарламасы): the wheelchair type a person
 * receives is the one their programme provides for (App. 10 standard: "ОЖБ-да әзірленген іс-шаралар",
 * 000 L653), and the service is returned when the programme expires before receipt (L675).
 */
import { z } from 'zod';
import { isoDate } from './dates';
import { err, ok, type Result } from '../result';
import type { WheelchairRules } from '../rules';
import { BOUNDS, fieldErrors, type FieldErrors } from '../validation';
import type { RehabProgramme } from './types';

export const programmeInput = z
  .object({
    number: z.string().trim().min(1, 'validation.required').max(50, 'validation.tooLong'),
    issuedOn: isoDate,
    expiresOn: isoDate,
    // At most as many as a stored programme holds (shared/bundle/specs/wheelchair.ts, 50).
    wheelchairTypes: z
      .array(z.string().max(BOUNDS.code, 'validation.tooLong'))
      .min(1, 'wheelchairs.errors.noTypes')
      .max(50, 'validation.tooLong'),
    note: z.string().trim().max(500, 'validation.tooLong'),
  })
  .refine((p) => p.expiresOn >= p.issuedOn, { path: ['expiresOn'], message: 'wheelchairs.errors.expiryBeforeIssue' });

export type ProgrammeInput = z.input<typeof programmeInput>;
export type ProgrammeData = Pick<RehabProgramme, 'number' | 'issuedOn' | 'expiresOn' | 'wheelchairTypes' | 'note'>;

/** Validates a programme; the wheelchair types must be types of the rule set's table. */
export function validateProgramme(rules: WheelchairRules, input: ProgrammeInput): Result<ProgrammeData, FieldErrors> {
  const parsed = programmeInput.safeParse(input);
  if (!parsed.success) return err(fieldErrors(parsed.error));
  const known = rules.types.map((t) => t.id);
  if (parsed.data.wheelchairTypes.some((id) => !known.includes(id))) return err({ wheelchairTypes: 'wheelchairs.errors.unknownType' });
  return ok({ ...parsed.data, wheelchairTypes: known.filter((id) => parsed.data.wheelchairTypes.includes(id)) });
}

export type ProgrammeValidity = 'valid' | 'expired' | 'not-yet-valid';

/** Validity on a date; both ends inclusive. */
export function programmeValidity(p: Pick<RehabProgramme, 'issuedOn' | 'expiresOn'>, onDate: string): ProgrammeValidity {
  if (onDate > p.expiresOn) return 'expired';
  if (onDate < p.issuedOn) return 'not-yet-valid';
  return 'valid';
}
