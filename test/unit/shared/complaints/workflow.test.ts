/**
 * Complaint workflow against the Kazakh originals (issue 18 points 10-14): seed 000 L75 (forward
 * "үш жұмыс күнінен кешіктірмей және әкімшілік іс"), L77 (full satisfaction "үш жұмыс күні ішінде":
 * "шағымды оған жібермейді"), L83 (court); seed 001 L57-58 ("жібермеуге құқылы"), L61.
 * Dates run across the Nauryz holidays of 2026 (Mon 23 Mar holiday, Tue 24 and Wed 25 Mar moved
 * off the weekend of 21-22 Mar) and across weekends.
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
  satisfactionWindowEnd,
  type ComplaintAction,
  type ComplaintWorkflowState,
  type WorkflowRules,
} from '@shared/complaints';
import type { ForwardWaiverKind } from '@shared/complaints';
import { ruleSetInForce, shippedRuleSets } from '@shared/rules';

const cal = createWorkingCalendar([calendarYearSchema.parse(kz2026)]);
const rs = ruleSetInForce(shippedRuleSets, '2026-03-20');
if (!rs.ok) throw new Error('no rule set for 2026');
const ruleSet = rs.value;
const route458 = complaintRoute(ruleSet, 'personal-assistant');
const routeMsi = complaintRoute(ruleSet, 'msi-placement');

/** Received Friday 20 March 2026, the working day before Nauryz. */
const RECEIPT = '2026-03-20';

function windowEnd(): string {
  const r = satisfactionWindowEnd(route458, cal, RECEIPT);
  if (!r.ok) throw new Error('calendar');
  return r.value;
}

function fresh(): ComplaintWorkflowState {
  const due = complaintDueDates(route458, cal, { receiptDate: RECEIPT, registrationDate: RECEIPT, addressee: 'department' });
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
  };
}

const rulesFor = (waiver: ForwardWaiverKind): WorkflowRules => ({ waiver, satisfactionWindowEnd: windowEnd() });

/** Applies the steps one after the other; throws on a refusal so a test reads as the officer's path. */
function run(steps: ComplaintAction[], waiver: ForwardWaiverKind = 'must-not-forward', start = fresh()) {
  let c = start;
  for (const step of steps) {
    const r = applyComplaintAction(c, step, 'Жанар Омарова', '2026-03-20T10:00:00.000Z', rulesFor(waiver));
    if (!r.ok) throw new Error(`${step.type}: ${JSON.stringify(r.error)}`);
    c = { ...c, ...r.value };
  }
  return { ...c, reviewDue: '2026-04-01' };
}

const status = (c: ReturnType<typeof run>, today: string) => {
  const r = complaintDeadlineStatus(route458, cal, c, today);
  if (!r.ok) throw new Error('calendar');
  return r.value;
};

const partial: ComplaintAction = { type: 'remedy', extent: 'partial', date: '2026-03-26', text: 'Көмекші 1 сәуірден тағайындалды' };
const fullOn = (date: string): ComplaintAction => ({ type: 'remedy', extent: 'full', date, text: 'Талаптар толық орындалды' });
const forwardOn = (date: string): Extract<ComplaintAction, { type: 'forward' }> => ({
  type: 'forward',
  date,
  to: 'Облыстық жұмыспен қамтуды үйлестіру басқармасы',
  caseSent: true,
  caseContents: 'Өтініш, шешім, 12 парақ',
});

describe('the full-satisfaction window across Nauryz (000 L77 "үш жұмыс күні ішінде")', () => {
  it('ends on Mon 30 Mar for a complaint received Fri 20 Mar (23-25 Mar are days off), like the forward term (000 L75)', () => {
    expect(windowEnd()).toBe('2026-03-30');
    expect(fresh().forwardDue).toBe('2026-03-30');
  });
});

