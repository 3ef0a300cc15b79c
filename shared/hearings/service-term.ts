/**
 * The "service term" variant of the right to be heard: Order 458 (000 L47-49 and the same clauses in
 * each service) and medical-social rules para 17 (001 L49-51). The notice goes out at least 3 working
 * days before the service term ends, the hearing follows within 2 working days of the notice, the
 * decision is taken on the results of the hearing and within the service term.
 */
import type { WorkingCalendar } from '../calendar';
import type { ServiceRule, ServiceTermHearing } from '../rules';
import { commonWarnings, countTerm, decisionWarnings, earliest, must, serviceTermEnd, stateCorpHandOver } from './count';
import type { DateWindow, DecisionBlocker, DecisionBound, HearingFacts, HearingSchedule, ScheduleWarning } from './schedule-types';
import { ranOutEmpty, windowDecisionBound } from './windows';

/**
 * Order 458 (000 L47): the hearing follows the applicant's disagreement. Without one — they said so
 * (waiver) or their time ran out with nothing received — a refusal needs no hearing. The medical-social
 * rules hold it on the negative decision itself (001 L49): always needed.
 */
function disagreement(
  rule: ServiceTermHearing,
  cal: WorkingCalendar,
  facts: HearingFacts,
): { needed: HearingSchedule['hearingNeeded']; window: DateWindow | null; bound: DecisionBound | null } {
  if (rule.triggeredBy !== 'disagreement' || facts.preliminaryDate === null) return { needed: 'yes', window: null, bound: null };
  const term = rule.disagreementTerm ?? null;
  const from = facts.preliminaryReceivedDate ?? facts.preliminaryDate;
  const window: DateWindow | null =
    term === null ? null : { opens: from, closes: must(countTerm(cal, term, from, facts.preliminaryReceivedDate === null)) };
  // A notice already sent means the officer is hearing the applicant: the hearing path applies.
  if (facts.disagreementDate !== null || facts.noticeDate !== null) return { needed: 'yes', window, bound: null };
  const citation = term?.citation ?? rule.trigger.citation;
  if (window === null) {
    return facts.waiverDate === null
      ? { needed: 'pending', window, bound: null }
      : { needed: 'no', window, bound: { basis: 'waived', date: facts.waiverDate, citation } };
  }
  const b = must(windowDecisionBound(cal, window.closes.date, null, facts.waiverDate));
  const bound: DecisionBound = { basis: b.by === 'waived' ? 'waived' : 'disagreement-window', date: b.date, citation };
  const over = facts.waiverDate !== null || ranOutEmpty(window.closes.date, null, null, facts.decisionDate ?? facts.asOf);
  return { needed: over ? 'no' : 'pending', window, bound };
}

function hearingWarnings(rule: ServiceTermHearing, facts: HearingFacts, hearingWindow: DateWindow | null): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  if (facts.hearingDate === null || hearingWindow === null) return out;
  const citation = rule.hearingAfterNotice.citation;
  if (facts.noticeDate !== null && facts.hearingDate < facts.noticeDate) {
    out.push({ code: 'hearing-before-notice', date: facts.hearingDate, notice: facts.noticeDate, citation });
  }
  // 000 L49 allows the hearing on the day of the notice; it leaves the applicant no time: a soft warning.
  if (facts.noticeDate !== null && facts.hearingDate === facts.noticeDate) {
    out.push({ code: 'hearing-on-notice-day', date: facts.hearingDate, citation });
  }
  if (facts.hearingDate > hearingWindow.closes.date) {
    out.push({ code: 'hearing-after-window', date: facts.hearingDate, latest: hearingWindow.closes.date, citation });
  }
  return out;
}

export function serviceTermSchedule(
  service: ServiceRule,
  rule: ServiceTermHearing,
  cal: WorkingCalendar,
  facts: HearingFacts,
): HearingSchedule {
  const warnings = commonWarnings(cal, facts);
  const termEnd = must(serviceTermEnd(service, cal, facts.registrationDate, facts.channel));
  const handOver = must(stateCorpHandOver(service, cal, facts.channel, termEnd));
  // Without a service term in the rule set the officer's planned decision date is the only anchor.
  const anchor = termEnd?.date ?? facts.plannedDecisionDate;
  const latestNotice = anchor === null ? null : must(countTerm(cal, rule.noticeBeforeTermEnd, anchor));

  const noticeBase = facts.noticeDate ?? latestNotice?.date ?? null;
  const hearingWindow: DateWindow | null =
    noticeBase === null
      ? null
      : { opens: noticeBase, closes: must(countTerm(cal, rule.hearingAfterNotice, noticeBase, facts.noticeDate === null)) };

  if (facts.noticeDate !== null && latestNotice !== null && facts.noticeDate > latestNotice.date) {
    warnings.push({ code: 'notice-after-latest', date: facts.noticeDate, latest: latestNotice.date, citation: latestNotice.term.citation });
  }
  warnings.push(...hearingWarnings(rule, facts, hearingWindow));

  const d = disagreement(rule, cal, facts);
  const bounds: DecisionBound[] = [];
  const blockers: DecisionBlocker[] = [];
  if (facts.preliminaryDate === null) blockers.push('no-preliminary');
  if (anchor === null) blockers.push('decision-date-missing');
  if (d.needed !== 'yes') {
    if (d.bound !== null) bounds.push(d.bound);
    else if (d.needed === 'pending') blockers.push('disagreement-pending');
  } else if (facts.noticeDate === null) blockers.push('notice-not-sent');
  else if (facts.hearingDate !== null) {
    // The outcome is given "on the results of the hearing" (001 L51), so not before the hearing day.
    bounds.push({ basis: 'hearing-date', date: facts.hearingDate, citation: rule.outcomesCitation ?? rule.hearingAfterNotice.citation });
  } else if (hearingWindow !== null) {
    blockers.push('hearing-not-scheduled');
    bounds.push({ basis: 'hearing-window', date: hearingWindow.closes.date, citation: rule.hearingAfterNotice.citation });
  }
  const early = earliest(bounds, blockers);
  warnings.push(...decisionWarnings(facts, early, termEnd, handOver, facts.decisionDate));

  return {
    variant: 'service-term',
    termEnd,
    decisionAnchor: termEnd === null ? facts.plannedDecisionDate : null,
    latestNotice,
    hearingWindow,
    objectionWindow: null,
    minutesRequired: false,
    // Order 458 and the medical-social rules give no remarks term; none is invented.
    remarksWindow: null,
    earliestDecision: early,
    hearingNeeded: d.needed,
    disagreementWindow: d.window,
    handOver,
    latestDecision: termEnd,
    warnings,
  };
}
