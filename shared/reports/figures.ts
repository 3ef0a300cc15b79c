/**
 * Period reports (issue 17): complaints, hearings, intakes and wheelchair figures computed from the
 * records, each against its legal term on the office calendar, per office (the record's origin
 * office) and in total. Every figure is the list of record ids behind it, so the screen can open them.
 *
 * Cohorts: a complaint counts in the period of its receipt, an intake of its presentation, a hearing of
 * its date, a wheelchair check of its check date and an order of its order date. "Overdue" means still
 * open with its term passed on the as-of day (the period's last day, or today while it runs).
 * Voided records (issue 16 pt 2; shared/records/envelope.ts isVoided) take no part in any figure, nor do
 * the hearings of a voided application.
 * Terms (clauses in terms.ts): forward within 3 working days of receipt and review within 5 or 15 of
 * registration (seed 000 L75-81, via complaintDueDates); placement within 17
 * working days of registration (001 L19, via intakeTerms); the supplier's answer within 5 working days
 * of the order (000 L673, via supplierResponseDue).
 */
import { addWorkingDays, type CalendarError, type WorkingCalendar } from '../calendar';
import { complaintDueDates, type Complaint, type ComplaintDueDates } from '../complaints';
import type { Hearing, ServiceApplication } from '../hearings';
import { intakeTerms, type Intake } from '../intake';
import { isVoided } from '../records/envelope';
import type { Result } from '../result';
import { ruleSetInForce, type RuleSet } from '../rules';
import type { WheelchairCheck, WheelchairOrder } from '../wheelchair';
import { supplierResponseDue } from '../wheelchair/orders';
import { asOfDate, type Period } from './period';
import { FIGURE_IDS, type FigureId } from './terms';

export type ComplaintFacts = Pick<
  Complaint,
  | 'id'
  | 'originOffice'
  | 'receiptDate'
  | 'registrationDate'
  | 'addressee'
  | 'ruleSetId'
  | 'status'
  | 'forwarded'
  | 'decision'
  | 'withdrawal'
  | 'voided'
>;
export type HearingReportFacts = Pick<Hearing, 'id' | 'originOffice' | 'applicationId' | 'date' | 'status' | 'voided'>;
export type ApplicationOutcome = Pick<ServiceApplication, 'id' | 'decision' | 'voided'>;
export type IntakeFacts = Pick<
  Intake,
  'id' | 'originOffice' | 'registrationDate' | 'channel' | 'ruleSetId' | 'check' | 'progress' | 'voided'
>;
export type CheckFacts = Pick<WheelchairCheck, 'id' | 'originOffice' | 'checkDate' | 'result' | 'voided'>;
export type OrderFacts = Pick<
  WheelchairOrder,
  'id' | 'originOffice' | 'orderDate' | 'ruleSetId' | 'supplierResponse' | 'handOverDate' | 'returnedOn' | 'voided'
>;

export interface ReportInput {
  period: Period;
  today: string;
  calendar: WorkingCalendar;
  ruleSets: readonly RuleSet[];
  complaints: readonly ComplaintFacts[];
  hearings: readonly HearingReportFacts[];
  /** The applications of the hearings (for the outcome after the hearing). */
  applications: readonly ApplicationOutcome[];
  intakes: readonly IntakeFacts[];
  wheelchairChecks: readonly CheckFacts[];
  wheelchairOrders: readonly OrderFacts[];
}

export type ReportFigures = Record<FigureId, string[]>;

export interface ReportProblem {
  table: string;
  recordId: string;
  /** calendar: the term reaches a year the calendar does not cover; rules: no rule set for the record. */
  code: 'calendar' | 'rules';
}

export interface OfficeFigures {
  officeId: string;
  figures: ReportFigures;
}

export interface PeriodReport {
  period: Period;
  asOf: string;
  /** One entry per origin office present in the records, sorted by office id. */
  offices: OfficeFigures[];
  total: ReportFigures;
  problems: ReportProblem[];
}

export function emptyFigures(): ReportFigures {
  const f = {} as ReportFigures;
  for (const id of FIGURE_IDS) f[id] = [];
  return f;
}

/** Calendar answers cached by date: a year report asks about the same few hundred days again and again. */
export function memoCalendar(cal: WorkingCalendar): WorkingCalendar {
  const cache = new Map<string, Result<boolean, CalendarError>>();
  return {
    years: cal.years,
    isWorkingDay(date) {
      let r = cache.get(date);
      if (r === undefined) {
        r = cal.isWorkingDay(date);
        cache.set(date, r);
      }
      return r;
    },
  };
}

class Tally {
  readonly offices = new Map<string, ReportFigures>();
  readonly total = emptyFigures();
  readonly problems: ReportProblem[] = [];

