/**
 * Cases (іс): one person's file at an office. A case keeps the rule set that was in force on its
 * registration date (domain guide §1), so later changes of the law do not move its deadlines.
 */
import { z } from 'zod';
import type { RecordEnvelope } from './records/envelope';

export const CASE_STATUSES = ['open', 'closed', 'transferred'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const caseInput = z.object({
  personId: z.string().min(1, 'validation.required'),
  registrationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'validation.date'),
  subject: z.string().trim().min(3, 'validation.required').max(300, 'validation.tooLong'),
});
export type CaseInput = z.input<typeof caseInput>;

export interface Case extends RecordEnvelope {
  caseNumber: string;
  personId: string;
  registrationDate: string;
  subject: string;
  status: CaseStatus;
  ruleSetId: string;
}

/**
 * Register numbers are `<office code>-<kind><year>-<sequence>`: the office code keeps them unique
 * across offices, the year restarts the sequence, and the zero padding keeps them sortable as text.
 */
export function formatRegisterNumber(officeCode: string, kind: string, year: number, sequence: number): string {
  return `${officeCode}-${kind}${year}-${String(sequence).padStart(5, '0')}`;
}

export const CASE_NUMBER_KIND = 'C';
