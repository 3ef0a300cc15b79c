import { describe, expect, it } from 'vitest';
import { complaintSeries, monthsOf, quarterPeriod, rangePeriod, yearPeriod } from '@shared/reports';
import { shippedRuleSets } from '@shared/rules';
import { calendar, caseload, OFFICE_A, plusWorkingDays, TODAY } from './truth';

const data = caseload(31, OFFICE_A);
// A head voids some complaints registered by mistake (issue 16 pt 2): they count in no month.
data.complaints.forEach((c, i) => {
  if (i % 17 === 16) c.voided = { at: `${TODAY}T12:00:00.000Z`, by: 'Басшы', reason: 'Қате тіркелген' };
});

describe('periods', () => {
  it('quarters and years end on their last day; a range is checked', () => {
    expect(quarterPeriod(2026, 1)).toEqual({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31' });
    expect(quarterPeriod(2024, 1).to).toBe('2024-03-31');
    expect(monthsOf(yearPeriod(2026))).toHaveLength(12);
    expect(rangePeriod('2026-05-02', '2026-05-01')).toEqual({ ok: false, error: { code: 'reversed' } });
    expect(rangePeriod('2026-02-30', '2026-05-01')).toEqual({ ok: false, error: { code: 'invalid-date', field: 'from' } });
  });
});

describe('complaint series per month against known truth', () => {
  it('received, decided, decided on time and overdue at each month end', () => {
    const p = yearPeriod(2026);
    const points = complaintSeries(p, TODAY, calendar, shippedRuleSets, data.complaints);
    expect(points.map((x) => x.month)).toEqual(monthsOf(p));
    for (const point of points) {
      const inMonth = (d: string) => d.startsWith(point.month);
      const last = new Date(Date.UTC(Number(point.month.slice(0, 4)), Number(point.month.slice(5, 7)), 0)).toISOString().slice(0, 10);
      const end = last < TODAY ? last : TODAY;
      let received = 0;
      let decided = 0;
      let onTime = 0;
      let overdue = 0;
      for (const c of data.complaints) {
        if (c.voided !== undefined) continue;
        const due = plusWorkingDays(c.registrationDate, c.addressee === 'quality-control-body' ? 15 : 5);
        if (inMonth(c.receiptDate)) received += 1;
        if (c.decision && inMonth(c.decision.date)) {
          decided += 1;
          if (c.decision.date <= due) onTime += 1;
        }
        const closed = c.decision?.date ?? c.withdrawal?.date ?? null;
        if (c.receiptDate <= end && due < end && (closed === null || closed > end)) overdue += 1;
      }
      expect(point, point.month).toMatchObject({ received, decided, decidedOnTime: onTime, overdueAtEnd: overdue });
      expect(point.onTimePercent).toBe(decided === 0 ? null : Math.round((onTime / decided) * 1000) / 10);
    }
    expect(points.reduce((n, x) => n + x.received, 0)).toBeGreaterThan(0);
    // Not vacuous: many complaints are decided in a later month than they were received in, and some voided ones would count.
    const crossMonth = data.complaints.filter((c) => c.decision && c.decision.date.slice(0, 7) !== c.receiptDate.slice(0, 7));
    expect(crossMonth.length).toBeGreaterThan(10);
    expect(data.complaints.some((c) => c.voided !== undefined && c.decision?.date.startsWith('2026'))).toBe(true);
    expect(points.some((x) => x.overdueAtEnd > 0)).toBe(true);
  });
});