  add(officeId: string, id: FigureId, recordId: string): void {
    let f = this.offices.get(officeId);
    if (!f) {
      f = emptyFigures();
      this.offices.set(officeId, f);
    }
    f[id].push(recordId);
    this.total[id].push(recordId);
  }
}

const inPeriod = (p: Period, date: string): boolean => date >= p.from && date <= p.to;

export function ruleSetFor(ruleSets: readonly RuleSet[], id: string, date: string): RuleSet | null {
  const byId = ruleSets.find((r) => r.id === id);
  if (byId) return byId;
  const inForce = ruleSetInForce(ruleSets, date);
  return inForce.ok ? inForce.value : null;
}

/**
 * Complaint states as complaintDeadlineStatus defines them (met / late when done on or before / after the
 * due date; waived when fully satisfied within the window, 000 L77; overdue when still open after the due
 * date), compared directly on the due dates from complaintDueDates: counting the working days left for
 * every open complaint of a year (workingDaysLeft) would step through the calendar day by day.
 */
function tallyComplaints(input: ReportInput, cal: WorkingCalendar, asOf: string, t: Tally): void {
  const dueCache = new Map<string, Result<ComplaintDueDates, unknown>>();
  const windowCache = new Map<string, Result<string, unknown>>();
  for (const c of input.complaints) {
    if (!inPeriod(input.period, c.receiptDate) || isVoided(c)) continue;
    const office = c.originOffice;
    t.add(office, 'complaints.received', c.id);
    const rules = ruleSetFor(input.ruleSets, c.ruleSetId, c.registrationDate);
    if (!rules) {
      t.problems.push({ table: 'complaints', recordId: c.id, code: 'rules' });
      continue;
    }
    const key = `${rules.id}|${c.receiptDate}|${c.registrationDate}|${c.addressee}`;
    let due = dueCache.get(key);
    if (due === undefined) {
      due = complaintDueDates(rules.complaints, cal, c);
      dueCache.set(key, due);
    }
    if (!due.ok) {
      t.problems.push({ table: 'complaints', recordId: c.id, code: 'calendar' });
      continue;
    }
    // The state on the as-of day: a decision or forward made after it has not happened yet.
    const decision = c.decision && c.decision.date <= asOf ? c.decision : null;
    const forwarded = c.forwarded && c.forwarded.date <= asOf ? c.forwarded : null;
    const { forwardDue, reviewDue } = due.value;
    if (forwardDue !== null) {
      if (forwarded) t.add(office, forwarded.date <= forwardDue ? 'complaints.forwardedInTerm' : 'complaints.forwardedLate', c.id);
      else if (decision?.outcome === 'satisfied') {
        const wKey = `${rules.id}|${c.receiptDate}`;
        let windowEnd = windowCache.get(wKey);
        if (windowEnd === undefined) {
          windowEnd = addWorkingDays(cal, c.receiptDate, rules.complaints.fullSatisfactionWindow.workingDays);
          windowCache.set(wKey, windowEnd);
        }
        if (!windowEnd.ok) {
          t.problems.push({ table: 'complaints', recordId: c.id, code: 'calendar' });
          continue;
        }
        if (decision.date <= windowEnd.value) t.add(office, 'complaints.forwardWaived', c.id);
      }
    }
    if (decision) t.add(office, decision.date <= reviewDue ? 'complaints.decidedInTerm' : 'complaints.decidedLate', c.id);
    else if (c.status === 'withdrawn') t.add(office, 'complaints.withdrawn', c.id);
    else if (asOf > reviewDue) t.add(office, 'complaints.overdue', c.id);
    else t.add(office, 'complaints.open', c.id);
  }
}

function tallyHearings(input: ReportInput, asOf: string, t: Tally): void {
  const outcome = new Map(input.applications.map((a) => [a.id, a.decision]));
  // A hearing of a voided application belongs to the voided mistake.
  const voidedApplications = new Set(input.applications.filter(isVoided).map((a) => a.id));
  for (const h of input.hearings) {
    if (!inPeriod(input.period, h.date) || isVoided(h) || voidedApplications.has(h.applicationId)) continue;
    const office = h.originOffice;
    if (h.status === 'scheduled') {
      t.add(office, 'hearings.scheduled', h.id);
      continue;
    }
    t.add(office, h.status === 'held' ? 'hearings.held' : 'hearings.absent', h.id);
    const decision = outcome.get(h.applicationId);
    // After the hearing the unfavourable preliminary decision is either changed (granted) or upheld (refused).
    if (!decision || decision.date > asOf) t.add(office, 'hearings.pending', h.id);
    else t.add(office, decision.outcome === 'granted' ? 'hearings.granted' : 'hearings.refused', h.id);
  }
}

