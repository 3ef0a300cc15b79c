/**
 * Counting in working days and the parts every schedule variant shares. Counting follows
 * shared/calendar: "N working days after X" is the Nth working day after X (X not counted); "at least
 * N working days before Y" is at the latest the Nth working day before Y.
 */
import { addWorkingDays, type CalendarError, type WorkingCalendar } from '../calendar';
import { ok, type Result } from '../result';
import type { CitedTerm, ServiceRule } from '../rules';
import type {
  CitedDate,
  DecisionBlocker,
  DecisionBound,
  EarliestDecision,
  HearingFacts,
  PlannedDateKind,
  ScheduleWarning,
} from './schedule-types';
import type { ApplicationChannel } from './types';

type IsoDate = string;

/** The term an application runs on: the proactive term when it came in proactively and one exists. */
export function serviceTerm(service: ServiceRule, channel: ApplicationChannel): CitedTerm | null {
  if (channel === 'proactive' && service.proactiveTerm) return service.proactiveTerm;
  return service.term;
}

/** Counts `term` from `from` in its direction. */
export function countTerm(cal: WorkingCalendar, term: CitedTerm, from: IsoDate, projected = false): Result<CitedDate, CalendarError> {
  const n = term.direction === 'after' ? term.workingDays : -term.workingDays;
  const date = addWorkingDays(cal, from, n);
  return date.ok ? ok({ date: date.value, term, from, projected }) : date;
}

/** End of the service term counted from registration (the registration day itself is not counted). */
export function serviceTermEnd(
  service: ServiceRule,
  cal: WorkingCalendar,
  registrationDate: IsoDate,
  channel: ApplicationChannel = 'provider',
): Result<CitedDate | null, CalendarError> {
  const term = serviceTerm(service, channel);
  return term ? countTerm(cal, term, registrationDate) : ok(null);
}

/**
 * Where the application came through the State Corporation, the result goes back to it no later than
 * one day before the term ends (000 L51, L145, L263, L367, L491, L605; 001 L37, L208). "Бір тәулік" /
 * "бір күн" is read as the working day before the term's last day (the rule's interpretations say why).
 */
export function stateCorpHandOver(
  service: ServiceRule,
  cal: WorkingCalendar,
  channel: ApplicationChannel,
  termEnd: CitedDate | null,
): Result<CitedDate | null, CalendarError> {
  const term = service.stateCorpHandOver ?? null;
  if (channel !== 'state-corporation' || term === null || termEnd === null) return ok(null);
  return countTerm(cal, term, termEnd.date);
}

export const maxDate = (dates: readonly IsoDate[]): IsoDate | null => (dates.length === 0 ? null : ([...dates].sort().at(-1) ?? null));

export class CalendarFailure extends Error {
  constructor(readonly error: CalendarError) {
    super(error.code);
  }
}

/** Unwraps a calendar result inside the schedule computation; the failure leaves through `hearingSchedule`. */
export function must<T>(r: Result<T, CalendarError>): T {
  if (!r.ok) throw new CalendarFailure(r.error);
  return r.value;
}

export function commonWarnings(cal: WorkingCalendar, facts: HearingFacts): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  const dated: [PlannedDateKind, IsoDate | null][] = [
    ['notice', facts.noticeDate],
    ['hearing', facts.hearingDate],
    ['decision', facts.decisionDate],
    ['planned-decision', facts.decisionDate === null ? facts.plannedDecisionDate : null],
  ];
  for (const [what, date] of dated) {
    if (date !== null && !must(cal.isWorkingDay(date))) out.push({ code: 'not-working-day', what, date });
  }
  if (facts.noticeDate !== null && facts.preliminaryDate !== null && facts.noticeDate < facts.preliminaryDate) {
    out.push({ code: 'notice-before-preliminary', date: facts.noticeDate, preliminary: facts.preliminaryDate });
  }
  return out;
}

export function earliest(bounds: DecisionBound[], blockers: DecisionBlocker[]): EarliestDecision {
  let binding: DecisionBound | null = null;
  for (const b of bounds) if (binding === null || b.date > binding.date) binding = b;
  return { notBefore: binding?.date ?? null, binding, bounds, blockers };
}

export function decisionWarnings(
  facts: HearingFacts,
  early: EarliestDecision,
  termEnd: CitedDate | null,
  handOver: CitedDate | null,
  decision: IsoDate | null,
): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  if (decision === null) return out;
  if (facts.preliminaryDate !== null && early.binding !== null && decision < early.binding.date) {
    out.push({ code: 'decision-before-earliest', date: decision, earliest: early.binding.date, citation: early.binding.citation });
  }
  if (termEnd !== null && decision > termEnd.date) {
    out.push({ code: 'decision-after-term-end', date: decision, termEnd: termEnd.date, citation: termEnd.term.citation });
  } else if (handOver !== null && decision > handOver.date) {
    out.push({ code: 'decision-after-hand-over', date: decision, handOver: handOver.date, citation: handOver.term.citation });
  }
  return out;
}
