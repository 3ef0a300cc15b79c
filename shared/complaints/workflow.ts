/**
 * Complaint workflow (guide §4 product decision): registered → under review → (forwarded) →
 * decided (satisfied / partly satisfied / rejected) | withdrawn. Every change is recorded with who
 * and when. Beside it (issue 18 points 10-14):
 * - the office's own remedy (seed 000 L77, 001 L58) is a record of its own, not the reviewing body's
 *   decision: only a FULL remedy within 3 working days of receipt waives forwarding (status
 *   `remedied`); a partial one, or a full one after the window, leaves the duty to forward;
 * - forwarding records whether the administrative case went with the complaint, and what (000 L75,
 *   001 L57 "және әкімшілік іс");
 * - under the medical-social rules the provider "may decline to forward" after a timely full remedy
 *   (001 L58), so forwarding stays possible there; under Order 458 it "does not forward" (000 L77);
 * - a court note (000 L83, 001 L61) is information accepted at any stage: it changes no status and
 *   stops no term.
 */
import { z } from 'zod';
import type { ForwardWaiverKind } from '../rules/complaints';
import { err, ok, type Result } from '../result';
import { fieldErrors, type FieldErrors } from '../validation';
import { waivingRemedy } from './deadlines';
import { DECISION_OUTCOMES, NOTIFICATION_METHODS, REMEDY_EXTENTS, type Complaint, type ComplaintStatus } from './types';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'validation.date');
const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong');

export const complaintActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start-review'), reviewer: requiredText(120) }),
  z.object({
    type: z.literal('remedy'),
    extent: z.enum(REMEDY_EXTENTS, { message: 'validation.required' }),
    date: isoDate,
    text: requiredText(10_000),
  }),
  z.object({
    type: z.literal('forward'),
    date: isoDate,
    to: requiredText(300),
    caseSent: z.boolean(),
    caseContents: z.string().trim().max(2_000, 'validation.tooLong'),
  }),
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

/** Which actions each status allows (forwarding further narrowed by `allowedActions`). */
export const ALLOWED_ACTIONS: Readonly<Record<ComplaintStatus, readonly ComplaintActionType[]>> = {
  registered: ['start-review', 'remedy', 'forward', 'decide', 'withdraw', 'court-note'],
  'under-review': ['remedy', 'forward', 'decide', 'withdraw', 'court-note'],
  forwarded: ['decide', 'withdraw', 'court-note'],
  // 001 L58: after a timely full remedy the provider may still forward; 000 L77 forbids it (see allowedActions).
  remedied: ['forward', 'court-note'],
  decided: ['court-note'],
  withdrawn: ['court-note'],
};

export type WorkflowError =
  | { code: 'not-allowed'; status: ComplaintStatus; action: ComplaintActionType }
  | { code: 'not-forwardable' }
  /** 000 L77: fully satisfied within 3 working days, so the complaint is not forwarded. */
  | { code: 'forward-waived' }
  /** Issue 16 point 2: a voided complaint takes no further step. */
  | { code: 'voided' }
  | { code: 'invalid'; errors: FieldErrors };

/** What the workflow needs from the route and the calendar (computed by the caller). */
export interface WorkflowRules {
  /** 000 L77 "жібермейді" or 001 L58 "жібермеуге құқылы". */
  waiver: ForwardWaiverKind;
  /** Last day of the full-satisfaction window (receipt + 3 working days); null when the calendar lacks the year. */
  satisfactionWindowEnd: string | null;
}

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
> &
  Partial<Pick<Complaint, 'remedies' | 'voided'>>;
export type WorkflowPatch = Pick<
  Complaint,
  'status' | 'reviewer' | 'forwarded' | 'decision' | 'withdrawal' | 'courtNote' | 'history' | 'remedies'
>;

/** Forwarding is possible: there is a forward term, and no timely full remedy under a "does not forward" clause. */
function mayForward(c: Pick<Complaint, 'forwardDue'> & Partial<Pick<Complaint, 'remedies'>>, waiver: ForwardWaiverKind): boolean {
  if (c.forwardDue === null) return false;
  return waiver === 'may-decline' || waivingRemedy(c) === undefined;
}

