/**
 * Complaint workflow (guide §4 product decision): registered → under review → (forwarded) →
 * decided (satisfied / partly satisfied / rejected) | withdrawn. Every change is recorded with who
 * and when. A note that the complainant went to court may follow the answer (000 L83).
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { fieldErrors, type FieldErrors } from '../validation';
import { DECISION_OUTCOMES, NOTIFICATION_METHODS, type Complaint, type ComplaintStatus } from './types';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'validation.date');
const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const complaintActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start-review'), reviewer: requiredText(120) }),
  z.object({ type: z.literal('forward'), date: isoDate, to: requiredText(300) }),
  z.object({
    type: z.literal('decide'),
    outcome: z.enum(DECISION_OUTCOMES, { message: 'validation.required' }),
    text: requiredText(10_000),
    date: isoDate,
    notifiedBy: z.enum(NOTIFICATION_METHODS, { message: 'validation.required' }),
    notifiedOn: isoDate,
  }),
  z.object({ type: z.literal('withdraw'), date: isoDate, reason: requiredText(2_000) }),
  z.object({ type: z.literal('court-note'), date: isoDate, text: requiredText(2_000) }),
]);
export type ComplaintAction = z.input<typeof complaintActionSchema>;
export type ComplaintActionType = ComplaintAction['type'];

/** Which actions each status allows. */
export const ALLOWED_ACTIONS: Readonly<Record<ComplaintStatus, readonly ComplaintActionType[]>> = {
  registered: ['start-review', 'forward', 'decide', 'withdraw'],
  'under-review': ['forward', 'decide', 'withdraw'],
  forwarded: ['decide', 'withdraw'],
  decided: ['court-note'],
  withdrawn: [],
};

export type WorkflowError =
  | { code: 'not-allowed'; status: ComplaintStatus; action: ComplaintActionType }
  | { code: 'not-forwardable' }
  | { code: 'invalid'; errors: FieldErrors };

export type ComplaintWorkflowState = Pick<
  Complaint,
  | 'status'
  | 'reviewer'
  | 'forwarded'
  | 'decision'
  | 'withdrawal'
  | 'courtNote'
  | 'history'
  | 'registrationDate'
  | 'receiptDate'
  | 'forwardDue'
>;
export type WorkflowPatch = Pick<Complaint, 'status' | 'reviewer' | 'forwarded' | 'decision' | 'withdrawal' | 'courtNote' | 'history'>;

export function allowedActions(c: Pick<Complaint, 'status' | 'forwardDue'>): ComplaintActionType[] {
  return ALLOWED_ACTIONS[c.status].filter((a) => a !== 'forward' || c.forwardDue !== null);
}

/** Applies one workflow step; the caller stores the patch and bumps the record's version. */
export function applyComplaintAction(
  c: ComplaintWorkflowState,
  action: ComplaintAction,
  by: string,
  at: string,
): Result<WorkflowPatch, WorkflowError> {
  const parsed = complaintActionSchema.safeParse(action);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const a = parsed.data;
  if (!ALLOWED_ACTIONS[c.status].includes(a.type)) return err({ code: 'not-allowed', status: c.status, action: a.type });

  const patch: WorkflowPatch = {
    status: c.status,
    reviewer: c.reviewer,
    forwarded: c.forwarded,
    decision: c.decision,
    withdrawal: c.withdrawal,
    courtNote: c.courtNote,
    history: c.history,
  };
  const notBefore = (date: string, earliest: string, field: string): Result<true, WorkflowError> =>
    date < earliest ? err({ code: 'invalid', errors: { [field]: 'validation.dateBeforeRegistration' } }) : ok(true);
  const move = (to: ComplaintStatus, note?: string) => {
    patch.status = to;
    patch.history = [...c.history, { from: c.status, to, at, by, ...(note ? { note } : {}) }];
  };

  switch (a.type) {
    case 'start-review':
      patch.reviewer = a.reviewer;
      move('under-review', a.reviewer);
      break;
    case 'forward': {
      // Only complaints to the department or the State Corporation go on to the reviewing body (000 L75).
      if (c.forwardDue === null) return err({ code: 'not-forwardable' });
      const check = notBefore(a.date, c.receiptDate, 'date');
      if (!check.ok) return check;
      patch.forwarded = { date: a.date, to: a.to };
      move('forwarded', a.to);
      break;
    }
    case 'decide': {
      const check = notBefore(a.date, c.registrationDate, 'date');
      if (!check.ok) return check;
      if (a.notifiedOn < a.date) return err({ code: 'invalid', errors: { notifiedOn: 'validation.notifiedBeforeDecision' } });
      patch.decision = { outcome: a.outcome, text: a.text, date: a.date, notifiedBy: a.notifiedBy, notifiedOn: a.notifiedOn };
      move('decided', a.outcome);
      break;
    }
    case 'withdraw': {
      const check = notBefore(a.date, c.receiptDate, 'date');
      if (!check.ok) return check;
      patch.withdrawal = { date: a.date, reason: a.reason };
      move('withdrawn', a.reason);
      break;
    }
    case 'court-note': {
      const decisionDate = c.decision?.date ?? c.registrationDate;
      if (a.date < decisionDate) return err({ code: 'invalid', errors: { date: 'validation.courtBeforeDecision' } });
      patch.courtNote = { date: a.date, text: a.text };
      patch.history = [...c.history, { from: c.status, to: c.status, at, by, note: a.text }];
      break;
    }
  }
  return ok(patch);
}
