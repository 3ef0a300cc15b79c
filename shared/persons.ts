/**
 * Persons (тұлғалар): the people the office serves. The IIN (ЖСН) identifies a person across offices;
 * birth date and sex are derived from it, never typed (domain guide §3).
 */
import { z } from 'zod';
import { parseIin, type Sex } from './iin';
import { BOUNDS } from './validation';
import type { RecordEnvelope } from './records/envelope';

/** Disability groups as assigned by medical-social expertise; children are assessed without a group. */
export const DISABILITY_GROUPS = ['I', 'II', 'III', 'child', 'none'] as const;
export type DisabilityGroup = (typeof DISABILITY_GROUPS)[number];

/** Cause of disability, as written in the expertise certificate. */
export const DISABILITY_CATEGORIES = [
  'general-illness',
  'since-childhood',
  'work-injury',
  'occupational-disease',
  'military-service',
  'other',
] as const;
export type DisabilityCategory = (typeof DISABILITY_CATEGORIES)[number];

export const REPRESENTATIVE_BASES = ['parent', 'guardian', 'power-of-attorney'] as const;
export type RepresentativeBasis = (typeof REPRESENTATIVE_BASES)[number];

/** Kazakh mobile and landline numbers: +7 and ten digits; spaces, dashes and brackets are ignored. */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s\-()]/gu, '');
  const m = /^(?:\+7|8)(\d{10})$/u.exec(digits);
  return m ? `+7${m[1]}` : null;
}

const iinField = z
  .string()
  .max(BOUNDS.typed, { message: 'validation.iin.format', abort: true })
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseIin(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `validation.iin.${parsed.error.code}` });
  });

const name = z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong');

const legalRepresentativeInput = z.object({
  fullName: z.string().trim().min(3, 'validation.required').max(200, 'validation.tooLong'),
  iin: iinField,
  basis: z.enum(REPRESENTATIVE_BASES, { message: 'validation.required' }),
  document: z.string().trim().max(200, 'validation.tooLong'),
});

export const personInput = z.object({
  iin: iinField,
  lastName: name,
  firstName: name,
  middleName: z.string().trim().max(80, 'validation.tooLong'),
  address: z.string().trim().min(5, 'validation.required').max(300, 'validation.tooLong'),
  phone: z
    .string()
    .max(BOUNDS.typed, { message: 'validation.phone', abort: true })
    .trim()
    .refine((v) => v === '' || normalizePhone(v) !== null, 'validation.phone')
    .transform((v) => (v === '' ? '' : (normalizePhone(v) ?? v))),
  disabilityGroup: z.enum(DISABILITY_GROUPS, { message: 'validation.required' }),
  disabilityCategory: z.enum(DISABILITY_CATEGORIES).nullable(),
  legalRepresentative: legalRepresentativeInput.nullable(),
});

export type PersonInput = z.input<typeof personInput>;
export type PersonData = z.output<typeof personInput>;

export interface Person extends RecordEnvelope, PersonData {
  birthDate: string;
  sex: Sex;
  /** Lower-case words of the name, for prefix search by any part of it. */
  searchWords: string[];
}

export function personSearchWords(p: Pick<PersonData, 'lastName' | 'firstName' | 'middleName'>): string[] {
  const words = `${p.lastName} ${p.firstName} ${p.middleName}`
    .toLocaleLowerCase('kk')
    .split(/[\s-]+/u)
    .filter((w) => w.length > 0);
  return [...new Set(words)];
}

export function fullName(p: Pick<PersonData, 'lastName' | 'firstName' | 'middleName'>): string {
  return [p.lastName, p.firstName, p.middleName].filter((s) => s.length > 0).join(' ');
}