/** The steps a complaint allows now; none once it is voided (issue 16 point 2). */
export function allowedActions(
  c: Pick<Complaint, 'status' | 'forwardDue'> & Partial<Pick<Complaint, 'remedies' | 'voided'>>,
  waiver: ForwardWaiverKind = 'must-not-forward',
): ComplaintActionType[] {
  if (c.voided) return [];
  return ALLOWED_ACTIONS[c.status].filter((a) => a !== 'forward' || mayForward(c, waiver));
}

const invalidField = (field: string, key: string): Result<never, WorkflowError> => err({ code: 'invalid', errors: { [field]: key } });

/** Applies one workflow step; the caller stores the patch and bumps the record's version. */
export function applyComplaintAction(
  c: ComplaintWorkflowState,
  action: ComplaintAction,
  by: string,
  at: string,
  rules: WorkflowRules,
): Result<WorkflowPatch, WorkflowError> {
  const parsed = complaintActionSchema.safeParse(action);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const a = parsed.data;
  if (c.voided) return err({ code: 'voided' });
  if (!ALLOWED_ACTIONS[c.status].includes(a.type)) return err({ code: 'not-allowed', status: c.status, action: a.type });

  const patch: WorkflowPatch = {
    status: c.status,
    reviewer: c.reviewer,
    forwarded: c.forwarded,
    decision: c.decision,
    withdrawal: c.withdrawal,
    courtNote: c.courtNote,
    history: c.history,
    // Records stored before remedies existed keep their shape until one is recorded.
    ...(c.remedies ? { remedies: c.remedies } : {}),
  };
  const move = (to: ComplaintStatus, note?: string) => {
    patch.status = to;
    patch.history = [...c.history, { from: c.status, to, at, by, ...(note ? { note } : {}) }];
  };

  switch (a.type) {
    case 'start-review':
      patch.reviewer = a.reviewer;
      move('under-review', a.reviewer);
      break;
    case 'remedy': {
      if (a.date < c.receiptDate) return invalidField('date', 'validation.dateBeforeRegistration');
      if (rules.satisfactionWindowEnd === null) return invalidField('date', 'complaints.validation.calendarMissing');
      const withinWindow = a.date <= rules.satisfactionWindowEnd;
      patch.remedies = [...(c.remedies ?? []), { extent: a.extent, date: a.date, text: a.text, withinWindow }];
      // Only a full remedy within the window closes the complaint without forwarding (000 L77, 001 L58).
      move(a.extent === 'full' && withinWindow ? 'remedied' : c.status, `${a.extent}: ${a.text}`);
      break;
    }
    case 'forward': {
      // Only complaints to the department or the State Corporation go on to the reviewing body (000 L75).
      if (c.forwardDue === null) return err({ code: 'not-forwardable' });
      if (!mayForward(c, rules.waiver)) return err({ code: 'forward-waived' });
      if (a.date < c.receiptDate) return invalidField('date', 'validation.dateBeforeRegistration');
      if (a.caseSent && a.caseContents === '') return invalidField('caseContents', 'validation.required');
      patch.forwarded = { date: a.date, to: a.to, caseSent: a.caseSent, caseContents: a.caseSent ? a.caseContents : '' };
      move('forwarded', a.to);
      break;
    }
    case 'decide': {
      if (a.date < c.registrationDate) return invalidField('date', 'validation.dateBeforeRegistration');
      if (a.notifiedOn < a.date) return invalidField('notifiedOn', 'validation.notifiedBeforeDecision');
      patch.decision = { outcome: a.outcome, text: a.text, date: a.date, notifiedBy: a.notifiedBy, notifiedOn: a.notifiedOn };
      move('decided', a.outcome);
      break;
    }
    case 'withdraw': {
      if (a.date < c.receiptDate) return invalidField('date', 'validation.dateBeforeRegistration');
      patch.withdrawal = { date: a.date, reason: a.reason };
      move('withdrawn', a.reason);
      break;
    }
    case 'court-note':
      // Information only (000 L83): no status change, no term stops.
      patch.courtNote = { date: a.date, text: a.text };
      patch.history = [...c.history, { from: c.status, to: c.status, at, by, note: a.text }];
      break;
  }
  return ok(patch);
}
