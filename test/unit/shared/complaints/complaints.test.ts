import { describe, expect, it } from 'vitest';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { ruleSetInForce, shippedRuleSets } from '@shared/rules';
import { complaintDeadlineStatus, complaintDueDates, complaintRegistrationInput, nextOpenDue } from '@shared/complaints/index';

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

  it('reads a legacy decision "satisfied" within 3 working days as waiving the forward (000 L77)', () => {
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
    // A record stored before remedies existed, "satisfied" after the window and never forwarded: the
    // forwarding term was missed (000 L75, L77), and that stays visible.
    const afterWindow = satisfied('2026-02-11');
    expect(afterWindow.ok && afterWindow.value.forward?.state).toBe('missed');
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
