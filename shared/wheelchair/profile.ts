/**
 * The functional profile form's data: what the officer enters (measurements as typed text) and the
 * validated profile the engine reads. Zod messages are i18n keys.
 */
import { z } from 'zod';
import { isoDate } from './dates';
import { err, ok, type Result } from '../result';
import type { CitedParameter, WheelchairRules } from '../rules';
import { fieldErrors, type FieldErrors } from '../validation';
import {
  ACTIVE_SPHERES,
  FLAG_FIELDS,
  HEARING_STATES,
  SEVERITIES,
  SEVERITY_FIELDS,
  type FlagField,
  type FunctionalProfile,
  type Severity,
  type SeverityField,
} from './types';

/** The profile as a form holds it: measurements are the text typed into the number inputs. */
export interface FunctionalProfileInput extends Omit<FunctionalProfile, 'measurements'> {
  measurements: Record<string, string | number | null>;
}

/** Every criterion parameter of the table that the officer measures (the age comes from the IIN). */
export function measuredParameters(rules: WheelchairRules): CitedParameter[] {
  return [...rules.indications, ...rules.contraindications].flatMap((c) => c.parameters ?? []).filter((p) => p.unit !== 'years');
}

/** Physiological limits of a typed value per unit, so that a typing slip is caught before it decides anything. */
export const MEASURE_LIMITS: Readonly<Record<CitedParameter['unit'], { max: number; integer: boolean }>> = {
  degrees: { max: 180, integer: false },
  cm: { max: 30, integer: false },
  // Manual muscle testing grades strength 0-5 in whole points.
  points: { max: 5, integer: true },
  years: { max: 150, integer: true },
};

export function emptyProfile(birthDate: string): FunctionalProfile {
  return {
    birthDate,
    severities: Object.fromEntries(SEVERITY_FIELDS.map((f) => [f, 'none'])) as Record<SeverityField, Severity>,
    flags: Object.fromEntries(FLAG_FIELDS.map((f) => [f, false])) as Record<FlagField, boolean>,
    conditions: [],
    activeSpheres: [],
    hearing: 'preserved',
    measurements: {},
  };
}

const profileShape = z.object({
  birthDate: isoDate,
  severities: z.object(
    Object.fromEntries(SEVERITY_FIELDS.map((f) => [f, z.enum(SEVERITIES, { message: 'validation.required' })])) as Record<
      SeverityField,
      z.ZodEnum<{ [K in Severity]: K }>
    >,
  ),
  flags: z.object(Object.fromEntries(FLAG_FIELDS.map((f) => [f, z.boolean()])) as Record<FlagField, z.ZodBoolean>),
  conditions: z.array(z.string()),
  activeSpheres: z.array(z.enum(ACTIVE_SPHERES)),
  hearing: z.enum(HEARING_STATES, { message: 'validation.required' }),
  measurements: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

/** Parses typed text: '' → not measured; a decimal comma is accepted ("13,5"). */
function parseMeasure(raw: string | number | null | undefined): number | null | 'invalid' {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : 'invalid';
  const text = raw.trim().replace(',', '.');
  if (text === '') return null;
  if (!/^\d+(\.\d+)?$/u.test(text)) return 'invalid';
  return Number(text);
}

/**
 * Validates a profile against the rule set it will be checked with: severities and states from their
 * lists, conditions known to the table, measurements numeric and within physiological limits. Errors
 * are field path → i18n key; nothing partial is returned.
 */
export function validateProfile(rules: WheelchairRules, input: FunctionalProfileInput): Result<FunctionalProfile, FieldErrors> {
  const parsed = profileShape.safeParse(input);
  if (!parsed.success) return err(fieldErrors(parsed.error));
  const data = parsed.data;
  const errors: FieldErrors = {};
  const known = new Set(rules.conditions.map((c) => c.id));
  for (const id of data.conditions) if (!known.has(id)) errors.conditions = 'wheelchairs.errors.unknownCondition';

  const measurements: Record<string, number | null> = {};
  for (const p of measuredParameters(rules)) {
    const value = parseMeasure(data.measurements[p.id]);
    const limit = MEASURE_LIMITS[p.unit];
    if (value === 'invalid') errors[`measurements.${p.id}`] = 'wheelchairs.errors.number';
    else if (value !== null && (value < 0 || value > limit.max)) errors[`measurements.${p.id}`] = `wheelchairs.errors.range.${p.unit}`;
    else if (value !== null && limit.integer && !Number.isInteger(value)) errors[`measurements.${p.id}`] = 'wheelchairs.errors.wholeNumber';
    else measurements[p.id] = value;
  }
  if (Object.keys(errors).length > 0) return err(errors);

  return ok({
    birthDate: data.birthDate,
    severities: { ...data.severities },
    flags: { ...data.flags },
    // Stored in a fixed order so that two equal profiles are equal records.
    conditions: rules.conditions.filter((c) => data.conditions.includes(c.id)).map((c) => c.id),
    activeSpheres: ACTIVE_SPHERES.filter((s) => data.activeSpheres.includes(s)),
    hearing: data.hearing,
    measurements,
  });
}
