/**
 * Wheelchair checks, individual rehabilitation programmes (ОЖБ) and orders. Every write goes through
 * `runWrite` (one transaction with its audit entry; a refusal writes nothing). A check is a new record
 * every time and is never changed afterwards (the case history keeps every check as it was made).
 */
import type { Case } from '@shared/cases';
import { createWorkingCalendar, type CalendarError } from '@shared/calendar';
import type { Person } from '@shared/persons';
import { ruleSetInForce, type RuleSet } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import {
  checkWheelchairs,
  contractInput,
  dateInput,
  orderEventInput,
  orderInput,
  programmeValidity,
  returnReasons,
  supplierAnswerInput,
  supplierAnswerLateness,
  supplierResponseDue,
  validateProfile,
  validateProgramme,
  type BlockingResult,
  type ContractInput,
  type FunctionalProfileInput,
  type OrderEventInput,
  type OrderInput,
  type ProgrammeInput,
  type ProgrammeValidity,
  type RehabProgramme,
  type ReturnReason,
  type SupplierAnswerInput,
  type WheelchairCheck,
  type WheelchairOrder,
} from '@shared/wheelchair';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import {
  getOrRefuse,
  insertRecord,
  invalid,
  parseInput,
  refuse,
  runWrite,
  updateRecord,
  type WriteError,
  type WriteResult,
} from '../../db/write';

export const checksTable = (db: QamqorDb) => db.table<WheelchairCheck, string>('wheelchairChecks');
export const programmesTable = (db: QamqorDb) => db.table<RehabProgramme, string>('rehabProgrammes');
export const ordersTable = (db: QamqorDb) => db.table<WheelchairOrder, string>('wheelchairOrders');

/** The refusals of this feature beyond the common invalid / not-found / forbidden. */
type WheelchairRefusal =
  | { code: 'case-not-found' }
  | { code: 'person-not-found' }
  | { code: 'programme-not-found' }
  | { code: 'no-rule-set' }
  | { code: 'duplicate-number' }
  | { code: 'blocked'; blocking: BlockingResult[] }
  | { code: 'programme-not-valid'; validity: ProgrammeValidity }
  | { code: 'type-not-in-programme' }
  | { code: 'calendar'; error: CalendarError }
  | { code: 'already-answered' }
  | { code: 'not-accepted' }
  | { code: 'no-contract' }
  | { code: 'already-handed-over' }
  | { code: 'order-closed' }
  | { code: 'return-due'; reasons: ReturnReason[] }
  | { code: 'no-return-reason' };

export type WheelchairWriteError = WriteError<WheelchairRefusal>;
type Written<T> = Promise<WriteResult<T, WheelchairRefusal>>;

const stop = (error: WheelchairRefusal): never => refuse(error);

/** Guide §1: a case keeps the rule set in force on its registration date. */
async function ruleSetOfCase(db: QamqorDb, c: Case): Promise<RuleSet | undefined> {
  const stored = await db.ruleSets.get(c.ruleSetId);
  if (stored) return stored;
  const inForce = ruleSetInForce(await db.ruleSets.toArray(), c.registrationDate);
  return inForce.ok ? inForce.value : undefined;
}

interface CaseContext {
  kase: Case;
  person: Person;
  ruleSet: RuleSet;
}

type CaseLookup = { ok: true; value: CaseContext } | { ok: false; error: WheelchairRefusal };

async function lookUpCase(db: QamqorDb, caseId: string): Promise<CaseLookup> {
  const kase = await db.cases.get(caseId);
  if (!kase) return { ok: false, error: { code: 'case-not-found' } };
  const person = await db.persons.get(kase.personId);
  if (!person) return { ok: false, error: { code: 'person-not-found' } };
  const ruleSet = await ruleSetOfCase(db, kase);
  if (!ruleSet) return { ok: false, error: { code: 'no-rule-set' } };
  return { ok: true, value: { kase, person, ruleSet } };
}

/** Inside `runWrite`: the case, its person and rule set, or leaves with the missing one. */
async function loadCase(db: QamqorDb, caseId: string): Promise<CaseContext> {
  const found = await lookUpCase(db, caseId);
  return found.ok ? found.value : stop(found.error);
}

