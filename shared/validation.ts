import type { z } from 'zod';

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
  /** A short code or label: a seed id, an act number, a paragraph/item/row number, a line reference. */
  code: 100,
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
