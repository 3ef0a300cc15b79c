/**
 * Monthly series for the report charts (issue 17 point 4), from the same records and terms as the
 * figures. Unlike the figures (the period's cohort: complaints received in it), each series counts
 * events by the month they happened in, whenever the complaint was received:
 * - received: complaints received in the month (seed 000 L67);
 * - decided: complaints whose decision is dated in the month, received in it or before; decided on
 *   time when the decision date is not after the review term's last day (5 working days from
 *   registration, 15 for the quality-control body: seed 000 L79, L81; a term ends with its last day);
 * - overdue at the month's end: complaints received by then whose review term (000 L79, L81) ended
 *   before that day and that had neither a decision nor a withdrawal on it (for the running month: on
 *   the as-of day). A complaint open past its term counts at every month end until it is closed: this
 *   is the backlog the overdue-trend chart shows.
 * The caller passes every complaint that can touch the period (renderer reports repository:
 * the period's cohort, the earlier ones decided in it and the earlier ones still open); voided
 * complaints (issue 16 pt 2) are skipped.
 */
import type { WorkingCalendar } from '../calendar';
import { complaintDueDates } from '../complaints';
import { isVoided } from '../records/envelope';
import type { RuleSet } from '../rules';
import { memoCalendar, ruleSetFor, type ComplaintFacts } from './figures';
import { monthsOf, type Period } from './period';

export interface MonthPoint {
  /** 'YYYY-MM'. */
  month: string;
  received: number;
  decided: number;
  decidedOnTime: number;
  /** decidedOnTime / decided, 0-100 rounded to one decimal; null when nothing was decided. */
  onTimePercent: number | null;
  /** Open past the review term on the month's last day (or the as-of day for the running month). */
  overdueAtEnd: number;
}

const monthEnd = (month: string, periodTo: string, today: string): string => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const end = `${month}-${String(last).padStart(2, '0')}`;
  return [end, periodTo, today].sort()[0] ?? end;
};

export function complaintSeries(
  period: Period,
  today: string,
  calendar: WorkingCalendar,
  ruleSets: readonly RuleSet[],
  complaints: readonly ComplaintFacts[],
): MonthPoint[] {
  const cal = memoCalendar(calendar);
  const months = monthsOf(period);
  const points = new Map<string, MonthPoint>(
    months.map((month) => [month, { month, received: 0, decided: 0, decidedOnTime: 0, onTimePercent: null, overdueAtEnd: 0 }]),
  );
  const ends = months.map((m) => ({ month: m, end: monthEnd(m, period.to, today) }));
  const dueCache = new Map<string, string | null>();
  for (const c of complaints) {
    if (isVoided(c)) continue;
    const key = `${c.ruleSetId}|${c.registrationDate}|${c.addressee}`;
    let reviewDue = dueCache.get(key);
    if (reviewDue === undefined) {
      const rs = ruleSetFor(ruleSets, c.ruleSetId, c.registrationDate);
      const due = rs ? complaintDueDates(rs.complaints, cal, c) : null;
      reviewDue = due?.ok ? due.value.reviewDue : null;
      dueCache.set(key, reviewDue);
    }
    const received = points.get(c.receiptDate.slice(0, 7));
    if (received && c.receiptDate >= period.from && c.receiptDate <= period.to) received.received += 1;
    const decision = c.decision;
    if (decision && decision.date >= period.from && decision.date <= period.to) {
      const p = points.get(decision.date.slice(0, 7));
      if (p) {
        p.decided += 1;
        if (reviewDue !== null && decision.date <= reviewDue) p.decidedOnTime += 1;
      }
    }
    if (reviewDue === null) continue;
    const closedOn = decision?.date ?? c.withdrawal?.date ?? null;
    for (const { month, end } of ends) {
      if (c.receiptDate > end || reviewDue >= end) continue;
      if (closedOn !== null && closedOn <= end) continue;
      const p = points.get(month);
      if (p) p.overdueAtEnd += 1;
    }
  }
  for (const p of points.values()) p.onTimePercent = p.decided === 0 ? null : Math.round((p.decidedOnTime / p.decided) * 1000) / 10;
  return months.map((m) => points.get(m)).filter((p): p is MonthPoint => p !== undefined);
}
