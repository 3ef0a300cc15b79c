/**
 * Issue 18 point 15: a supplier's lateness stays on the order. Seed 000 L673 (para 28 of the Rules on
 * special means of movement): "Өнім беруші Порталда тапсырыс келіп түскен күннен бастап бес жұмыс күні
 * ішінде … қабылдау немесе қоймада тауардың болмауына байланысты бас тарту туралы хабарламаны қарайды"
 * and "порталда жасалатын шартта көрсетілген мерзімдерге сәйкес … кресло-арбаны беруді … қамтамасыз етеді".
 * Dates are checked against the shipped 2026 calendar (resources/calendar/kz-2026.json).
 */
import { describe, expect, it } from 'vitest';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { ruleSet2021 } from '@shared/rules';
import { contractInput, handOverTiming, orderState, supplierAnswerLateness, supplierResponseDue } from '@shared/wheelchair/orders';
import type { WheelchairOrder } from '@shared/wheelchair/types';

const rules = ruleSet2021.wheelchairs;
const cal = createWorkingCalendar([calendarYearSchema.parse(kz2026)]);

const due = (orderDate: string): string => {
  const r = supplierResponseDue(rules, cal, orderDate);
  if (!r.ok) throw new Error(`no due date for ${orderDate}`);
  return r.value.due;
};
const lateness = (responseDue: string, answerDate: string) => supplierAnswerLateness(cal, responseDue, answerDate);

describe('the supplier answers within 5 working days (000 L673)', () => {
  it('counts the term across the 1 May holiday and a weekend', () => {
    // Order on Friday 24 April: 27, 28, 29, 30 April, (1 May a holiday, 2-3 May the weekend), 4 May.
    expect(due('2026-04-24')).toBe('2026-05-04');
  });

  it('an answer on or before the last day is in time, also on a day off inside the term', () => {
    expect(lateness('2026-05-04', '2026-05-04')).toEqual({ ok: true, value: 0 });
    expect(lateness('2026-05-04', '2026-05-02')).toEqual({ ok: true, value: 0 });
    expect(lateness('2026-05-04', '2026-04-24')).toEqual({ ok: true, value: 0 });
  });

  it('an answer after the term is late by the working days past it, skipping the 7 and 9-11 May days off', () => {
    expect(lateness('2026-05-04', '2026-05-05')).toEqual({ ok: true, value: 1 });
    // 5, 6 and 8 May are working days; 7 May (Defender of the Fatherland Day) is not.
    expect(lateness('2026-05-04', '2026-05-08')).toEqual({ ok: true, value: 3 });
    // Saturday 9 May (Victory Day), Sunday 10, Monday 11 (the day off moved from 9 May) add nothing.
    expect(lateness('2026-05-04', '2026-05-10')).toEqual({ ok: true, value: 3 });
    expect(lateness('2026-05-04', '2026-05-11')).toEqual({ ok: true, value: 3 });
    expect(lateness('2026-05-04', '2026-05-12')).toEqual({ ok: true, value: 4 });
  });

  it('an answer on a day off right after the term is late by one working day, not zero', () => {
    // Order on Friday 27 February: term ends Friday 6 March; 7 March is a Saturday,
    // 8 March (International Women's Day) a Sunday holiday, 9 March the day off moved from it.
    expect(due('2026-02-27')).toBe('2026-03-06');
    expect(lateness('2026-03-06', '2026-03-07')).toEqual({ ok: true, value: 1 });
    expect(lateness('2026-03-06', '2026-03-09')).toEqual({ ok: true, value: 1 });
    expect(lateness('2026-03-06', '2026-03-10')).toEqual({ ok: true, value: 1 });
    expect(lateness('2026-03-06', '2026-03-11')).toEqual({ ok: true, value: 2 });
  });

  it('refuses to count in a year the calendar does not cover', () => {
    expect(lateness('2026-12-31', '2027-01-05')).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2027 } });
  });
});

describe('the hand-over follows the Portal contract (000 L673)', () => {
  it('validates the contract: real dates, deadline not before the contract', () => {
    expect(contractInput.safeParse({ date: '2026-04-01', handOverDue: '2026-04-30' }).success).toBe(true);
    expect(contractInput.safeParse({ date: '2026-04-01', handOverDue: '2026-04-01' }).success).toBe(true);
    const early = contractInput.safeParse({ date: '2026-04-10', handOverDue: '2026-04-09' });
    expect(early.success).toBe(false);
    expect(early.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['handOverDue', 'wheelchairs.errors.dueBeforeContract'],
    ]);
    expect(contractInput.safeParse({ date: '2026-02-30', handOverDue: '2026-03-01' }).success).toBe(false);
  });

  const contract = { date: '2026-05-05', handOverDue: '2026-05-20' };

  it('counts calendar days to the contract deadline, then how far past it today is', () => {
    expect(handOverTiming(null, null, '2026-05-10')).toEqual({ daysLeft: null, lateBy: null });
    expect(handOverTiming(contract, null, '2026-05-10')).toEqual({ daysLeft: 10, lateBy: null });
    expect(handOverTiming(contract, null, '2026-05-20')).toEqual({ daysLeft: 0, lateBy: null });
    expect(handOverTiming(contract, null, '2026-05-23')).toEqual({ daysLeft: -3, lateBy: 3 });
  });

  it('a hand-over after the deadline keeps how late it was; one in time is late by 0', () => {
    expect(handOverTiming(contract, '2026-05-20', '2026-09-01')).toEqual({ daysLeft: null, lateBy: 0 });
    expect(handOverTiming(contract, '2026-05-25', '2026-09-01')).toEqual({ daysLeft: null, lateBy: 5 });
    // Across a month end.
    expect(handOverTiming({ date: '2026-05-25', handOverDue: '2026-05-30' }, '2026-06-02', '2026-06-03')).toEqual({
      daysLeft: null,
      lateBy: 3,
    });
  });
});