function tallyIntakes(input: ReportInput, cal: WorkingCalendar, asOf: string, t: Tally): void {
  for (const i of input.intakes) {
    if (!inPeriod(input.period, i.registrationDate) || isVoided(i)) continue;
    const office = i.originOffice;
    t.add(office, 'intakes.received', i.id);
    const refused = i.check.result === 'refuse';
    if (refused) {
      t.add(office, 'intakes.refused', i.id);
      continue;
    }
    t.add(office, 'intakes.accepted', i.id);
    const rules = ruleSetFor(input.ruleSets, i.ruleSetId, i.registrationDate);
    const service = rules?.services.find((s) => s.id === 'msi-placement');
    if (!service) {
      t.problems.push({ table: 'intakes', recordId: i.id, code: 'rules' });
      continue;
    }
    const p = i.progress;
    // Only what had happened by the as-of day.
    const seen = (d: string) => (d !== '' && d <= asOf ? d : '');
    const progress = {
      assessmentConclusionOn: seen(p.assessmentConclusionOn),
      decisionOn: seen(p.decisionOn),
      decisionKind: seen(p.decisionOn) === '' ? ('' as const) : p.decisionKind,
      portalNoticeOn: seen(p.portalNoticeOn),
    };
    const terms = intakeTerms(service, cal, { registrationDate: i.registrationDate, channel: i.channel, progress, refused: false }, asOf);
    if (!terms.ok) {
      t.problems.push({
        table: 'intakes',
        recordId: i.id,
        code: terms.error.code === 'year-not-covered' || terms.error.code === 'invalid-date' ? 'calendar' : 'rules',
      });
      continue;
    }
    const s = terms.value.status;
    if (s.kind === 'done') t.add(office, s.state === 'met' ? 'intakes.placedInTerm' : 'intakes.placedLate', i.id);
    else if (s.kind === 'hearing') t.add(office, 'intakes.unfavourable', i.id);
    else if (s.kind === 'open' && s.flag === 'overdue') t.add(office, 'intakes.overdue', i.id);
  }
}

/** A check's verdict: indicated when any wheelchair type is; else contraindicated when any is; else not indicated. */
export function checkVerdict(c: Pick<WheelchairCheck, 'result'>): 'indicated' | 'contraindicated' | 'not-indicated' {
  const verdicts = c.result.types.map((x) => x.verdict);
  if (verdicts.includes('indicated')) return 'indicated';
  if (verdicts.includes('contraindicated')) return 'contraindicated';
  return 'not-indicated';
}

function tallyWheelchairs(input: ReportInput, cal: WorkingCalendar, asOf: string, t: Tally): void {
  for (const c of input.wheelchairChecks) {
    if (!inPeriod(input.period, c.checkDate) || isVoided(c)) continue;
    t.add(c.originOffice, 'wheelchairs.checks', c.id);
    const v = checkVerdict(c);
    t.add(
      c.originOffice,
      v === 'indicated' ? 'wheelchairs.indicated' : v === 'contraindicated' ? 'wheelchairs.contraindicated' : 'wheelchairs.notIndicated',
      c.id,
    );
  }
  for (const o of input.wheelchairOrders) {
    if (!inPeriod(input.period, o.orderDate) || isVoided(o)) continue;
    const office = o.originOffice;
    t.add(office, 'wheelchairs.orders', o.id);
    const rules = ruleSetFor(input.ruleSets, o.ruleSetId, o.orderDate);
    if (!rules) {
      t.problems.push({ table: 'wheelchairOrders', recordId: o.id, code: 'rules' });
      continue;
    }
    const due = supplierResponseDue(rules.wheelchairs, cal, o.orderDate);
    if (!due.ok) {
      t.problems.push({ table: 'wheelchairOrders', recordId: o.id, code: 'calendar' });
      continue;
    }
    const answer = o.supplierResponse && o.supplierResponse.date <= asOf ? o.supplierResponse : null;
    if (answer) t.add(office, answer.date <= due.value.due ? 'wheelchairs.answeredInTerm' : 'wheelchairs.answeredLate', o.id);
    else if (o.returnedOn === null && asOf > due.value.due) t.add(office, 'wheelchairs.answerOverdue', o.id);
    if (o.handOverDate !== null && o.handOverDate <= asOf) t.add(office, 'wheelchairs.handedOver', o.id);
  }
}

/** The period report: figures per origin office and in total, each a list of record ids. */
export function periodReport(input: ReportInput): PeriodReport {
  const cal = memoCalendar(input.calendar);
  const asOf = asOfDate(input.period, input.today);
  const t = new Tally();
  tallyComplaints(input, cal, asOf, t);
  tallyHearings(input, asOf, t);
  tallyIntakes(input, cal, asOf, t);
  tallyWheelchairs(input, cal, asOf, t);
  const offices = [...t.offices.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([officeId, figures]) => ({ officeId, figures }));
  return { period: input.period, asOf, offices, total: t.total, problems: t.problems };
}
