/**
 * The "decision date" variant: order amending Order 84, para 15 (004 L38-51). Social assistance has no
 * overall term in our sources (App. 2 of its rules is missing), so the officer sets the decision date
 * and the terms count back from it.
 */
import type { WorkingCalendar } from '../calendar';
import type { DecisionDateHearing, ServiceRule } from '../rules';
import { commonWarnings, countTerm, decisionWarnings, earliest, maxDate, must, serviceTermEnd, stateCorpHandOver } from './count';
import type { DateWindow, DecisionBlocker, DecisionBound, HearingFacts, HearingSchedule, ScheduleWarning } from './schedule-types';
import { ranOutEmpty, windowDecisionBound, windowStillOpenOn } from './windows';

type IsoDate = string;

function hearingWarnings(rule: DecisionDateHearing, facts: HearingFacts, objectionWindow: DateWindow | null): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  const { hearingDate, noticeDate } = facts;
  if (hearingDate !== null) {
    if (noticeDate !== null && hearingDate < noticeDate) {
      out.push({ code: 'hearing-before-notice', date: hearingDate, notice: noticeDate, citation: rule.noticeBeforeDecision.citation });
    }
    // Legal, but the applicant's two days to object (004 L43) start the day of the hearing: a soft warning.
    if (noticeDate !== null && hearingDate === noticeDate) {
      out.push({ code: 'hearing-on-notice-day', date: hearingDate, citation: rule.objectionAfterReceipt.citation });
    }
    if (objectionWindow !== null && hearingDate > objectionWindow.closes.date) {
      const latest = objectionWindow.closes.date;
      out.push({ code: 'hearing-after-objection-window', date: hearingDate, latest, citation: rule.objectionAfterReceipt.citation });
    }
  }
  if (facts.objection !== null && objectionWindow !== null && facts.objection.date > objectionWindow.closes.date) {
    const latest = objectionWindow.closes.date;
    out.push({ code: 'objection-late', date: facts.objection.date, latest, citation: rule.objectionAfterReceipt.citation });
  }
  return out;
}

/**
 * No minutes, no remarks window (004 L44, L46): minutes are kept only for an oral objection. They may
 * still come while an oral objection is possible: not once the applicant waived, did not come to the
 * hearing, objected in writing, or let the objection window run out with nothing received.
 */
function minutesPossible(facts: HearingFacts, objectionWindow: DateWindow | null): boolean {
  if (facts.minutesKept || facts.objection?.kind === 'oral') return true;
  if (facts.objection !== null || facts.waiverDate !== null || facts.hearingStatus === 'applicant-absent') return false;
  const asOf = facts.decisionDate ?? facts.asOf;
  return !(objectionWindow !== null && facts.noticeDate !== null && ranOutEmpty(objectionWindow.closes.date, null, null, asOf));
}

function remarksWindowOf(rule: DecisionDateHearing, cal: WorkingCalendar, facts: HearingFacts, objectionWindow: DateWindow | null) {
  if (facts.familiarisationDate !== null) {
    return {
      opens: facts.familiarisationDate,
      closes: must(countTerm(cal, rule.remarksAfterFamiliarisation, facts.familiarisationDate)),
    };
  }
  if (!minutesPossible(facts, objectionWindow)) return null;
  // The earliest the applicant can read minutes is the day of the hearing (or of the last day to object).
  const read = facts.hearingDate ?? facts.objection?.date ?? objectionWindow?.closes.date ?? null;
  return read === null ? null : { opens: read, closes: must(countTerm(cal, rule.remarksAfterFamiliarisation, read, true)) };
}

function pastDecisionWarnings(
  rule: DecisionDateHearing,
  facts: HearingFacts,
  objectionWindow: DateWindow | null,
  remarksWindow: DateWindow | null,
  reference: IsoDate | null,
): ScheduleWarning[] {
  const out: ScheduleWarning[] = [];
  // Only an unfavourable preliminary decision opens these windows (004 L38).
  if (reference === null || facts.preliminaryDate === null) return out;
  // A window closes at the end of its last day: a decision on that day is too early (windows.ts).
  if (
    objectionWindow !== null &&
    windowStillOpenOn(objectionWindow.closes.date, facts.objection?.date ?? null, facts.waiverDate, reference)
  ) {
    const citation = rule.objectionAfterReceipt.citation;
    out.push({ code: 'objection-window-past-decision', closes: objectionWindow.closes.date, decision: reference, citation });
  }
  const lastRemark = maxDate(facts.remarksDates);
  if (remarksWindow !== null && windowStillOpenOn(remarksWindow.closes.date, lastRemark, null, reference)) {
    out.push({
      code: 'remarks-window-past-decision',
      closes: remarksWindow.closes.date,
      decision: reference,
      potential: facts.familiarisationDate === null || !(facts.minutesKept || facts.objection?.kind === 'oral'),
      citation: rule.remarksAfterFamiliarisation.citation,
    });
  }
  if (facts.familiarisationDate !== null && remarksWindow !== null) {
    for (const d of facts.remarksDates) {
      if (d > remarksWindow.closes.date) {
        const latest = remarksWindow.closes.date;
        out.push({ code: 'remarks-late', date: d, latest, citation: rule.remarksAfterFamiliarisation.citation });
      }
    }
  }
  return out;
}

