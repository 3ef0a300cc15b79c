/**
 * Voiding (issue 16 point 2, shared/complaints/voiding.ts): a complaint made by mistake keeps its
 * number (seed 000 L67, the incoming number given at registration) but no term runs for it and no step
 * is taken on it. Dates: received Friday 20 March 2026, before the Nauryz holidays.
 */
import { describe, expect, it } from 'vitest';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import {
  allowedActions,
  applyComplaintAction,
  complaintDeadlineStatus,
  complaintDueDates,
  complaintRoute,
  forwardMissedAfter,
  isForwardMissed,
  nextOpenDue,
  voidingOf,
  type ComplaintWorkflowState,
} from '@shared/complaints';
import type { Voiding } from '@shared/records/envelope';
import { ruleSetInForce, shippedRuleSets } from '@shared/rules';

const cal = createWorkingCalendar([calendarYearSchema.parse(kz2026)]);
const rs = ruleSetInForce(shippedRuleSets, '2026-03-20');
if (!rs.ok) throw new Error('no rule set for 2026');
const route = complaintRoute(rs.value, 'personal-assistant');
const RECEIPT = '2026-03-20';
const VOIDED: Voiding = { at: '2026-03-23T05:00:00.000Z', by: 'Басшы', reason: 'Басқа тұлғаға қате тіркелді' };

function fresh(): ComplaintWorkflowState & { reviewDue: string } {
  const due = complaintDueDates(route, cal, { receiptDate: RECEIPT, registrationDate: RECEIPT, addressee: 'department' });
  if (!due.ok) throw new Error('calendar');
  return {
    status: 'registered',
    reviewer: '',
    forwarded: null,
    decision: null,
    withdrawal: null,
    courtNote: null,
    history: [],
    registrationDate: RECEIPT,
    receiptDate: RECEIPT,
    forwardDue: due.value.forwardDue,
    reviewDue: due.value.reviewDue,
  };
}

describe('voidingOf', () => {
  it('records who, when and the trimmed reason; refuses an empty or a one-word reason and a second voiding', () => {
    expect(voidingOf({}, { reason: `  ${VOIDED.reason} ` }, VOIDED.by, VOIDED.at)).toEqual({ ok: true, value: VOIDED });
    expect(voidingOf({}, { reason: '' }, 'Басшы', VOIDED.at)).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { reason: 'validation.required' } },
    });
    expect(voidingOf({}, { reason: 'қате' }, 'Басшы', VOIDED.at)).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { reason: 'validation.voidReasonShort' } },
    });
    expect(voidingOf({}, { reason: 'x'.repeat(100_000) }, 'Басшы', VOIDED.at)).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { reason: 'validation.tooLong' } },
    });
    expect(voidingOf({ voided: VOIDED }, { reason: 'Басқа себеп жазылды' }, 'Басшы', VOIDED.at)).toEqual({
      ok: false,
      error: { code: 'voided', voided: VOIDED },
    });
  });
});

describe('a voided complaint runs no term', () => {
  it('has no next due date, no missed forwarding and no flag, even long after its terms ran out', () => {
    const open = fresh();
    expect(nextOpenDue(open)).toBe(open.forwardDue);
    expect(isForwardMissed(open, '2026-12-04')).toBe(true);
    const before = complaintDeadlineStatus(route, cal, open, '2026-12-04');
    expect(before.ok && before.value.flag).toBe('overdue');

    const voided = { ...open, voided: VOIDED };
    expect(nextOpenDue(voided)).toBeUndefined();
    expect(forwardMissedAfter(voided)).toBeNull();
    expect(isForwardMissed(voided, '2026-12-04')).toBe(false);
    const after = complaintDeadlineStatus(route, cal, voided, '2026-12-04');
    if (!after.ok) throw new Error('calendar');
    expect(after.value.flag).toBeNull();
    expect(after.value.review).toMatchObject({ due: open.reviewDue, state: 'voided', daysLeft: null, doneOn: '2026-03-23' });
    expect(after.value.forward).toMatchObject({ due: open.forwardDue, state: 'voided', flag: null });
  });

  it('allows no step, and a step tried anyway is refused as voided', () => {
    const voided = { ...fresh(), voided: VOIDED };
    expect(allowedActions(fresh(), route.waiver.kind)).toContain('court-note');
    expect(allowedActions(voided, route.waiver.kind)).toEqual([]);
    const r = applyComplaintAction(voided, { type: 'court-note', date: RECEIPT, text: 'Сотқа жүгінді' }, 'Жанар Омарова', VOIDED.at, {
      waiver: route.waiver.kind,
      satisfactionWindowEnd: null,
    });
    expect(r).toEqual({ ok: false, error: { code: 'voided' } });
  });
});
