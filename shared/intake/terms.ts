/**
 * Term tracking of an accepted placement package (guide §5, medical-social rules paras 5, 11-14, 17):
 * the overall term of 17 working days from registration (para 5, 001 L19; App. 3 row 3, L207) and
 * the steps as the source gives them: the social worker's assessment in 10 (para 12, L38), the
 * decision in 3 from the conclusion (para 13, L41), the portal notice in 2 from the decision (para 14,
 * L42). The steps add up to 15, not 17; the source leaves the remaining 2 days unassigned, so the
 * total and the steps are shown side by side and never derived from each other.
 */
import { addWorkingDays, workingDaysLeft, type CalendarError, type WorkingCalendar } from '../calendar';
import { addCalendarDays } from '../calendar/isoDate';
import { err, ok, type Result } from '../result';
import type { Bilingual, Citation, CitedTerm, ServiceRule, TermAnchor } from '../rules';
import { stateCorpHandOver as HAND_OVER, type ClauseReading } from '../rules/medical-card';
import type { IntakeChannel, IntakeProgress } from './types';

export type TermError = CalendarError | { code: 'no-term' } | { code: 'unsupported-anchor'; anchor: TermAnchor };

export type StepState = 'open' | 'met' | 'late' | 'not-applicable';

export interface TermStep {
  id: string;
  label: Bilingual;
  term: CitedTerm;
  /** The date the step counts from; `anchorActual` false = the previous step's due date (planned). */
  anchorDate: string;
  anchorActual: boolean;
  due: string;
  doneOn: string | null;
  state: StepState;
  /** Working days left while open (negative = overdue). */
  daysLeft: number | null;
}

export type TermFlag = 'overdue' | 'due-soon' | null;

export type TermStatus =
  | { kind: 'refused' }
  | { kind: 'open'; due: string; daysLeft: number; flag: TermFlag }
  | { kind: 'done'; due: string; doneOn: string; state: 'met' | 'late' }
  | { kind: 'hearing'; due: string; daysLeft: number; flag: TermFlag };

export interface IntakeTerms {
  registrationDate: string;
  total: { term: CitedTerm; due: string };
  steps: TermStep[];
  /** Sum of the steps' working days (15 for the shipped rules), shown next to the total (17). */
  stepsWorkingDays: number;
  notes: readonly Bilingual[];
  /**
   * State Corporation channel (issue 18 point 5; para 11, 001 L37; App. 3 item 3, L208): the provider
   * hands the result to the SC "one day before" the term ends. The source does not say working or
   * calendar day: both dates are given, `due` is the chosen reading (`readings`, `why`).
   */
  stateCorpHandOver: StateCorpHandOver | null;
  /** Unfavourable preliminary decision (para 17, L50): hearing notice at least N working days before the term ends. */
  hearing: { noticeBy: string; noticeTerm: CitedTerm; hearingTerm: CitedTerm; decisionOn: string; noticeTooLate: boolean } | null;
  status: TermStatus;
}

export interface StateCorpHandOver {
  /** The chosen reading's date (the working day before the term's last day). */
  due: string;
  /** Every reading with its date, the chosen one marked. */
  readings: (ClauseReading & { due: string })[];
  why: Bilingual;
  citations: Citation[];
}

/** The hand-over to the State Corporation "one day before" the term that ends on `termEnd`, in both readings. */
export function stateCorpHandOverOn(cal: WorkingCalendar, termEnd: string): Result<StateCorpHandOver, CalendarError> {
  const working = addWorkingDays(cal, termEnd, -1);
  if (!working.ok) return working;
  const calendar = addCalendarDays(termEnd, -1);
  if (calendar === undefined) return err({ code: 'invalid-date', date: termEnd });
  const readings = HAND_OVER.readings.map((r) => ({ ...r, due: r.id === 'working-day' ? working.value : calendar }));
  const chosen = readings.find((r) => r.chosen) ?? { due: working.value };
  return ok({ due: chosen.due, readings, why: HAND_OVER.why, citations: [HAND_OVER.citation, ...HAND_OVER.alsoIn] });
}

/** "Due within 1 working day", as for complaints (guide §4 product decision). */
export const DUE_SOON_WORKING_DAYS = 1;

/** Which recorded event completes a step (the ids of the shipped msi-placement steps). */
const STEP_EVENT: Record<string, keyof IntakeProgress> = {
  'needs-assessment': 'assessmentConclusionOn',
  decision: 'decisionOn',
  'portal-notice': 'portalNoticeOn',
};

