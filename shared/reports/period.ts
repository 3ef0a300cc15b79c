/** Report periods: a month, a quarter, a year or any range of calendar dates (inclusive). */
import { addCalendarDays, isIsoDate } from '../calendar';
import { err, ok, type Result } from '../result';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return addCalendarDays(next, -1) ?? next;
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: 'month', from: `${year}-${pad(month)}-01`, to: lastDayOfMonth(year, month) };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const first = (quarter - 1) * 3 + 1;
  return { kind: 'quarter', from: `${year}-${pad(first)}-01`, to: lastDayOfMonth(year, first + 2) };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
}

export type PeriodError = { code: 'invalid-date'; field: 'from' | 'to' } | { code: 'reversed' };

export function rangePeriod(from: string, to: string): Result<Period, PeriodError> {
  if (!isIsoDate(from)) return err({ code: 'invalid-date', field: 'from' });
  if (!isIsoDate(to)) return err({ code: 'invalid-date', field: 'to' });
  if (to < from) return err({ code: 'reversed' });
  return ok({ kind: 'range', from, to });
}

/** The months ('YYYY-MM') a period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const endKey = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= endKey) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** The day the figures speak for: the period's last day, or today while the period is still running. */
export function asOfDate(p: Period, today: string): string {
  return today < p.to ? today : p.to;
}
