import { describe, expect, it } from 'vitest';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { ruleSetInForce, shippedRuleSets } from '@shared/rules';
import {
  allowedActions,
  applyComplaintAction,
  complaintDeadlineStatus,
  complaintDueDates,
  complaintRegistrationInput,
  nextOpenDue,
  type ComplaintWorkflowState,
} from '@shared/complaints/index';

const cal = createWorkingCalendar([calendarYearSchema.parse(kz2026)]);
const rs = ruleSetInForce(shippedRuleSets, '2026-03-20');
if (!rs.ok) throw new Error('no rule set for 2026');
const rules = rs.value.complaints;

function due(receiptDate: string, registrationDate: string, addressee: 'department' | 'state-corporation' | 'quality-control-body') {
  const r = complaintDueDates(rules, cal, { receiptDate, registrationDate, addressee });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

type Progress = Parameters<typeof complaintDeadlineStatus>[2];
const progress = (over: Partial<Progress> = {}): Progress => ({
  receiptDate: '2026-02-05',
  forwardDue: '2026-02-10',
  reviewDue: '2026-02-12',
  status: 'registered',
  forwarded: null,
  decision: null,
  ...over,
});

describe('complaint due dates (000 L75-81)', () => {
  it('forward within 3 working days of receipt, across a weekend', () => {
    // Thu 5 Feb 2026: Fri 6 (1), Sat-Sun skipped, Mon 9 (2), Tue 10 (3).
    const d = due('2026-02-05', '2026-02-05', 'department');
    expect(d.forwardDue).toBe('2026-02-10');
    expect(d.forwardTerm?.workingDays).toBe(3);
    expect(d.forwardTerm?.citation.lines).toBe('L75');
    expect(d.forwardTerm?.anchor).toBe('complaint-receipt');
  });

  it('review within 5 working days of registration for the department and the State Corporation', () => {
    // Thu 5 Feb: Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.
    expect(due('2026-02-05', '2026-02-05', 'department').reviewDue).toBe('2026-02-12');
    const sc = due('2026-02-04', '2026-02-05', 'state-corporation');
    expect(sc.reviewDue).toBe('2026-02-12');
    expect(sc.forwardDue).toBe('2026-02-09');
    expect(sc.reviewTerm.workingDays).toBe(5);
    expect(sc.reviewTerm.citation.lines).toBe('L79');
  });

  it('review within 15 working days for the quality-control body, which has nothing to forward', () => {
    const d = due('2026-02-05', '2026-02-05', 'quality-control-body');
    expect(d.forwardDue).toBeNull();
    expect(d.reviewTerm.workingDays).toBe(15);
    expect(d.reviewTerm.citation.lines).toBe('L81');
    // 15 working days after Thu 5 Feb: Feb 6,9-13,16-20,23-26 → Thu 26 Feb.
    expect(d.reviewDue).toBe('2026-02-26');
  });

  it('skips Nauryz and the days moved off the weekend (21-22 Mar 2026 fall on Sat-Sun)', () => {
    // Received Fri 20 Mar 2026. Off: Mon 23 (Nauryz), Tue 24 and Wed 25 (21 and 22 moved).
    const d = due('2026-03-20', '2026-03-20', 'department');
    expect(d.forwardDue).toBe('2026-03-30'); // Thu 26, Fri 27, Mon 30
    expect(d.reviewDue).toBe('2026-04-01'); // 26, 27, 30, 31 Mar, 1 Apr
  });

  it('a calendar year that is missing is an error, not a guess', () => {
    const r = complaintDueDates(rules, cal, { receiptDate: '2027-12-30', registrationDate: '2027-12-30', addressee: 'department' });
    expect(r).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2027 } });
  });
});

