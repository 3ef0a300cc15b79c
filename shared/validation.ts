import { z } from 'zod';

/** Field-level validation errors of a form: field path → i18n key (zod messages are i18n keys). */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

/**
 * Upper bounds of stored strings and lists (issue 14 C9: a bundle or backup cannot carry an unbounded
 * value). Chosen from the domain with room to spare; one place, so every schema uses the same limits.
 */
export const BOUNDS = {
  /**
   * A short code or label: a seed id, an act number, a paragraph/item/row number, a line reference; also
   * a SHA-256 digest in hex (64) and an Ed25519 key or signature in base64 (44, 88).
   */
  code: 100,
  /** A calendar date: always YYYY-MM-DD (isCalendarDate), so exactly 10; longer is not a date. */
  date: 10,
  /** A UTC timestamp as `toISOString()` writes it, with up to 9 fractional digits (isIsoTimestamp): 30. */
  timestamp: 30,
  /** An IIN: exactly 12 digits (domain guide §3; shared/iin.ts). */
  iin: 12,
  /**
   * Offices in one version vector: one entry per office that ever changed the record. Kazakhstan has
   * about 220 district offices and cities (REGIONS in shared/office.ts); 1000 leaves room for splits.
   */
  offices: 1000,
  /**
   * Entries of a map keyed by a rule's item, step, document or measurement id (a medical card's entries,
   * an application's steps, a wheelchair profile's measurements): the rule sets have a few dozen such ids
   * per map; 500 is ten times the largest.
   */
  keyedEntries: 500,
  /** Tables named in one bundle's or backup's counts: the schema has about 20; 200 leaves room. */
  tables: 200,
  /**
   * An IIN or a phone number as typed into a form, separators included ('+7 (701) 123-45-67' is 18):
   * the form normalises it to 12 digits or +7 and 10 digits; 40 leaves room for stray spaces.
   */
  typed: 40,
  /** A short name: an officer's name, a file name. */
  name: 200,
  /** An act's title or the name of its rules. */
  title: 500,
  /** A bilingual label of a checklist item (kk or ru). */
  label: 2000,
  /** A quoted passage of the law or a free text. */
  freeText: 10_000,
  /** A list of documents, consents, exams or contraindications of one intake. */
  documents: 200,
  /** Citations of one finding (an item rarely cites more than a handful of clauses). */
  citations: 50,
  /** Findings of one intake check: at most a few per checklist item. */
  findings: 1000,
} as const;

/**
 * A map (`z.record`) with at most `maxEntries` entries (issue 14 C9: a map in a stored record is a list
 * too). The limit is refused as 'validation.tooLong' and recorded as metadata, so the schema walker in
 * test/unit/shared/schemaBounds.test.ts can see it; the walker's own test proves the refusal.
 */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.core.$ZodType>(key: K, value: V, maxEntries: number) {
  return z
    .record(key, value)
    .refine((entries) => Object.keys(entries).length <= maxEntries, 'validation.tooLong')
    .meta({ maxEntries });
}