function decisionBounds(
  rule: DecisionDateHearing,
  cal: WorkingCalendar,
  facts: HearingFacts,
  objectionWindow: DateWindow | null,
  remarksWindow: DateWindow | null,
  anchor: IsoDate | null,
) {
  const bounds: DecisionBound[] = [];
  const blockers: DecisionBlocker[] = [];
  if (facts.preliminaryDate === null) blockers.push('no-preliminary');
  if (anchor === null) blockers.push('decision-date-missing');
  if (facts.noticeDate === null) blockers.push('notice-not-sent');
  else {
    const period = must(countTerm(cal, { ...rule.noticeBeforeDecision, direction: 'after' }, facts.noticeDate));
    bounds.push({ basis: 'notice-period', date: period.date, citation: rule.noticeBeforeDecision.citation });
    if (objectionWindow !== null) {
      const b = must(windowDecisionBound(cal, objectionWindow.closes.date, facts.objection?.date ?? null, facts.waiverDate));
      const basis = b.by === 'received' ? 'objection-received' : b.by === 'waived' ? 'waived' : 'objection-window';
      bounds.push({ basis, date: b.date, citation: rule.objectionAfterReceipt.citation });
    }
  }
  if (facts.minutesKept || facts.objection?.kind === 'oral') {
    const lastRemark = maxDate(facts.remarksDates);
    // "On the results of considering the remarks" (004 L47): the window holds the decision unless remarks came.
    if (lastRemark !== null) bounds.push({ basis: 'remarks-received', date: lastRemark, citation: rule.decisionCitation });
    else if (facts.familiarisationDate !== null && remarksWindow !== null) {
      const b = must(windowDecisionBound(cal, remarksWindow.closes.date, null, null));
      bounds.push({ basis: 'remarks-window', date: b.date, citation: rule.remarksAfterFamiliarisation.citation });
    } else blockers.push('familiarisation-pending');
  }
  return earliest(bounds, blockers);
}

export function decisionDateSchedule(
  service: ServiceRule,
  rule: DecisionDateHearing,
  cal: WorkingCalendar,
  facts: HearingFacts,
): HearingSchedule {
  const warnings = commonWarnings(cal, facts);
  const termEnd = must(serviceTermEnd(service, cal, facts.registrationDate, facts.channel));
  const handOver = must(stateCorpHandOver(service, cal, facts.channel, termEnd));
  const anchor = facts.plannedDecisionDate;
  const latestNotice = anchor === null ? null : must(countTerm(cal, rule.noticeBeforeDecision, anchor));

  const noticeBase = facts.noticeDate ?? latestNotice?.date ?? null;
  // 004 L43: the two days run from receipt of the preliminary decision (the text says "of the
  // objection", read as the preliminary decision; see the rule's interpretations).
  const receipt = facts.noticeReceivedDate ?? facts.noticeDate ?? latestNotice?.date ?? null;
  const receiptProjected = facts.noticeReceivedDate === null && facts.noticeDate === null;
  const objectionWindow: DateWindow | null =
    receipt === null ? null : { opens: receipt, closes: must(countTerm(cal, rule.objectionAfterReceipt, receipt, receiptProjected)) };
  // Product decision: an oral objection is expressed at the hearing, so the hearing belongs inside the
  // objection window; the seed sets no other hearing term (004 L39 "the provider sets the time and date").
  const hearingWindow: DateWindow | null =
    noticeBase === null || objectionWindow === null ? null : { opens: noticeBase, closes: objectionWindow.closes };

  if (facts.noticeDate !== null && latestNotice !== null && facts.noticeDate > latestNotice.date) {
    warnings.push({ code: 'notice-after-latest', date: facts.noticeDate, latest: latestNotice.date, citation: latestNotice.term.citation });
  }
  warnings.push(...hearingWarnings(rule, facts, objectionWindow));
  const minutesRequired = facts.objection?.kind === 'oral';
  if (minutesRequired && !facts.minutesKept) warnings.push({ code: 'minutes-required', citation: rule.minutesCitation });

  const remarksWindow = remarksWindowOf(rule, cal, facts, objectionWindow);
  warnings.push(...pastDecisionWarnings(rule, facts, objectionWindow, remarksWindow, facts.decisionDate ?? anchor));
  const early = decisionBounds(rule, cal, facts, objectionWindow, remarksWindow, anchor);
  warnings.push(...decisionWarnings(facts, early, termEnd, handOver, facts.decisionDate ?? anchor));

  return {
    variant: 'decision-date',
    termEnd,
    decisionAnchor: anchor,
    latestNotice,
    hearingWindow,
    objectionWindow,
    minutesRequired,
    remarksWindow,
    earliestDecision: early,
    hearingNeeded: 'yes',
    disagreementWindow: null,
    handOver,
    latestDecision: termEnd,
    warnings,
  };
}
