/**
 * Cases (іс): one person's file at an office. A case keeps the rule set that was in force on its
 * registration date (domain guide §1), so later changes of the law do not move its deadlines.
 */
import { z } from 'zod';
import type { RecordEnvelope } from './records/envelope';
import { BOUNDS } from './validation';

export const CASE_STATUSES = ['open', 'closed', 'transferred'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const caseInput = z.object({
  personId: z.string().min(1, 'validation.required').max(BOUNDS.code, 'validation.tooLong'),
  registrationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'validation.date'),
  subject: z.string().trim().min(3, 'validation.required').max(300, 'validation.tooLong'),
});
export type CaseInput = z.input<typeof caseInput>;

/** Why and when a case was closed: cases are closed with a reason, never deleted (issue 8). */
export interface CaseClosure {
  date: string;
  reason: string;
  by: string;
}

export interface Case extends RecordEnvelope {
  caseNumber: string;
  personId: string;
  registrationDate: string;
  subject: string;
  status: CaseStatus;
  ruleSetId: string;
  closure?: CaseClosure;
}

export const caseClosureInput = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'validation.date'),
  reason: z.string().trim().min(3, 'validation.required').max(500, 'validation.tooLong'),
});
export type CaseClosureInput = z.input<typeof caseClosureInput>;

/**
 * Register numbers are `<office code>-<kind><year>-<sequence>`: the office code keeps them unique
 * across offices, the year restarts the sequence, and the zero padding keeps them sortable as text.
 */
export function formatRegisterNumber(officeCode: string, kind: string, year: number, sequence: number): string {
  return `${officeCode}-${kind}${year}-${String(sequence).padStart(5, '0')}`;
}

export const CASE_NUMBER_KIND = 'C';