/** Everything the case page shows, read in one go (a live read: Dexie only). */
export interface CaseFile extends CaseContext {
  programmes: RehabProgramme[];
  checks: WheelchairCheck[];
  orders: WheelchairOrder[];
}

export async function loadCaseFile(db: QamqorDb, caseId: string): Promise<CaseFile | null> {
  const base = await lookUpCase(db, caseId);
  if (!base.ok) return null;
  const programmes = await programmesOfCase(db, caseId);
  const checks = await checksOfCase(db, caseId);
  const orders = await ordersOfCase(db, caseId);
  return { ...base.value, programmes, checks, orders };
}

// ---------------------------------------------------------------------------------------------
// Programmes

export async function programmesOfCase(db: QamqorDb, caseId: string): Promise<RehabProgramme[]> {
  const rows = await programmesTable(db).where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) => (a.issuedOn === b.issuedOn ? b.createdAt.localeCompare(a.createdAt) : b.issuedOn.localeCompare(a.issuedOn)));
}

export function addProgramme(db: QamqorDb, ctx: WriteContext, caseId: string, input: ProgrammeInput): Written<RehabProgramme> {
  const table = programmesTable(db);
  return runWrite(db, [table, db.cases, db.persons, db.ruleSets], async () => {
    const { person, ruleSet } = await loadCase(db, caseId);
    const data = validateProgramme(ruleSet.wheelchairs, input);
    if (!data.ok) return refuse({ code: 'invalid', errors: data.error });
    const sameNumber = await table
      .where('number')
      .equals(data.value.number)
      .filter((p) => p.personId === person.id)
      .first();
    if (sameNumber) return stop({ code: 'duplicate-number' });
    return insertRecord(db, ctx, table, { caseId, personId: person.id, ...data.value });
  });
}

// ---------------------------------------------------------------------------------------------
// Checks

export interface CheckRequest {
  checkDate: string;
  programmeId: string | null;
  profile: FunctionalProfileInput;
}

/**
 * Records a new check. The birth date comes from the person's IIN, never from the form; the rule set
 * is the case's; a programme whose validity does not cover the check date blocks the check.
 */
export function recordCheck(db: QamqorDb, ctx: WriteContext, caseId: string, request: CheckRequest): Written<WheelchairCheck> {
  const checks = checksTable(db);
  const programmes = programmesTable(db);
  return runWrite(db, [checks, programmes, db.cases, db.persons, db.ruleSets], async () => {
    const { person, ruleSet } = await loadCase(db, caseId);
    const errors: FieldErrors = {};
    const date = dateInput.safeParse({ date: request.checkDate });
    if (!date.success) errors.checkDate = 'validation.date';
    else if (request.checkDate < person.birthDate) errors.checkDate = 'wheelchairs.errors.beforeBirth';
    const profile = validateProfile(ruleSet.wheelchairs, { ...request.profile, birthDate: person.birthDate });
    if (!profile.ok) Object.assign(errors, profile.error);
    if (Object.keys(errors).length > 0 || !profile.ok) return refuse({ code: 'invalid', errors });

    let programme: RehabProgramme | undefined;
    if (request.programmeId !== null) {
      programme = await programmes.get(request.programmeId);
      if (!programme || programme.caseId !== caseId) return stop({ code: 'programme-not-found' });
    }
    const result = checkWheelchairs(ruleSet.wheelchairs, profile.value, request.checkDate, programme ?? null);
    if (result.blocking.length > 0) return stop({ code: 'blocked', blocking: result.blocking });
    return insertRecord(db, ctx, checks, {
      caseId,
      personId: person.id,
      // The moment of recording orders the case history; insertRecord stamps the same clock.
      checkedAt: ctx.now(),
      checkDate: request.checkDate,
      ruleSetId: ruleSet.id,
      programmeId: programme?.id ?? null,
      profile: profile.value,
      result,
    });
  });
}

