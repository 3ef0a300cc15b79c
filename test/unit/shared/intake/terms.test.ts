import { describe, expect, it } from 'vitest';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { ruleSetCarryOver2023, serviceRule, type ServiceRule } from '@shared/rules';
import { intakeTerms, type TermInput } from '@shared/intake/terms';

const cal = createWorkingCalendar([calendarYearSchema.parse(kz2026)]);
const service = serviceRule(ruleSetCarryOver2023, 'msi-placement') as ServiceRule;
const NO_PROGRESS = { assessmentConclusionOn: '', decisionOn: '', decisionKind: '' as const, portalNoticeOn: '' };
/** Monday 2 March 2026. The days off that follow: 9 March (8 March moved), 23-25 March (Nauryz, two moved). */
const base: TermInput = { registrationDate: '2026-03-02', channel: 'provider', progress: NO_PROGRESS, refused: false };

function terms(input: Partial<TermInput>, today = '2026-03-02') {
  const r = intakeTerms(service, cal, { ...base, ...input }, today);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('intakeTerms', () => {
  it('17 working days from registration, and the steps 10 + 3 + 2 shown separately with their clauses', () => {
    const t = terms({});
    expect(t.total.due).toBe('2026-03-31');
    expect(t.total.term.workingDays).toBe(17);
    expect(t.total.term.citation).toMatchObject({ paragraph: '5', lines: 'L19' });
    expect(t.total.term.alsoIn?.[0]).toMatchObject({ appendix: '3', lines: 'L207' });
    expect(t.stepsWorkingDays).toBe(15);
    expect(
      t.steps.map((s) => [s.id, s.term.workingDays, s.term.citation.paragraph, s.term.citation.lines, s.anchorDate, s.anchorActual, s.due]),
    ).toEqual([
      ['needs-assessment', 10, '12', 'L38', '2026-03-02', true, '2026-03-17'],
      ['decision', 3, '13', 'L41', '2026-03-17', false, '2026-03-20'],
      ['portal-notice', 2, '14', 'L42', '2026-03-20', false, '2026-03-27'],
    ]);
    expect(t.status).toEqual({ kind: 'open', due: '2026-03-31', daysLeft: 17, flag: null });
    expect(t.hearing).toBeNull();
    expect(t.stateCorpHandOver).toBeNull();
  });

  it('recorded dates move the later steps and complete the term', () => {
    const t = terms(
      {
        progress: {
          assessmentConclusionOn: '2026-03-12',
          decisionOn: '2026-03-16',
          decisionKind: 'favourable',
          portalNoticeOn: '2026-03-19',
        },
      },
      '2026-03-20',
    );
    expect(t.steps.map((s) => [s.id, s.anchorDate, s.due, s.doneOn, s.state])).toEqual([
      ['needs-assessment', '2026-03-02', '2026-03-17', '2026-03-12', 'met'],
      ['decision', '2026-03-12', '2026-03-17', '2026-03-16', 'met'],
      ['portal-notice', '2026-03-16', '2026-03-18', '2026-03-19', 'late'],
    ]);
    expect(t.status).toEqual({ kind: 'done', due: '2026-03-31', doneOn: '2026-03-19', state: 'met' });
  });

  it('flags due soon and overdue against the 17-day term', () => {
    expect(terms({}, '2026-03-30').status).toMatchObject({ kind: 'open', daysLeft: 1, flag: 'due-soon' });
    expect(terms({}, '2026-04-01').status).toMatchObject({ kind: 'open', daysLeft: -1, flag: 'overdue' });
    expect(terms({}, '2026-03-18').steps[0]).toMatchObject({ state: 'open', daysLeft: -1 });
  });

  it('an unfavourable preliminary decision opens the hearing: notice at least 3 working days before the term ends (para 17)', () => {
    const t = terms(
      { progress: { assessmentConclusionOn: '2026-03-16', decisionOn: '2026-03-19', decisionKind: 'unfavourable', portalNoticeOn: '' } },
      '2026-03-19',
    );
    expect(t.hearing).toMatchObject({ noticeBy: '2026-03-26', decisionOn: '2026-03-19', noticeTooLate: false });
    expect(t.hearing?.noticeTerm.citation).toMatchObject({ paragraph: '17', lines: 'L50' });
    expect(t.hearing?.hearingTerm.workingDays).toBe(2);
    expect(t.steps[2]?.state).toBe('not-applicable');
    expect(t.status).toEqual({ kind: 'hearing', due: '2026-03-31', daysLeft: 5, flag: null });
    const late = terms(
      { progress: { assessmentConclusionOn: '2026-03-16', decisionOn: '2026-03-27', decisionKind: 'unfavourable', portalNoticeOn: '' } },
      '2026-03-27',
    );
    expect(late.hearing?.noticeTooLate).toBe(true);
  });

  // Issue 18 point 5: para 11 (001 L37) and App. 3 item 3 (L208), "бір күн бұрын"; both readings kept.
  it('State Corporation channel: the result goes to the SC one day before the term ends, both readings with their clauses (001 L37, L208)', () => {
    const t = terms({ channel: 'state-corporation' });
    // The term ends on Tuesday 31.03.2026: the day before is Monday 30.03 in both readings.
    expect(t.stateCorpHandOver?.due).toBe('2026-03-30');
    expect(t.stateCorpHandOver?.readings.map((r) => [r.id, r.chosen, r.due])).toEqual([
      ['working-day', true, '2026-03-30'],
      ['calendar-day', false, '2026-03-30'],
    ]);
    expect(t.stateCorpHandOver?.citations.map((c) => [c.seed, c.lines, c.paragraph ?? c.appendix])).toEqual([
      ['001', 'L37', '11'],
      ['001', 'L208', '3'],
    ]);
    expect(t.stateCorpHandOver?.citations[0]?.quoteKk).toContain('бір күн бұрын ұсынады');
    expect(t.stateCorpHandOver?.why.kk).not.toBe('');
  });

  it.each([
    // Registered Fri 06.03 → term ends Mon 06.04: working day Fri 03.04, calendar day Sun 05.04.
    ['2026-03-06', '2026-04-06', '2026-04-03', '2026-04-05'],
    // Registered Wed 08.04 → ends Mon 04.05: Fri 01.05 is a holiday, so Thu 30.04; calendar Sun 03.05.
    ['2026-04-08', '2026-05-04', '2026-04-30', '2026-05-03'],
    // Registered Tue 14.04 → ends Tue 12.05: Mon 11.05 is the moved Victory Day off, so Fri 08.05; calendar Mon 11.05.
    ['2026-04-14', '2026-05-12', '2026-05-08', '2026-05-11'],
  ])(
    'hand-over across weekends and holidays: registered %s, term ends %s, working-day %s, calendar-day %s',
    (reg, end, working, calendar) => {
      const t = terms({ registrationDate: reg, channel: 'state-corporation' }, reg);
      expect(t.total.due).toBe(end);
      expect(t.stateCorpHandOver?.due).toBe(working);
      expect(t.stateCorpHandOver?.readings.find((r) => r.id === 'calendar-day')?.due).toBe(calendar);
    },
  );

  it('no hand-over date for the desk and the portal, nor for a package refused at the counter', () => {
    expect(terms({ channel: 'provider' }).stateCorpHandOver).toBeNull();
    expect(terms({ channel: 'portal' }).stateCorpHandOver).toBeNull();
    expect(terms({ channel: 'state-corporation', refused: true }).stateCorpHandOver).toBeNull();
  });

  it('a package refused at the counter runs no term', () => {
    const t = terms({ refused: true });
    expect(t.status).toEqual({ kind: 'refused' });
    expect(t.steps.every((s) => s.state === 'not-applicable')).toBe(true);
  });

  it('a year the calendar does not cover is an error, never a guess', () => {
    const r = intakeTerms(service, cal, { ...base, registrationDate: '2026-12-20' }, '2026-12-21');
    expect(r).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2027 } });
  });
});