const flagOf = (daysLeft: number): TermFlag => (daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_WORKING_DAYS ? 'due-soon' : null);

export interface TermInput {
  registrationDate: string;
  channel: IntakeChannel;
  progress: IntakeProgress;
  /** Refused at the counter (para 8): nothing was registered, no term runs. */
  refused: boolean;
}

export function intakeTerms(service: ServiceRule, cal: WorkingCalendar, input: TermInput, today: string): Result<IntakeTerms, TermError> {
  if (service.term === null) return err({ code: 'no-term' });
  const total = addWorkingDays(cal, input.registrationDate, service.term.workingDays);
  if (!total.ok) return total;
  const p = input.progress;
  const unfavourable = p.decisionKind === 'unfavourable';

  const steps: TermStep[] = [];
  for (const step of service.steps) {
    const previous = steps[steps.length - 1];
    let anchorDate: string;
    let anchorActual: boolean;
    switch (step.term.anchor) {
      case 'application-accepted':
      case 'documents-registration':
        anchorDate = input.registrationDate;
        anchorActual = true;
        break;
      case 'assessment-conclusion-received':
      case 'decision-issued':
      case 'decision-date': {
        const event = step.term.anchor === 'assessment-conclusion-received' ? p.assessmentConclusionOn : p.decisionOn;
        anchorActual = event !== '';
        anchorDate = event !== '' ? event : (previous?.due ?? input.registrationDate);
        break;
      }
      default:
        return err({ code: 'unsupported-anchor', anchor: step.term.anchor });
    }
    const due = addWorkingDays(cal, anchorDate, step.term.workingDays);
    if (!due.ok) return due;
    const eventField = STEP_EVENT[step.id];
    const doneOn = eventField !== undefined && p[eventField] !== '' ? p[eventField] : null;
    // Para 14 notifies only after a decision to provide the services; an unfavourable one goes to the hearing.
    const notApplicable = input.refused || (step.id === 'portal-notice' && unfavourable);
    let state: StepState;
    let daysLeft: number | null = null;
    if (notApplicable) state = 'not-applicable';
    else if (doneOn !== null) state = doneOn <= due.value ? 'met' : 'late';
    else {
      const left = workingDaysLeft(cal, today, due.value);
      if (!left.ok) return left;
      state = 'open';
      daysLeft = left.value;
    }
    steps.push({
      id: step.id,
      label: { kk: step.labelKk, ru: step.labelRu },
      term: step.term,
      anchorDate,
      anchorActual,
      due: due.value,
      doneOn,
      state,
      daysLeft,
    });
  }

  let stateCorpHandOver: IntakeTerms['stateCorpHandOver'] = null;
  if (input.channel === 'state-corporation' && !input.refused) {
    const h = stateCorpHandOverOn(cal, total.value);
    if (!h.ok) return h;
    stateCorpHandOver = h.value;
  }

  let hearing: IntakeTerms['hearing'] = null;
  if (unfavourable && p.decisionOn !== '' && service.hearing.kind === 'service-term') {
    const h = service.hearing;
    const noticeBy = addWorkingDays(cal, total.value, -h.noticeBeforeTermEnd.workingDays);
    if (!noticeBy.ok) return noticeBy;
    hearing = {
      noticeBy: noticeBy.value,
      noticeTerm: h.noticeBeforeTermEnd,
      hearingTerm: h.hearingAfterNotice,
      decisionOn: p.decisionOn,
      noticeTooLate: p.decisionOn > noticeBy.value,
    };
  }

  let status: TermStatus;
  if (input.refused) status = { kind: 'refused' };
  else if (p.portalNoticeOn !== '' && !unfavourable) {
    status = { kind: 'done', due: total.value, doneOn: p.portalNoticeOn, state: p.portalNoticeOn <= total.value ? 'met' : 'late' };
  } else {
    const left = workingDaysLeft(cal, today, total.value);
    if (!left.ok) return left;
    status = { kind: unfavourable ? 'hearing' : 'open', due: total.value, daysLeft: left.value, flag: flagOf(left.value) };
  }

  return ok({
    registrationDate: input.registrationDate,
    total: { term: service.term, due: total.value },
    steps,
    stepsWorkingDays: service.steps.reduce((sum, s) => sum + s.term.workingDays, 0),
    notes: service.notes,
    stateCorpHandOver,
    hearing,
    status,
  });
}