export async function checksOfCase(db: QamqorDb, caseId: string): Promise<WheelchairCheck[]> {
  const rows = await checksTable(db).where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) => b.checkedAt.localeCompare(a.checkedAt));
}

export function getCheck(db: QamqorDb, id: string): Promise<WheelchairCheck | undefined> {
  return checksTable(db).get(id);
}

export interface RecentCheck {
  check: WheelchairCheck;
  person: Person | undefined;
  kase: Case | undefined;
}

export async function recentChecks(db: QamqorDb, limit = 50): Promise<RecentCheck[]> {
  const rows = await checksTable(db).orderBy('checkedAt').reverse().limit(limit).toArray();
  const persons = await db.persons.bulkGet([...new Set(rows.map((r) => r.personId))]);
  const cases = await db.cases.bulkGet([...new Set(rows.map((r) => r.caseId))]);
  const personById = new Map(persons.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
  const caseById = new Map(cases.filter((c): c is Case => c !== undefined).map((c) => [c.id, c]));
  return rows.map((check) => ({ check, person: personById.get(check.personId), kase: caseById.get(check.caseId) }));
}

/** A printed check result goes into the audit trail. */
// ---------------------------------------------------------------------------------------------
// Orders

export async function ordersOfCase(db: QamqorDb, caseId: string): Promise<WheelchairOrder[]> {
  const rows = await ordersTable(db).where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) =>
    a.orderDate === b.orderDate ? b.createdAt.localeCompare(a.createdAt) : b.orderDate.localeCompare(a.orderDate),
  );
}

export function addOrder(db: QamqorDb, ctx: WriteContext, caseId: string, input: OrderInput): Written<WheelchairOrder> {
  const orders = ordersTable(db);
  const programmes = programmesTable(db);
  return runWrite(db, [orders, programmes, db.cases, db.persons, db.ruleSets, db.calendarYears], async () => {
    const data = parseInput(orderInput, input);
    const { person, ruleSet } = await loadCase(db, caseId);
    const programme = await programmes.get(data.programmeId);
    if (!programme || programme.caseId !== caseId) return stop({ code: 'programme-not-found' });
    const validity = programmeValidity(programme, data.orderDate);
    if (validity !== 'valid') return stop({ code: 'programme-not-valid', validity });
    if (!programme.wheelchairTypes.includes(data.wheelchairType)) return stop({ code: 'type-not-in-programme' });
    const cal = createWorkingCalendar(await db.calendarYears.toArray());
    const due = supplierResponseDue(ruleSet.wheelchairs, cal, data.orderDate);
    if (!due.ok) return stop({ code: 'calendar', error: due.error });
    return insertRecord(db, ctx, orders, {
      caseId,
      personId: person.id,
      programmeId: programme.id,
      checkId: data.checkId,
      wheelchairType: data.wheelchairType,
      orderDate: data.orderDate,
      supplier: data.supplier,
      receiptMode: data.receiptMode,
      ruleSetId: ruleSet.id,
      responseDue: due.value.due,
      supplierResponse: null,
      contract: null,
      handOverDate: null,
      events: [],
      returnedOn: null,
    });
  });
}

/** Inside `runWrite`: an order that is still open, or leaves with `not-found` / `order-closed`. */
async function openOrder(db: QamqorDb, orderId: string): Promise<WheelchairOrder> {
  const order = await getOrRefuse(ordersTable(db), orderId);
  return order.returnedOn === null ? order : stop({ code: 'order-closed' });
}

function notBeforeOrder(order: WheelchairOrder, date: string, field = 'date'): void {
  if (date < order.orderDate) invalid(field, 'wheelchairs.errors.beforeOrder');
}

/**
 * Records the supplier's acceptance or refusal (000 L673). An answer dated after the five working days
 * keeps its lateness in working days on the order, counted with the calendar of the day it is recorded.
 */