describe('deadline status and flags', () => {
  it('counts working days left and flags due soon (≤1) and overdue', () => {
    const on = (today: string) => {
      const r = complaintDeadlineStatus(rules, cal, progress(), today);
      if (!r.ok) throw new Error('calendar');
      return r.value;
    };
    expect(on('2026-02-06').forward).toMatchObject({ state: 'open', daysLeft: 2, flag: null });
    expect(on('2026-02-09').forward).toMatchObject({ daysLeft: 1, flag: 'due-soon' });
    expect(on('2026-02-10').forward).toMatchObject({ daysLeft: 0, flag: 'due-soon' });
    expect(on('2026-02-11').forward).toMatchObject({ daysLeft: -1, flag: 'overdue' });
    expect(on('2026-02-11').review).toMatchObject({ daysLeft: 1, flag: 'due-soon' });
    expect(on('2026-02-11').flag).toBe('overdue');
    expect(on('2026-02-06').flag).toBe(null);
  });

  it('stops the forward clock when the demands are fully satisfied within 3 working days', () => {
    const satisfied = (date: string) =>
      complaintDeadlineStatus(
        rules,
        cal,
        progress({
          status: 'decided',
          decision: { outcome: 'satisfied', text: 'Қанағаттандырылды', date, notifiedBy: 'sms', notifiedOn: date },
        }),
        '2026-03-02',
      );
    const inWindow = satisfied('2026-02-10');
    expect(inWindow.ok && inWindow.value.forward?.state).toBe('waived');
    expect(inWindow.ok && inWindow.value.review).toMatchObject({ state: 'met', doneOn: '2026-02-10' });
    const afterWindow = satisfied('2026-02-11');
    expect(afterWindow.ok && afterWindow.value.forward?.state).toBe('closed');
    expect(afterWindow.ok && afterWindow.value.flag).toBe(null);
  });

  it('records forwarding and a decision as met or late', () => {
    const r = complaintDeadlineStatus(
      rules,
      cal,
      progress({
        status: 'decided',
        forwarded: { date: '2026-02-11', to: 'Жоғары тұрған орган' },
        decision: { outcome: 'rejected', text: 'Негізсіз', date: '2026-02-12', notifiedBy: 'letter', notifiedOn: '2026-02-13' },
      }),
      '2026-03-02',
    );
    expect(r.ok && r.value.forward).toMatchObject({ state: 'late', doneOn: '2026-02-11' });
    expect(r.ok && r.value.review).toMatchObject({ state: 'met', doneOn: '2026-02-12' });
  });

  it('indexes the earliest open due date only while the complaint is live', () => {
    expect(nextOpenDue(progress())).toBe('2026-02-10');
    expect(nextOpenDue(progress({ forwarded: { date: '2026-02-09', to: 'x' }, status: 'forwarded' }))).toBe('2026-02-12');
    expect(nextOpenDue(progress({ status: 'withdrawn' }))).toBeUndefined();
  });
});

