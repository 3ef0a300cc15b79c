/**
 * Provisioning after the check (para 28 of the Rules on special means of movement, 000 L669-675): the
 * recipient chooses the supplier and the mode of receipt (delivery or pick-up, L671); the supplier
 * accepts or refuses for want of stock within five working days of the order reaching it (L673); the
 * service is subject to return when, before actual receipt, the ОЖБ expires or the recipient dies or
 * leaves (L675). The supplier's lateness stays on the order: an answer recorded after the five working
 * days keeps its "late by N working days" mark, and the hand-over is measured against the deadline of
 * the contract made on the Portal (L673, second sentence).
 */
import { z } from 'zod';
import { addWorkingDays, workingDaysLeft, type CalendarError, type WorkingCalendar } from '../calendar';
import { parseIsoDate, toDayNumber } from '../calendar/isoDate';
import { handOverByContract } from '../rules/wheelchairs';
import { isoDate } from './dates';
import { err, ok, type Result } from '../result';
import type { CitedTerm, WheelchairRules } from '../rules';
import { BOUNDS, fieldErrors, type FieldErrors } from '../validation';
import {
  RECEIPT_MODES,
  RETURN_EVENTS,
  SUPPLIER_ANSWERS,
  type OrderContract,
  type OrderState,
  type RehabProgramme,
  type ReturnReason,
  type WheelchairOrder,
} from './types';

export const orderInput = z.object({
  programmeId: z.string().min(1, 'validation.required').max(BOUNDS.code, 'validation.tooLong'),
  checkId: z.string().max(BOUNDS.code, 'validation.tooLong').nullable(),
  wheelchairType: z.string().min(1, 'validation.required').max(BOUNDS.code, 'validation.tooLong'),
  orderDate: isoDate,
  supplier: z.string().trim().min(2, 'validation.required').max(200, 'validation.tooLong'),
  receiptMode: z.enum(RECEIPT_MODES, { message: 'validation.required' }),
});
export type OrderInput = z.input<typeof orderInput>;
export type OrderData = z.output<typeof orderInput>;

export const supplierAnswerInput = z.object({
  answer: z.enum(SUPPLIER_ANSWERS, { message: 'validation.required' }),
  date: isoDate,
});
export type SupplierAnswerInput = z.input<typeof supplierAnswerInput>;

/** The Portal contract: its date and the hand-over deadline it states (000 L673); the deadline is not before the contract. */
export const contractInput = z
  .object({ date: isoDate, handOverDue: isoDate })
  .refine((c) => c.handOverDue >= c.date, { path: ['handOverDue'], message: 'wheelchairs.errors.dueBeforeContract' });
export type ContractInput = z.input<typeof contractInput>;

export const orderEventInput = z.object({
  kind: z.enum(RETURN_EVENTS, { message: 'validation.required' }),
  date: isoDate,
  note: z.string().trim().max(500, 'validation.tooLong'),
});
export type OrderEventInput = z.input<typeof orderEventInput>;

export const dateInput = z.object({ date: isoDate });

export function parseInput<T>(schema: z.ZodType<T>, input: unknown): Result<T, FieldErrors> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(fieldErrors(parsed.error));
}

/** The last day of the supplier's answer: order date + N working days (the order day not counted). */
export function supplierResponseDue(
  rules: WheelchairRules,
  cal: WorkingCalendar,
  orderDate: string,
): Result<{ due: string; term: CitedTerm }, CalendarError> {
  const due = addWorkingDays(cal, orderDate, rules.supplierResponse.workingDays);
  if (!due.ok) return due;
  return ok({ due: due.value, term: rules.supplierResponse });
}

/**
 * How many working days an answer given on `answerDate` came after the last day `responseDue` (000 L673
 * "бес жұмыс күні ішінде"): 0 within the term; otherwise the working days in (due, answer], at least 1,
 * so an answer on a day off after the term is late too (the same count as the overdue badge).
 */
export function supplierAnswerLateness(cal: WorkingCalendar, responseDue: string, answerDate: string): Result<number, CalendarError> {
  if (answerDate <= responseDue) return ok(0);
  const left = workingDaysLeft(cal, answerDate, responseDue);
  return left.ok ? ok(-left.value) : left;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); both are valid ISO dates. */
function calendarDaysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return a && b ? toDayNumber(b) - toDayNumber(a) : 0;
}

/**
 * The hand-over against the contract's deadline (000 L673): calendar days left while awaited, and how
 * late it came (or how far past the deadline today is). The contract states a date, not a working-day
 * term, so the count is in calendar days.
 */
export function handOverTiming(
  contract: OrderContract | null,
  handOverDate: string | null,
  today: string,
): { daysLeft: number | null; lateBy: number | null } {
  if (contract === null) return { daysLeft: null, lateBy: null };
  if (handOverDate !== null) return { daysLeft: null, lateBy: Math.max(0, calendarDaysBetween(contract.handOverDue, handOverDate)) };
  const left = calendarDaysBetween(today, contract.handOverDue);
  return { daysLeft: left, lateBy: left < 0 ? -left : null };
}

/**
 * Why the order is subject to return: each recorded event dated before the hand-over (or while the
 * chair is not yet handed over), and the programme's expiry when it passed before hand-over (found from
 * the programme even when nobody recorded it). Sorted by date, then kind.
 */
export function returnReasons(
  order: Pick<WheelchairOrder, 'handOverDate' | 'events'>,
  programme: Pick<RehabProgramme, 'expiresOn'> | null,
  today: string,
): ReturnReason[] {
  const before = (date: string) => order.handOverDate === null || date < order.handOverDate;
  const reasons: ReturnReason[] = order.events
    .filter((e) => before(e.date) && e.date <= today)
    .map((e) => ({ kind: e.kind, date: e.date, derived: false }));
  if (programme && !reasons.some((r) => r.kind === 'programme-expired')) {
    // The programme is valid through expiresOn; it has expired on the next day.
    const lapsed = order.handOverDate === null ? today > programme.expiresOn : order.handOverDate > programme.expiresOn;
    if (lapsed) reasons.push({ kind: 'programme-expired', date: programme.expiresOn, derived: true });
  }
  return reasons.sort((a, b) => (a.date === b.date ? a.kind.localeCompare(b.kind) : a.date < b.date ? -1 : 1));
}

/** Where the order stands today, with the supplier's clock and any reason to return the service. */
export function orderState(
  rules: WheelchairRules,
  cal: WorkingCalendar,
  order: WheelchairOrder,
  programme: Pick<RehabProgramme, 'expiresOn'> | null,
  today: string,
): Result<OrderState, CalendarError> {
  const reasons = order.returnedOn === null ? returnReasons(order, programme, today) : [];
  let responseDaysLeft: number | null = null;
  if (order.supplierResponse === null && order.returnedOn === null) {
    const left = workingDaysLeft(cal, today, order.responseDue);
    if (!left.ok) return left;
    responseDaysLeft = left.value;
  }
  let answerLateBy: number | null = null;
  if (order.supplierResponse !== null) {
    const stored = order.supplierResponse.lateByWorkingDays;
    const late = stored === undefined ? supplierAnswerLateness(cal, order.responseDue, order.supplierResponse.date) : ok(stored);
    if (!late.ok) return late;
    answerLateBy = late.value;
  }
  const contract = order.contract ?? null;
  const awaitingHandOver = order.returnedOn === null && reasons.length === 0;
  const timing = handOverTiming(contract, order.handOverDate, today);
  const stage: OrderState['stage'] =
    order.returnedOn !== null
      ? 'returned'
      : order.supplierResponse?.answer === 'refused-out-of-stock'
        ? 'refused'
        : reasons.length > 0
          ? 'return-proposed'
          : order.handOverDate !== null
            ? 'handed-over'
            : order.supplierResponse?.answer === 'accepted'
              ? 'accepted'
              : 'awaiting-response';
  return ok({
    stage,
    responseDue: order.responseDue,
    responseTerm: rules.supplierResponse,
    responseDaysLeft,
    responseOverdue: responseDaysLeft !== null && responseDaysLeft < 0,
    answerLateBy,
    contract,
    handOverCitation: handOverByContract,
    handOverDaysLeft: awaitingHandOver ? timing.daysLeft : null,
    handOverLateBy: order.handOverDate !== null || awaitingHandOver ? timing.lateBy : null,
    returnReasons: reasons,
    returnCitation: rules.returnBeforeReceipt,
  });
}
