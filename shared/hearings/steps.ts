/**
 * Due dates of a service's internal steps (medical-social placement 10 / 3 / 2 inside 17, 001 L38-42;
 * social-assistance hand-offs, 004 L32-36, L51).
 */
import type { CalendarError, WorkingCalendar } from '../calendar';
import { ok, type Result } from '../result';
import type { ServiceRule, ServiceStep } from '../rules';
import { countTerm } from './count';
import type { CitedDate } from './schedule-types';

type IsoDate = string;

export interface StepDate {
  readonly step: ServiceStep;
  /** Null when the step's anchor event has no date yet and cannot be projected. */
  readonly due: CitedDate | null;
  readonly done: IsoDate | null;
  readonly late: boolean;
}

/**
 * Due dates of the service's internal steps. A step anchored on the previous step's result
 * (assessment conclusion, documents received) counts from that step's completion, or from its due
 * date while it is open (projected). The steps need not add up to the overall term (001: 10 + 3 + 2
 * inside 17 working days).
 */
export function stepDates(
  service: ServiceRule,
  cal: WorkingCalendar,
  input: {
    registrationDate: IsoDate;
    stepsDone: Readonly<Record<string, IsoDate>>;
    decisionDate: IsoDate | null;
    /** Used, as a projection, while no decision is recorded. */
    plannedDecisionDate?: IsoDate | null;
  },
): Result<StepDate[], CalendarError> {
  const out: StepDate[] = [];
  let previous: { date: IsoDate; projected: boolean } | null = null;
  for (const step of service.steps) {
    let from: { date: IsoDate; projected: boolean } | null;
    switch (step.term.anchor) {
      case 'application-accepted':
      case 'documents-registration':
      case 'proactive-consent-received':
        from = { date: input.registrationDate, projected: false };
        break;
      case 'decision-issued':
      case 'decision-date': {
        const decided = input.decisionDate ?? input.stepsDone['decision'] ?? null;
        const planned = input.plannedDecisionDate ?? null;
        from = decided !== null ? { date: decided, projected: false } : planned !== null ? { date: planned, projected: true } : previous;
        break;
      }
      case 'assessment-conclusion-received':
        from = previous;
        break;
      default:
        // Documents coming back from another body (precinct commission, akim): no date to count from
        // until the officer knows it, and the previous step's date would be a different event.
        from = null;
    }
    let due: CitedDate | null = null;
    if (from !== null) {
      const r = countTerm(cal, step.term, from.date, from.projected);
      if (!r.ok) return r;
      due = r.value;
    }
    const done = input.stepsDone[step.id] ?? null;
    out.push({ step, due, done, late: due !== null && done !== null && done > due.date });
    previous = done !== null ? { date: done, projected: false } : due !== null ? { date: due.date, projected: true } : null;
  }
  return ok(out);
}