export function recordSupplierAnswer(
  db: QamqorDb,
  ctx: WriteContext,
  orderId: string,
  input: SupplierAnswerInput,
): Written<WheelchairOrder> {
  const orders = ordersTable(db);
  return runWrite(db, [orders, db.calendarYears], async () => {
    const answer = parseInput(supplierAnswerInput, input);
    const order = await openOrder(db, orderId);
    if (order.supplierResponse !== null) return stop({ code: 'already-answered' });
    notBeforeOrder(order, answer.date);
    const cal = createWorkingCalendar(await db.calendarYears.toArray());
    const late = supplierAnswerLateness(cal, order.responseDue, answer.date);
    if (!late.ok) return stop({ code: 'calendar', error: late.error });
    return updateRecord(db, ctx, orders, order, { supplierResponse: { ...answer, lateByWorkingDays: late.value } });
  });
}

/**
 * Records the contract made on the Portal after acceptance: its date and the hand-over deadline it
 * states (000 L673). It may be corrected until the hand-over is recorded.
 */
export function recordContract(db: QamqorDb, ctx: WriteContext, orderId: string, input: ContractInput): Written<WheelchairOrder> {
  const orders = ordersTable(db);
  return runWrite(db, [orders], async () => {
    const contract = parseInput(contractInput, input);
    const order = await openOrder(db, orderId);
    if (order.supplierResponse?.answer !== 'accepted') return stop({ code: 'not-accepted' });
    if (order.handOverDate !== null) return stop({ code: 'already-handed-over' });
    if (contract.date < order.supplierResponse.date) invalid('date', 'wheelchairs.errors.contractBeforeAnswer');
    return updateRecord(db, ctx, orders, order, { contract });
  });
}

/**
 * Records the hand-over (actual receipt) under the Portal contract. Refused when before that date the
 * programme expired or the recipient died or left: the service is then subject to return (para 28,
 * 000 L675). A hand-over after the contract's deadline is recorded and flagged late.
 */
export function recordHandOver(db: QamqorDb, ctx: WriteContext, orderId: string, date: string): Written<WheelchairOrder> {
  const orders = ordersTable(db);
  const programmes = programmesTable(db);
  return runWrite(db, [orders, programmes], async () => {
    parseInput(dateInput, { date });
    const order = await openOrder(db, orderId);
    if (order.handOverDate !== null) return stop({ code: 'already-handed-over' });
    if (order.supplierResponse?.answer !== 'accepted') return stop({ code: 'not-accepted' });
    notBeforeOrder(order, date);
    if (date < order.supplierResponse.date) invalid('date', 'wheelchairs.errors.beforeAnswer');
    const programme = await programmes.get(order.programmeId);
    const reasons = returnReasons({ ...order, handOverDate: date }, programme ?? null, date);
    if (reasons.length > 0) return stop({ code: 'return-due', reasons });
    if (!order.contract) return stop({ code: 'no-contract' });
    if (date < order.contract.date) invalid('date', 'wheelchairs.errors.beforeContract');
    return updateRecord(db, ctx, orders, order, { handOverDate: date });
  });
}

export function recordOrderEvent(db: QamqorDb, ctx: WriteContext, orderId: string, input: OrderEventInput): Written<WheelchairOrder> {
  const orders = ordersTable(db);
  return runWrite(db, [orders], async () => {
    const data = parseInput(orderEventInput, input);
    const order = await openOrder(db, orderId);
    notBeforeOrder(order, data.date);
    const event = { ...data, recordedAt: ctx.now(), recordedBy: ctx.actor.officerName };
    return updateRecord(db, ctx, orders, order, { events: [...order.events, event] });
  });
}

/** Records the return; only when a reason to return exists on that date. */
export function recordReturn(db: QamqorDb, ctx: WriteContext, orderId: string, date: string): Written<WheelchairOrder> {
  const orders = ordersTable(db);
  const programmes = programmesTable(db);
  return runWrite(db, [orders, programmes], async () => {
    parseInput(dateInput, { date });
    const order = await openOrder(db, orderId);
    notBeforeOrder(order, date);
    const programme = await programmes.get(order.programmeId);
    if (returnReasons(order, programme ?? null, date).length === 0) return stop({ code: 'no-return-reason' });
    return updateRecord(db, ctx, orders, order, { returnedOn: date });
  });
}
