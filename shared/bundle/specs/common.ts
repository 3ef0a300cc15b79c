/**
 * Building blocks of the stored-record schemas of the tables a bundle carries, in the style of
 * shared/records/schemas.ts: strict objects, no transforms, messages are i18n keys. A message that is
 * not a `validation.*` key of the core catalog is left to zod, so `issueLines` reports it as
 * `validation.zod.<issue code>` (translated by the bundles catalog).
 */
import { z } from 'zod';
import { BOUNDS } from '../../validation';

/** Text of at most `max` characters (may be empty). */
export const text = (max: number) => z.string().max(max, 'validation.tooLong');

/** Non-blank text of at most `max` characters. */
export const filled = (max: number) => text(max).refine((v) => v.trim().length > 0, 'validation.required');

export const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'validation.required' });

/** Lower-case hex SHA-256, the name of an attachment in the bundle. */
export const SHA256_HEX = /^[0-9a-f]{64}$/u;
export const sha256Schema = z.string().regex(SHA256_HEX);

/** '' or a real YYYY-MM-DD date (forms that let a date stay empty). */

/** A clause of a legal act as rule data writes it (shared/rules/types.ts `Citation`). */
export const citationSchema = z.strictObject({
  act: z.string().min(1).max(100),
  actTitle: z.string().max(1000).optional(),
  rules: z.string().max(1000).optional(),
  appendix: z.string().max(100).optional(),
  paragraph: z.string().max(100).optional(),
  item: z.string().max(100).optional(),
  row: z.string().max(100).optional(),
  rowNumberSource: z.strictObject({ seed: z.string().max(100), lines: z.string().max(100) }).optional(),
  seed: z.string().min(1).max(100),
  lines: z
    .string()
    .max(BOUNDS.code)
    .regex(/^L\d+(-\d+)?$/u),
  quoteKk: z.string().max(4000).optional(),
});

export const bilingualSchema = z.strictObject({ kk: z.string().max(4000), ru: z.string().max(4000) });