describe('workflow', () => {
  const base: ComplaintWorkflowState = {
    status: 'registered',
    reviewer: '',
    forwarded: null,
    decision: null,
    withdrawal: null,
    courtNote: null,
    history: [],
    registrationDate: '2026-02-05',
    receiptDate: '2026-02-05',
    forwardDue: '2026-02-10',
  };
  const step = (c: ComplaintWorkflowState, action: Parameters<typeof applyComplaintAction>[1]) =>
    applyComplaintAction(c, action, 'Жанар Омарова', '2026-02-06T10:00:00.000Z');

  it('moves registered → under review → forwarded → decided, recording who and when', () => {
    const r1 = step(base, { type: 'start-review', reviewer: 'Асқар Бекұлы' });
    if (!r1.ok) throw new Error('start-review');
    const c1 = { ...base, ...r1.value };
    const r2 = step(c1, { type: 'forward', date: '2026-02-09', to: 'Облыстық басқарма' });
    if (!r2.ok) throw new Error('forward');
    const c2 = { ...c1, ...r2.value };
    const r3 = step(c2, {
      type: 'decide',
      outcome: 'partly-satisfied',
      text: 'Ішінара',
      date: '2026-02-12',
      notifiedBy: 'letter',
      notifiedOn: '2026-02-12',
    });
    if (!r3.ok) throw new Error('decide');
    expect(r3.value.status).toBe('decided');
    expect(r3.value.history.map((h) => [h.from, h.to, h.by])).toEqual([
      ['registered', 'under-review', 'Жанар Омарова'],
      ['under-review', 'forwarded', 'Жанар Омарова'],
      ['forwarded', 'decided', 'Жанар Омарова'],
    ]);
    const r4 = step({ ...c2, ...r3.value }, { type: 'court-note', date: '2026-03-01', text: 'Сотқа жүгінді' });
    expect(r4.ok && r4.value.courtNote).toEqual({ date: '2026-03-01', text: 'Сотқа жүгінді' });
  });

  it('refuses transitions that are not allowed', () => {
    const decided: ComplaintWorkflowState = { ...base, status: 'decided' };
    expect(step(decided, { type: 'start-review', reviewer: 'X Y' })).toEqual({
      ok: false,
      error: { code: 'not-allowed', status: 'decided', action: 'start-review' },
    });
    expect(step(decided, { type: 'withdraw', date: '2026-02-06', reason: 'Өтініш' })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    const withdrawn: ComplaintWorkflowState = { ...base, status: 'withdrawn' };
    expect(step(withdrawn, { type: 'court-note', date: '2026-02-06', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed' },
    });
    const forwarded: ComplaintWorkflowState = { ...base, status: 'forwarded' };
    expect(step(forwarded, { type: 'forward', date: '2026-02-06', to: 'x' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(step(base, { type: 'court-note', date: '2026-02-06', text: 'x' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('refuses forwarding a complaint addressed to the quality-control body', () => {
    const qc = { ...base, forwardDue: null };
    expect(step(qc, { type: 'forward', date: '2026-02-06', to: 'x' })).toEqual({ ok: false, error: { code: 'not-forwardable' } });
    expect(allowedActions(qc)).toEqual(['start-review', 'decide', 'withdraw']);
  });

  it('validates decision fields and dates', () => {
    expect(
      step(base, { type: 'decide', outcome: 'rejected', text: ' ', date: '2026-02-04', notifiedBy: 'sms', notifiedOn: '2026-02-04' }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { text: 'validation.required' } },
    });
    expect(
      step(base, { type: 'decide', outcome: 'rejected', text: 'Жоқ', date: '2026-02-04', notifiedBy: 'sms', notifiedOn: '2026-02-04' }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { date: 'validation.dateBeforeRegistration' } },
    });
    expect(
      step(base, { type: 'decide', outcome: 'rejected', text: 'Жоқ', date: '2026-02-06', notifiedBy: 'sms', notifiedOn: '2026-02-05' }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { notifiedOn: 'validation.notifiedBeforeDecision' } },
    });
  });
});

describe('registration input', () => {
  const good = {
    receiptDate: '2026-02-05',
    registrationDate: '2026-02-05',
    channel: 'post',
    addressee: 'department',
    personId: 'p1',
    caseId: null,
    representative: null,
    serviceId: 'personal-assistant',
    contested: 'inaction',
    contestedRef: '',
    official: '',
    text: 'Жеке көмекші қызметі бір ай бойы көрсетілмеді.',
    demands: 'Қызметті қалпына келтіру',
    acceptedBy: 'Жанар Омарова',
    answerPlace: 'Арал ауданы, Абай к-сі 10, 5-кабинет',
  } as const;

  it('accepts a complete form', () => {
    expect(complaintRegistrationInput.safeParse(good).success).toBe(true);
  });

  it('reports each problem as an i18n key', () => {
    const r = complaintRegistrationInput.safeParse({
      ...good,
      registrationDate: '2026-02-04',
      personId: '',
      text: 'қысқа',
      representative: { fullName: 'Нұрлан', iin: '921103405677', powerOfAttorney: '' },
    });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages).toMatchObject({
      personId: 'validation.complainant',
      text: 'validation.required',
      'representative.iin': 'validation.iin.checksum',
      'representative.powerOfAttorney': 'validation.required',
    });
  });

  it('refuses registration before receipt', () => {
    const r = complaintRegistrationInput.safeParse({ ...good, registrationDate: '2026-02-04' });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['validation.registrationBeforeReceipt']);
  });
});
