/**
 * Term arithmetic of the right to be heard (guide §5), for both rule-set variants. Pure: the rule,
 * a working calendar and the dates known so far (recorded or planned) in, every computed date with
 * the term (and so the clause) it came from out, plus warnings for planned dates that break a term.
 * The variants live in service-term.ts (Order 458, medical-social rules) and decision-date.ts (order
 * amending Order 84); every applicant's window follows windows.ts.
 */
import type { CalendarError, WorkingCalendar } from '../calendar';
import { err, ok, type Result } from '../result';
import type { ServiceRule } from '../rules';
import { CalendarFailure } from './count';
import { decisionDateSchedule } from './decision-date';
import type { EarliestDecision, HearingFacts, HearingSchedule } from './schedule-types';
import { serviceTermSchedule } from './service-term';
import type { DecisionOutcome } from './types';

export * from './schedule-types';
export { countTerm, serviceTerm, serviceTermEnd, stateCorpHandOver } from './count';
export { stepDates, type StepDate } from './steps';
export { ranOutEmpty, windowDecisionBound, type WindowBound } from './windows';

type IsoDate = string;

export function hearingSchedule(service: ServiceRule, cal: WorkingCalendar, facts: HearingFacts): Result<HearingSchedule, CalendarError> {
  try {
    return ok(
      service.hearing.kind === 'service-term'
        ? serviceTermSchedule(service, service.hearing, cal, facts)
        : decisionDateSchedule(service, service.hearing, cal, facts),
    );
  } catch (e: unknown) {
    if (e instanceof CalendarFailure) return err(e.error);
    throw e;
  }
}

export interface DecisionCheck {
  /** A refusal before its earliest allowed date (or before the hearing steps are done): needs a reason. */
  readonly early: boolean;
  readonly late: boolean;
  readonly earliest: EarliestDecision;
}

/**
 * Whether a decision may be recorded on `date` without a stated reason. The right to be heard guards
 * unfavourable decisions only (000 L47 "preliminary decision", 004 L38 "grounds for refusal"), so a
 * grant is never early; a refusal is early before the earliest allowed date or while a step that the
 * date depends on (preliminary decision, notice, hearing, reading of the minutes) is missing. Under
 * Order 458 a refusal with no disagreement (waived, or the time ran out) needs neither (000 L47).
 */
export function checkDecision(schedule: HearingSchedule, outcome: DecisionOutcome, date: IsoDate): DecisionCheck {
  const e = schedule.earliestDecision;
  const early = outcome === 'refused' && (e.blockers.length > 0 || (e.notBefore !== null && date < e.notBefore));
  const late = schedule.latestDecision !== null && date > schedule.latestDecision.date;
  return { early, late, earliest: e };
}
