import { describe, expect, it } from 'vitest';
import type { Complaint } from '@shared/complaints';
import type { Voiding } from '@shared/records/envelope';
import { monthPeriod, periodReport, quarterPeriod, yearPeriod, type Period, type ReportInput } from '@shared/reports';
import { shippedRuleSets } from '@shared/rules';
import type { WheelchairOrder } from '@shared/wheelchair';
import type { GeneratedCaseload } from '../../../support/generator/index';
import { calendar, caseload, OFFICE_A, OFFICE_B, plusWorkingDays, sorted, TODAY, within } from './truth';

/** Adds realistic variety the generator does not make: forwards on and after the term, late decisions. */
function vary(data: GeneratedCaseload): GeneratedCaseload {
  data.complaints.forEach((c: Complaint, i) => {
    if (c.addressee !== 'quality-control-body' && c.status !== 'withdrawn' && i % 5 === 0) {
      const date = plusWorkingDays(c.receiptDate, i % 10 === 0 ? 2 : 5);
      if (date <= TODAY) c.forwarded = { date, to: 'Сапа комитеті' };
    }
    if (c.decision && i % 7 === 0) {
      const date = plusWorkingDays(c.registrationDate, 9);
      if (date <= TODAY) c.decision = { ...c.decision, date, notifiedOn: date };
    }
  });
  return data;
}

function orders(data: GeneratedCaseload, office: string): WheelchairOrder[] {
  return data.rehabProgrammes.map((p, i) => {
    const orderDate = p.issuedOn < '2026-01-05' ? '2026-02-02' : p.issuedOn;
    const answerAfter = [2, 5, 7][i % 3] ?? 2;
    const answered = i % 4 !== 3;
    const answerDate = plusWorkingDays(orderDate, answerAfter);
    return {
      ...p,
      originOffice: office,
      programmeId: p.id,
      checkId: null,
      wheelchairType: 'indoor',
      orderDate,
      supplier: 'ЖШС Медтехника',
      receiptMode: 'delivery',
      ruleSetId: shippedRuleSets[0]?.id ?? '',
      responseDue: '',
      supplierResponse: answered && answerDate <= TODAY ? { answer: 'accepted', date: answerDate } : null,
      handOverDate: answered && i % 2 === 0 ? plusWorkingDays(orderDate, 12) : null,
      events: [],
      returnedOn: null,
    } satisfies WheelchairOrder;
  });
}

/** Voids every `every`-th record, as a head voids one registered by mistake (issue 16 pt 2). */
function voidSome<T extends { voided?: Voiding }>(records: T[], every: number): T[] {
  records.forEach((r, i) => {
    if (i % every === every - 1) r.voided = { at: `${TODAY}T12:00:00.000Z`, by: 'Басшы', reason: 'Қате тіркелген' };
  });
  return records;
}

const a = vary(caseload(101, OFFICE_A));
const b = vary(caseload(202, OFFICE_B, { persons: 80, cases: 120, complaints: 250 }));
const all = {
  complaints: voidSome([...a.complaints, ...b.complaints], 13),
  hearings: voidSome([...a.hearings, ...b.hearings], 11),
  applications: voidSome([...a.applications, ...b.applications], 9),
  intakes: voidSome([...a.intakes, ...b.intakes], 7),
  wheelchairChecks: voidSome([...a.wheelchairChecks, ...b.wheelchairChecks], 5),
  wheelchairOrders: voidSome([...orders(a, OFFICE_A.officeId), ...orders(b, OFFICE_B.officeId)], 6),
};
/** Voided records take no part in any figure (written here from the envelope field, not isVoided). */
const counted = (r: { voided?: Voiding }): boolean => r.voided === undefined;
const voidedApplications = new Set(all.applications.filter((x) => !counted(x)).map((x) => x.id));

function input(period: Period): ReportInput {
  return { period, today: TODAY, calendar, ruleSets: shippedRuleSets, ...all };
}

/** Expected complaint figures, straight from the definitions (seed 000 L75-81). */
function expectedComplaints(p: Period, asOf: string, office: string | null) {
  const out: Record<string, string[]> = {
    received: [],
    fwdMet: [],
    fwdLate: [],
    waived: [],
    met: [],
    late: [],
    overdue: [],
    open: [],
    withdrawn: [],
  };
  for (const c of all.complaints) {
    if (!within(c.receiptDate, p.from, p.to) || (office !== null && c.originOffice !== office) || !counted(c)) continue;
    out.received?.push(c.id);
    const reviewDue = plusWorkingDays(c.registrationDate, c.addressee === 'quality-control-body' ? 15 : 5);
    const decision = c.decision && c.decision.date <= asOf ? c.decision : null;
    if (c.addressee !== 'quality-control-body') {
      const forwardDue = plusWorkingDays(c.receiptDate, 3);
      if (c.forwarded && c.forwarded.date <= asOf) (c.forwarded.date <= forwardDue ? out.fwdMet : out.fwdLate)?.push(c.id);
      else if (decision?.outcome === 'satisfied' && decision.date <= forwardDue) out.waived?.push(c.id);
    }
    if (decision) (decision.date <= reviewDue ? out.met : out.late)?.push(c.id);
    else if (c.status === 'withdrawn') out.withdrawn?.push(c.id);
    else if (asOf > reviewDue) out.overdue?.push(c.id);
    else out.open?.push(c.id);
  }
  return out;
}

