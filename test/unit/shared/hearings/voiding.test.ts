/**
 * Voiding a case (issue 16 point 2, shared/hearings/voiding.ts): the case's voiding goes to each of its
 * applications not voided before; a voided case or application blocks every later action; the period
 * report leaves out the hearings of the applications voided with their case (shared/reports/figures.ts).
 */
import { describe, expect, it } from 'vitest';
import { blockingVoiding, caseVoiding, type Hearing, type ServiceApplication } from '@shared/hearings';
import type { Voiding } from '@shared/records/envelope';
import { monthPeriod, periodReport } from '@shared/reports';
import { calendar, OFFICE_A } from '../reports/truth';

const EARLIER: Voiding = { at: '2026-03-01T05:00:00.000Z', by: 'Басшы', reason: 'Басқа тұлғаға қате тіркелді' };
const REASON = 'Іс күні қате қойылды (2099 жыл)';

function app(id: string, voided?: Voiding): ServiceApplication {
  return {
    id,
    caseId: 'case-1',
    personId: 'p',
    service: 'personal-assistant',
    ruleSetId: 'rs',
    channel: 'provider',
    registrationDate: '2026-03-12',
    intakeId: null,
    note: '',
    plannedDecisionDate: null,
    stepsDone: {},
    status: 'heard',
    preliminary: null,
    notice: null,
    objection: null,
    decision: null,
    notification: null,
    history: [],
    createdAt: '2026-03-12T05:00:00.000Z',
    updatedAt: '2026-03-12T05:00:00.000Z',
    createdBy: 'x',
    updatedBy: 'x',
    originOffice: OFFICE_A.officeId,
    updatedInOffice: OFFICE_A.officeId,
    version: { [OFFICE_A.officeId]: 1 },
    ...(voided ? { voided } : {}),
  };
}

describe('caseVoiding', () => {
  it('voids the case and each application not voided before with one voiding, the reason trimmed', () => {
    const r = caseVoiding({}, [app('a'), app('b', EARLIER)], { reason: `  ${REASON}  ` }, 'Басшы', '2026-04-15T09:00:00.000Z');
    expect(r).toEqual({
      ok: true,
      value: { voiding: { at: '2026-04-15T09:00:00.000Z', by: 'Басшы', reason: REASON }, applications: [app('a')] },
    });
  });

  it('refuses a second voiding and a reason too short to read later', () => {
    expect(caseVoiding({ voided: EARLIER }, [app('a')], { reason: REASON }, 'Басшы', '2026-04-15T09:00:00.000Z')).toEqual({
      ok: false,
      error: { code: 'voided', voided: EARLIER },
    });
    expect(caseVoiding({}, [], { reason: 'қате' }, 'Басшы', '2026-04-15T09:00:00.000Z')).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { reason: 'validation.voidReasonShort' } },
    });
  });
});

describe('blockingVoiding', () => {
  it('is the application’s own voiding, else its case’s, else none', () => {
    const own: Voiding = { ...EARLIER, reason: 'Өтініш қате тіркелді' };
    expect(blockingVoiding(app('a', own), { voided: EARLIER })).toEqual(own);
    expect(blockingVoiding(app('a'), { voided: EARLIER })).toEqual(EARLIER);
    expect(blockingVoiding(app('a'), {})).toBeNull();
    expect(blockingVoiding(app('a'), undefined)).toBeNull();
  });
});

describe('the period report and a voided case', () => {
  it('counts no hearing of an application voided with its case', () => {
    const hearing = (id: string, applicationId: string): Hearing => ({
      ...app(id),
      applicationId,
      date: '2026-03-26',
      time: '10:00',
      method: 'in-person',
      place: 'Арал',
      participants: '',
      status: 'held',
    });
    const planned = caseVoiding({}, [app('wrong')], { reason: REASON }, 'Басшы', '2026-04-15T09:00:00.000Z');
    if (!planned.ok) throw new Error('not voided');
    const voidedApps = planned.value.applications.map((a) => ({ ...a, voided: planned.value.voiding }));
    const report = periodReport({
      period: monthPeriod(2026, 3),
      today: '2026-04-15',
      calendar,
      ruleSets: [],
      complaints: [],
      hearings: [hearing('h-kept', 'kept'), hearing('h-wrong', 'wrong')],
      applications: [app('kept'), ...voidedApps],
      intakes: [],
      wheelchairChecks: [],
      wheelchairOrders: [],
    });
    expect(report.total['hearings.held']).toEqual(['h-kept']);
    expect(report.total['hearings.pending']).toEqual(['h-kept']);
  });
});