describe('point 10: only a FULL remedy within 3 working days waives forwarding (000 L75, L77)', () => {
  it('a partial remedy is the office’s own record, leaves the complaint open and forwarding allowed and due', () => {
    const c = run([partial]);
    expect(c.status).toBe('registered');
    expect(c.decision).toBeNull();
    expect(c.remedies).toEqual([{ extent: 'partial', date: '2026-03-26', text: partial.text, withinWindow: true }]);
    expect(allowedActions(c)).toContain('forward');
    expect(nextOpenDue(c)).toBe('2026-03-30');
    expect(status(c, '2026-03-27').forward).toMatchObject({ state: 'open', daysLeft: 1, flag: 'due-soon' });
    const forwarded = run([partial, forwardOn('2026-03-30')]);
    expect(forwarded.status).toBe('forwarded');
    expect(status(forwarded, '2026-04-10').forward).toMatchObject({ state: 'met', doneOn: '2026-03-30' });
  });

  it('a full remedy on the last day of the window (Mon 30 Mar) closes it without forwarding; forwarding is refused', () => {
    const c = run([fullOn('2026-03-30')]);
    expect(c.status).toBe('remedied');
    expect(c.decision).toBeNull();
    expect(nextOpenDue(c)).toBeUndefined();
    expect(allowedActions(c)).toEqual(['court-note']);
    expect(status(c, '2026-04-10').forward).toMatchObject({ state: 'waived', doneOn: '2026-03-30' });
    expect(status(c, '2026-04-10').review).toMatchObject({ state: 'met', doneOn: '2026-03-30' });
    expect(isForwardMissed(c, '2026-04-10')).toBe(false);
    const forward = applyComplaintAction({ ...c, status: 'under-review' }, forwardOn('2026-03-31'), 'x', 'y', rulesFor('must-not-forward'));
    expect(forward).toEqual({ ok: false, error: { code: 'forward-waived' } });
  });

  it('a full remedy the working day after the window (Tue 31 Mar) does not waive it: the complaint stays open, forward overdue', () => {
    const c = run([fullOn('2026-03-31')]);
    expect(c.status).toBe('registered');
    expect(c.remedies?.[0]?.withinWindow).toBe(false);
    expect(allowedActions(c)).toContain('forward');
    expect(nextOpenDue(c)).toBe('2026-03-30');
    expect(status(c, '2026-03-31').forward).toMatchObject({ state: 'open', daysLeft: -1, flag: 'overdue' });
  });

  it('a remedy dated before receipt is refused', () => {
    const r = applyComplaintAction(fresh(), { ...partial, date: '2026-03-19' }, 'x', 'y', rulesFor('must-not-forward'));
    expect(r).toEqual({ ok: false, error: { code: 'invalid', errors: { date: 'validation.dateBeforeRegistration' } } });
  });

  it('without the calendar year the window cannot be judged, so the remedy is refused rather than guessed', () => {
    const r = applyComplaintAction(fresh(), partial, 'x', 'y', { waiver: 'must-not-forward', satisfactionWindowEnd: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid', errors: { date: 'complaints.validation.calendarMissing' } } });
  });
});

describe('point 11: a missed forwarding stays visible (000 L75 "үш жұмыс күнінен кешіктірмей")', () => {
  it('open and not forwarded: missed from the working day after the term, not before', () => {
    const c = run([]);
    expect(forwardMissedAfter(c)).toBe('2026-03-30');
    expect(isForwardMissed(c, '2026-03-30')).toBe(false);
    expect(isForwardMissed(c, '2026-03-31')).toBe(true);
  });

  it('forwarded late stays missed whatever the date', () => {
    const c = run([forwardOn('2026-03-31')]);
    expect(status(c, '2026-04-20').forward).toMatchObject({ state: 'late', doneOn: '2026-03-31' });
    expect(isForwardMissed(c, '2026-03-31')).toBe(true);
    expect(isForwardMissed(c, '2026-12-31')).toBe(true);
  });

  it('a full remedy after the window and then a withdrawal do not erase the breach', () => {
    const c = run([fullOn('2026-03-31'), { type: 'withdraw', date: '2026-04-01', reason: 'Талаптары орындалды' }]);
    expect(c.status).toBe('withdrawn');
    expect(status(c, '2026-04-20').forward).toMatchObject({ state: 'missed', doneOn: '2026-04-01' });
    expect(isForwardMissed(c, '2026-04-20')).toBe(true);
    expect(nextOpenDue(c)).toBeUndefined();
  });

  it('a withdrawal within the term ends the duty without a breach (Thu 26 Mar)', () => {
    const c = run([{ type: 'withdraw', date: '2026-03-26', reason: 'Өтініш бойынша' }]);
    expect(status(c, '2026-04-20').forward).toMatchObject({ state: 'closed' });
    expect(isForwardMissed(c, '2026-04-20')).toBe(false);
  });

  it('a complaint to the quality-control body has no forward term to miss (000 L81)', () => {
    expect(isForwardMissed({ ...run([]), forwardDue: null }, '2026-12-31')).toBe(false);
  });
});

describe('point 12: forwarding records the administrative case (000 L75 "және әкімшілік іс")', () => {
  it('records that the case was sent and what', () => {
    expect(run([forwardOn('2026-03-27')]).forwarded).toEqual({
      date: '2026-03-27',
      to: 'Облыстық жұмыспен қамтуды үйлестіру басқармасы',
      caseSent: true,
      caseContents: 'Өтініш, шешім, 12 парақ',
    });
  });

  it('a case marked as sent needs its contents; a case not sent is recorded as not sent', () => {
    const empty = applyComplaintAction(fresh(), { ...forwardOn('2026-03-27'), caseContents: ' ' }, 'x', 'y', rulesFor('must-not-forward'));
    expect(empty).toEqual({ ok: false, error: { code: 'invalid', errors: { caseContents: 'validation.required' } } });
    const notSent = run([{ ...forwardOn('2026-03-27'), caseSent: false, caseContents: 'ignored' }]);
    expect(notSent.forwarded).toMatchObject({ caseSent: false, caseContents: '' });
  });

  it('the route cites the clause for the case: 000 L75 for Order 458, 001 L57 for the medical-social rules', () => {
    expect(route458.adminCase).toMatchObject({ seed: '000', lines: 'L75', quoteKk: 'және әкімшілік іс' });
    expect(routeMsi.adminCase).toMatchObject({ seed: '001', lines: 'L57', quoteKk: 'және әкімшілік іс' });
  });
});

describe('point 13: the medical-social rules’ own route (001 L52-61)', () => {
  it('a complaint about the medical-social placement takes the rules’ paragraph 18, not Order 458', () => {
    expect(route458.id).toBe('order458');
    expect(routeMsi.id).toBe('msi-rules');
    expect(routeMsi.citation).toMatchObject({ act: 'msi-rules', seed: '001', lines: 'L52-61', paragraph: '18' });
    expect(routeMsi.addressees.map((a) => [a.kind, a.labelKk, a.citation.lines])).toEqual([
      ['department', 'Көрсетілетін қызметті берушінің басшысы', 'L53'],
      ['state-corporation', 'Мемлекеттік корпорация басшысы', 'L53'],
      ['quality-control-body', expect.stringContaining('уәкілетті органның атына') as unknown, 'L60'],
    ]);
    expect(routeMsi.forward.citation.lines).toBe('L57');
    expect(routeMsi.court).toMatchObject({ seed: '001', lines: 'L61' });
    expect(route458.waiver).toMatchObject({ kind: 'must-not-forward', citation: { seed: '000', lines: 'L77' } });
    expect(routeMsi.waiver).toMatchObject({ kind: 'may-decline', citation: { seed: '001', lines: 'L58' } });
  });

  it('the same terms: forward by Mon 30 Mar, review 5 working days from registration (001 L57, L59)', () => {
    const d = complaintDueDates(routeMsi, cal, { receiptDate: RECEIPT, registrationDate: RECEIPT, addressee: 'department' });
    expect(d.ok && d.value).toMatchObject({ forwardDue: '2026-03-30', reviewDue: '2026-04-01' });
    expect(d.ok && d.value.reviewTerm.citation).toMatchObject({ seed: '001', lines: 'L59' });
  });

  it('after a timely full remedy the provider MAY decline to forward (001 L58): forwarding stays possible and is no breach', () => {
    const c = run([fullOn('2026-03-27')], 'may-decline');
    expect(c.status).toBe('remedied');
    expect(allowedActions(c, 'may-decline')).toEqual(['forward', 'court-note']);
    const forwarded = run([fullOn('2026-03-27'), forwardOn('2026-04-02')], 'may-decline');
    expect(forwarded.status).toBe('forwarded');
    expect(status(forwarded, '2026-04-10').forward?.state).toBe('waived');
    expect(isForwardMissed(forwarded, '2026-04-10')).toBe(false);
  });
});

describe('point 14: a court note at any stage (000 L83), as information that stops no term', () => {
  it('is accepted on a registered complaint and leaves its status and terms running', () => {
    const c = run([{ type: 'court-note', date: '2026-03-24', text: 'Аудандық сотқа талап арыз берді' }]);
    expect(c.status).toBe('registered');
    expect(c.courtNote).toEqual({ date: '2026-03-24', text: 'Аудандық сотқа талап арыз берді' });
    expect(nextOpenDue(c)).toBe('2026-03-30');
    expect(status(c, '2026-03-27').forward).toMatchObject({ state: 'open', daysLeft: 1 });
    expect(c.history).toEqual([
      {
        from: 'registered',
        to: 'registered',
        at: '2026-03-20T10:00:00.000Z',
        by: 'Жанар Омарова',
        note: 'Аудандық сотқа талап арыз берді',
      },
    ]);
  });

  it('is offered in every status, withdrawn and remedied included', () => {
    for (const s of ['registered', 'under-review', 'forwarded', 'remedied', 'decided', 'withdrawn'] as const)
      expect(allowedActions({ status: s, forwardDue: '2026-03-30' })).toContain('court-note');
    const withdrawn = run([
      { type: 'withdraw', date: '2026-03-26', reason: 'Сотқа жүгінді' },
      { type: 'court-note', date: '2026-03-27', text: 'Сот ісі' },
    ]);
    expect(withdrawn.courtNote?.date).toBe('2026-03-27');
  });
});

describe('the rest of the workflow', () => {
  it('moves registered → under review → forwarded → decided, recording who and when', () => {
    const c = run([
      { type: 'start-review', reviewer: 'Асқар Бекұлы' },
      forwardOn('2026-03-26'),
      { type: 'decide', outcome: 'partly-satisfied', text: 'Ішінара', date: '2026-04-01', notifiedBy: 'letter', notifiedOn: '2026-04-01' },
    ]);
    expect(c.status).toBe('decided');
    expect(c.history.map((h) => [h.from, h.to])).toEqual([
      ['registered', 'under-review'],
      ['under-review', 'forwarded'],
      ['forwarded', 'decided'],
    ]);
  });

  it('refuses transitions that are not allowed, and forwarding a complaint to the quality-control body', () => {
    const decided: ComplaintWorkflowState = { ...fresh(), status: 'decided' };
    expect(applyComplaintAction(decided, { type: 'start-review', reviewer: 'X Y' }, 'x', 'y', rulesFor('must-not-forward'))).toEqual({
      ok: false,
      error: { code: 'not-allowed', status: 'decided', action: 'start-review' },
    });
    const qc = { ...fresh(), forwardDue: null };
    expect(applyComplaintAction(qc, forwardOn('2026-03-26'), 'x', 'y', rulesFor('must-not-forward'))).toEqual({
      ok: false,
      error: { code: 'not-forwardable' },
    });
    expect(allowedActions(qc)).toEqual(['start-review', 'remedy', 'decide', 'withdraw', 'court-note']);
  });

  it('validates decision fields and dates', () => {
    const decide = (over: Partial<Extract<ComplaintAction, { type: 'decide' }>>) =>
      applyComplaintAction(
        fresh(),
        { type: 'decide', outcome: 'rejected', text: 'Жоқ', date: '2026-03-26', notifiedBy: 'sms', notifiedOn: '2026-03-26', ...over },
        'x',
        'y',
        rulesFor('must-not-forward'),
      );
    expect(decide({ text: ' ' })).toEqual({ ok: false, error: { code: 'invalid', errors: { text: 'validation.required' } } });
    expect(decide({ date: '2026-03-19', notifiedOn: '2026-03-19' })).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { date: 'validation.dateBeforeRegistration' } },
    });
    expect(decide({ notifiedOn: '2026-03-20' })).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { notifiedOn: 'validation.notifiedBeforeDecision' } },
    });
  });
});