describe('period report against known truth', () => {
  const periods: [string, Period][] = [
    ['year 2026', yearPeriod(2026)],
    ['Q2 2026', quarterPeriod(2026, 2)],
    ['March 2026', monthPeriod(2026, 3)],
    ['November 2026 (running)', monthPeriod(2026, 11)],
  ];

  it.each(periods)('complaints: received, forwarded in 3 working days, decided in term, overdue (%s)', (_name, p) => {
    const report = periodReport(input(p));
    const asOf = p.to < TODAY ? p.to : TODAY;
    expect(report.asOf).toBe(asOf);
    expect(report.problems).toEqual([]);
    for (const office of [null, OFFICE_A.officeId, OFFICE_B.officeId]) {
      const f = office === null ? report.total : report.offices.find((o) => o.officeId === office)?.figures;
      const e = expectedComplaints(p, asOf, office);
      expect(f, String(office)).toBeDefined();
      if (!f) continue;
      expect(sorted(f['complaints.received'])).toEqual(sorted(e.received ?? []));
      expect(sorted(f['complaints.forwardedInTerm'])).toEqual(sorted(e.fwdMet ?? []));
      expect(sorted(f['complaints.forwardedLate'])).toEqual(sorted(e.fwdLate ?? []));
      expect(sorted(f['complaints.forwardWaived'])).toEqual(sorted(e.waived ?? []));
      expect(sorted(f['complaints.decidedInTerm'])).toEqual(sorted(e.met ?? []));
      expect(sorted(f['complaints.decidedLate'])).toEqual(sorted(e.late ?? []));
      expect(sorted(f['complaints.overdue'])).toEqual(sorted(e.overdue ?? []));
      expect(sorted(f['complaints.withdrawn'])).toEqual(sorted(e.withdrawn ?? []));
      expect(sorted(f['complaints.open'])).toEqual(sorted(e.open ?? []));
    }
  });

  it('the year has every kind of complaint figure, so the comparison above is not vacuous', () => {
    const e = expectedComplaints(yearPeriod(2026), TODAY, null);
    for (const [k, ids] of Object.entries(e)) if (k !== 'waived') expect(ids.length, k).toBeGreaterThan(0);
  });

  it('hearings: held, applicant absent, scheduled and the outcome after the hearing', () => {
    const p = yearPeriod(2026);
    const report = periodReport(input(p));
    const decisions = new Map(all.applications.map((x) => [x.id, x.decision]));
    const expected: Record<string, string[]> = { held: [], absent: [], scheduled: [], granted: [], refused: [], pending: [] };
    for (const h of all.hearings) {
      if (!within(h.date, p.from, p.to) || !counted(h) || voidedApplications.has(h.applicationId)) continue;
      if (h.status === 'scheduled') {
        expected.scheduled?.push(h.id);
        continue;
      }
      (h.status === 'held' ? expected.held : expected.absent)?.push(h.id);
      const d = decisions.get(h.applicationId);
      (d && d.date <= TODAY ? (d.outcome === 'granted' ? expected.granted : expected.refused) : expected.pending)?.push(h.id);
    }
    for (const k of Object.keys(expected)) {
      expect(sorted(report.total[`hearings.${k}` as 'hearings.held']), k).toEqual(sorted(expected[k] ?? []));
    }
    expect((expected.held?.length ?? 0) + (expected.absent?.length ?? 0)).toBeGreaterThan(0);
  });

  it('intakes: accepted, refused on the spot, placed within 17 working days (001 L19)', () => {
    const p = yearPeriod(2026);
    const report = periodReport(input(p));
    const expected: Record<string, string[]> = {
      received: [],
      accepted: [],
      refused: [],
      placedInTerm: [],
      placedLate: [],
      overdue: [],
      unfavourable: [],
    };
    for (const i of all.intakes) {
      if (!within(i.registrationDate, p.from, p.to) || !counted(i)) continue;
      expected.received?.push(i.id);
      if (i.check.result === 'refuse') {
        expected.refused?.push(i.id);
        continue;
      }
      expected.accepted?.push(i.id);
      const due = plusWorkingDays(i.registrationDate, 17);
      const pr = i.progress;
      const decided = pr.decisionOn !== '' && pr.decisionOn <= TODAY;
      if (decided && pr.decisionKind === 'unfavourable') expected.unfavourable?.push(i.id);
      else if (pr.portalNoticeOn !== '' && pr.portalNoticeOn <= TODAY)
        (pr.portalNoticeOn <= due ? expected.placedInTerm : expected.placedLate)?.push(i.id);
      else if (TODAY > due) expected.overdue?.push(i.id);
    }
    for (const k of Object.keys(expected)) {
      expect(sorted(report.total[`intakes.${k}` as 'intakes.received']), k).toEqual(sorted(expected[k] ?? []));
    }
    expect(expected.accepted?.length).toBeGreaterThan(0);
  });

  it('wheelchairs: checks by verdict, supplier answers within 5 working days (000 L673), hand-overs', () => {
    const p = yearPeriod(2026);
    const report = periodReport(input(p));
    const verdict: Record<string, string[]> = { indicated: [], contraindicated: [], notIndicated: [] };
    for (const c of all.wheelchairChecks) {
      if (!within(c.checkDate, p.from, p.to) || !counted(c)) continue;
      const v = c.result.types.map((t) => t.verdict);
      (v.some((x) => x === 'indicated')
        ? verdict.indicated
        : v.some((x) => x === 'contraindicated')
          ? verdict.contraindicated
          : verdict.notIndicated
      )?.push(c.id);
    }
    expect(sorted(report.total['wheelchairs.indicated'])).toEqual(sorted(verdict.indicated ?? []));
    expect(sorted(report.total['wheelchairs.contraindicated'])).toEqual(sorted(verdict.contraindicated ?? []));
    expect(sorted(report.total['wheelchairs.notIndicated'])).toEqual(sorted(verdict.notIndicated ?? []));
    const o: Record<string, string[]> = { inTerm: [], late: [], overdue: [], handed: [] };
    for (const x of all.wheelchairOrders) {
      if (!within(x.orderDate, p.from, p.to) || !counted(x)) continue;
      const due = plusWorkingDays(x.orderDate, 5);
      if (x.supplierResponse) (x.supplierResponse.date <= due ? o.inTerm : o.late)?.push(x.id);
      else if (TODAY > due) o.overdue?.push(x.id);
      if (x.handOverDate !== null && x.handOverDate <= TODAY) o.handed?.push(x.id);
    }
    expect(sorted(report.total['wheelchairs.answeredInTerm'])).toEqual(sorted(o.inTerm ?? []));
    expect(sorted(report.total['wheelchairs.answeredLate'])).toEqual(sorted(o.late ?? []));
    expect(sorted(report.total['wheelchairs.answerOverdue'])).toEqual(sorted(o.overdue ?? []));
    expect(sorted(report.total['wheelchairs.handedOver'])).toEqual(sorted(o.handed ?? []));
    expect(o.inTerm?.length).toBeGreaterThan(0);
    expect(o.late?.length).toBeGreaterThan(0);
  });

  it('no voided record, nor a hearing of a voided application, is behind any figure (issue 16 pt 2)', () => {
    const report = periodReport(input(yearPeriod(2026)));
    const excluded = new Set(
      [...all.complaints, ...all.hearings, ...all.applications, ...all.intakes, ...all.wheelchairChecks, ...all.wheelchairOrders]
        .filter((r) => !counted(r))
        .map((r) => r.id),
    );
    for (const h of all.hearings) if (voidedApplications.has(h.applicationId)) excluded.add(h.id);
    expect(excluded.size).toBeGreaterThan(20);
    const inYear = all.complaints.filter((c) => !counted(c) && within(c.receiptDate, '2026-01-01', '2026-12-31'));
    expect(inYear.length).toBeGreaterThan(0);
    for (const [id, ids] of Object.entries(report.total))
      expect(
        ids.filter((x) => excluded.has(x)),
        id,
      ).toEqual([]);
  });

  it('per office figures add up to the total (the regional roll-up)', () => {
    const report = periodReport(input(yearPeriod(2026)));
    expect(report.offices.map((x) => x.officeId)).toEqual([OFFICE_A.officeId, OFFICE_B.officeId].sort());
    for (const [id, ids] of Object.entries(report.total)) {
      const sum = report.offices.reduce((n, x) => n + x.figures[id as keyof typeof report.total].length, 0);
      expect(sum, id).toBe(ids.length);
    }
  });

  it('a record whose term reaches a year the calendar does not cover is reported as a problem, not guessed', () => {
    const c = a.complaints[0];
    if (!c) throw new Error('no complaint');
    const late: Complaint = {
      ...c,
      id: 'x-2027',
      receiptDate: '2026-12-30',
      registrationDate: '2026-12-30',
      addressee: 'quality-control-body',
    };
    const report = periodReport({ ...input(yearPeriod(2026)), today: '2026-12-31', complaints: [late] });
    expect(report.problems).toEqual([{ table: 'complaints', recordId: 'x-2027', code: 'calendar' }]);
    expect(report.total['complaints.received']).toEqual(['x-2027']);
  });
});