describe('the order state carries both marks', () => {
  const order = (patch: Partial<WheelchairOrder> = {}): WheelchairOrder => ({
    id: 'o1',
    createdAt: '2026-04-24T09:00:00.000Z',
    updatedAt: '2026-04-24T09:00:00.000Z',
    createdBy: 'Ж. Омарова',
    updatedBy: 'Ж. Омарова',
    originOffice: 'office',
    updatedInOffice: 'office',
    version: { office: 1 },
    caseId: 'c1',
    personId: 'p1',
    programmeId: 'prog',
    checkId: null,
    wheelchairType: 'hand-basic-indoor-outdoor',
    orderDate: '2026-04-24',
    supplier: 'ТОО «Мейірім»',
    receiptMode: 'delivery',
    ruleSetId: 'x',
    responseDue: '2026-05-04',
    supplierResponse: null,
    handOverDate: null,
    events: [],
    returnedOn: null,
    ...patch,
  });
  const programme = { expiresOn: '2027-04-01' };

  it('no answer yet: no lateness mark, no contract, both clauses cited at L673', () => {
    const s = orderState(rules, cal, order(), programme, '2026-04-28');
    expect(s).toMatchObject({ ok: true, value: { answerLateBy: null, contract: null, handOverDaysLeft: null, handOverLateBy: null } });
    expect(s.ok && s.value.responseTerm.citation).toMatchObject({ lines: 'L673', quoteKk: 'бес жұмыс күні ішінде' });
    expect(s.ok && s.value.handOverCitation).toMatchObject({
      seed: expect.stringContaining('000') as unknown,
      lines: 'L673',
      paragraph: '28',
      quoteKk: 'порталда жасалатын шартта көрсетілген мерзімдерге сәйкес',
    });
  });

  it('the stored mark wins over a recount (the calendar may be edited later)', () => {
    const stored = order({ supplierResponse: { answer: 'accepted', date: '2026-05-08', lateByWorkingDays: 2 } });
    expect(orderState(rules, cal, stored, programme, '2026-05-12')).toMatchObject({ ok: true, value: { answerLateBy: 2 } });
  });

  it('an answer stored without the mark has it counted from the calendar', () => {
    const legacy = order({ supplierResponse: { answer: 'refused-out-of-stock', date: '2026-05-08' } });
    expect(orderState(rules, cal, legacy, programme, '2026-05-12')).toMatchObject({
      ok: true,
      value: { stage: 'refused', answerLateBy: 3 },
    });
  });

  it('the late mark stays after hand-over, beside a late hand-over', () => {
    const handed = order({
      supplierResponse: { answer: 'accepted', date: '2026-05-05', lateByWorkingDays: 1 },
      contract: { date: '2026-05-06', handOverDue: '2026-05-20' },
      handOverDate: '2026-05-22',
    });
    expect(orderState(rules, cal, handed, programme, '2026-06-01')).toMatchObject({
      ok: true,
      value: { stage: 'handed-over', answerLateBy: 1, handOverLateBy: 2, handOverDaysLeft: null },
    });
  });

  it('awaiting the hand-over: days left, then overdue; a return proposal stops the clock', () => {
    const accepted = order({
      supplierResponse: { answer: 'accepted', date: '2026-04-30', lateByWorkingDays: 0 },
      contract: { date: '2026-05-04', handOverDue: '2026-05-15' },
    });
    expect(orderState(rules, cal, accepted, programme, '2026-05-12')).toMatchObject({
      ok: true,
      value: { stage: 'accepted', answerLateBy: 0, handOverDaysLeft: 3, handOverLateBy: null },
    });
    expect(orderState(rules, cal, accepted, programme, '2026-05-18')).toMatchObject({
      ok: true,
      value: { handOverDaysLeft: -3, handOverLateBy: 3 },
    });
    const died = {
      ...accepted,
      events: [{ kind: 'recipient-died' as const, date: '2026-05-10', note: '', recordedAt: '', recordedBy: '' }],
    };
    expect(orderState(rules, cal, died, programme, '2026-05-18')).toMatchObject({
      ok: true,
      value: { stage: 'return-proposed', handOverDaysLeft: null, handOverLateBy: null },
    });
  });
});
