import { describe, expect, it } from 'vitest';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import kz2027 from '../../../../resources/calendar/kz-2027.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { ruleSetCarryOver2023, serviceRule, type ServiceRule } from '@shared/rules';
import {
  checkDecision,
  emptyFacts,
  hearingSchedule,
  serviceTermEnd,
  stepDates,
  type HearingFacts,
  type HearingSchedule,
  type ScheduleWarning,
} from '@shared/hearings/terms';

// 2026: Nauryz 21-23 March with the days off moved to Tue 24 and Wed 25; 1 May (Fri), 7 May (Thu),
// 9 May (Sat) moved to Mon 11 May; Fri 8 May is a working day in the shipped table.
const cal = createWorkingCalendar([calendarYearSchema.parse(kz2026), calendarYearSchema.parse(kz2027)]);

function service(id: string): ServiceRule {
  const s = serviceRule(ruleSetCarryOver2023, id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
}

function schedule(id: string, facts: Partial<HearingFacts> & { registrationDate: string }): HearingSchedule {
  const r = hearingSchedule(service(id), cal, { ...emptyFacts(facts.registrationDate), ...facts });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const codes = (s: HearingSchedule): string[] => s.warnings.map((w) => w.code);
const warning = <C extends ScheduleWarning['code']>(s: HearingSchedule, code: C) =>
  s.warnings.find((w): w is Extract<ScheduleWarning, { code: C }> => w.code === code);

describe('service term variant (Order 458 rehabilitation services)', () => {
  const base = { registrationDate: '2026-03-12', preliminaryDate: '2026-03-19' };

  it('counts the 10-working-day term across Nauryz and cites the service standard', () => {
    const end = serviceTermEnd(service('personal-assistant'), cal, '2026-03-12');
    // Fri 13, 16-20 (5 days), Nauryz days off 23-25, Thu 26, Fri 27, Mon 30, Tue 31.
    expect(end.ok && end.value?.date).toBe('2026-03-31');
    expect(end.ok && end.value?.term.citation).toMatchObject({ act: 'order458', seed: '000', lines: 'L746', row: '3' });
  });

  it('latest notice is 3 working days before the term end, counted back over Nauryz', () => {
    const s = schedule('personal-assistant', base);
    expect(s.variant).toBe('service-term');
    expect(s.latestNotice?.date).toBe('2026-03-26');
    expect(s.latestNotice?.term.citation).toMatchObject({
      seed: '000',
      lines: 'L49',
      paragraph: '9',
      quoteKk: 'кемінде 3 жұмыс күні бұрын',
    });
    // Projected: if the notice goes out on the last permitted day the hearing is due by Mon 30.
    expect(s.hearingWindow?.closes).toMatchObject({ date: '2026-03-30', from: '2026-03-26', projected: true });
    expect(s.latestDecision?.date).toBe('2026-03-31');
    expect(s.objectionWindow).toBeNull();
    expect(s.remarksWindow).toBeNull();
  });

  it('each service cites its own copy of the hearing paragraph', () => {
    const s = schedule('sign-language', base);
    expect(s.latestNotice?.term.citation).toMatchObject({ lines: 'L143', paragraph: '23' });
    expect(schedule('wheelchair', base).latestNotice?.term.citation).toMatchObject({ lines: 'L603', paragraph: '11' });
  });

  it('the hearing window of a notice sent before Nauryz closes after it; a later hearing is flagged', () => {
    const s = schedule('personal-assistant', { ...base, noticeDate: '2026-03-20', hearingDate: '2026-03-30' });
    expect(s.hearingWindow?.opens).toBe('2026-03-20');
    expect(s.hearingWindow?.closes).toMatchObject({ date: '2026-03-27', from: '2026-03-20', projected: false });
    expect(s.hearingWindow?.closes.term.citation).toMatchObject({ lines: 'L49', quoteKk: '2 жұмыс күнінен кешіктірмей' });
    expect(warning(s, 'hearing-after-window')).toMatchObject({ date: '2026-03-30', latest: '2026-03-27' });
  });

  it('a notice after the latest allowed date and a hearing before the notice are flagged', () => {
    const s = schedule('sanatorium', { ...base, noticeDate: '2026-03-27', hearingDate: '2026-03-26' });
    expect(warning(s, 'notice-after-latest')).toMatchObject({ date: '2026-03-27', latest: '2026-03-26' });
    expect(warning(s, 'notice-after-latest')?.citation).toMatchObject({ lines: 'L261' });
    expect(warning(s, 'hearing-before-notice')).toMatchObject({ date: '2026-03-26', notice: '2026-03-27' });
  });

  it('planned dates on a day off are flagged', () => {
    const s = schedule('personal-assistant', { ...base, noticeDate: '2026-03-24', hearingDate: '2026-03-25' });
    expect(s.warnings.filter((w) => w.code === 'not-working-day')).toEqual([
      { code: 'not-working-day', what: 'notice', date: '2026-03-24' },
      { code: 'not-working-day', what: 'hearing', date: '2026-03-25' },
    ]);
  });

  it('a refusal is not recorded before the hearing; a grant may be', () => {
    const s = schedule('personal-assistant', { ...base, noticeDate: '2026-03-20', hearingDate: '2026-03-26' });
    expect(s.earliestDecision).toMatchObject({ notBefore: '2026-03-26', blockers: [] });
    expect(s.earliestDecision.binding?.basis).toBe('hearing-date');
    expect(checkDecision(s, 'refused', '2026-03-20').early).toBe(true);
    expect(checkDecision(s, 'refused', '2026-03-26')).toMatchObject({ early: false, late: false });
    expect(checkDecision(s, 'granted', '2026-03-20').early).toBe(false);
    expect(checkDecision(s, 'refused', '2026-04-01').late).toBe(true);
  });

  it('after a disagreement, without a notice every refusal is early, and a decision after the term end is flagged', () => {
    const s = schedule('personal-assistant', { ...base, disagreementDate: '2026-03-19', decisionDate: '2026-04-01' });
    expect(s.earliestDecision.blockers).toEqual(['notice-not-sent']);
    expect(checkDecision(s, 'refused', '2026-03-31').early).toBe(true);
    expect(warning(s, 'decision-after-term-end')).toMatchObject({ date: '2026-04-01', termEnd: '2026-03-31' });
    expect(warning(s, 'decision-after-term-end')?.citation).toMatchObject({ lines: 'L746' });
  });

  it('a refusal without a preliminary decision is early (no hearing was offered)', () => {
    const s = schedule('personal-assistant', { registrationDate: '2026-03-12' });
    expect(s.earliestDecision.blockers).toContain('no-preliminary');
    expect(checkDecision(s, 'refused', '2026-03-31').early).toBe(true);
    expect(checkDecision(s, 'granted', '2026-03-31').early).toBe(false);
  });

  it('a notice set but no hearing yet: the decision waits for the hearing window', () => {
    const s = schedule('personal-assistant', { ...base, noticeDate: '2026-03-20' });
    expect(s.earliestDecision).toMatchObject({ notBefore: '2026-03-27', blockers: ['hearing-not-scheduled'] });
  });

  it('the proactive channel runs on the proactive term', () => {
    const end = serviceTermEnd(service('technical-aids'), cal, '2026-03-12', 'proactive');
    expect(end.ok && end.value?.term.citation.quoteKk).toBe('келісім түскен күннен бастап 10 (он) жұмыс күні');
    expect(end.ok && end.value?.date).toBe('2026-03-31');
  });
});

describe('service term variant (medical-social placement, 17 working days)', () => {
  it('counts 17 working days across 9 March and Nauryz and cites para 5', () => {
    const s = schedule('msi-placement', { registrationDate: '2026-03-02', preliminaryDate: '2026-03-20' });
    expect(s.termEnd?.date).toBe('2026-03-31');
    expect(s.termEnd?.term.citation).toMatchObject({ act: 'msi-rules', seed: '001', lines: 'L19', paragraph: '5' });
    expect(s.latestNotice?.date).toBe('2026-03-26');
    expect(s.latestNotice?.term.citation).toMatchObject({ lines: 'L50', paragraph: '17' });
  });

  it('the outcome is given on the results of the hearing (para 17, L51)', () => {
    const s = schedule('msi-placement', {
      registrationDate: '2026-03-02',
      preliminaryDate: '2026-03-20',
      noticeDate: '2026-03-26',
      hearingDate: '2026-03-27',
    });
    expect(s.earliestDecision.binding).toMatchObject({ basis: 'hearing-date', date: '2026-03-27', citation: { lines: 'L51' } });
    expect(s.warnings).toEqual([]);
  });

  it('internal steps 10 / 3 / 2 run from their own events and need not fill the 17 days', () => {
    const msi = service('msi-placement');
    const projected = stepDates(msi, cal, { registrationDate: '2026-03-02', stepsDone: {}, decisionDate: null });
    if (!projected.ok) throw new Error('calendar');
    expect(projected.value.map((s) => [s.step.id, s.due?.date, s.due?.projected])).toEqual([
      ['needs-assessment', '2026-03-17', false],
      ['decision', '2026-03-20', true],
      ['portal-notice', '2026-03-27', true],
    ]);
    const recorded = stepDates(msi, cal, {
      registrationDate: '2026-03-02',
      stepsDone: { 'needs-assessment': '2026-03-19', decision: '2026-03-30' },
      decisionDate: null,
    });
    if (!recorded.ok) throw new Error('calendar');
    // Assessment done Thu 19 → decision due Fri 20, Thu 26, Fri 27; done Mon 30 → late.
    expect(recorded.value[1]).toMatchObject({ due: { date: '2026-03-27', projected: false }, done: '2026-03-30', late: true });
    expect(recorded.value[0]).toMatchObject({ late: true });
    expect(recorded.value[2]?.due?.date).toBe('2026-04-01');
    const sum = msi.steps.reduce((n, s) => n + s.term.workingDays, 0);
    expect(sum).toBe(15);
    expect(msi.term?.workingDays).toBe(17);
  });
});

describe('decision date variant (social assistance, order amending Order 84 para 15)', () => {
  const base = { registrationDate: '2026-04-20', preliminaryDate: '2026-04-30', plannedDecisionDate: '2026-05-12' };

  it('has no overall term: the notice counts back from the officer’s decision date across the May holidays', () => {
    const s = schedule('social-assistance', base);
    expect(s.variant).toBe('decision-date');
    expect(s.termEnd).toBeNull();
    expect(s.decisionAnchor).toBe('2026-05-12');
    // Back from Tue 12: Mon 11 is a day off, Fri 8 (1), Thu 7 holiday, Wed 6 (2), Tue 5 (3).
    expect(s.latestNotice?.date).toBe('2026-05-05');
    expect(s.latestNotice?.term.citation).toMatchObject({ act: 'order84-amend', seed: '004', lines: 'L38', paragraph: '15' });
  });

  it('without a decision date nothing can be counted and the decision is blocked', () => {
    const s = schedule('social-assistance', { registrationDate: '2026-04-20', preliminaryDate: '2026-04-30' });
    expect(s.latestNotice).toBeNull();
    expect(s.earliestDecision.blockers).toContain('decision-date-missing');
  });

  it('objection window: 2 working days from receipt, skipping 7 May', () => {
    const s = schedule('social-assistance', { ...base, noticeDate: '2026-05-04', noticeReceivedDate: '2026-05-05' });
    expect(s.objectionWindow?.opens).toBe('2026-05-05');
    expect(s.objectionWindow?.closes).toMatchObject({ date: '2026-05-08', from: '2026-05-05', projected: false });
    expect(s.objectionWindow?.closes.term.citation).toMatchObject({ lines: 'L43' });
    expect(s.objectionWindow?.closes.term.note?.ru).toContain('предварительного решения');
  });

  it('the remarks window runs 3 working days from reading the minutes, past 11 May', () => {
    const s = schedule('social-assistance', {
      ...base,
      noticeDate: '2026-05-05',
      hearingDate: '2026-05-06',
      objection: { kind: 'oral', date: '2026-05-06' },
      minutesKept: true,
      familiarisationDate: '2026-05-08',
    });
    expect(s.minutesRequired).toBe(true);
    expect(s.remarksWindow?.opens).toBe('2026-05-08');
    expect(s.remarksWindow?.closes).toMatchObject({ date: '2026-05-14', projected: false });
    expect(s.remarksWindow?.closes.term.citation).toMatchObject({ lines: 'L46', quoteKk: 'танысқаннан кейін үш жұмыс күні ішінде' });
  });

  it('flags, never hides, a remarks window that runs past the decision date', () => {
    const s = schedule('social-assistance', {
      ...base,
      noticeDate: '2026-05-05',
      hearingDate: '2026-05-06',
      objection: { kind: 'oral', date: '2026-05-06' },
      minutesKept: true,
      familiarisationDate: '2026-05-08',
    });
    expect(warning(s, 'remarks-window-past-decision')).toMatchObject({
      code: 'remarks-window-past-decision',
      closes: '2026-05-14',
      decision: '2026-05-12',
      potential: false,
      citation: { lines: 'L46' },
    });
    // The window closes at the end of Thu 14 (004 L46-47): the earliest decision is Fri 15, so the planned date is early too.
    expect(s.earliestDecision).toMatchObject({ notBefore: '2026-05-15', binding: { basis: 'remarks-window' } });
    expect(warning(s, 'decision-before-earliest')).toMatchObject({ date: '2026-05-12', earliest: '2026-05-15' });
    expect(checkDecision(s, 'refused', '2026-05-12').early).toBe(true);
    expect(checkDecision(s, 'refused', '2026-05-14').early).toBe(true);
    expect(checkDecision(s, 'refused', '2026-05-15').early).toBe(false);
  });

  it('flags the conflict already while planning, as a potential one', () => {
    // Notice on the last permitted day, objection window to Fri 8, minutes read that day: remarks to Thu 14.
    const s = schedule('social-assistance', base);
    expect(s.objectionWindow?.closes).toMatchObject({ date: '2026-05-08', projected: true });
    expect(warning(s, 'remarks-window-past-decision')).toMatchObject({ closes: '2026-05-14', decision: '2026-05-12', potential: true });
  });

  it('remarks received end the wait; no conflict is reported then', () => {
    const s = schedule('social-assistance', {
      ...base,
      noticeDate: '2026-05-05',
      hearingDate: '2026-05-06',
      objection: { kind: 'oral', date: '2026-05-06' },
      minutesKept: true,
      familiarisationDate: '2026-05-06',
      remarksDates: ['2026-05-08'],
    });
    expect(codes(s)).not.toContain('remarks-window-past-decision');
    // Notice Tue 5 + 3 working days = Tue 12 (Wed 6, Fri 8, Tue 12).
    expect(s.earliestDecision.bounds.map((b) => [b.basis, b.date])).toEqual([
      ['notice-period', '2026-05-12'],
      ['objection-received', '2026-05-06'],
      ['remarks-received', '2026-05-08'],
    ]);
    expect(s.earliestDecision.notBefore).toBe('2026-05-12');
    expect(checkDecision(s, 'refused', '2026-05-12').early).toBe(false);
  });

  it('an oral objection without minutes is flagged and the reading of the minutes blocks the decision', () => {
    const s = schedule('social-assistance', {
      ...base,
      noticeDate: '2026-05-05',
      hearingDate: '2026-05-06',
      objection: { kind: 'oral', date: '2026-05-06' },
    });
    expect(warning(s, 'minutes-required')?.citation).toMatchObject({ lines: 'L44' });
    expect(s.earliestDecision.blockers).toEqual(['familiarisation-pending']);
    expect(checkDecision(s, 'refused', '2026-05-20').early).toBe(true);
  });

  it('a written objection needs no minutes: the notice period and nothing else bind the decision', () => {
    const s = schedule('social-assistance', { ...base, noticeDate: '2026-05-05', objection: { kind: 'written', date: '2026-05-06' } });
    expect(s.minutesRequired).toBe(false);
    expect(s.remarksWindow).toBeNull();
    expect(s.earliestDecision).toMatchObject({ notBefore: '2026-05-12', blockers: [] });
    expect(s.warnings).toEqual([]);
  });

  it('while no objection came, the objection window binds the decision', () => {
    const s = schedule('social-assistance', {
      ...base,
      plannedDecisionDate: '2026-05-08',
      noticeDate: '2026-05-04',
      noticeReceivedDate: '2026-05-06',
      decisionDate: null,
    });
    // Received Wed 6 → Fri 8 (1), Tue 12 (2); the planned decision (Fri 8) is inside the window.
    expect(warning(s, 'objection-window-past-decision')).toMatchObject({ closes: '2026-05-12', decision: '2026-05-08' });
    // The window closes at the end of Tue 12 (004 L43): the decision may follow on Wed 13.
    expect(s.earliestDecision.binding).toMatchObject({ basis: 'objection-window', date: '2026-05-13' });
    expect(warning(s, 'notice-after-latest')).toBeUndefined();
  });

  it('late objection, late remarks, a hearing after the objection window and a late notice are flagged', () => {
    const s = schedule('social-assistance', {
      ...base,
      noticeDate: '2026-05-06',
      hearingDate: '2026-05-12',
      objection: { kind: 'oral', date: '2026-05-12' },
      minutesKept: true,
      familiarisationDate: '2026-05-12',
      remarksDates: ['2026-05-18'],
      decisionDate: '2026-05-19',
    });
    expect(warning(s, 'notice-after-latest')).toMatchObject({ date: '2026-05-06', latest: '2026-05-05' });
    // Received Wed 6 → Fri 8, Tue 12: the window closes Tue 12, so a hearing that day is still inside.
    expect(warning(s, 'hearing-after-objection-window')).toBeUndefined();
    expect(warning(s, 'objection-late')).toBeUndefined();
    // Read Tue 12 → Wed 13, Thu 14, Fri 15: remarks on Mon 18 are late.
    expect(warning(s, 'remarks-late')).toMatchObject({ date: '2026-05-18', latest: '2026-05-15' });
    const later = schedule('social-assistance', {
      ...base,
      noticeDate: '2026-05-05',
      hearingDate: '2026-05-12',
      objection: { kind: 'written', date: '2026-05-12' },
    });
    expect(warning(later, 'hearing-after-objection-window')).toMatchObject({ date: '2026-05-12', latest: '2026-05-08' });
    expect(warning(later, 'objection-late')).toMatchObject({ date: '2026-05-12', latest: '2026-05-08' });
  });

  it('Nauryz: a decision on Fri 27 March needs the notice by Thu 19 March', () => {
    const s = schedule('social-assistance', {
      registrationDate: '2026-03-02',
      preliminaryDate: '2026-03-16',
      plannedDecisionDate: '2026-03-27',
    });
    expect(s.latestNotice?.date).toBe('2026-03-19');
    const planned = schedule('social-assistance', {
      registrationDate: '2026-03-02',
      preliminaryDate: '2026-03-16',
      plannedDecisionDate: '2026-03-24',
    });
    expect(planned.warnings).toContainEqual({ code: 'not-working-day', what: 'planned-decision', date: '2026-03-24' });
  });

  it('social assistance hearing modes are those of the seed (no in-person mode)', () => {
    const rule = service('social-assistance').hearing;
    expect(rule.kind === 'decision-date' && rule.modes.map((m) => m.id)).toEqual([
      'video-or-other-communication',
      'information-systems',
      'other-means',
    ]);
  });
});

describe('calendar coverage', () => {
  it('fails instead of guessing when a date is outside the calendar', () => {
    const r = hearingSchedule(service('personal-assistant'), cal, { ...emptyFacts('2031-03-02'), preliminaryDate: '2031-03-10' });
    expect(r).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2031 } });
  });
});

describe('internal steps of social assistance', () => {
  it('the portal notice is due 1 working day after the decision, projected from the planned date while undecided', () => {
    const sa = service('social-assistance');
    const r = stepDates(sa, cal, { registrationDate: '2026-03-04', stepsDone: {}, decisionDate: null, plannedDecisionDate: '2026-03-20' });
    if (!r.ok) throw new Error('calendar');
    expect(r.value.map((s) => [s.step.id, s.due?.date ?? null, s.due?.projected ?? null])).toEqual([
      ['to-precinct-commission', '2026-03-05', false],
      // Counted from documents coming back from the precinct commission: unknown until recorded.
      ['income-calculation', null, null],
      ['portal-notice', '2026-03-26', true],
    ]);
    expect(r.value[2]?.due?.term.citation).toMatchObject({ lines: 'L51' });
    const decided = stepDates(sa, cal, {
      registrationDate: '2026-03-04',
      stepsDone: {},
      decisionDate: '2026-03-27',
      plannedDecisionDate: '2026-03-20',
    });
    expect(decided.ok && decided.value[2]?.due).toMatchObject({ date: '2026-03-30', projected: false });
  });
});
