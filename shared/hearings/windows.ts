/**
 * One rule for every window the applicant has (objection: 2 working days from receipt, 004 L43;
 * remarks: 3 working days after reading the minutes, 004 L46-47; Order 458 disagreement, 000 L47 with
 * ӘРПК Art. 73(3)): a window closes at the END of its last day. Until something is received, the
 * earliest decision is the working day after the window closes, since a decision on the last day could
 * precede an objection or remark filed later that day. A received objection or remark, or a written
 * waiver, closes the window early: the decision may then follow from that day.
 */
import { addWorkingDays, type CalendarError, type WorkingCalendar } from '../calendar';
import { ok, type Result } from '../result';

type IsoDate = string;

export interface WindowBound {
  /** The earliest day a decision may follow the window. */
  readonly date: IsoDate;
  readonly by: 'received' | 'waived' | 'window-end';
}

/** The earliest decision date a window allows (004 L43, L46-47): see the module comment. */
export function windowDecisionBound(
  cal: WorkingCalendar,
  closes: IsoDate,
  received: IsoDate | null,
  waived: IsoDate | null,
): Result<WindowBound, CalendarError> {
  if (received !== null) return ok({ date: received, by: 'received' });
  if (waived !== null) return ok({ date: waived, by: 'waived' });
  const next = addWorkingDays(cal, closes, 1);
  return next.ok ? ok({ date: next.value, by: 'window-end' }) : next;
}

/**
 * True once the window ran out with nothing received and no waiver: `asOf` (today, or the decision
 * day) is after its last day (004 L43: nothing can be received any more within the term).
 */
export function ranOutEmpty(closes: IsoDate, received: IsoDate | null, waived: IsoDate | null, asOf: IsoDate | null): boolean {
  return received === null && waived === null && asOf !== null && asOf > closes;
}

/** True when a decision on `decision` would come before the window is over (decision on or before the last day). */
export function windowStillOpenOn(closes: IsoDate, received: IsoDate | null, waived: IsoDate | null, decision: IsoDate): boolean {
  return received === null && waived === null && decision <= closes;
}
