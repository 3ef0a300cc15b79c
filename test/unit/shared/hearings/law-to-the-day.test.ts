/**
 * Issue 18 points 1, 2, 3, 5, 6 and 8: the hearing rules to the day, on the shipped 2026 calendar
 * (resources/calendar). 2026: Sat 21 - Wed 25 March off (Nauryz with moved days off); Fri 1 May and
 * Thu 7 May holidays; Mon 11 May off (for Sat 9 May); Fri 8 May a working day.
 */
import { describe, expect, it } from 'vitest';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { applicationFacts, decisionNoticeForm, notificationMethods, type Hearing, type ServiceApplication } from '@shared/hearings';
import {
  checkDecision,
  emptyFacts,
  hearingSchedule,
  windowDecisionBound,
  type HearingFacts,
  type HearingSchedule,
} from '@shared/hearings/terms';
import { createEnvelope } from '@shared/records/envelope';
import { ruleSetCarryOver2023, serviceRule, type ServiceRule } from '@shared/rules';

const cal = createWorkingCalendar([calendarYearSchema.parse(kz2026)]);

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

const bound = (closes: string, received: string | null = null, waived: string | null = null) => {
  const r = windowDecisionBound(cal, closes, received, waived);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const codes = (s: HearingSchedule): string[] => s.warnings.map((w) => w.code);

describe('1. a window closes at the end of its last day (004 L43, L46-47)', () => {
  it('until something is received the decision may come on the next working day, over weekends and holidays', () => {
    // Fri 20 March → Sat-Wed off (weekend and Nauryz) → Thu 26.
    expect(bound('2026-03-20')).toEqual({ date: '2026-03-26', by: 'window-end' });
    // Wed 6 May → Thu 7 May holiday → Fri 8.
    expect(bound('2026-05-06')).toEqual({ date: '2026-05-08', by: 'window-end' });
    // Fri 8 May → Sat, Sun, Mon 11 off → Tue 12.
    expect(bound('2026-05-08')).toEqual({ date: '2026-05-12', by: 'window-end' });
  });

  it('a received objection or remark, or a written waiver, moves it', () => {
    expect(bound('2026-03-20', '2026-03-20')).toEqual({ date: '2026-03-20', by: 'received' });
    expect(bound('2026-03-20', null, '2026-03-19')).toEqual({ date: '2026-03-19', by: 'waived' });
    // Something received late still counts from its day.
    expect(bound('2026-03-20', '2026-03-27')).toEqual({ date: '2026-03-27', by: 'received' });
  });

  const sa = {
    registrationDate: '2026-03-02',
    preliminaryDate: '2026-03-10',
    plannedDecisionDate: '2026-04-10',
    noticeDate: '2026-03-16',
    noticeReceivedDate: '2026-03-19',
  };

  it('objection window (004 L43): received Thu 19 March → closes end of Thu 26 → a refusal on Fri 27 at the earliest', () => {
    const s = schedule('social-assistance', sa);
    expect(s.objectionWindow?.closes.date).toBe('2026-03-26');
    expect(s.earliestDecision.binding).toMatchObject({
      basis: 'objection-window',
      date: '2026-03-27',
      citation: { seed: '004', lines: 'L43' },
    });
    expect(checkDecision(schedule('social-assistance', { ...sa, decisionDate: '2026-03-26' }), 'refused', '2026-03-26').early).toBe(true);
    expect(checkDecision(schedule('social-assistance', { ...sa, decisionDate: '2026-03-27' }), 'refused', '2026-03-27').early).toBe(false);
    // The planned decision on the window's last day is flagged.
    expect(codes(schedule('social-assistance', { ...sa, plannedDecisionDate: '2026-03-26' }))).toContain('objection-window-past-decision');
  });

  it('a written objection filed on the last day moves the bound to that day', () => {
    const s = schedule('social-assistance', { ...sa, objection: { kind: 'written', date: '2026-03-26' } });
    expect(s.earliestDecision.bounds.find((b) => b.basis === 'objection-received')?.date).toBe('2026-03-26');
    expect(s.earliestDecision.notBefore).toBe('2026-03-26');
  });

  it('a written waiver closes the objection window on its day (only the notice period remains)', () => {
    const s = schedule('social-assistance', { ...sa, waiverDate: '2026-03-19' });
    expect(s.earliestDecision.bounds.map((b) => [b.basis, b.date])).toEqual([
      ['notice-period', '2026-03-19'],
      ['waived', '2026-03-19'],
    ]);
    expect(codes(s)).not.toContain('objection-window-past-decision');
  });

  it('remarks window (004 L46-47): read Fri 20 March → 26, 27, Mon 30 → a refusal on Tue 31 at the earliest, unless remarks came', () => {
    const oral = {
      ...sa,
      hearingDate: '2026-03-19',
      hearingStatus: 'held' as const,
      objection: { kind: 'oral' as const, date: '2026-03-19' },
      minutesKept: true,
      familiarisationDate: '2026-03-20',
    };
    const s = schedule('social-assistance', oral);
    expect(s.remarksWindow?.closes.date).toBe('2026-03-30');
    expect(s.earliestDecision.binding).toMatchObject({ basis: 'remarks-window', date: '2026-03-31', citation: { lines: 'L46' } });
    expect(checkDecision(s, 'refused', '2026-03-30').early).toBe(true);
    const remarked = schedule('social-assistance', { ...oral, remarksDates: ['2026-03-30'] });
    expect(remarked.earliestDecision.binding).toMatchObject({ basis: 'remarks-received', date: '2026-03-30', citation: { lines: 'L47' } });
    expect(checkDecision(remarked, 'refused', '2026-03-30').early).toBe(false);
  });
});

describe('2. Order 458: the hearing follows the applicant’s disagreement (000 L47)', () => {
  const base = { registrationDate: '2026-03-12', preliminaryDate: '2026-03-19' };

  it('no disagreement yet: the refusal waits for the end of the time to disagree, with no notice required', () => {
    // Received Thu 19 → Fri 20 (1), Thu 26 (2) over Nauryz; decision from Fri 27.
    const s = schedule('personal-assistant', { ...base, asOf: '2026-03-20' });
    expect(s.hearingNeeded).toBe('pending');
    expect(s.disagreementWindow?.closes).toMatchObject({ date: '2026-03-26', projected: true });
    expect(s.earliestDecision).toMatchObject({ notBefore: '2026-03-27', blockers: [] });
    expect(s.earliestDecision.binding?.basis).toBe('disagreement-window');
    expect(checkDecision(schedule('personal-assistant', { ...base, decisionDate: '2026-03-26' }), 'refused', '2026-03-26').early).toBe(
      true,
    );
  });

  it('the time passed with no disagreement: a refusal needs no hearing and no override reason', () => {
    const s = schedule('personal-assistant', { ...base, decisionDate: '2026-03-27' });
    expect(s.hearingNeeded).toBe('no');
    expect(checkDecision(s, 'refused', '2026-03-27')).toMatchObject({ early: false, late: false });
  });

  it('the applicant said so (waiver): no hearing from that day', () => {
    const s = schedule('personal-assistant', { ...base, waiverDate: '2026-03-20', decisionDate: '2026-03-20' });
    expect(s.hearingNeeded).toBe('no');
    expect(s.earliestDecision.binding).toMatchObject({ basis: 'waived', date: '2026-03-20' });
    expect(checkDecision(s, 'refused', '2026-03-20').early).toBe(false);
  });

  it('the stored disagreement date is read: the hearing is then needed and the notice blocks the refusal', () => {
    const s = schedule('personal-assistant', { ...base, disagreementDate: '2026-03-20', decisionDate: '2026-03-30' });
    expect(s.hearingNeeded).toBe('yes');
    expect(s.earliestDecision.blockers).toEqual(['notice-not-sent']);
    expect(checkDecision(s, 'refused', '2026-03-30').early).toBe(true);
  });

  it('the stored day of receipt moves the time to disagree', () => {
    // Received Fri 20 → Thu 26 (1), Fri 27 (2); decision from Mon 30.
    const s = schedule('personal-assistant', { ...base, preliminaryReceivedDate: '2026-03-20', asOf: '2026-03-20' });
    expect(s.disagreementWindow?.closes).toMatchObject({ date: '2026-03-27', projected: false });
    expect(s.earliestDecision.notBefore).toBe('2026-03-30');
  });

  it('the medical-social rules hold the hearing on the negative decision itself (001 L49)', () => {
    const s = schedule('msi-placement', { registrationDate: '2026-03-02', preliminaryDate: '2026-03-20', decisionDate: '2026-03-31' });
    expect(s.hearingNeeded).toBe('yes');
    expect(s.earliestDecision.blockers).toEqual(['notice-not-sent']);
  });
});

describe('3. no minutes, no remarks window (004 L44, L46)', () => {
  const sa = {
    registrationDate: '2026-03-02',
    preliminaryDate: '2026-03-10',
    plannedDecisionDate: '2026-03-27',
    noticeDate: '2026-03-17',
    hearingDate: '2026-03-19',
  };

  it('while an oral objection is still possible the remarks window is projected and flagged', () => {
    const s = schedule('social-assistance', { ...sa, asOf: '2026-03-18' });
    expect(s.remarksWindow).not.toBeNull();
    expect(codes(s)).toContain('remarks-window-past-decision');
  });

  it('the applicant did not come: no minutes, no remarks window, no warning; the objection window still binds', () => {
    const s = schedule('social-assistance', { ...sa, hearingStatus: 'applicant-absent', asOf: '2026-03-19' });
    expect(s.remarksWindow).toBeNull();
    expect(codes(s)).not.toContain('remarks-window-past-decision');
    // Notice Tue 17, received that day: the window closes at the end of Thu 19, the decision from Fri 20.
    expect(s.earliestDecision.bounds.find((b) => b.basis === 'objection-window')?.date).toBe('2026-03-20');
  });

  it('the objection window closed with nothing received: no remarks window', () => {
    // Notice Tue 17 (received the same day) → Wed 18, Thu 19: closed at the end of Thu 19.
    const s = schedule('social-assistance', { ...sa, asOf: '2026-03-20' });
    expect(s.remarksWindow).toBeNull();
    expect(codes(s)).not.toContain('remarks-window-past-decision');
    expect(s.earliestDecision.blockers).toEqual([]);
  });

  it('the applicant waived: no remarks window', () => {
    const s = schedule('social-assistance', { ...sa, waiverDate: '2026-03-18', asOf: '2026-03-18' });
    expect(s.remarksWindow).toBeNull();
  });

  it('the hearing’s "absent" status reaches the facts', () => {
    const actor = { officeId: 'ARAL01', officerName: 'Жанар Омарова' };
    const now = '2026-03-19T10:00:00.000Z';
    const app: ServiceApplication = {
      ...createEnvelope('00000000-0000-4000-8000-000000000001', actor, now),
      caseId: '00000000-0000-4000-8000-000000000002',
      personId: '00000000-0000-4000-8000-000000000003',
      service: 'social-assistance',
      ruleSetId: ruleSetCarryOver2023.id,
      channel: 'provider',
      registrationDate: '2026-03-02',
      intakeId: null,
      note: '',
      plannedDecisionDate: '2026-03-27',
      stepsDone: {},
      status: 'heard',
      preliminary: { date: '2026-03-10', grounds: 'табыс', disagreementDate: null, receivedOn: '2026-03-11', waiverDate: null },
      notice: { hearingId: '00000000-0000-4000-8000-000000000004', sentOn: '2026-03-17', channel: 'in-person', receivedOn: '2026-03-17' },
      objection: null,
      decision: null,
      notification: null,
      history: [],
    };
    const hearing: Hearing = {
      ...createEnvelope('00000000-0000-4000-8000-000000000004', actor, now),
      caseId: app.caseId,
      applicationId: app.id,
      date: '2026-03-19',
      time: '10:00',
      method: 'video-or-other-communication',
      place: 'WhatsApp',
      participants: '',
      status: 'applicant-absent',
    };
    const facts = applicationFacts(app, [hearing], [], '2026-03-19');
    expect(facts).toMatchObject({ hearingStatus: 'applicant-absent', asOf: '2026-03-19', preliminaryReceivedDate: '2026-03-11' });
    const s = hearingSchedule(service('social-assistance'), cal, facts);
    expect(s.ok && s.value.remarksWindow).toBeNull();
  });
});

describe('5. the result goes back to the State Corporation one day before the term ends (000 L145, 001 L37)', () => {
  it('Order 458: term end Tue 31 March → Mon 30 March, citing each service’s own clause', () => {
    const s = schedule('personal-assistant', { registrationDate: '2026-03-12', channel: 'state-corporation' });
    expect(s.termEnd?.date).toBe('2026-03-31');
    expect(s.handOver?.date).toBe('2026-03-30');
    expect(s.handOver?.term.citation).toMatchObject({ seed: '000', lines: 'L51' });
    expect(s.handOver?.term.citation.quoteKk).toContain('бір тәуліктен кешіктірмей');
    const sign = schedule('sign-language', { registrationDate: '2026-03-12', channel: 'state-corporation' });
    expect(sign.handOver?.term.citation).toMatchObject({ seed: '000', lines: 'L145' });
  });

  it('over the May holidays: term end Tue 12 May → Fri 8 May (Mon 11 off)', () => {
    const s = schedule('wheelchair', { registrationDate: '2026-04-23', channel: 'state-corporation' });
    expect(s.termEnd?.date).toBe('2026-05-12');
    expect(s.handOver?.date).toBe('2026-05-08');
    expect(s.handOver?.term.citation).toMatchObject({ lines: 'L605' });
  });

  it('over a weekend: term end Mon 22 June → Fri 19 June', () => {
    const s = schedule('sanatorium', { registrationDate: '2026-06-08', channel: 'state-corporation' });
    expect(s.termEnd?.date).toBe('2026-06-22');
    expect(s.handOver?.date).toBe('2026-06-19');
  });

  it('medical-social placement: cites para 11 (001 L37), also App. 3 (L208); a decision after it is flagged', () => {
    const s = schedule('msi-placement', { registrationDate: '2026-03-02', channel: 'state-corporation', decisionDate: '2026-03-31' });
    expect(s.handOver).toMatchObject({ date: '2026-03-30', term: { citation: { seed: '001', lines: 'L37' } } });
    expect(s.handOver?.term.alsoIn?.[0]).toMatchObject({ lines: 'L208' });
    expect(s.warnings.find((w) => w.code === 'decision-after-hand-over')).toMatchObject({ date: '2026-03-31', handOver: '2026-03-30' });
  });

  it('only for applications through the State Corporation, and only where there is a term', () => {
    expect(schedule('personal-assistant', { registrationDate: '2026-03-12', channel: 'provider' }).handOver).toBeNull();
    expect(schedule('social-assistance', { registrationDate: '2026-03-12', channel: 'state-corporation' }).handOver).toBeNull();
  });

  it('the rule set carries both readings of "one day" with the chosen one', () => {
    const r = service('personal-assistant').interpretations?.find((i) => i.id === 'state-corp-day');
    expect(r?.readings.map((x) => x.id)).toEqual(['working-day', 'calendar-day']);
    expect(r?.chosen).toBe('working-day');
    expect(r?.citation).toMatchObject({ lines: 'L51' });
  });
});

describe('6. the decision notice follows the decision (004 L48-51)', () => {
  const rule = service('social-assistance').hearing;

  it('grant and refusal use App. 6 and App. 7', () => {
    expect(decisionNoticeForm(rule, 'granted')).toMatchObject({ appendix: '6', citation: { seed: '004', lines: 'L48' } });
    expect(decisionNoticeForm(rule, 'refused')).toMatchObject({ appendix: '7', citation: { seed: '004', lines: 'L48-49' } });
    expect(decisionNoticeForm(service('personal-assistant').hearing, 'refused')).toBeNull();
  });

  it('SMS only with a mobile number registered in the mobile citizens database (L49); paper always (L50); portal for portal applications (L51)', () => {
    expect(notificationMethods(rule, 'provider', false)).toEqual(['paper']);
    expect(notificationMethods(rule, 'provider', true)).toEqual(['sms', 'paper']);
    expect(notificationMethods(rule, 'portal', false)).toEqual(['paper', 'portal']);
    expect(notificationMethods(service('msi-placement').hearing, 'provider', false)).toEqual(['paper', 'sms', 'portal']);
  });
});

describe('8. a hearing on the day of the notice is legal but warned about (000 L49)', () => {
  it('service term variant: a soft warning citing L49; the decision is not blocked by it', () => {
    const s = schedule('personal-assistant', {
      registrationDate: '2026-03-12',
      preliminaryDate: '2026-03-19',
      disagreementDate: '2026-03-19',
      noticeDate: '2026-03-20',
      hearingDate: '2026-03-20',
    });
    expect(s.warnings.find((w) => w.code === 'hearing-on-notice-day')).toMatchObject({ date: '2026-03-20', citation: { lines: 'L49' } });
    expect(codes(s)).not.toContain('hearing-after-window');
    expect(checkDecision(s, 'refused', '2026-03-20').early).toBe(false);
  });

  it('decision date variant too; a hearing the next working day is not flagged', () => {
    const sa = {
      registrationDate: '2026-03-02',
      preliminaryDate: '2026-03-10',
      plannedDecisionDate: '2026-04-10',
      noticeDate: '2026-03-20',
    };
    expect(codes(schedule('social-assistance', { ...sa, hearingDate: '2026-03-20' }))).toContain('hearing-on-notice-day');
    expect(codes(schedule('social-assistance', { ...sa, hearingDate: '2026-03-26' }))).not.toContain('hearing-on-notice-day');
  });
});

describe('readings: every clause read two ways carries both readings and the chosen one', () => {
  it('social assistance: the objection counted from receipt of the preliminary decision; windows end after their last day', () => {
    const ids = service('social-assistance').interpretations?.map((i) => [i.id, i.chosen]);
    expect(ids).toEqual([
      ['objection-from-receipt', 'preliminary-received'],
      ['window-end', 'after-last-day'],
    ]);
  });

  it('Order 458: the time to disagree is ӘРПК Art. 73(3) as quoted in 004 L43', () => {
    const r = service('wheelchair').interpretations?.find((i) => i.id === 'disagreement-time');
    expect(r?.chosen).toBe('code-two-days');
    expect(r?.citation).toMatchObject({ seed: '000', lines: 'L601' });
    const h = service('wheelchair').hearing;
    expect(h.kind === 'service-term' && h.disagreementTerm?.citation).toMatchObject({ seed: '004', lines: 'L43' });
  });
});
