/**
 * Monthly series for the report charts (issue 17 point 4), from the same records and terms as the
 * figures: complaints received vs decided per month, the share decided on time, and the overdue trend
 * (complaints open past their review term at each month's end, among those received by then).
 */
import type { WorkingCalendar } from '../calendar';
import { complaintDueDates } from '../complaints';
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
